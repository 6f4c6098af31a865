"""One question of a supervision session, as the plan holds it, and the kinds of question there are.

The data type only: what is asked when is decided in steps.py (and, for the closure check and the next
session on a case, in closure_steps.py and cycle.py, which build steps of this type).
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Optional, Tuple

from bot.reading.text_input import Choice

TEXT, NUMBER, CHOICE, MULTI, YES_NO, THEMES, REVIEW, CHRONOLOGY = (
    "text", "number", "choice", "multi", "yes_no", "themes", "review", "chronology")
FACTS, ACTION_REVIEW = "facts", "action_review"  # the next session on a case: bot/modes/supervision/cycle.py
DANGER_CHECK = "danger_check"  # "Is a child in danger right now?", asked between questions


@dataclass(frozen=True)
class Step:
    key: str
    kind: str
    prompt: str
    section: str
    label: str = ""  # short name for the summary and the change list
    theme_id: Optional[str] = None
    source: Optional[str] = None  # the audit finding behind a theme question
    number_range: Tuple[int, int] = (0, 0)
    needs_yes_or_no: bool = False  # other yes/no questions keep any free text as typed
    choices: Tuple[Choice, ...] = ()
    topic: Optional[str] = None  # what it asks about: the plan holds one step per topic
    extra: str = ""  # shown after the question (lists, links), never stored as the question
    stage: str = ""  # a theme question's stage in the reflective cycle
