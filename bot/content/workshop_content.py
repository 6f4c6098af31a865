"""Workshop mode's content: vignettes.yml and workshop.yml, their schemas and their loader.

The partnership edits both files without code, so, as in bot/content/knowledge.py, a
mistake stops start-up with a message naming the file and the field. Every
vignette is invented teaching material and must say so. The plan of a
workshop made from this content is in bot/modes/workshop/workshop_plan.py.
"""
from __future__ import annotations

import re
from pathlib import Path
from typing import Dict, FrozenSet, List, Optional, Tuple

from pydantic import Field, StrictBool, root_validator, validator

from bot.content.base import (
    THEME_IDS, TOOLKIT_IDS, KnowledgeError, StrictModel, check_prompts, check_unique, every_id, one_of, unique_ids,
)
from bot.content.knowledge import Knowledge, parse_model, read_yaml
from bot.reading.privacy import identifying_details

VIGNETTES_FILE = "vignettes.yml"
WORKSHOP_FILE = "workshop.yml"
GROUP_IDS = ("new_workers", "experienced", "multi_agency", "social_care_only")
SENTENCES_IN_TEXT = (4, 7)
SENTENCES_IN_KEY_MESSAGE = (1, 2)
QUESTIONS_PER_VIGNETTE = (2, 4)

# Every prompt the workshop uses, with the {names} it may contain.
PROMPT_FIELDS: Dict[str, FrozenSet[str]] = {
    "intro": frozenset(),
    "ask_length": frozenset(),
    "length_not_recognised": frozenset({"shortest", "longest"}),
    "length_chosen": frozenset({"length"}),
    "ask_group": frozenset(),
    "group_not_recognised": frozenset(),
    "group_chosen": frozenset({"group"}),
    "ask_themes": frozenset({"length", "count", "suggested"}),
    "themes_not_recognised": frozenset(),
    "themes_chosen": frozenset({"themes"}),
    "report_themes": frozenset({"period"}),
    "report_why_pattern": frozenset({"theme", "pattern", "count"}),
    "report_why_least_chosen": frozenset({"theme", "count"}),
    "report_too_few": frozenset({"period"}),
    "report_period_not_recognised": frozenset(),
    "plan_heading": frozenset({"length", "group"}),
    "tight_timing": frozenset({"minutes"}),
    "roomy_timing": frozenset({"minutes"}),
    "review_intro": frozenset(),
    "review_help": frozenset(),
    "item_heading": frozenset({"number", "count", "start", "end", "minutes", "title"}),
    "item_cue": frozenset({"number", "count", "title", "end"}),
    "last_item_cue": frozenset({"number", "count", "title", "end"}),
    "point_noted": frozenset({"title", "count"}),
    "questions_heading": frozenset(),
    "no_questions": frozenset(),
    "at_last_item": frozenset(),
    "at_first_item": frozenset(),
    "plan_locked": frozenset(),
    "no_plan_yet": frozenset(),
    "nothing_to_save_yet": frozenset(),
    "help": frozenset(),
    "empty_message": frozenset(),
    "paused": frozenset(),
    "saved": frozenset({"file", "folder", "points"}),
    "no_session": frozenset(),
    "resumed": frozenset(),
    "nothing_to_resume": frozenset(),
    "already_in_workshop": frozenset(),
    "privacy_prompt": frozenset({"what"}),
    "urgent_point_saved": frozenset(),
}

_SENTENCE_END = re.compile(r"(?<=[.!?])[\"'\u2019\u201d)]*\s+")
_TITLED_NAME = re.compile(r"\b(?:Mr|Mrs|Ms|Miss|Mx|Dr)\.?\s+[A-Z]")


def round_half_up(value: float) -> int:
    """Halves round up, whatever Python's banker's rounding would do."""
    return int(value + 0.5)


def count_sentences(text: str) -> int:
    return len([s for s in _SENTENCE_END.split(text.strip()) if s.strip()])


def _between(count: int, limits: Tuple[int, int], what: str) -> None:
    low, high = limits
    if not low <= count <= high:
        raise ValueError(f"needs {low} to {high} {what}, found {count}")


# ----- vignettes.yml ---------------------------------------------------------------

class Vignette(StrictModel):
    id: str
    theme: str
    title: str
    invented: StrictBool
    text: str
    findings: List[str]
    questions: List[str]
    key_message: str
    toolkit: Optional[str] = None
    groups: List[str] = []

    @validator("invented")
    def must_be_invented(cls, invented):
        if invented is not True:
            raise ValueError("must be true: vignettes are invented teaching material, never a real case")
        return invented

    @validator("text")
    def a_short_invented_case(cls, text):
        _between(count_sentences(text), SENTENCES_IN_TEXT, "sentences")
        found = identifying_details(text)
        if found:
            raise ValueError(f"seems to hold {' and '.join(found)}: use roles, never real details")
        if _TITLED_NAME.search(text):
            raise ValueError("seems to name someone (Mr, Mrs, Ms...): use roles such as \"the mother\"")
        return text

    @validator("findings")
    def some_findings(cls, findings):
        if not findings:
            raise ValueError("needs at least one finding from audit.yml")
        check_unique(findings, "finding")
        return findings

    @validator("questions")
    def a_few_questions(cls, questions):
        _between(len(questions), QUESTIONS_PER_VIGNETTE, "questions")
        return questions

    @validator("key_message")
    def short_message(cls, message):
        _between(count_sentences(message), SENTENCES_IN_KEY_MESSAGE, "sentences")
        return message

    _known_toolkit = one_of("toolkit", TOOLKIT_IDS, "toolkit")


