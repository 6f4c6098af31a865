"""A gentle check on wording that the audit and SCIE warn can blame or hide harm.

It only ever prompts: the practitioner's words are stored exactly as typed.
The entries and their reasons are in knowledge/language.yml.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import List

from bot.content.knowledge import Knowledge, LanguageEntry

# Words that show a behaviour is being described, not just labelled.
_BEHAVIOUR = re.compile(
    r"\b(said|says|saying|agreed|agrees|told|tells|promised|but|didn'?t|did not|doesn'?t|does not|"
    r"cancel\w*|missed|when|because|although|refused|attend\w*|then|instead|after)\b", re.IGNORECASE)
# A capitalised word that is not the first of a sentence, nor a common acronym: likely a name.
_NAME = re.compile(r"(?<![.!?]\s)(?<!^)\b[A-Z][a-z]{2,}\b")
_NOT_NAMES = {"The", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday",
              "January", "February", "March", "April", "May", "June", "July", "August", "September",
              "October", "November", "December", "Police", "School", "Social", "Care", "Mum", "Dad"}


@dataclass(frozen=True)
class Flag:
    entry: LanguageEntry
    phrase: str  # the words as the practitioner wrote them


def _names_someone(text: str) -> bool:
    return any(m.group() not in _NOT_NAMES for m in _NAME.finditer(text))


def check_language(knowledge: Knowledge, text: str, several_adults: bool = False) -> List[Flag]:
    flags: List[Flag] = []
    for entry in knowledge.language:
        match = next((m for p in entry.compiled() for m in [p.search(text)] if m), None)
        if match is None:
            continue
        if entry.check == "label_without_behaviour":
            rest = text[:match.start()] + text[match.end():]
            if _BEHAVIOUR.search(rest):
                continue
        if entry.check == "unnamed_adult" and not several_adults and _names_someone(text):
            continue
        flags.append(Flag(entry, match.group()))
    return flags
