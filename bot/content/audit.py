"""The schemas of what is shown as the audit's: the poster's findings and headlines, its passages, links, and
the partnership's sign-off (knowledge/audit.yml, knowledge/sources/, knowledge/signoff.yml).
"""
from __future__ import annotations

import re
from typing import Dict, List

from pydantic import validator

from bot.content.base import (
    StrictModel,
    unique_ids,
)



class Finding(StrictModel):
    id: str
    section: str
    poster_text: str
    summary: str


def collapse(text: str) -> str:
    """Spaces and line breaks don't matter when text is compared with the poster."""
    return re.sub(r"\s+", " ", text).strip()


class SourceDocument(StrictModel):
    """A public document the content quotes, with ids for the passages it uses."""
    title: str
    publisher: str
    date: str
    public: bool
    text_file: str
    about: str
    passages: Dict[str, str]
    text: str = ""  # the document's words, read from text_file by the loader

    def on_document(self, words: str) -> bool:
        return collapse(words).lower() in collapse(self.text).lower()


class Headline(StrictModel):
    text: str
    paraphrase_of: str  # a passage id in sources/, e.g. worried.8


class AuditSource(StrictModel):
    title: str
    partnership: str
    date: str
    scope: str
    agencies: List[str]


class Audit(StrictModel):
    source: AuditSource
    headlines: List[Headline]
    findings: List[Finding]
    good_practice: List[str]

    _unique_findings = unique_ids("findings", "finding id")

    @property
    def headline_texts(self) -> List[str]:
        return [h.text for h in self.headlines]


class Link(StrictModel):
    title: str
    url: str


def reviewed(values: dict, what: str = "confirmed") -> dict:
    """confirmed: true only with the named reviewer and the date they checked it (a partnership's record)."""
    if values.get("confirmed") and not (values.get("confirmed_by") and values.get("confirmed_on")):
        raise ValueError(f"{what}: true needs confirmed_by (the partnership reviewer's name) and "
                         "confirmed_on (the date they checked it, YYYY-MM-DD)")
    if values.get("confirmed_on") and not re.fullmatch(r"\d{4}-\d{2}-\d{2}", values["confirmed_on"]):
        raise ValueError("confirmed_on: write the date as YYYY-MM-DD")
    return values


class Approval(StrictModel):
    """One line of the sign-off table approved by a partnership reviewer (knowledge/signoff.yml).

    The approval holds the exact words approved and the passage they restate: if either
    changes, the approval no longer applies and the line is shown as the assistant's own
    wording again until it is approved afresh.
    """
    key: str  # where the text lives, as the sign-off table names it
    text: str
    passage: str
    reviewer: str
    date: str

    @validator("date")
    def iso_date(cls, date):
        if not re.fullmatch(r"\d{4}-\d{2}-\d{2}", date):
            raise ValueError("write the date as YYYY-MM-DD")
        return date


class PythonText(StrictModel):
    """A text built in the code that presents the audit, and what fills it (see bot/content/signoff.py)."""
    file: str
    text: str  # the literal as written, with {} where the code fills something in
    shows: str  # what fills it, e.g. "a finding's approved summary, or else its poster words"


class SignOff(StrictModel):
    approvals: List[Approval] = []
    python_texts: List[PythonText] = []
