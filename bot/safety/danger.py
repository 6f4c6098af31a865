"""The danger check: does a message say that someone is in danger right now?

One check for every path (outside a session, every kind of question, the
history prompt, workshops), so the promise "if a child is in immediate danger
it says so first" does not depend on where the practitioner happens to be.

It reads every clause, not just every sentence: people type an urgent fact in
the middle of a long reflective message ("... liam rang, he's at the bridge
tonight, anyway can you send me some reading"). Each sentence is split into
clauses (commas, brackets, "and", "then", "but", "so"), and each clause, each
run of neighbouring clauses and the whole sentence is weighed on its own; the
most urgent reading wins. It runs before any parsing of a structured answer
("no - he's there now and kicking off" is danger first and "no" second).
A message told flatly, a fact to a short sentence ("Connor hurt Lily. He shook her. She is 8 month. She is crying
different now.", as people with a learning disability often write), is also read three short sentences at a time, as
the clauses of one, except where one of them says it is over, comforts, asks "what if" or is framed as the past or an
exercise; read so, the classifier alone gives the urgent reply only when sure (FLAT_CLEAR_SCORE) or when the margin
agrees, and the margin alone does not ask (it has read each sentence with its neighbours already).
Words typed as they sound ("tuk tablits", "to nite", "screamin") are first put back into the standard spelling
the phrases and guards are written in (bot/safety/spelling.py, lists in knowledge/urgent_help.yml); an exercise
named only to deny it ("Not a role-play, this is real: ...") is read as "this is real", and a weekday said to be
today ("on Fridays. It's Friday.") as today (bot/safety/danger_guards.py).
Two signals:

- the phrase list in knowledge/urgent_help.yml: readable patterns for what
  must never be missed, by kind (violence, FGM and forced marriage with travel
  soon, suicide plans, a baby's medical signs, children alone or locked in,
  hazards with no capable adult, offenders arriving, exploitation tonight, a
  disclosure before home time). A match counts unless its own clauses negate
  it, or set it in the past or a "what if" with no sign of now
  (bot/safety/danger_guards.py); "sorted", "all safe now", "an order is already in
  place" elsewhere in the sentence turn it into the short check;
- a small classifier trained on knowledge/danger_sentences.yml: word and
  character n-grams, logistic regression, trained when first used (under a
  second, deterministic) from the text shipped with the code, so nothing is
  downloaded. Every clause of a calm example is taught as calm too, because
  clauses are read on their own. A clause's score is lowered one level by a
  negation or comfort in it and one by the past or "if"; a run of clauses is
  doubted as much as its most doubtful clause, so "in october" in one clause
  is not undone by "now" in the next (the clause that says now is read alone).

A third signal is a safety margin (bot/safety/danger_concepts.py): a sentence that
names a child, with a harm, medical sign, hazard, exploitation or absence of
care in a clause that says nothing of the past, habit, talk, practice or it
being over, gets at least the check, because a missed check is far worse
than an extra one. By itself it never gives the urgent reply; when the
classifier also leans to danger (at least AGREED_SCORE, more likely than
not, in some clause or run of clauses) and nothing lowers the sentence, the
two signals agree and that is clear danger. Measured on nine development
sets, this gave the urgent reply first to 1 to 7 more urgent messages in a
hundred, for at most one more urgent reply on a hundred reflective ones.

The sentences either side can frame a sentence: a scene told in the present
that the next sentence places in the past or the record ("... the kids are
watching - that was the incident in May that led to the plan") is read as
the past it is, and a sentence beside an exercise ("Scenario for the
training day: ...") goes one level down, as a "what if" does. Neither holds
when the sentence or its neighbours say it is still going on ("just now").

The guards, the margin's concepts and the thresholds were chosen looking at
eleven development sets in tests/danger/ (each set's misses studied for
their kind of failure, never copied into training). Eight of them
(final.yml, second.yml to eighth.yml) were each held out until one
measurement, then had their kinds of miss fixed; the README gives those
honest figures. The thresholds were chosen leave-one-set-out over the six
sets before fourth.yml (December 2026): for each set, the pair that gave
the most urgent replies first on the other five with no urgent message
getting neither, few checks and fewer urgent replies on their reflective
sentences. Four of the six choices were urgent at 0.70 and the check at 0.60
(the others 0.70 and 0.65, 0.65 and 0.60). A later sweep over nine sets
(urgent 0.60 to 0.80, the check 0.55 to 0.65, agreement 0.40 to 0.60) kept
them: a lower urgent threshold gave a few more urgent replies first for as
many more on reflective sentences, and a higher check threshold fewer checks
for less room before an urgent message gets neither. Reading a
1,000-character message costs about 20 ms of processor time, 20,000 about
350 ms (scripts/danger_report.py measures it).

Clear danger gets the urgent reply at once. Possible danger (the classifier
unsure) gets one short check: "Is a child in danger right now?".
"""
from __future__ import annotations

import itertools
import re
import threading
from dataclasses import dataclass
from functools import partial
from pathlib import Path
from typing import Dict, Iterator, List, Mapping, Optional, Sequence, Tuple

import regex
from pydantic import BaseModel, validator

from bot.config import Settings
from bot.reading import model_cache
from bot.reading.ngram_model import NgramModel, NgramSettings

from . import danger_guards as G
from .danger_concepts import (ARRIVING, COLLECTS_NOW, CUTTING, DISCLOSED, HOME_TODAY, MARRIAGE, OFFENDER_NAMED,
                              SHARED_LAUGHTER, SOON, THREAT_TO_KILL, TRAVEL, UNDER_18, WEDDING,
                              margin, names_harm,
                              now_unresolved, settled, told_of)
