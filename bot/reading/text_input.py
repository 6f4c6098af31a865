"""Reading what people type: commands, numbers, yes/no and choices.

Commands are recognised here by their words, never by a classifier's guess,
so an answer that mentions "stop" or "skip" in passing stays an answer.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from functools import lru_cache
from typing import Dict, Iterable, List, Optional, Sequence, Tuple

# Whole messages (after normalising) that are commands while a question is open.
COMMAND_PHRASES: Dict[str, Tuple[str, ...]] = {
    "skip": ("skip", "skip it", "skip this", "skip this one", "skip that", "skip question",
             "skip this question", "skip please", "please skip", "next question", "pass",
             "skip for now"),
    "pause": ("pause", "pause session", "pause please", "pause it", "pause for now", "stop",
              "stop for now", "i need to pause", "i need to stop", "take a break", "bye",
              "goodbye", "got to go", "gotta go", "back later", "i'll come back later"),
    "help": ("help", "help me", "help please", "what can i say", "what do i do", "what can i do",
             "commands", "options", "?", "i'm confused", "confused"),
    "save": ("save", "save it", "save now", "save record", "save the record", "save my record",
             "save and finish", "finish and save", "save please", "download", "download record"),
    "resume": ("resume", "carry on", "continue", "go on", "let's carry on", "lets carry on"),
    "change": ("change", "change an answer", "change answer", "edit", "edit an answer", "amend"),
    "stuck": ("stuck", "i feel stuck", "i'm stuck", "im stuck", "feeling stuck", "switch to stuck",
              "stuck case review"),
}
_PHRASE_TO_COMMAND = {p: cmd for cmd, phrases in COMMAND_PHRASES.items() for p in phrases}

# Button payloads and "/intent" messages carry an intent chosen on purpose.
PAYLOAD_INTENT_COMMANDS = {
    "skip_question": "skip",
    "pause_session": "pause",
    "help": "help",
    "save_record": "save",
    "resume_session": "resume",
    "feeling_stuck": "stuck",
}

YES = {"yes", "y", "yeah", "yep", "yup", "yes please", "ok", "okay", "sure", "correct",
       "that's right", "thats right", "right", "please do", "go ahead", "sounds good",
       "use these", "use them", "take them", "fine", "agreed", "agree", "definitely", "ye", "yea"}
NO = {"no", "n", "nope", "nah", "no thanks", "no thank you", "not really", "none", "no more",
      "that's all", "thats all", "that's it", "thats it", "done", "finished", "nothing else", "no, that's all"}
UNSURE = {"not sure", "unsure", "don't know", "dont know", "maybe", "possibly", "perhaps", "dk", "idk"}

NUMBER_WORDS = {
    "zero": 0, "none": 0, "nil": 0, "one": 1, "two": 2, "three": 3, "four": 4,
    "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11,
    "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16,
    "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20,
    "once": 1, "twice": 2,
}

_APOSTROPHES = str.maketrans({"\u2019": "'", "\u2018": "'", "`": "'"})


def normalise(text: str) -> str:
    """Lower case, plain apostrophes, single spaces, no punctuation at the ends."""
    text = (text or "").translate(_APOSTROPHES).lower()
    text = re.sub(r"\s+", " ", text).strip()
    stripped = text.strip(" .!,;:-")
    return stripped or text


def is_blank(text: Optional[str]) -> bool:
    return not (text or "").strip()


@dataclass
class Incoming:
    """One message, with what Rasa's NLU made of it."""

    text: str
    intent: Optional[str] = None
    confidence: float = 0.0
    entities: List[dict] = field(default_factory=list)
    question: Optional[str] = None  # the question id the client says this answers, if it sent one
    # The danger check's level for the whole text ("clear", "possible" or None), once it has been read:
    # by Rasa's NLU (components/danger.py puts it in the parse data) or by bot/reading/reading.py.
    danger_level: Optional[str] = None
    danger_read: bool = False

    @property
    def is_payload(self) -> bool:
        return (self.text or "").lstrip().startswith("/")

    def entity(self, name: str) -> Optional[str]:
        return next((e.get("value") for e in self.entities if e.get("entity") == name), None)


