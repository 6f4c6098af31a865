"""The danger check: does a message say that someone is in danger right now?

One check for every path (outside a session, every kind of question, the
history prompt, workshops), so the promise "if a child is in immediate danger
it says so first" does not depend on where the practitioner happens to be.

It reads each sentence of a message on its own, so a long reflective answer
cannot hide one urgent sentence, and it runs before any parsing of a
structured answer ("no - he's there now and kicking off" is danger first and
"no" second). Two signals:

- the phrase list in knowledge/urgent_help.yml: precise, readable patterns
  for danger happening now; a match counts only when the sentence is not
  negated ("I don't think they're in danger"), set in the past ("two years
  ago") or hypothetical ("if he came back") without a sign of now;
- a small classifier trained on knowledge/danger_sentences.yml (urgent and
  non-urgent sentences in practitioners' own voices, apart from the intent
  data): word and character n-grams, logistic regression. It is trained when
  first used (well under a second, deterministic) from the text shipped with
  the code, so nothing is downloaded and editing the file is enough to change
  it; reading a message costs about a millisecond.

Clear danger gets the urgent reply at once. Possible danger (the classifier
unsure) gets one short check: "Is a child in danger right now?".
"""
from __future__ import annotations

import re
import threading
from dataclasses import dataclass
from typing import Dict, List, Optional, Sequence, Tuple

from pydantic import BaseModel, validator

from .ngram_model import NgramModel, NgramSettings

CLEAR, POSSIBLE = "clear", "possible"

# Probability from the classifier at or above which a sentence is clear danger,
# and at or above which it is worth one short check.
CLEAR_SCORE = 0.80
POSSIBLE_SCORE = 0.40
MIN_WORDS_FOR_SCORE = 3  # fewer words: phrases only; exactly this many: at most the short check
MAX_SCANNED_CHARACTERS = 20_000  # the longest message taken (see channels/rest.py)
MAX_SENTENCE_CHARACTERS = 600

_SENTENCE_BREAK = re.compile(r"(?:[.!?;]+(?=\s|$)|\n+|\s[-–—]+\s|\s*\|\s*)")
_NOW = re.compile(
    r"\b(now|right now|rn|tonight|tonite|today|this (morning|afternoon|evening)|as we speak|"
    r"at the moment|currently|just (now|happened)|on (his|her|their|my) way|outside|"
    r"still (there|here|at the house))\b", re.IGNORECASE)
_PAST = re.compile(
    r"\b(ago|last (week|month|year|summer|winter|spring|autumn|time)|in (19|20)\d\d|"
    r"back in|previous(ly)?|historic(al(ly)?)?|in the past|used to|years? before|"
    r"when (she|he|they) (was|were) (little|younger|a baby)|during the (last|previous|first) plan|"
    r"before the (last |previous )?plan|at the time|had been|were called|was called|"
    r"was arrested|was convicted|conviction|(was|were) (found|reported|recorded))\b", re.IGNORECASE)
_HYPOTHETICAL = re.compile(
    r"(^|\b)(if|what if|what would|what should (i|we) do if|would|could|might|in future|"
    r"one day|worried that|worry that|in case|how (do|should|would) (we|i|you)|"
    r"role ?play|scenario|vignette|training|workshop)\b", re.IGNORECASE)
_NEGATION_BEFORE = re.compile(
    r"\b(not|no|none|nobody|no one|nothing|never|nor|isn'?t|aren'?t|wasn'?t|weren'?t|don'?t|doesn'?t|didn'?t|no longer|"
    r"nothing to suggest|no sign|no evidence|no indication|ruled out)\b[^.]{0,40}$", re.IGNORECASE)

# "things are calm", "the kids are safe": with no danger phrase, the classifier alone can ask, not alarm.
_REASSURANCE = re.compile(r"\b(calm|settled|(are|is|['’]re|['’]s|feel|feels|kept) safe|fine|thriving|"
                          r"no (immediate |current )?(concerns?|risk|danger))\b", re.IGNORECASE)

_APOSTROPHES = str.maketrans({"\u2019": "'", "\u2018": "'", "`": "'"})


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

    def __init__(self, phrases: Sequence[str], examples: DangerSentences):
        self.phrases = re.compile("|".join(rf"\b(?:{p})\b" for p in phrases), re.IGNORECASE)
        self._model = NgramModel.train(*examples.examples(), settings=SETTINGS)

    def scores(self, texts: Sequence[str]) -> List[float]:
        """The classifier's probability of danger now, for each text (the same as predict_proba)."""
        return [self._model.probabilities(text)[1] for text in texts]

    def phrase_counts(self, sentence: str) -> bool:
        """A danger phrase found, and not undone by negation, past time or 'if'."""
        for match in self.phrases.finditer(sentence):
            before = sentence[:match.start()]
            if _NEGATION_BEFORE.search(before):
                continue
            if not _NOW.search(sentence) and (_PAST.search(sentence) or _HYPOTHETICAL.search(sentence)):
                continue
            return True
        return False

    def read(self, text: str) -> DangerReading:
        """The most urgent reading over the message's sentences."""
        parts = sentences(text)
        if not parts:
            return DangerReading()
        best = DangerReading()
        for sentence, score in zip(parts, self.scores(parts)):
            reading = self._level(sentence, score)
            if _rank(reading) > _rank(best) or (_rank(reading) == _rank(best) and reading.score > best.score):
                best = reading
        return best

    def _level(self, sentence: str, score: float) -> DangerReading:
        phrase = self.phrase_counts(sentence)
        if phrase:
            return DangerReading(CLEAR, sentence, score, phrase)
        # A word or two ("tonight", "an hour") is an answer to a question, not an account:
        # the classifier's score means little there, so only the phrases count.
        words = len(re.findall(r"\w+", sentence))
        if words < MIN_WORDS_FOR_SCORE:
            return DangerReading(None, sentence, score, phrase)
        reassured = bool(_REASSURANCE.search(sentence))  # one level down: no alarm from the score alone
        if score >= CLEAR_SCORE and words > MIN_WORDS_FOR_SCORE and not reassured:
            return DangerReading(CLEAR, sentence, score, phrase)
        if score >= (CLEAR_SCORE if reassured else POSSIBLE_SCORE):
            return DangerReading(POSSIBLE, sentence, score, phrase)
        return DangerReading(None, sentence, score, phrase)


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


def danger_check(knowledge) -> DangerCheck:
    """The check for this content, trained once per process and shared.

    Keyed by the content itself, so every load of the same knowledge/ shares
    one trained model, and an edited file gets a model of its own.
    """
    examples = knowledge.danger_sentences
    key = (tuple(knowledge.urgent.danger_phrases),
           tuple(sorted((side, group, tuple(texts))
                        for side, groups in (("urgent", examples.urgent), ("not_urgent", examples.not_urgent))
                        for group, texts in groups.items())))
    with _LOCK:
        if key not in _CHECKS:
            _CHECKS[key] = DangerCheck(knowledge.urgent.danger_phrases, examples)
        return _CHECKS[key]