from .spelling import Spelling, vocabulary

CLEAR, POSSIBLE = "clear", "possible"

# Probability from the classifier at or above which a sentence is clear danger,
# and at or above which it is worth one short check.
CLEAR_SCORE = 0.70
POSSIBLE_SCORE = 0.60
PART_POSSIBLE_SCORE = 0.60  # the same for a clause or run of clauses, read apart from its sentence
# Two signals that agree are clear danger: the safety margin (a child, a harm, nothing saying it is over) and the
# classifier leaning to danger (more likely than not) in some clause or run of clauses of the sentence
AGREED_SCORE = 0.50
DOUBTED_POSSIBLE_SCORE = 0.80  # the same for a reading lowered one level (comfort, the past or 'if')
RESOLVED_REACH = 1  # a sign that it is over counts for a danger phrase only this many clauses either side of it
APART_REACH = 2  # and for a confident reading of a long sentence's clauses, this many (DangerCheck._apart)
RUN_FLOOR = 0.20  # a run of clauses is read only when one of them scores at least this on its own
PART_MIN_WORDS_FOR_CLEAR = 5  # a clause read apart from its sentence needs more words than this to alarm
MIN_WORDS_FOR_SCORE = 3  # fewer words: phrases only; exactly this many: at most the short check
MAX_SCANNED_CHARACTERS = 20_000  # the longest message taken (see channels/rest.py)
MAX_SENTENCE_CHARACTERS = 600
SHORT_MESSAGE_WORDS = 12  # a message of this many words or fewer, typed in fragments, is also read as one sentence
# A yes/no or number answer typed before the message ("no - ...", "3, ..."): not counted in its length
_ANSWER_FIRST = re.compile(r"^\W*(yes|no|yeah|yep|nope|\d{1,3})\s*[-,:;.]\s*", re.IGNORECASE)
FRAGMENT_WORDS = 4  # a sentence of this many words or fewer can only repeat ("The school pick up. Him.")
DETAIL_WORDS = 6  # this short, a sentence can add a detail ("Red marks on his neck.") or say when ("Eid is Friday.")

# "i.e." and "e.g." end no sentence: what follows says the same thing again ("coming home for Christmas, i.e. today")
# or gives an example of it ("What are the signs of county lines, e.g. city kids turning up at caravans?")
_SENTENCE_BREAK = re.compile(r"(?:(?<![iI]\.[eE])(?<![eE]\.[gG])[.!?;]+(?=\s|$)|\n+|\s[-–—]+\s|\s*\|\s*)")
# Punctuation said aloud to voice typing: "he's down now comma paramedics checked him full stop"
_SPOKEN = re.compile(r"\s+(comma|full stop|fullstop)\b", re.IGNORECASE)
_APOSTROPHES = str.maketrans({"\u2019": "'", "\u2018": "'", "`": "'"})
# A house number ("at no. 7", "No.14") ends no sentence: the number is where the child is
_HOUSE_NUMBER = re.compile(r"\b(no)\.\s*(?=\d)", re.IGNORECASE)
# An aside between two dashes ("his brother - the one who assaulted the girls - to come and stay") is part of its
# sentence: read as a clause, not as a sentence of its own that has lost who it is about.
_ASIDE = re.compile(r"\s[-–—]+\s([^-–—.!?;\n]{1,60}?)\s[-–—]+\s")


class DangerSentences(BaseModel):
    """knowledge/danger_sentences.yml: groups of example sentences on each side."""

    urgent: Dict[str, List[str]]
    not_urgent: Dict[str, List[str]]

    class Config:
        extra = "forbid"

    @validator("urgent", "not_urgent")
    def enough_examples(cls, groups):
        if sum(len(v) for v in groups.values()) < 20:
            raise ValueError("needs at least 20 example sentences")
        for group, sentences in groups.items():
            if not all(isinstance(s, str) and s.strip() for s in sentences):
                raise ValueError(f"group '{group}': every example must be a non-empty sentence")
        return groups

    def examples(self) -> Tuple[List[str], List[int]]:
        texts, labels = [], []
        for label, groups in ((1, self.urgent), (0, self.not_urgent)):
            for sentences in groups.values():
                texts += sentences
                labels += [label] * len(sentences)
        return texts, labels


@dataclass(frozen=True)
class DangerReading:
    """What the check found in one message: the level and the sentence that raised it."""

    level: Optional[str] = None  # CLEAR, POSSIBLE or None
    sentence: str = ""
    score: float = 0.0
    phrase: bool = False

    @property
    def clear(self) -> bool:
        return self.level == CLEAR

    @property
    def possible(self) -> bool:
        return self.level == POSSIBLE

    def __bool__(self) -> bool:
        return self.level is not None


def sentences(text: str) -> List[str]:
    """The sentences of a message, each read on its own (bounded in number and length)."""
    text = (text or "")[:MAX_SCANNED_CHARACTERS].translate(_APOSTROPHES)
    text = _SPOKEN.sub(lambda m: "," if m.group(1).lower() == "comma" else ".", text)  # dictated punctuation
    text = _ASIDE.sub(lambda m: f", {m.group(1)}, ", text)
    text = _HOUSE_NUMBER.sub(r"\1 ", text)
    parts = [p.strip(" ,") for p in _SENTENCE_BREAK.split(text)]
    found: List[str] = []
    for part in parts:
        while len(part) > MAX_SENTENCE_CHARACTERS:  # run-on text: read it in overlapping pieces
            cut = part.rfind(" ", 0, MAX_SENTENCE_CHARACTERS) if " " in part[:MAX_SENTENCE_CHARACTERS] else -1
            cut = cut if cut > 0 else MAX_SENTENCE_CHARACTERS
            found.append(part[:cut])
            part = part[max(cut - 80, 1):].strip()
        if re.search(r"\w", part):
            found.append(part)
    return found