def detect_command(message: Incoming) -> Optional[str]:
    """The command a message is, or None when it should be read as an answer."""
    if message.is_payload:
        return PAYLOAD_INTENT_COMMANDS.get(message.intent or "") or \
            _PHRASE_TO_COMMAND.get(normalise(message.text.lstrip("/").replace("_", " ")))
    return _PHRASE_TO_COMMAND.get(normalise(message.text))


# ----- near misses of a command ------------------------------------------------------

# The single words a near miss is measured against, and the command each means.
NEAR_COMMAND_WORDS: Dict[str, str] = {
    "skip": "skip", "save": "save", "pause": "pause", "help": "help", "change": "change",
    "resume": "resume", "stuck": "stuck",
}
# Real words one letter away from a command word. They may be answers ("same",
# "safe", "cause"), so they are never taken for a slip of the keyboard.
REAL_WORDS = frozenset("""
    skin skim skimp skid skit skis ski sip ship slip snip kip skips
    same safe sane sage sale sake saves saved saver have cave gave wave rave pave nave
    slave shave suave salve ave dave
    cause paused pauses passe parse pease paise
    held hell hemp heap kelp yelp whelp helm hep helps
    chance charge changes changed changer chang
    resumed resumes presume
    stick stack stock struck suck tuck stunk snuck shuck stuff
""".split())
_LETTERS = re.compile(r"[a-z]+")


def _edits(a: str, b: str) -> int:
    """Optimal string alignment distance: insertions, deletions, changes and swapped neighbours."""
    previous2: List[int] = []
    previous = list(range(len(b) + 1))
    for i in range(1, len(a) + 1):
        current = [i] + [0] * len(b)
        for j in range(1, len(b) + 1):
            cost = 0 if a[i - 1] == b[j - 1] else 1
            current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
            if i > 1 and j > 1 and a[i - 1] == b[j - 2] and a[i - 2] == b[j - 1]:
                current[j] = min(current[j], previous2[j - 2] + 1)
        previous2, previous = previous, current
    return previous[len(b)]


def near_command(text: str) -> Optional[str]:
    """The command a one-word slip of the keyboard most likely means ("skp": skip), or None.

    Only a whole message of one short word of letters counts, one edit away
    (a letter missing, added, changed or two swapped) from exactly one command
    word. A command typed correctly, a real word ("same", "safe", "stop",
    "pass"), a yes or no, a number word, or anything longer is never a near
    miss: the caller asks "Did you mean ...?" rather than guessing, so a
    false alarm costs a click, but a missed real answer would cost the answer.
    """
    said = normalise(text)
    if not _LETTERS.fullmatch(said) or not 3 <= len(said) <= 8:
        return None
    if said in _PHRASE_TO_COMMAND or said in REAL_WORDS or said in NUMBER_WORDS:
        return None
    if said in YES or said in NO or said in UNSURE:
        return None
    meant = {command for word, command in NEAR_COMMAND_WORDS.items() if _edits(said, word) == 1}
    return meant.pop() if len(meant) == 1 else None


# ----- a button's title, typed -------------------------------------------------------


def typed_button(message: Incoming, buttons: Iterable[Tuple[str, str]]) -> Incoming:
    """The message as the button it names, when its words are exactly a shown button's title.

    Typing "Save the pack" then does what pressing that button does, in every
    mode, instead of being taken as an answer or a group's point. Anything
    else is returned unchanged.
    """
    if message.is_payload:
        return message
    said = normalise(message.text)
    for title, payload in buttons:
        if normalise(title) == said and payload and normalise(payload) != said:
            intent = re.match(r"/([A-Za-z_]+)", payload)
            if intent:
                return replace(message, text=payload, intent=intent.group(1), confidence=1.0, entities=[])
            return replace(message, text=payload)
    return message


def parse_yes_no(text: str) -> Optional[str]:
    """'yes', 'no', 'unsure' or None."""
    said = normalise(text)
    for answer, words in (("yes", YES), ("no", NO), ("unsure", UNSURE)):
        if said in words:
            return answer
    # "I'm not sure", "no idea, to be honest": doubt wins over a leading yes or no
    if re.search(r"\b(not sure|unsure|don'?t know|do not know|no idea|not certain|maybe|perhaps)\b", said):
        return "unsure"
    first = said.split(" ", 1)[0].rstrip(",")
    if first in {"yes", "yeah", "yep", "y"}:
        return "yes"
    if first in {"no", "nope", "nah"}:
        return "no"
    return None


