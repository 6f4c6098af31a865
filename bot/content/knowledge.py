"""Load and check the content in knowledge/.

The partnership edits these YAML files without code, so a mistake must stop
start-up with a message naming the file and the field, never half-load.

Why one long module: it is the schema of every knowledge file (one pydantic
model per block, read top to bottom in file order) plus the cross-references
between files, which need all of them at once. The rules beyond shape (is it
the poster's words?) are in bot/content/provenance.py; the workshop's files in
bot/content/workshop_content.py.
"""
from __future__ import annotations

import re
import string
from functools import lru_cache
from pathlib import Path
from typing import Dict, FrozenSet, List, Optional

import yaml
from pydantic import BaseModel, ValidationError, root_validator, validator

from bot.safety.danger import DangerSentences

STAGES = ("experience", "reflection", "analysis", "action")
THEME_IDS = (
    "disguised_compliance", "over_optimism", "cumulative_harm", "escalation",
    "voice_of_child", "voice_of_father", "think_family", "multi_agency",
    "language_and_recording", "domestic_abuse", "neglect",
)
TOOLKIT_IDS = ("neglect", "domestic_abuse")
SESSION_KINDS = ("supervision", "stuck")
LANGUAGE_CHECKS = ("phrase", "label_without_behaviour", "unnamed_adult")
YES_NO_CASE_STEPS = ("case.father_involved", "case.several_parental_adults", "case.closure_considered")
SOURCE_FILE = Path("sources") / "audit-repeat-cp-plans-2025.yml"  # the poster's passages, beside its text
# The one caution shown with every address or number not yet checked by the partnership.
UNCONFIRMED_CAUTION = "check this link with your team before relying on it"
# Every prompt the conversation uses, with the {names} it may contain; conversation.yml must define
# each, and may use no other {name} (check_prompts).
PROMPT_FIELDS: Dict[str, FrozenSet[str]] = {
    "already_in_session": frozenset(),
    "case_reference_alone": frozenset(),
    "ask_action_more": frozenset(),
    "ask_action_owner": frozenset(),
    "ask_action_what": frozenset(),
    "ask_action_what_next": frozenset(),
    "ask_action_when": frozenset(),
    "ask_agencies": frozenset(),
    "ask_case_reference": frozenset(),
    "ask_child_age": frozenset(),
    "ask_child_views": frozenset(),
    "ask_closure_considered": frozenset(),
    "ask_concerns": frozenset(),
    "ask_day_in_life": frozenset(),
    "ask_decisions": frozenset(),
    "ask_escalation": frozenset(),
    "ask_escalation_detail": frozenset(),
    "ask_father_involved": frozenset(),
    "ask_months_since_last_plan": frozenset(),
    "ask_needs_to_happen": frozenset(),
    "ask_plan_category": frozenset(),
    "ask_previous_plans": frozenset(),
    "ask_safety_reason": frozenset(),
    "ask_safety_scale": frozenset(),
    "ask_several_parental_adults": frozenset(),
    "ask_supervisor": frozenset(),
    "ask_themes": frozenset({"suggested"}),
    "why_concern": frozenset({"concern"}),
    "why_voice_of_child": frozenset(),
    "voice_of_child_available": frozenset({"number"}),
    "left_for_time": frozenset({"items"}),
    "ask_toolkit_used": frozenset({"toolkit"}),
    "ask_worker": frozenset(),
    "did_you_mean": frozenset({"command"}),
    "earlier_question": frozenset(),
    "ask_working_well": frozenset(),
    "ask_family_strengths": frozenset(),
    "ask_worried": frozenset(),
    "added_list": frozenset({"items"}),
    "ask_short_theme": frozenset(),
    "audit_list": frozenset({"items"}),
    "escalation_route": frozenset({"title"}),
    "more_links": frozenset(),
    "short_chosen": frozenset(),
    "short_offer": frozenset(),
    "working_well_prompts": frozenset(),
    "back_to_question": frozenset(),
    "change_need_number": frozenset({"high"}),
    "change_which": frozenset(),
    "choose_session": frozenset(),
    "empty_message": frozenset(),
    "help_in_session": frozenset(),
    "need_number": frozenset({"high", "low"}),
    "need_yes_no": frozenset(),
    "no_session": frozenset(),
    "no_session_but_unfinished": frozenset(),
    "noted": frozenset({"what"}),
    "nothing_to_resume": frozenset(),
    "nothing_to_skip": frozenset(),
    "patterns_noticed": frozenset(),
    "paused": frozenset(),
    "privacy_prompt": frozenset({"what"}),
    "privacy_prompt_outside_session": frozenset({"what"}),
    "resumed": frozenset({"case"}),
    "review_help": frozenset(),
    "review_intro": frozenset(),
    "saved": frozenset({"file", "folder"}),
    "saved_early": frozenset({"file", "folder", "left"}),
    "record_not_written": frozenset({"why"}),
    "why_folder": frozenset(),
    "why_disk_full": frozenset(),
    "why_database": frozenset(),
    "why_other": frozenset(),
    "record_was_saved": frozenset({"file", "folder"}),
    "records_folder": frozenset(),
    "session_intro": frozenset(),
    "skipped": frozenset(),
    "stuck_intro": frozenset(),
    "summary_heading": frozenset(),
    "switched_to_stuck": frozenset(),
    "history_so_far": frozenset(),
    "stuck_offer": frozenset(),
    "themes_chosen": frozenset({"themes"}),
    "themes_question": frozenset(),
    "toolkit_for_theme": frozenset({"links", "toolkit"}),
    "themes_not_recognised": frozenset(),
    "urgent_answer_saved": frozenset(),
    "which_theme": frozenset(),
    "which_toolkit": frozenset(),
    "wording_kept": frozenset(),
    "wording_prompt": frozenset({"instead", "phrase", "reason"}),
}