class DangerCheck:
    """Reads a message for danger now. Build it once (see `danger_check`) and share it."""

    def __init__(self, phrases: Sequence[str], examples: DangerSentences, kept_in: Optional[Path] = None,
                 spellings: Optional[Mapping[str, Sequence[str]]] = None, dropped_g_kept: Sequence[str] = ()):
        # People often leave out apostrophes ("isnt", "wont"): an apostrophe in a phrase may be missing.
        # Each compiled on its own: one long alternation is read several times more slowly. Compiled by the
        # `regex` package (Rasa's own dependency), which finds the same matches as `re` on every sentence of
        # the training and test sets and reads these patterns about 2.6 times faster.
        self.phrases = [regex.compile(rf"\b(?:{p})\b".replace("['’]", "['’]?"), regex.IGNORECASE) for p in phrases]
        texts, labels = training_texts(examples)
        self._model = model_cache.trained(texts, labels, settings=SETTINGS, directory=kept_in)
        # words typed as they sound are read in standard spelling (bot/safety/spelling.py)
        self.spelling = Spelling(spellings or {}, vocabulary(texts), dropped_g_kept)

    def scores(self, texts: Sequence[str]) -> List[float]:
        """The classifier's probability of danger now, for each text (the same as predict_proba)."""
        return [self._model.probabilities(text)[1] for text in texts]

    def phrase_counts(self, sentence: str) -> bool:
        """A danger phrase found, and not undone in its own clauses by negation, past time or 'if'."""
        return self._phrase(sentence) is not None

    def _phrase(self, sentence: str) -> Optional[str]:
        """The clauses around the first danger phrase that counts (None if none counts)."""
        return next(self._spans(sentence), None)

    def _spans(self, sentence: str) -> Iterator[str]:
        """The clauses around each danger phrase that counts, in the order of the phrase list (read lazily: most
        sentences need only the first, or none)."""
        sentence = G.without_idioms(sentence)
        for phrase in self.phrases:
            for match in phrase.finditer(sentence):
                if not G.undone(sentence, match.start(), match.end()):
                    yield G.span_of(sentence, match.start(), match.end())

    def read(self, text: str) -> DangerReading:
        """The most urgent reading over the message's sentences, their clauses and runs of clauses."""
        # an answer typed in front ("3, if a child discloses ...", "no, he's ...") is the question's, not the
        # message's: read without it, every pattern that reads a sentence from its start ("if ...", "what if ...")
        # reads it as typed alone
        text = G.today_named(G.said_to_be_real(self.spelling.standard(_ANSWER_FIRST.sub("", text or "", count=1))))
        best = DangerReading()
        every = G.labelled_quotes(sentences(text))
        frames: List[int] = []
        for number, sentence in enumerate(every):
            # the sentences either side are context for the margin: "X disclosed ... last night; he goes home at
            # 3", "Darren's popping round tonight. He's the one convicted over the baby's fractures."
            context = " ".join(every[max(number - 1, 0):number] + every[number + 1:number + 2])
            # and they can frame it: a scene told in the present that the next sentence places in the past or the
            # record ("... the kids are watching - that was the incident in May") or settles ("... at risk of being
            # taken abroad - FMPO in place, she's with a foster carer tonight"), or a training scenario
            following = every[number + 1] if number + 1 < len(every) else ""
            framed = G.framed(sentence, following, context,
                              settled_after=partial(_settles, following, bool(G.LEFT_ALONE.search(sentence))),
                              previous=every[number - 1] if number else "")
            frames.append(framed)
            for reading in self._readings(sentence, context, framed, text) + \
                    self._told_then(sentence, every[number + 1:number + 4]):
                if _margin_only(reading) and self._settled_later(every[number + 1:number + 1 + SETTLED_REACH]):
                    continue  # asked by the margin alone, and a later sentence tells it is over or met
                best = _more_urgent(best, reading)
                if best.clear and best.phrase:
                    return best
        for window in _told_flatly(every, frames, text):
            # a message told flatly, a fact to a short sentence ("Connor hurt Lily. He shook her. She is 8 month. She is
            # crying different now."): neighbouring short sentences are read together, as the clauses of one
            joined = ", ".join(window)
            for reading in self._readings(joined, message=text):
                if reading.possible and not reading.phrase and reading.score < POSSIBLE_SCORE:
                    continue  # the margin alone asks of each sentence with its neighbours already, not of a run
                if reading.clear and not reading.phrase and reading.score < FLAT_CLEAR_SCORE and \
                        not margin(joined, "", text):
                    # the classifier alone, on sentences it was not trained to read together, only asks
                    reading = DangerReading(POSSIBLE, reading.sentence, reading.score)
                best = _more_urgent(best, reading)
                if best.clear:
                    return best
        if 1 < len(every) and len(_ANSWER_FIRST.sub("", text).split()) <= SHORT_MESSAGE_WORDS:
            # A message of a few words typed in fragments ("she said stepdad touches her. pickup 3.15") is one
            # thought: it is read whole as well, as one sentence, with every guard. An answer typed in front of
            # it ("no - ", "3, ") does not make it longer.
            for reading in self._readings(", ".join(every), message=text):
                best = _more_urgent(best, reading)
        return best

    def _settled_later(self, after: Sequence[str]) -> bool:
        """A later sentence tells help in hand or that it is over ("anon ref about a baby with a 'burn' on its leg -
        checked with GP and HV, it's a birthmark. Mistaken, NFA"), and none before it says now or holds a danger
        phrase ("... one incident where Mason (5) was found wandering. The neighbour rang ... to say mum is collapsed
        on the landing ...")."""
        for later in after:
            if _settles(later):
                return True
            if (G.NOW.search(later) and now_unresolved(G.without_idioms(later))) or self.phrase_counts(later):
                return False
        return False

    def _told_then(self, sentence: str, after: Sequence[str]) -> List[DangerReading]:
        """Two sentences the phrases read as one, with every guard, when one tells what the other needs. Only for
        these pairs, so the phrases' reach never runs across other sentences:
        - a disclosure and the person collecting in the next sentence ("... disclosed to TA that stepdad touches
          her. Stepdad collecting today at 15:15."), or in the one after when the sentence between names no harm
          ("... Mum works nights. Stepdad collects at 3:15.");
        - someone arriving soon and who he is in the next sentence, after any fragments that only repeat ("mum's
          moving her new partner in this afternoon. Checks came back with two convictions for sexual offences
          against children."; "... do the school pick up today. The school pick up. Him. The one who broke Ava's
          arm"): read who he is first, as the phrases for an offender arriving are written; or who he is first and
          his arrival next ("non-mol breached - ex has text mum 'on my way see you in 20'");
        - a wedding today and the young person's age under 18 in the next ("wedding is at 4. im 16");
        - a marriage arranged and the travel, or when it is, soon in the next ("'she'll be wed before the fair, it's
          all sorted' - fair is this weekend"); travel soon and what it is for in the next ("leaving tonight. older
          sister was cut out there last year"), or what it is for first ("fgm risk - family flying out 4pm today");
        - a collection today and a threat to kill the children told in the next ("... can collect them at 4pm
          today. Last week he said he'd 'finish the lot of them'.");
        - a disclosure, and a collection by the one told of said as what happens ("boyfriend collects him"), or
          going home told first ("i have to go back now or ill get it worse. he hit me with the belt again")."""
        found: List[DangerReading] = []
        if after and MARRIAGE.search(sentence) and (G.NOW.search(after[0]) or SOON.search(after[0])) and \
                (TRAVEL.search(after[0]) or len(after[0].split()) <= DETAIL_WORDS or
                 _SAYS_WHEN.search(after[0])):
            found += self._as_one(sentence, after[0])
        if after and WEDDING.search(sentence) and G.NOW.search(sentence) and UNDER_18.search(after[0]):
            found += self._as_one(sentence, after[0])  # "the wedding is at 2. im not 18 til june"
        if after and TRAVEL.search(sentence) and G.NOW.search(sentence) and CUTTING.search(after[0]) and \
                not G.resolved(sentence):
            found += self._as_one(sentence, after[0])
        if after and CUTTING.search(sentence) and TRAVEL.search(after[0]) and G.NOW.search(after[0]) and \
                not G.resolved(after[0]):
            found += self._as_one(sentence, after[0])  # what it is, then the travel: "fgm risk - family flying out 4pm"
        who = next((told for told in after if len(told.split()) > FRAGMENT_WORDS or OFFENDER_NAMED.search(told)), "")
        if who and OFFENDER_NAMED.search(who) and _arriving_now(sentence):
            found += self._as_one(who, sentence)
        if after and OFFENDER_NAMED.search(sentence) and _arriving_now(after[0]):
            found += self._as_one(sentence, after[0])
        if after and COLLECTS_NOW.search(sentence) and THREAT_TO_KILL.search(after[0]):
            # a collection today, then why: "... can collect them at 4pm today. Last week he said he'd 'finish the
            # lot of them'."
            found += self._as_one(after[0], sentence)
        if after and _arriving_now(sentence) and DISCLOSED.search(after[0]):
            # going home first, then why: "i have to go back now or ill get it worse. he hit me with the belt again"
            found += self._as_one(after[0], sentence)
        if not DISCLOSED.search(sentence):
            return found  # the common case, decided before anything else is read
        # (the sentence between may name no harm, or only add a detail of it: "Mark on his arm.")
        pairs = list(after[:1]) + (list(after[1:2]) if after and (not names_harm(after[0]) or
                                                                 len(after[0].split()) <= DETAIL_WORDS) else [])
        for following in pairs:
            if ARRIVING.search(following) and G.NOW.search(following):
                found += self._as_one(sentence, following)
            elif HOME_TODAY.search(following):
                found += self._as_one(sentence, f"{following} today")  # said as what happens: today's
        return found

    def _as_one(self, first: str, second: str) -> List[DangerReading]:
        """The phrases' readings of two sentences read as one."""
        return [reading for reading in self._readings(f"{first}, {second}") if reading.phrase]

    def _readings(self, sentence: str, context: str = "", framed: int = 0, message: str = "") -> List[DangerReading]:
        if framed >= G.RECOUNTED:
            return []  # a scene the next sentence places in the past or the record
        spans = self._spans(sentence)
        span = next(spans, None)
        # "what if ..." at the start governs every clause after it: at most the check (unless it says now); so does
        # an exercise set in the sentences either side. A worker's own reflection ("cumulative harm", "in
        # supervision") governs the words near it: a long message can reflect, then pass on news.
        # (a clock time inside a "what if" is the scenario's: "what if a kid discloses at 3:25 and school shuts at
        # 3:30")
        opening = G.WHAT_IF_OPENING.search(sentence)
        not_now = not (G.NOW.search(G.CLOCK.sub(" ", sentence) if opening else sentence) and
                       not G.COUNTERFACTUAL.search(sentence))
        what_if = (bool(opening) and not_now) or bool(framed)
        reflects = not_now and bool(G.REFLECTING.search(sentence))
        plain = G.without_idioms(sentence)
        if span is not None:  # a phrase for danger now: clear, unless the message says it is over
            # Near the danger, or anywhere when the danger is told in the past tense ("the baby was floppy on
            # friday, ..., discharged"): in a long message "HV says weight is fine" is about something else.
            # A phrase whose help is in hand does not hide another in the same sentence that is not ("her passport
            # has been taken and she leaves for Bangladesh on Thursday to be married").
            for found in itertools.chain([span], spans):
                near = G.around(plain, found, RESOLVED_REACH, before=0)
                # "locked them in during lockdown"; a discovery or a way in forced is told in the past: "found her with
                # a ligature but she's ok, removed", "fire crew broke in for the kids left alone but they're out"
                # (or dated, as a chronology dates an entry: "kids found home alone 12/10, ..., s47 NFA")
                told_past = G.PAST_TENSE.search(found) or G.PAST.search(sentence) or _DISCOVERED.search(found) or \
                    _DATED.search(found)
                # (help told before the harm, and the harm told in the present after it, is the last episode's:
                # "newborn, discharged yesterday w/ NAS watch, m using again, baby high pitched crying and shaking")
                if not (G.resolved(near) or (told_past and G.resolved(sentence) and
                                             not _helped_before(sentence, found, told_past))):
                    at = max(sentence.find(found), 0)
                    asked = what_if or (reflects and G.near(G.REFLECTING, sentence, at, at + len(found)))
                    return [DangerReading(POSSIBLE if asked else CLEAR, sentence, 1.0, True)]
            # Over elsewhere in the sentence, or over but "now" too: ask. Unless the whole sentence is settled (help
            # in hand, nothing after it saying now or naming a new harm) and the phrase itself says nothing of now:
            # then the classifier reads it as it reads any settled sentence ("the kids were home alone but the
            # neighbour has them now and mum's been found").
            settled_whole = G.resolved(plain) and settled(plain) and not now_unresolved(plain)
            # ("the baby who was fitting is in PICU now": its "now" is the help's, the harm says who; so does the phrase
            # in "the 15yo who said she was going country tonight is at the police station": its "tonight" is hers)
            if (_now_beyond_help(span) and told_of(span) == span and not _says_who(plain, span)) or \
                    not (settled_whole or G.resolved(span)):
                return [DangerReading(POSSIBLE, sentence, 1.0, True)]
        if G.OWN_STEP.search(plain) and not names_harm(plain):
            return []  # the worker's own next step, no harm named: "Do I need to do anything tonight?"
        parts = self._parts(plain)
        lean = max((part.score for part in parts), default=0.0)
        if lean < min(POSSIBLE_SCORE, PART_POSSIBLE_SCORE, AGREED_SCORE):
            # no reading the score could raise (comfort and the past only lower them): only the margin can ask.
            # Most sentences end here, without reading them for comfort or time, which keeps long messages cheap.
            # (nor a worker's own reflection with nothing in it saying now: "I was proud of how I handled the FGM
            # conversation")
            return [DangerReading(POSSIBLE, sentence, 0.0)] if not framed and not reflects and \
                margin(sentence, context, message) else []
        over_here = G.resolved(plain)  # read once: it decides both what follows and how far readings go down
        comforted = over_here or G.reassured(plain)
        # In a long sentence, a sign that it is over governs the clauses near it: a confident reading told in the
        # present far from it is read on its own ("one about a missing charger (resolved), ..., and one from a
        # 10 year old saying his mum's been on the bathroom floor since midnight, there's blood")
        apart = [part for part in parts if comforted and self._apart(plain, part)]
        if over_here and not now_unresolved(plain) and settled(plain):
            # over, and nothing says now except where it is over ("the kids are with the police now"), nor a "but"
            # after it: the score alone cannot raise it
            if not apart:
                return []
            parts = apart
        # over, comforted, teaching, or a "what if" that governs every clause ("what if mum relapses and she's on
        # her own with the baby"): every reading of the sentence goes one level down. Words of teaching or admin
        # ("the duty rota got changed") govern the clauses near them, not a confident reading told in the present
        # far along a long run-on message ("... and Jess (15) messaged an hour ago, she's got the pills lined up").
        # a practice question set as a counterfactual ("Suppose a dad was turning up drunk tonight") is teaching
        taught = bool(G.TEACHING.search(plain) or G.COUNTERFACTUAL.search(sentence))
        # and an exercise named before a colon ("Table top session for the DSLs: '...'") sets the whole sentence
        exercise = 2 if taught and G.EXERCISE_LABEL.search(sentence) else 1
        governs = taught or what_if or reflects
        # a sentence that says when it was in a clause of its own ("Dad locking the kids in the flat ... was the
        # incident that led to the first plan back in 2017"), or opens in the past, for a reading told in the past
        # tense ("mum was arrested ..., her boys are at home on their own" is not), with nothing still going on now
        then = G.told_as_then(plain)
        # (or names a time long gone: "In the past, two years ago, the father lock the children in the room", as a
        # message run through a translator tells the past, in the verb's plain form)
        dated = (then and (G.says_when(plain) or bool(_LONG_AGO.search(plain)))) or bool(_BRACKETED_PAST.search(plain))
        over = comforted or governs or dated

        def past_told(part: "_Part") -> bool:
            return dated or (then and bool(G.PAST_TENSE.search(" ".join(part.clauses))))
        doubt = _Doubt()

        def lowered(part: "_Part") -> int:
            """Levels down: a "what if" (or reflection near it) and teaching near it one each (a role play set as a
            "let's say" is both), else comfort unless the reading is apart from it, or the sentence told as then."""
            down = int(what_if or (reflects and not self._far_from(G.REFLECTING, plain, part))) + \
                int(taught and not self._far_from(G.TEACHING, plain, part) and not self._news(plain, part)) * exercise
            return down or int((comforted and part not in apart) or past_told(part))
        # and laughter shared ("they were both laughing") takes the classifier's reading one level further: the
        # phrases still read what is said with it
        joked = int(bool(SHARED_LAUGHTER.search(plain)))
        readings = [self._level(sentence, part.score, part.words,
                                doubt.levels(part.clauses) + lowered(part) + joked, part.whole)
                    for part in parts]
        if any(reading.clear for reading in readings) or framed or not margin(sentence, context, message):
            return readings
        # The margin (a child, a harm, nothing saying it is over) and the classifier leaning to danger agree, unless
        # all it tells is a worry ("a bad feeling about the baby tonight": the check asks)
        if lean >= AGREED_SCORE and not over and not G.WORRY_ONLY.search(plain):
            return [DangerReading(CLEAR, sentence, lean)]
        # (nor the margin alone over a worker's own reflection, as above: "I want to be sure I'm not jumping to
        # assumptions about forced marriage")
        return readings if any(readings) or reflects else [DangerReading(POSSIBLE, sentence, 0.0)]

    def _parts(self, plain: str) -> List["_Part"]:
        """The classifier's score for each clause and run of neighbouring clauses (and the whole sentence).

        Each clause's letters are read once; a run's n-gram counts are its clauses' added up.
        """
        spans = G.clause_spans(plain)
        clauses = [plain[a:b].strip(" ,()") for a, b in spans]
        counts = [self._model.counts(c) for c in clauses]
        words = [len(re.findall(r"\w+", c)) for c in clauses]
        runs = [(first, width) for width in range(1, min(G.WIDEST, len(spans)) + 1)
                for first in range(len(spans) - width + 1)]
        if len(spans) > G.WIDEST:
            runs.append((0, len(spans)))
        found, alone = [], [self._model.probabilities_from_counts(c)[1] for c in counts]
        for first, width in runs:
            run = slice(first, first + width)
            if 1 < width < len(spans) and max(alone[run]) < RUN_FLOOR:
                continue  # no clause of it leans towards danger: a part-run is not read (the whole always is)
            if width == 1 < len(spans) and words[first] <= MIN_WORDS_FOR_SCORE and not names_harm(clauses[first]):
                continue  # a clause of a few words that names no harm ("she's 12 now") is read with its neighbours
            if sum(words[run]) >= MIN_WORDS_FOR_SCORE:
                score = alone[first] if width == 1 else \
                    self._model.probabilities_from_counts(NgramModel.add_counts(counts[run]))[1]
                found.append(_Part(score, sum(words[run]), clauses[run], width == len(spans)))
        return found

    @staticmethod
    def _apart(plain: str, part: "_Part") -> bool:
        """A confident reading of a few clauses, told in the present, with no sign it is over in or near them."""
        if part.whole or part.score < CLEAR_SCORE or part.words <= PART_MIN_WORDS_FOR_CLEAR:
            return False
        text = " ".join(part.clauses)
        # (nor an update's words on who it is about: "Update on the girl who disclosed against her stepdad")
        if G.PAST_TENSE.search(text) or G.stale(text) or G.UPDATE_ON.search(text):
            return False
        near = G.around(plain, part.clauses[0], len(part.clauses) - 1 + APART_REACH, before=APART_REACH)
        return near != plain and not (G.resolved(near) or G.reassured(near))

    @staticmethod
    def _news(plain: str, part: "_Part") -> bool:
        """News just in told in the part itself, in a sentence that sets no exercise (danger_guards.news_near)."""
        start = plain.find(part.clauses[0])
        return start >= 0 and G.news_near(plain, start, start + len(part.clauses[0]))

    @staticmethod
    def _far_from(pattern: "re.Pattern[str]", plain: str, part: "_Part") -> bool:
        """A confident reading of a few clauses that names a harm, not told as the past, with no word of `pattern`
        (teaching or admin, reflection) near it (G.near)."""
        text = " ".join(part.clauses)
        if part.whole or part.score < CLEAR_SCORE or part.words <= PART_MIN_WORDS_FOR_CLEAR or G.stale(text) or \
                not names_harm(text):
            return False
        start = plain.find(part.clauses[0])
        end = plain.find(part.clauses[-1], max(start, 0)) + len(part.clauses[-1])
        return 0 <= start < end and not G.near(pattern, plain, start, end)

    def _level(self, sentence: str, score: float, words: int, down: int, whole: bool) -> DangerReading:
        """The classifier's reading of one clause or run of clauses, lowered by comfort, the past or 'if'.

        Comfort ("all safe now", a negation) and the past or "if" each take a level off; two levels
        off and the score alone says nothing.
        """
        if down > 1:
            return DangerReading(None, sentence, score)
        if score >= CLEAR_SCORE and not down and words > (MIN_WORDS_FOR_SCORE if whole else PART_MIN_WORDS_FOR_CLEAR):
            return DangerReading(CLEAR, sentence, score)
        if score >= (DOUBTED_POSSIBLE_SCORE if down else POSSIBLE_SCORE if whole else PART_POSSIBLE_SCORE):
            return DangerReading(POSSIBLE, sentence, score)
        return DangerReading(None, sentence, score)