class VignetteFile(StrictModel):
    vignettes: List[Vignette]

    _unique_vignettes = unique_ids("vignettes", "vignette id")


# ----- workshop.yml -----------------------------------------------------------------

class Lengths(StrictModel):
    buttons: List[int]
    shortest: int
    longest: int

    @root_validator(skip_on_failure=True)
    def in_range(cls, values):
        shortest, longest = values["shortest"], values["longest"]
        if not 1 <= shortest < longest:
            raise ValueError("shortest must be at least 1 and less than longest")
        if not values["buttons"]:
            raise ValueError("buttons: needs at least one length")
        for minutes in values["buttons"]:
            if not shortest <= minutes <= longest:
                raise ValueError(f"buttons: {minutes} is outside {shortest} to {longest}")
        return values


class ThemeCount(StrictModel):
    up_to_minutes: int
    themes: int

    @validator("themes")
    def possible(cls, themes):
        if not 1 <= themes <= len(THEME_IDS):
            raise ValueError(f"must be from 1 to {len(THEME_IDS)}")
        return themes


class Share(StrictModel):
    share: float
    at_least: int
    at_most: int

    @root_validator(skip_on_failure=True)
    def sensible(cls, values):
        if not 0 < values["share"] < 1:
            raise ValueError("share must be between 0 and 1")
        if not 1 <= values["at_least"] <= values["at_most"]:
            raise ValueError("at_least must be at least 1 and no more than at_most")
        return values

    def minutes(self, total: int) -> int:
        return min(self.at_most, max(self.at_least, round_half_up(total * self.share)))


class BreakTiming(StrictModel):
    from_minutes: int
    minutes: int

    @validator("minutes")
    def positive(cls, minutes):
        if minutes < 1:
            raise ValueError("must be at least 1")
        return minutes


class ThemePart(StrictModel):
    part: str
    share: float

    @validator("share")
    def positive(cls, share):
        if share <= 0:
            raise ValueError("must be more than 0")
        return share


class Timing(StrictModel):
    opening: Share
    close: Share
    break_: BreakTiming = Field(..., alias="break")
    theme_parts: List[ThemePart]
    comfortable_theme_minutes: int
    roomy_theme_minutes: int

    @validator("theme_parts")
    def shares_add_up(cls, parts):
        if not parts:
            raise ValueError("needs at least one part")
        if abs(sum(p.share for p in parts) - 1) > 0.001:
            raise ValueError("the shares must add up to 1")
        return parts

    def break_minutes(self, total: int) -> int:
        return self.break_.minutes if total >= self.break_.from_minutes else 0

    def fixed_minutes(self, total: int) -> int:
        return self.opening.minutes(total) + self.close.minutes(total) + self.break_minutes(total)


class Group(StrictModel):
    id: str
    label: str
    also_known_as: List[str] = []
    prefer: List[str]
    facilitator_note: str

    @validator("prefer")
    def known_themes(cls, prefer):
        if not prefer:
            raise ValueError("needs at least one theme")
        for theme_id in prefer:
            if theme_id not in THEME_IDS:
                raise ValueError(f"unknown theme '{theme_id}'")
        check_unique(prefer, "theme")
        return prefer


class Opening(StrictModel):
    title: str
    purpose: str
    headlines_intro: str
    ground_rules: List[str]
    question: str


class BreakText(StrictModel):
    title: str
    text: str


class Close(StrictModel):
    title: str
    text: str
    questions: List[str]
    good_practice_intro: str
    reminder: str


class PackWording(StrictModel):
    title: str
    notes_heading: str
    notes_intro: str
    plan_heading: str
    group_heading: str
    no_points: str
    other_points_heading: str
    handout_title: str
    handout_intro: str
    handout_findings_heading: str
    handout_messages_heading: str
    handout_toolkits_heading: str
    handout_footer: str


class Labels(StrictModel):
    vignette: str
    illustrates: str
    questions: str
    key_message: str
    toolkit: str
    read_more: str
    facilitator_note: str
    ground_rules: str