class KnowledgeError(Exception):
    """A knowledge file is missing, unreadable or fails its checks."""


def unique_ids(field: str, what: str):
    """A validator: the items of `field` have different ids (what: e.g. "finding id")."""
    def check(cls, items):
        check_unique([item.id for item in items], what)
        return items
    return validator(field, allow_reuse=True)(check)


def every_id(field: str, required, what: str):
    """A validator: the items of `field` have different ids and include every one of `required`."""
    def check(cls, items):
        ids = [item.id for item in items]
        check_unique(ids, f"{what} id")
        missing = set(required) - set(ids)
        if missing:
            raise ValueError(f"missing {what}s: {', '.join(sorted(missing))}")
        return items
    return validator(field, allow_reuse=True)(check)


def one_of(field: str, allowed, what: str):
    """A validator: each item of `field` (or the field itself) is one of `allowed`; None passes."""
    def check(cls, value):
        if value is not None and value not in allowed:
            raise ValueError(f"unknown {what} '{value}': use one of {', '.join(allowed)}")
        return value
    return validator(field, each_item=True, allow_reuse=True)(check)


def valid_patterns(field: str):
    """A validator: each item of `field` is a regular expression Python can compile."""
    def check(cls, pattern):
        try:
            re.compile(pattern)
        except re.error as exc:
            raise ValueError(f"'{pattern}' is not a valid pattern: {exc}") from exc
        return pattern
    return validator(field, each_item=True, allow_reuse=True)(check)


def check_prompts(prompts: Dict[str, str], fields: Dict[str, FrozenSet[str]]) -> None:
    """Every prompt there, none unknown, and each using only the {names} the code fills in.

    One checker for the conversation's prompts and the workshop's: a typo in a
    {name} would otherwise stop a practitioner's session with an error.
    """
    missing = set(fields) - set(prompts)
    if missing:
        raise ValueError(f"missing {', '.join(sorted(missing))}")
    for name, text in prompts.items():
        allowed = fields.get(name)
        if allowed is None:
            raise ValueError(f"unknown prompt '{name}'")
        try:
            used = {f for _, f, _, _ in string.Formatter().parse(text) if f is not None}
        except ValueError as exc:
            raise ValueError(f"{name}: {exc} (use {{name}} for what the assistant fills in)") from exc
        wrong = used - allowed
        if wrong:
            can = ", ".join("{" + f + "}" for f in sorted(allowed)) or "none"
            raise ValueError(f"{name}: unknown {', '.join('{' + w + '}' for w in sorted(wrong))} "
                             f"(this prompt can use: {can})")


def check_unique(ids: List[str], what: str) -> None:
    seen = set()
    for item in ids:
        if item in seen:
            raise ValueError(f"duplicate {what} '{item}'")
        seen.add(item)


class StrictModel(BaseModel):
    class Config:
        extra = "forbid"  # a misspelt field name is an error, not silently ignored
        anystr_strip_whitespace = True
        min_anystr_length = 1


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

    _valid_patterns = valid_patterns("danger_phrases")


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