@dataclass(frozen=True)
class _Part:
    """One clause or run of neighbouring clauses of a sentence, with the classifier's score for it."""

    score: float
    words: int
    clauses: List[str]
    whole: bool  # the whole sentence


class _Doubt:
    """How many levels a run of clauses goes down: comfort or a negation in any clause of it, and the past or
    "if" in any clause of it. A run is doubted as much as its most doubtful clause, so "in october" in one clause
    is not cancelled by "now" in the next (the clause that says now is still read on its own). Each clause is
    read once, and only when a score is high enough to need it."""

    def __init__(self) -> None:
        self._comfort: Dict[str, bool] = {}
        self._stale: Dict[str, bool] = {}

    def levels(self, clauses: Sequence[str]) -> int:
        comfort = any(self._read(self._comfort, c, lambda t: G.reassured(t) or G.negated(t)) for c in clauses)
        stale = any(self._read(self._stale, c, G.stale) for c in clauses)
        return int(comfort) + int(stale)

    @staticmethod
    def _read(cache: Dict[str, bool], clause: str, test) -> bool:
        if clause not in cache:
            cache[clause] = bool(test(clause))
        return cache[clause]


def training_texts(examples: DangerSentences) -> Tuple[List[str], List[int]]:
    """The examples, and every clause and run of clauses of each non-urgent one as non-urgent too.

    The check reads clauses on their own; a clause of a calm sentence is calm ("mum denies he has
    been to the house" is not "he has been to the house"), while a clause of an urgent sentence
    may not be urgent by itself, so only the calm side is split.
    """
    texts, labels = examples.examples()
    seen = set(texts)
    for sentence in (s for group in examples.not_urgent.values() for s in group):
        for part in G.windows(sentence):
            if part not in seen and len(part.split()) >= MIN_WORDS_FOR_SCORE:
                seen.add(part)
                texts.append(part)
                labels.append(0)
    return texts, labels


