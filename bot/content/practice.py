"""The schemas of the practice content: themes and their questions, toolkits, urgent help, the case's
options and patterns, wording checks, the stuck pathway, the closure check and the record's settings.
"""
from __future__ import annotations

import re
import string
from functools import lru_cache
from typing import Dict, List, Optional

from pydantic import root_validator, validator

from bot.content.base import (
    LANGUAGE_CHECKS,
    SESSION_KINDS,
    STAGES,
    StrictModel,
    THEME_IDS,
    TOOLKIT_IDS,
    YES_NO_CASE_STEPS,
    every_id,
    one_of,
    unique_ids,
    valid_patterns,
)
from bot.content.audit import (
    Link,
    reviewed,
)



class Question(StrictModel):
    stage: str
    ask: str
    finding: str
    topic: Optional[str] = None  # what it asks about: one question per topic in a session

    @validator("stage")
    def known_stage(cls, stage):
        if stage not in STAGES:
            raise ValueError(f"must be one of {', '.join(STAGES)}")
        return stage


class Theme(StrictModel):
    id: str
    title: str
    also_known_as: List[str]
    summary: str
    why_it_matters: str
    findings: List[str]
    questions: List[Question]
    toolkits: List[str] = []
    toolkits_when: List["ConditionalToolkits"] = []
    resources: List[str] = []  # ids of other_resources in toolkits.yml, shown with the theme
    read_more: List[Link] = []

    @validator("questions")
    def whole_cycle_in_order(cls, questions):
        order = [STAGES.index(q.stage) for q in questions]
        if order != sorted(order) or set(order) != set(range(len(STAGES))):
            raise ValueError("needs at least one question for each stage, in the order " + ", ".join(STAGES))
        return questions

    _known_toolkits = one_of("toolkits", TOOLKIT_IDS, "toolkit")


class ThemeFile(StrictModel):
    themes: List[Theme]

    _the_audit_themes = every_id("themes", THEME_IDS, "theme")


class ToolkitLink(StrictModel):
    title: str
    url: str
    scope: str
    confirmed: bool
    confirmed_by: Optional[str] = None  # the partnership reviewer who checked the address
    confirmed_on: Optional[str] = None  # when (YYYY-MM-DD)
    about: Optional[str] = None  # shown to practitioners
    note: Optional[str] = None  # for maintainers only: never shown in a session or a record

    _reviewed = root_validator(skip_on_failure=True, allow_reuse=True)(lambda cls, values: reviewed(values))


class Toolkit(StrictModel):
    id: str
    title: str
    also_known_as: List[str]
    when_to_use: str
    audit_finding: str  # the finding shown, in the poster's own words, with the toolkit
    links: List[ToolkitLink]


class Resource(StrictModel):
    id: str
    title: str
    url: str = ""
    confirmed: bool = False
    confirmed_by: Optional[str] = None
    confirmed_on: Optional[str] = None
    about: Optional[str] = None  # shown to practitioners
    stages: List[str] = []  # the steps a practitioner follows, e.g. the escalation stages
    note: Optional[str] = None  # for maintainers only: never shown in a session or a record

    class Config:
        min_anystr_length = 0

    _reviewed = root_validator(skip_on_failure=True, allow_reuse=True)(lambda cls, values: reviewed(values))


class ToolkitFile(StrictModel):
    toolkits: List[Toolkit]
    other_resources: List[Resource] = []

    @validator("toolkits")
    def both_toolkits(cls, toolkits):
        if sorted(t.id for t in toolkits) != sorted(TOOLKIT_IDS):
            raise ValueError(f"must hold exactly the toolkits {', '.join(TOOLKIT_IDS)}")
        return toolkits


class Contact(StrictModel):
    name: str
    when: str
    phone: str
    confirmed: bool
    confirmed_by: Optional[str] = None
    confirmed_on: Optional[str] = None
    note: Optional[str] = None

    @root_validator(skip_on_failure=True)
    def reviewed_unless_999(cls, values):
        """999 is the national emergency number; every other number needs a named reviewer to confirm it."""
        return values if values.get("phone") == "999" else reviewed(values)