# Words that may stand around a number without changing what it answers.
NUMBER_FILLER = frozenset({
    "about", "around", "roughly", "approx", "approximately", "nearly", "almost", "just", "exactly",
    "i", "think", "it's", "its", "it", "is", "was", "she's", "he's", "they're", "she", "he", "they", "are",
    "years", "year", "yrs", "yr", "old", "months", "month", "mths", "weeks", "plans", "plan", "previous",
    "times", "so", "only", "now", "the", "a", "of",
})
MAX_OTHER_WORDS = 2
_DOUBT = re.compile(r"\b(not sure|unsure|don'?t know|do not know|no idea|not certain|maybe|perhaps|possibly|"
                    r"unknown|not known|either)\b|\?")


def parse_number(text: str, low: int, high: int) -> Optional[int]:
    """The whole number a message is, in digits or words, if within range.

    Strict on purpose: a number question takes a message that is a number,
    with at most a few words around it ("about 7", "she's 12", "4/10"). A
    message with doubt, two numbers, or a sentence around a number ("not
    sure, 2 siblings") is asked again rather than stored as a number it
    never meant.
    """
    said = (text or "").translate(_APOSTROPHES).lower()
    said = re.sub(r"\b(\d+)\s*(/|out of)\s*10\b", r"\1", said)  # "4/10" on the safety scale
    if _DOUBT.search(said):
        return None
    tokens = re.findall(r"-?\d+(?:\.\d+)?|[a-z']+", said)
    numbers = [t for t in tokens if t.lstrip("-").replace(".", "").isdigit() or t in NUMBER_WORDS]
    others = [t for t in tokens if t not in numbers and t not in NUMBER_FILLER]
    if len(numbers) != 1 or len(others) > MAX_OTHER_WORDS:
        return None
    token = numbers[0]
    if token in NUMBER_WORDS:
        number = NUMBER_WORDS[token]
    elif "." in token or token.startswith("-"):
        return None  # "7.5" is not a whole number, nor is "-1" a count
    else:
        number = int(token)
    return number if low <= number <= high else None


@lru_cache(maxsize=4096)
def _phrase_pattern(phrase: str) -> re.Pattern:
    """Compiled once per phrase: matchers are made per message, their patterns need not be."""
    return re.compile(r"(?<![\w])" + re.escape(normalise(phrase)) + r"(?![\w])")


@dataclass(frozen=True)
class Choice:
    id: str
    label: str
    also_known_as: Tuple[str, ...] = ()


class ChoiceMatcher:
    """Finds which of a fixed set of choices a message names, by label or alias."""

    def __init__(self, choices: Sequence[Choice]):
        self.choices = list(choices)
        self._patterns = [
            (c.id, [_phrase_pattern(p) for p in (c.label, *c.also_known_as) if normalise(p)])
            for c in self.choices
        ]

    def find(self, text: str) -> List[str]:
        """Choices named in the text, in the order named.

        The longest phrase wins where two overlap, so "adult social care" is
        not also "social care", nor "self-neglect" also "neglect".
        """
        said = normalise(text)
        matches = [(m.start(), m.end(), choice_id)
                   for choice_id, patterns in self._patterns for p in patterns for m in p.finditer(said)]
        taken: List[Tuple[int, int, str]] = []
        for start, end, choice_id in sorted(matches, key=lambda m: m[0] - m[1]):
            if all(end <= s or start >= e for s, e, _ in taken):
                taken.append((start, end, choice_id))
        ordered: List[str] = []
        for _, _, choice_id in sorted(taken):
            if choice_id not in ordered:
                ordered.append(choice_id)
        return ordered

    def find_numbers(self, text: str) -> List[str]:
        """Choices picked by their number in a listed menu, e.g. '1, 3 and 4'."""
        picked = []
        for number in re.findall(r"\b\d{1,2}\b", text or ""):
            index = int(number) - 1
            if 0 <= index < len(self.choices) and self.choices[index].id not in picked:
                picked.append(self.choices[index].id)
        return picked

    def labels(self, ids: Iterable[str]) -> List[str]:
        by_id = {c.id: c.label for c in self.choices}
        return [by_id[i] for i in ids if i in by_id]