FLAT_WORDS = 10  # a sentence of this many words or fewer is a short one in a message told flatly
FLAT_RUN = 3  # so many neighbouring short sentences are read together
FLAT_CLEAR_SCORE = 0.85  # read together, the classifier alone alarms only this sure (or with the margin); else it asks


_MONTHS = "january|february|march|april|may|june|july|august|september|october|november|december"
_LONG_AGO = re.compile(r"\b((\d+|a|an|one|two|three|four|five|six|a few|a couple of) (years?|yrs?|months?|mths?|weeks?|"
                       r"wks?) ago|"
                       r"historic|last (" + _MONTHS + r")|"
                       r"in (19|20)\d\d|last (year|month|summer|winter|spring|autumn)|back in|"
                       r"when (i|he|she|they|we) (was|were) (little|younger|a baby|small|\d+))\b", re.IGNORECASE)


def _told_flatly(every: Sequence[str], frames: Sequence[int], text: str) -> Iterator[List[str]]:
    """Each run of FLAT_RUN neighbouring short sentences (two in a message of two), none of them framed as the past
    or an exercise, a "what if", help in hand or comfort, in a message that sets no exercise, names no time long gone
    ("in 2019", "3 years ago"; "since yesterday" is now) and no help in hand: those are read sentence by sentence,
    where each guard sees the sentence it belongs to."""
    width = min(FLAT_RUN, len(every))
    short = [len(sentence.split()) <= FLAT_WORDS and not framed for sentence, framed in zip(every, frames)]
    starts = [first for first in range(len(every) - width + 1) if all(short[first:first + width])]
    # most messages have no run of short sentences: decided on word counts, before any guard reads the message
    if width < 2 or not starts or G.TEACHING.search(text) or _LONG_AGO.search(text) or G.resolved(text):
        return
    plain = [not (G.WHAT_IF_OPENING.search(sentence) or G.hypothetical(sentence) or G.resolved(sentence) or
                  G.reassured(sentence)) if is_short else False for sentence, is_short in zip(every, short)]
    for first in starts:
        if all(plain[first:first + width]):
            yield list(every[first:first + width])