class UrgentHelp(StrictModel):
    heading: str
    message: str
    contacts: List[Contact]
    carry_on: str
    check_question: str
    check_no: str
    unconfirmed_number: str
    danger_phrases: List[str]
    # how people type the words the danger check reads: a standard word and the ways it is typed
    spellings: Dict[str, List[str]] = {}
    # words ending in "in" that are not read with "ing" (said as swearing: "bleedin")
    dropped_g_kept: List[str] = []

    _valid_patterns = valid_patterns("danger_phrases")

    @validator("spellings")
    def typed_as_words(cls, spellings):
        """Each way of typing is words (letters, digits, apostrophes, a dot or a slash: "o.d'd", a ward's "d/c"),
        read as one standard word only."""
        seen: Dict[str, str] = {}
        for standard, variants in spellings.items():
            for variant in variants:
                if not re.fullmatch(r"[a-z0-9'’./]+( [a-z0-9'’./]+)*", variant):
                    raise ValueError(f"spellings.{standard}: '{variant}' must be lower-case words")
                if variant in spellings:
                    raise ValueError(f"spellings.{standard}: '{variant}' is a standard word itself")
                if seen.setdefault(variant, standard) != standard:
                    raise ValueError(f"spellings.{standard}: '{variant}' is already read as '{seen[variant]}'")
        return spellings


class UrgentFile(StrictModel):
    urgent_help: UrgentHelp


class Option(StrictModel):
    id: str
    label: str
    also_known_as: List[str] = []
    addition: bool = False  # not on the audit's own list: shown as an addition
    toolkits: List[str] = []  # toolkits this choice brings (e.g. a Neglect plan: the neglect toolkit)
    themes: List[str] = []  # a concern's themes, suggested after those the noticed patterns call for

    _known_toolkits = one_of("toolkits", TOOLKIT_IDS, "toolkit")

    _known_themes = one_of("themes", THEME_IDS, "theme")


class CaseOptions(StrictModel):
    plan_categories: List[Option]
    concerns: List[Option]
    agencies: List[Option]


class PatternConditions(StrictModel):
    previous_plans_at_least: Optional[int] = None
    months_since_last_plan_below: Optional[int] = None
    concerns_include: List[str] = []
    only_agencies: List[str] = []
    answer_is: Dict[str, str] = {}
    session_kind: Optional[str] = None

    @root_validator(skip_on_failure=True)
    def not_empty(cls, values):
        if not any(values.values()):
            raise ValueError("needs at least one condition")
        return values

    @validator("answer_is")
    def known_yes_no_steps(cls, answer_is):
        for step, value in answer_is.items():
            if step not in YES_NO_CASE_STEPS:
                raise ValueError(f"unknown step '{step}': use one of {', '.join(YES_NO_CASE_STEPS)}")
            if value not in ("yes", "no", "unsure"):
                raise ValueError(f"'{value}' for {step}: use yes, no or unsure")
        return answer_is

    _known_kind = one_of("session_kind", SESSION_KINDS, "session kind")


class ConditionalToolkits(StrictModel):
    """Toolkits a theme brings only when the case answers hold (e.g. closure considered)."""
    when: PatternConditions
    toolkits: List[str]

    _known_toolkits = one_of("toolkits", TOOLKIT_IDS, "toolkit")


Theme.update_forward_refs(ConditionalToolkits=ConditionalToolkits)
ThemeFile.update_forward_refs(ConditionalToolkits=ConditionalToolkits)


class Pattern(StrictModel):
    id: str
    title: str
    priority: int  # 1 comes first; the cap on pattern questions keeps the lowest numbers
    when: PatternConditions
    suggests: List[str] = []
    toolkits: List[str] = []
    finding: str
    why: str  # shown as what the audit found: says only what the finding's poster words say
    question: Optional[str] = None  # none only when the closure check is its question
    topic: Optional[str] = None
    always_ask: bool = False  # asked whatever the cap on pattern questions (closing the plan, the father)
    closure_check: bool = False  # its question is the whole closure check (closure.yml)

    _known_themes = one_of("suggests", THEME_IDS, "theme")

    @root_validator(skip_on_failure=True)
    def has_a_question(cls, values):
        if not values.get("question") and not values.get("closure_check"):
            raise ValueError("needs a question (or closure_check: true)")
        return values

    _known_toolkits = one_of("toolkits", TOOLKIT_IDS, "toolkit")


class PatternFile(StrictModel):
    patterns: List[Pattern]

    _unique_patterns = unique_ids("patterns", "pattern id")