class Knowledge(BaseModel):
    source: SourceDocument
    audit: Audit
    themes: List[Theme]
    toolkits: List[Toolkit]
    other_resources: List[Resource]
    urgent: UrgentHelp
    case_options: CaseOptions
    patterns: List[Pattern]
    language: List[LanguageEntry]
    stuck: StuckPathway
    closure: ClosureCheck
    prompts: Dict[str, str]
    danger_sentences: DangerSentences
    record: RecordSettings
    signoff: SignOff = SignOff()

    @root_validator(skip_on_failure=True)
    def cross_references(cls, values):
        passages = values["source"].passages
        for finding in values["audit"].findings:
            if collapse(finding.poster_text) not in {collapse(t) for t in passages.values()}:
                raise ValueError(f"audit.yml: finding '{finding.id}': poster_text is not one of the "
                                 f"passages in {SOURCE_FILE}")
        named = [("audit.yml", f"headline '{h.text[:40]}'", h.paraphrase_of) for h in values["audit"].headlines]
        named += [("language.yml", f"entry '{e.id}'", e.paraphrase_of) for e in values["language"]]
        for file, what, passage in named:
            if passage is not None and passage not in passages:
                raise ValueError(f"{file}: {what}: paraphrase_of names unknown passage '{passage}'")
        resource_ids = {r.id for r in values["other_resources"]}
        for theme in values["themes"]:
            for rid in theme.resources:
                if rid not in resource_ids:
                    raise ValueError(f"themes.yml: theme '{theme.id}' names unknown resource '{rid}'")
        finding_ids = {f.id for f in values["audit"].findings}
        for toolkit in values["toolkits"]:
            if toolkit.audit_finding not in finding_ids:
                raise ValueError(f"toolkits.yml: toolkit '{toolkit.id}' names unknown finding "
                                 f"'{toolkit.audit_finding}'")
        for theme in values["themes"]:
            for fid in theme.findings + [q.finding for q in theme.questions]:
                if fid not in finding_ids:
                    raise ValueError(f"themes.yml: theme '{theme.id}' names unknown finding '{fid}'")
        for pattern in values["patterns"]:
            if pattern.finding not in finding_ids:
                raise ValueError(f"patterns.yml: pattern '{pattern.id}' names unknown finding '{pattern.finding}'")
        concern_ids = {c.id for c in values["case_options"].concerns}
        agency_ids = {a.id for a in values["case_options"].agencies}
        for pattern in values["patterns"]:
            for cid in pattern.when.concerns_include:
                if cid not in concern_ids:
                    raise ValueError(f"patterns.yml: pattern '{pattern.id}' names unknown concern '{cid}'")
            for aid in pattern.when.only_agencies:
                if aid not in agency_ids:
                    raise ValueError(f"patterns.yml: pattern '{pattern.id}' names unknown agency '{aid}'")
        try:
            check_prompts(values["prompts"], PROMPT_FIELDS)
        except ValueError as error:
            raise ValueError(f"conversation.yml: prompts: {error}") from error
        return values

    def theme(self, theme_id: str) -> Theme:
        return next(t for t in self.themes if t.id == theme_id)

    def toolkit(self, toolkit_id: str) -> Toolkit:
        return next(t for t in self.toolkits if t.id == toolkit_id)

    def finding(self, finding_id: str) -> Finding:
        return next(f for f in self.audit.findings if f.id == finding_id)

    def approved(self, key: str, text: str, passage: str) -> bool:
        """A reviewer approved these exact words as restating this passage (knowledge/signoff.yml)."""
        return any(a.key == key and collapse(a.text) == collapse(text) and a.passage == passage
                   for a in self.signoff.approvals)

    def audit_words(self, finding_id: str) -> str:
        """What may follow "From the audit: " for a finding.

        The summary once a reviewer has approved it; until then the poster's own words, with
        the summary marked as the assistant's wording, so nothing unapproved is shown as the audit's.
        """
        finding = self.finding(finding_id)
        if self.approved(f"audit.yml: findings.{finding_id}.summary", finding.summary, self.passage_of(finding_id)):
            return finding.summary
        return f"\"{finding.poster_text}\" (in the assistant's words: {finding.summary})"

    def pattern_source(self, pattern: "Pattern") -> str:
        """A pattern's reason, shown as the audit's only once approved; else its finding's poster words."""
        if self.approved(f"patterns.yml: {pattern.id}.why", pattern.why, self.passage_of(pattern.finding)):
            return pattern.why
        finding = self.finding(pattern.finding)
        return f"\"{finding.poster_text}\" (in the assistant's words: {pattern.why})"

    @property
    def headline_texts(self) -> List[str]:
        """The workshop's headlines: each approved paraphrase, or else the passage's own words."""
        return [h.text if self.approved(f"audit.yml: headlines.{n}", h.text, h.paraphrase_of)
                else self.source.passages[h.paraphrase_of]
                for n, h in enumerate(self.audit.headlines, 1)]

    @property
    def finding_summaries(self) -> Dict[str, str]:
        """finding id -> what is shown as the audit's words wherever it is cited (see audit_words)."""
        return {f.id: self.audit_words(f.id) for f in self.audit.findings}

    def passage_of(self, finding_id: str) -> str:
        """The poster passage id (e.g. worried.3) holding a finding's words."""
        words = collapse(self.finding(finding_id).poster_text)
        return next(pid for pid, text in self.source.passages.items() if collapse(text) == words)

    def resource(self, resource_id: str) -> Resource:
        return next(r for r in self.other_resources if r.id == resource_id)

    def link_line(self, title: str, url: str, confirmed: bool) -> str:
        """'title: url', with the one caution when the address is not yet confirmed."""
        line = f"{title}: {url}" if url else title
        return line if confirmed else f"{line} ({UNCONFIRMED_CAUTION})"

    def pattern(self, pattern_id: str) -> Pattern:
        return next(p for p in self.patterns if p.id == pattern_id)

    def prompt(self, key: str, **values: object) -> str:
        return self.prompts[key].format(**values)