SETTLED_REACH = 3  # so many sentences after one the margin alone asks about can tell it is over or met


def _margin_only(reading: DangerReading) -> bool:
    """The check asked by the margin alone (a child, a harm, nothing saying it is over): no phrase, no score. The
    weakest reading, the only one a later sentence can undo: a score or a phrase is read where it stands."""
    return reading.possible and not reading.phrase and reading.score == 0.0


def _helped_before(sentence: str, found: str, told_past: "re.Match[str]") -> bool:
    """Every sign of help in the sentence, and the word that places it in the past, come before the danger phrase's
    clauses, which are told in the present: the help was for an earlier episode."""
    start = sentence.find(found)
    return start > 0 and not G.PAST_TENSE.search(found) and told_past.start() < start and \
        not G.resolved(sentence[start:])


def _settles(sentence: str, after_alone: bool = False) -> bool:
    """The sentence says help is in hand (more than a plan), and nothing in it is still going on or a harm that
    help has not met ("mum's just been arrested, and the front door is wide open onto the main road"). After a child
    left alone, a parent's arrest is why, not help ("toddler in the flat on her own. Mum's been arrested in town")."""
    plain = G.without_idioms(sentence)
    if after_alone:
        plain = G.PARENT_HELD.sub(" ", plain)
    return bool(plain) and G.resolved(_PLANS.sub(" ", plain)) and settled(plain) and not now_unresolved(plain) and \
        not any(names_harm(plain[a:b]) and not G.resolved(plain[a:b]) for a, b in G.clause_spans(plain))