class WorkshopFile(StrictModel):
    title: str
    lengths: Lengths
    theme_counts: List[ThemeCount]
    timing: Timing
    groups: List[Group]
    default_theme_order: List[str]
    opening: Opening
    break_: BreakText = Field(..., alias="break")
    close: Close
    pack: PackWording
    labels: Labels
    prompts: Dict[str, str]

    @validator("theme_counts")
    def ascending(cls, counts):
        if not counts:
            raise ValueError("needs at least one entry")
        limits = [c.up_to_minutes for c in counts]
        if limits != sorted(set(limits)):
            raise ValueError("up_to_minutes must go up from one entry to the next")
        return counts

    _the_groups = every_id("groups", GROUP_IDS, "group")

    @validator("default_theme_order")
    def every_theme_once(cls, order):
        check_unique(order, "theme")
        unknown = set(order) - set(THEME_IDS)
        if unknown:
            raise ValueError(f"unknown themes: {', '.join(sorted(unknown))}")
        missing = set(THEME_IDS) - set(order)
        if missing:
            raise ValueError(f"missing themes: {', '.join(sorted(missing))}")
        return order

    @validator("prompts")
    def every_prompt(cls, prompts):
        check_prompts(prompts, PROMPT_FIELDS)
        return prompts

    @root_validator(skip_on_failure=True)
    def time_for_every_theme(cls, values):
        lengths, timing = values["lengths"], values["timing"]
        if values["theme_counts"][-1].up_to_minutes < lengths.longest:
            raise ValueError(f"theme_counts: the last up_to_minutes must be at least lengths.longest "
                             f"({lengths.longest})")
        for total in range(lengths.shortest, lengths.longest + 1):
            if total - timing.fixed_minutes(total) < len(THEME_IDS):
                raise ValueError(f"timing: at {total} minutes the opening, close and break leave less "
                                 f"than a minute for each of the {len(THEME_IDS)} themes")
        return values


# ----- the content, loaded ----------------------------------------------------------

class WorkshopContent:
    """vignettes.yml and workshop.yml, checked against each other and the knowledge."""

    def __init__(self, vignettes: List[Vignette], workshop: WorkshopFile):
        self.vignettes = vignettes
        self.workshop = workshop

    @property
    def groups(self) -> List[Group]:
        return self.workshop.groups

    def group(self, group_id: str) -> Group:
        return next(g for g in self.workshop.groups if g.id == group_id)

    def prompt(self, key: str, **values: object) -> str:
        return self.workshop.prompts[key].format(**values)

    def vignettes_for(self, theme_id: str) -> List[Vignette]:
        return [v for v in self.vignettes if v.theme == theme_id]

    def vignette_for(self, theme_id: str, group_id: str) -> Vignette:
        """One that suits the group, else the first for any group, else the first."""
        options = self.vignettes_for(theme_id)
        return (next((v for v in options if group_id in v.groups), None)
                or next((v for v in options if not v.groups), None)
                or options[0])

    def theme_count(self, minutes: int) -> int:
        return next((c.themes for c in self.workshop.theme_counts if minutes <= c.up_to_minutes),
                    self.workshop.theme_counts[-1].themes)


def load_workshop_content(knowledge_dir: Path, knowledge: Knowledge) -> WorkshopContent:
    directory = Path(knowledge_dir)
    vignettes_path, workshop_path = directory / VIGNETTES_FILE, directory / WORKSHOP_FILE
    vignettes = parse_model(VignetteFile, read_yaml(directory, VIGNETTES_FILE), vignettes_path).vignettes
    workshop = parse_model(WorkshopFile, read_yaml(directory, WORKSHOP_FILE), workshop_path)

    theme_ids = [t.id for t in knowledge.themes]
    finding_ids = {f.id for f in knowledge.audit.findings}
    group_ids = {g.id for g in workshop.groups}
    for index, vignette in enumerate(vignettes):
        where = f"{vignettes_path}: vignettes.{index}"
        if vignette.theme not in theme_ids:
            raise KnowledgeError(f"{where}.theme: unknown theme '{vignette.theme}' (vignette '{vignette.id}')")
        for finding_id in vignette.findings:
            if finding_id not in finding_ids:
                raise KnowledgeError(f"{where}.findings: unknown finding '{finding_id}' "
                                     f"(vignette '{vignette.id}'); use an id from audit.yml")
        for group_id in vignette.groups:
            if group_id not in group_ids:
                raise KnowledgeError(f"{where}.groups: unknown group '{group_id}' (vignette '{vignette.id}'); "
                                     f"use a group id from {WORKSHOP_FILE}")
    missing = [t for t in theme_ids if not any(v.theme == t for v in vignettes)]
    if missing:
        raise KnowledgeError(f"{vignettes_path}: vignettes: no vignette for the themes {', '.join(missing)}; "
                             f"every theme needs at least one")
    for index, group in enumerate(workshop.groups):
        for theme_id in group.prefer:
            if theme_id not in theme_ids:
                raise KnowledgeError(f"{workshop_path}: groups.{index}.prefer: unknown theme '{theme_id}'")
    return WorkshopContent(vignettes, workshop)