class LanguageEntry(StrictModel):
    id: str
    patterns: List[str]
    check: str = "phrase"
    reason: str
    instead: str
    paraphrase_of: Optional[str] = None  # the poster passage a reason citing the audit comes from

    _valid_patterns = valid_patterns("patterns")

    _known_check = one_of("check", LANGUAGE_CHECKS, "check")

    def compiled(self) -> List["re.Pattern"]:
        return _compiled(tuple(self.patterns))


@lru_cache(maxsize=64)
def _compiled(patterns) -> List["re.Pattern"]:
    return [re.compile(p, re.IGNORECASE) for p in patterns]


class LanguageFile(StrictModel):
    entries: List[LanguageEntry]

    _unique_entries = unique_ids("entries", "language entry id")


class StuckQuestion(StrictModel):
    id: str
    ask: str


def one_open_question(text: str) -> str:
    """One question at a time: a single '?', at the end."""
    if text.count("?") != 1 or not text.rstrip().endswith("?"):
        raise ValueError(f"ask one question, ending with '?': {text[:60]}")
    return text


class LastingChange(StrictModel):
    """The poster's question about lasting change, for a third or later plan or a stuck worker."""
    previous_plans_at_least: int
    intro: str
    questions: List[StuckQuestion]

    _unique_questions = unique_ids("questions", "lasting change question id")

    @validator("questions", each_item=True)
    def single(cls, question):
        one_open_question(question.ask)
        return question


class StuckPathway(StrictModel):
    chronology_prompt: str
    chronology_more: str
    questions: List[StuckQuestion]
    lasting_change: LastingChange

    _unique_questions = unique_ids("questions", "stuck question id")


CLOSURE_FIELDS = {"agency": frozenset({"agency"}), "agency_who": frozenset({"agency"})}


class ClosureQuestions(StrictModel):
    """The closure check's questions, in the order asked; each one open question."""
    reasons: str
    history_typed: str
    history_asked: str
    agency: str
    agencies_unknown: str
    agency_who: str
    future_harm: str
    child: str
    lasting: str
    dissent: str

    @root_validator(skip_on_failure=True)
    def one_at_a_time(cls, values):
        for name, text in values.items():
            one_open_question(text)
            used = {f for _, f, _, _ in string.Formatter().parse(text) if f is not None}
            if used - CLOSURE_FIELDS.get(name, frozenset()):
                raise ValueError(f"{name}: only agency and agency_who may use {{agency}}")
        return values


class ClosureLabels(StrictModel):
    reasons: str
    history: str
    future_harm: str
    child: str
    lasting: str
    dissent: str


class StanceWords(StrictModel):
    """How an agency's view, as typed, is read: the first list that matches wins, in this order."""
    not_asked: List[str]
    disagrees: List[str]
    agrees: List[str]


class ConferenceRoute(StrictModel):
    """How to disagree with a conference decision: unconfirmed until the partnership checks it."""
    title: str
    url: str = ""
    confirmed: bool = False
    confirmed_by: Optional[str] = None
    confirmed_on: Optional[str] = None
    about: str
    stages: List[str]
    timescales: str  # what the procedure gives, or that they are to be confirmed
    note: Optional[str] = None  # for maintainers only

    @root_validator(skip_on_failure=True)
    def timescales_not_asserted(cls, values):
        reviewed(values)
        if not values["confirmed"] and "to be confirmed" not in values["timescales"].lower():
            raise ValueError("timescales: while unconfirmed, say they are to be confirmed")
        return values


class ClosureCheck(StrictModel):
    title: str
    request_words: List[str]
    intro: str
    added: str
    added_at_start: str
    already: str
    questions: ClosureQuestions
    labels: ClosureLabels
    earlier_heading: str
    today_heading: str
    stance_words: StanceWords
    conference_route: ConferenceRoute


class ClosureFile(StrictModel):
    closure_check: ClosureCheck


class RecordSettings(StrictModel):
    """How a saved record is marked (knowledge/record.yml): printed at the top of every page."""

    marking: str

    @validator("marking")
    def one_short_line(cls, marking):
        marking = marking.strip()
        if not marking or "\n" in marking or len(marking) > 60:
            raise ValueError("must be one short line of text, e.g. OFFICIAL-SENSITIVE")
        return marking


class RecordFile(StrictModel):
    record: RecordSettings