# When a wedding is, said next: "mine is on sunday at my uncles" (DangerCheck._told_then)
_SAYS_WHEN = re.compile(r"^\W*(mine|it|hers|his|the (wedding|nikah|ceremony))('s| is| will be)\b", re.IGNORECASE)
# A time gone by, in brackets beside what happened then: "the night dad came with the knife (last March)"
_BRACKETED_PAST = re.compile(r"\((last|in) (" + _MONTHS + r"|year|summer|winter|spring|autumn|(19|20)\d\d)\)|"
                             r"\((19|20)\d\d\)", re.IGNORECASE)
# A date as a chronology writes an entry's ("12/10", "03/12/2026")
_DATED = re.compile(r"\b\d{1,2}/\d{1,2}(/\d{2,4})?\b")
# A discovery or a way in forced, told in the past (DangerCheck._readings)
_DISCOVERED = re.compile(r"\b((found|discovered|caught) (him|her|them|the \w+)|(broke|forced|kicked) (in|the door)|"
                         r"had to (force|break|kick) (the door|in))\b", re.IGNORECASE)


# Plans and agreements: not help in hand by themselves ("Next steps: review safety plan at core group")
# and conditions said, not kept ("Bail conditions say no contact" after he has gone to the house)
_PLANS = re.compile(r"\b((safety plan|plan|order|agreement|court order) (says?|states?|said)( \w+){0,3}|"
                    r"safety plan|disruption plan|written agreement|(already |now )?in place|next steps?|"
                    r"(bail )?conditions? (say|says|state|states|are))\b", re.IGNORECASE)