def read_yaml(directory: Path, name: str) -> dict:
    path = directory / name
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except FileNotFoundError as exc:
        raise KnowledgeError(f"{path}: file is missing") from exc
    except yaml.YAMLError as exc:
        raise KnowledgeError(f"{path}: not valid YAML: {exc}") from exc
    if not isinstance(data, dict):
        raise KnowledgeError(f"{path}: expected a mapping of fields at the top level")
    return data


def parse_model(model, data: dict, path: Path):
    try:
        return model.parse_obj(data)
    except ValidationError as exc:
        problems = "; ".join(
            f"{'.'.join(str(p) for p in err['loc'])}: {err['msg']}" for err in exc.errors()
        )
        raise KnowledgeError(f"{path}: {problems}") from exc


def load_source(directory: Path) -> SourceDocument:
    """The poster's passages, each checked to be word for word on the poster's text."""
    path = Path(directory) / SOURCE_FILE
    source = parse_model(SourceDocument, read_yaml(Path(directory), str(SOURCE_FILE)), path)
    text_path = path.parent / source.text_file
    try:
        source.text = text_path.read_text(encoding="utf-8")
    except FileNotFoundError as exc:
        raise KnowledgeError(f"{text_path}: file is missing") from exc
    for passage_id, words in source.passages.items():
        if not source.on_document(words):
            raise KnowledgeError(f"{path}: passages.{passage_id}: not word for word on {source.text_file}")
    return source


def load_knowledge(directory: Path) -> Knowledge:
    directory = Path(directory)
    themes = parse_model(ThemeFile, read_yaml(directory, "themes.yml"), directory / "themes.yml")
    toolkits = parse_model(ToolkitFile, read_yaml(directory, "toolkits.yml"), directory / "toolkits.yml")
    prompts = read_yaml(directory, "conversation.yml").get("prompts")
    if not isinstance(prompts, dict) or not all(isinstance(v, str) for v in prompts.values()):
        raise KnowledgeError(f"{directory / 'conversation.yml'}: prompts: must map names to text")
    try:
        return Knowledge(
            source=load_source(directory),
            audit=parse_model(Audit, read_yaml(directory, "audit.yml"), directory / "audit.yml"),
            themes=themes.themes,
            toolkits=toolkits.toolkits,
            other_resources=toolkits.other_resources,
            urgent=parse_model(UrgentFile, read_yaml(directory, "urgent_help.yml"),
                               directory / "urgent_help.yml").urgent_help,
            case_options=parse_model(CaseOptions, read_yaml(directory, "case_options.yml"),
                                     directory / "case_options.yml"),
            patterns=parse_model(PatternFile, read_yaml(directory, "patterns.yml"),
                                 directory / "patterns.yml").patterns,
            language=parse_model(LanguageFile, read_yaml(directory, "language.yml"),
                                 directory / "language.yml").entries,
            stuck=parse_model(StuckPathway, read_yaml(directory, "stuck.yml"), directory / "stuck.yml"),
            closure=parse_model(ClosureFile, read_yaml(directory, "closure.yml"),
                                directory / "closure.yml").closure_check,
            prompts=prompts,
            danger_sentences=parse_model(DangerSentences, read_yaml(directory, "danger_sentences.yml"),
                                    directory / "danger_sentences.yml"),
            record=parse_model(RecordFile, read_yaml(directory, "record.yml"), directory / "record.yml").record,
            signoff=parse_model(SignOff, read_yaml(directory, "signoff.yml"), directory / "signoff.yml"),
        )
    except ValidationError as exc:
        raise KnowledgeError("; ".join(err["msg"] for err in exc.errors())) from exc


@lru_cache(maxsize=4)
def cached_knowledge(directory: str) -> Knowledge:
    """One load per process: the files are read at start, not per message."""
    return load_knowledge(Path(directory))