_LATER_TODAY = re.compile(r"\b(later|at \d{1,2})\b", re.IGNORECASE)


def _arriving_now(sentence: str) -> bool:
    """Someone arriving now, or later today ("later", "at 5"), told as news: not a scenario, a "what if" or over."""
    return bool(ARRIVING.search(sentence) and (G.NOW.search(sentence) or _LATER_TODAY.search(sentence))) and \
        not (G.COUNTERFACTUAL.search(sentence) or G.WHAT_IF_OPENING.search(sentence) or G.resolved(sentence))


def _now_beyond_help(span: str) -> bool:
    """A sign of now in the phrase's clauses that is not the help's own: inside it, or the time told straight after
    it ("disclosure at contact was passed on straight away, strategy meeting held at 3, she's with her aunt tonight
    under police protection": the meeting's time, and where she is safe tonight; "protection order was granted this
    morning"), but not how long it has lasted ("Dad is in police custody since this morning and ... the 3 and 5 yr
    olds were at home")."""
    helped = [list(m.span()) for m in G.RESOLVED.finditer(span)]
    for now in G.NOW.finditer(span):
        help_of = next((h for h in helped if h[0] <= now.start() and (now.end() <= h[1] or (
            now.start() <= h[1] + 1 and not now.group().lower().startswith("since")))), None)
        if help_of is None:
            return True
        help_of[1] = max(help_of[1], now.end())  # "held at 2pm today": both times are the meeting's
    return False


def _says_who(sentence: str, span: str) -> bool:
    """The phrase lies in the words that say who the sentence is about, before what is true of them now ("the
    15yo who said she was going country tonight | is at the police station")."""
    who = told_of(sentence)
    return who != sentence and span not in who


def _more_urgent(best: DangerReading, reading: DangerReading) -> DangerReading:
    """The more urgent of two readings (the higher score between two of the same level)."""
    if _rank(reading) > _rank(best) or (_rank(reading) == _rank(best) and reading.score > best.score):
        return reading
    return best


def _rank(reading: DangerReading) -> int:
    return {CLEAR: 2, POSSIBLE: 1}.get(reading.level, 0)


def _prepare(text: str) -> str:
    text = (text or "").translate(_APOSTROPHES).lower()
    return re.sub(r"\s+", " ", text)


# The classifier: word pairs and runs of two to five letters, fitted firmly
# (C=8) and with both sides weighted equally however many examples each has.
SETTINGS = NgramSettings(word_ngrams=(1, 2), char_ngrams=(2, 5), char_min_df=2, C=8.0,
                         class_weight="balanced", solver="liblinear", preprocessor=_prepare)


_CHECKS: Dict[Tuple, DangerCheck] = {}
_LOCK = threading.Lock()
_LAST: Optional[Tuple[object, object, DangerCheck]] = None


def danger_check(knowledge) -> DangerCheck:
    """The check for this content, built once per process and shared.

    Keyed by the content itself, so every load of the same knowledge/ shares
    one trained model, and an edited file gets a model of its own. The
    trained model is kept on disk (MODEL_CACHE_DIR, bot/reading/model_cache.py),
    so only the first process after a change of content trains it.
    """
    global _LAST
    examples, urgent = knowledge.danger_sentences, knowledge.urgent
    last = _LAST
    if last is not None and last[0] is examples and last[1] is urgent:
        return last[2]  # the same loaded content as the last call (every message): no key to build
    phrases = urgent.danger_phrases
    key = (tuple(phrases), tuple(sorted((k, tuple(v)) for k, v in urgent.spellings.items())),
           tuple(urgent.dropped_g_kept),
           tuple(sorted((side, group, tuple(texts))
                        for side, groups in (("urgent", examples.urgent), ("not_urgent", examples.not_urgent))
                        for group, texts in groups.items())))
    with _LOCK:
        if key not in _CHECKS:
            _CHECKS[key] = DangerCheck(phrases, examples, kept_in=Settings.from_env().model_cache_dir,
                                       spellings=urgent.spellings, dropped_g_kept=urgent.dropped_g_kept)
        _LAST = (examples, urgent, _CHECKS[key])  # held, so these objects' ids cannot be reused while kept
        return _CHECKS[key]
