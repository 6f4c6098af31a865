"""Workshop mode: its content (vignettes.yml, workshop.yml) and the plan of a workshop.

The partnership edits both files without code, so, as in bot/knowledge.py, a
mistake stops start-up with a message naming the file and the field. Every
vignette is invented teaching material and must say so.

`plan_workshop` turns the lead's choices (length, group, themes) into a plan:
an opening with the audit's headline findings, one part per theme (vignette,
questions, key message, toolkit), a break in longer workshops, and a close.
The minutes of the parts always add up to the chosen length. Nothing in a plan
comes from a supervision session: only knowledge/ and the lead's choices.
"""
from __future__ import annotations

import re
import string
from dataclasses import dataclass
from pathlib import Path
from typing import Dict, FrozenSet, List, Optional, Sequence, Tuple

from pydantic import Field, StrictBool, ValidationError, root_validator, validator

from .knowledge import (
    THEME_IDS, TOOLKIT_IDS, UNCONFIRMED_CAUTION, Knowledge, KnowledgeError, StrictModel, check_unique, one_of,
    parse_model, read_yaml, unique_ids,
)
from .privacy import identifying_details
from .record_model import DEFAULT_MARKING, protective_marking

VIGNETTES_FILE = "vignettes.yml"
WORKSHOP_FILE = "workshop.yml"
GROUP_IDS = ("new_workers", "experienced", "multi_agency", "social_care_only")
SENTENCES_IN_TEXT = (4, 7)
SENTENCES_IN_KEY_MESSAGE = (1, 2)
QUESTIONS_PER_VIGNETTE = (2, 4)

# Item kinds and ids in a plan.
OPENING, THEME, BREAK, CLOSE = "opening", "theme", "break", "close"

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


class WorkshopPlanError(ValueError):
    """The lead's choices can't make a plan (an unknown group or theme, a length out of range)."""


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
        return min(self.at_most, max(self.at_least, _round(total * self.share)))


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

    @validator("groups")
    def the_groups(cls, groups):
        ids = [g.id for g in groups]
        check_unique(ids, "group id")
        missing = set(GROUP_IDS) - set(ids)
        if missing:
            raise ValueError(f"missing groups: {', '.join(sorted(missing))}")
        return groups

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
        missing = set(PROMPT_FIELDS) - set(prompts)
        if missing:
            raise ValueError(f"missing {', '.join(sorted(missing))}")
        for name, text in prompts.items():
            allowed = PROMPT_FIELDS.get(name)
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


# ----- the plan -----------------------------------------------------------------------

@dataclass(frozen=True)
class Part:
    label: str
    minutes: int


@dataclass(frozen=True)
class LinkShown:
    title: str
    url: str
    note: Optional[str] = None
    confirmed: bool = True


@dataclass(frozen=True)
class ToolkitShown:
    id: str
    title: str
    when_to_use: str
    links: Tuple[LinkShown, ...]


@dataclass(frozen=True)
class VignetteShown:
    id: str
    title: str
    text: str
    findings: Tuple[str, ...]  # the audit's own words for each finding it illustrates


@dataclass(frozen=True)
class PlanItem:
    id: str  # "opening", "theme.<theme id>", "break", "close": points are kept under it
    kind: str
    title: str
    start: int  # minutes from the start of the workshop
    minutes: int
    parts: Tuple[Part, ...] = ()
    text: Tuple[str, ...] = ()  # paragraphs
    lists: Tuple[Tuple[str, Tuple[str, ...]], ...] = ()  # (heading, lines), e.g. the headline findings
    vignette: Optional[VignetteShown] = None
    questions: Tuple[str, ...] = ()
    key_message: Optional[str] = None
    toolkit: Optional[ToolkitShown] = None
    read_more: Tuple[LinkShown, ...] = ()
    facilitator_note: Optional[str] = None
    theme_id: Optional[str] = None

    @property
    def end(self) -> int:
        return self.start + self.minutes


@dataclass(frozen=True)
class WorkshopPlan:
    title: str
    minutes: int
    group_id: str
    group_label: str
    theme_ids: Tuple[str, ...]
    items: Tuple[PlanItem, ...]
    headlines: Tuple[str, ...]
    notes: Tuple[str, ...] = ()  # e.g. "tight for time"
    audit_title: str = ""
    labels: Optional[Labels] = None
    pack: Optional[PackWording] = None
    marking: str = DEFAULT_MARKING  # printed on every page of the pack

    @property
    def total_minutes(self) -> int:
        return sum(item.minutes for item in self.items)

    def item(self, item_id: str) -> Optional[PlanItem]:
        return next((i for i in self.items if i.id == item_id), None)

    def theme_items(self) -> List[PlanItem]:
        return [i for i in self.items if i.kind == THEME]

    def link_text(self, link: LinkShown) -> str:
        """'title: url', with the one caution every unconfirmed address carries."""
        line = f"{link.title}: {link.url}"
        return line if link.confirmed else f"{line} ({UNCONFIRMED_CAUTION})"

    def toolkits(self) -> List[ToolkitShown]:
        """Each toolkit shown in the workshop, once, in the order first shown."""
        seen: Dict[str, ToolkitShown] = {}
        for item in self.items:
            if item.toolkit and item.toolkit.id not in seen:
                seen[item.toolkit.id] = item.toolkit
        return list(seen.values())


def clock(minutes: int) -> str:
    """Minutes from the start as h:mm, e.g. 0:45, 1:30."""
    return f"{minutes // 60}:{minutes % 60:02d}"


def describe_length(minutes: int) -> str:
    """'45 minutes', '90 minutes', '1 hour', '2 hours'."""
    if minutes % 60 == 0:
        hours = minutes // 60
        return f"{hours} hour{'s' if hours > 1 else ''}"
    return f"{minutes} minutes"


def suggested_themes(content: WorkshopContent, minutes: int, group_id: str) -> List[str]:
    """The group's preferred themes first, then the default order, as many as suit the length."""
    order: List[str] = []
    for theme_id in list(content.group(group_id).prefer) + list(content.workshop.default_theme_order):
        if theme_id not in order:
            order.append(theme_id)
    return order[:content.theme_count(minutes)]


def plan_workshop(content: WorkshopContent, knowledge: Knowledge, minutes: int, group: str,
                  theme_ids: Optional[Sequence[str]] = None) -> WorkshopPlan:
    w = content.workshop
    if isinstance(minutes, bool) or not isinstance(minutes, int):
        raise WorkshopPlanError(f"minutes must be a whole number, not {minutes!r}")
    if not w.lengths.shortest <= minutes <= w.lengths.longest:
        raise WorkshopPlanError(f"a workshop can be {w.lengths.shortest} to {w.lengths.longest} minutes, "
                                f"not {minutes}")
    if group not in {g.id for g in w.groups}:
        raise WorkshopPlanError(f"unknown group '{group}': use one of {', '.join(g.id for g in w.groups)}")
    if theme_ids is None:
        themes = suggested_themes(content, minutes, group)
    else:
        themes = list(dict.fromkeys(theme_ids))
        known = {t.id for t in knowledge.themes}
        unknown = [t for t in themes if t not in known]
        if unknown:
            raise WorkshopPlanError(f"unknown themes: {', '.join(unknown)}")
        if not themes:
            raise WorkshopPlanError("choose at least one theme")

    opening_minutes = w.timing.opening.minutes(minutes)
    close_minutes = w.timing.close.minutes(minutes)
    break_minutes = w.timing.break_minutes(minutes)
    theme_minutes = _share_equally(minutes - opening_minutes - close_minutes - break_minutes, len(themes))
    if min(theme_minutes) < 1:
        raise WorkshopPlanError(f"{len(themes)} themes don't fit in {minutes} minutes")
    break_after = (len(themes) + 1) // 2

    items: List[PlanItem] = []
    start = 0

    def add(item: PlanItem) -> None:
        nonlocal start
        items.append(item)
        start += item.minutes

    add(_opening(content, knowledge, group, start, opening_minutes))
    for number, (theme_id, theme_time) in enumerate(zip(themes, theme_minutes), 1):
        add(_theme_item(content, knowledge, theme_id, group, start, theme_time))
        if break_minutes and number == break_after:
            add(PlanItem(id=BREAK, kind=BREAK, title=w.break_.title, start=start, minutes=break_minutes,
                         text=(w.break_.text,)))
    add(_close(content, knowledge, start, close_minutes))

    notes: List[str] = []
    typical = min(theme_minutes)
    if typical < w.timing.comfortable_theme_minutes:
        notes.append(content.prompt("tight_timing", minutes=typical))
    elif typical > w.timing.roomy_theme_minutes:
        notes.append(content.prompt("roomy_timing", minutes=typical))

    audit = knowledge.audit.source
    return WorkshopPlan(
        title=w.title, minutes=minutes, group_id=group, group_label=content.group(group).label,
        theme_ids=tuple(themes), items=tuple(items), headlines=tuple(knowledge.audit.headline_texts),
        notes=tuple(notes), audit_title=f"{audit.title}, {audit.partnership}, {audit.date}",
        labels=w.labels, pack=w.pack, marking=protective_marking(knowledge),
    )


def _opening(content: WorkshopContent, knowledge: Knowledge, group_id: str, start: int,
             minutes: int) -> PlanItem:
    opening = content.workshop.opening
    audit = knowledge.audit.source
    return PlanItem(
        id=OPENING, kind=OPENING, title=opening.title, start=start, minutes=minutes,
        text=(opening.purpose, f"{audit.title}, {audit.partnership}, {audit.date}. {audit.scope}"),
        lists=((opening.headlines_intro, tuple(knowledge.audit.headline_texts)),
               (content.workshop.labels.ground_rules, tuple(opening.ground_rules))),
        questions=(opening.question,),
        facilitator_note=content.group(group_id).facilitator_note,
    )


def _theme_item(content: WorkshopContent, knowledge: Knowledge, theme_id: str, group_id: str,
                start: int, minutes: int) -> PlanItem:
    theme = knowledge.theme(theme_id)
    vignette = content.vignette_for(theme_id, group_id)
    toolkit_id = vignette.toolkit or (theme.toolkits[0] if theme.toolkits else None)
    toolkit = None
    if toolkit_id:
        found = knowledge.toolkit(toolkit_id)
        toolkit = ToolkitShown(found.id, found.title, found.when_to_use, tuple(
            LinkShown(link.title, link.url, link.note, link.confirmed) for link in found.links))
    parts = content.workshop.timing.theme_parts
    return PlanItem(
        id=f"{THEME}.{theme_id}", kind=THEME, title=theme.title, start=start, minutes=minutes,
        parts=tuple(Part(part.part, part_minutes) for part, part_minutes in
                    zip(parts, _split(minutes, [p.share for p in parts])) if part_minutes),
        text=(theme.summary,),
        vignette=VignetteShown(vignette.id, vignette.title, vignette.text,
                               tuple(knowledge.finding(f).poster_text for f in vignette.findings)),
        questions=tuple(vignette.questions),
        key_message=vignette.key_message,
        toolkit=toolkit,
        read_more=tuple(LinkShown(link.title, link.url) for link in theme.read_more
                        if not toolkit or link.url not in {shown.url for shown in toolkit.links}),
        theme_id=theme_id,
    )


def _close(content: WorkshopContent, knowledge: Knowledge, start: int, minutes: int) -> PlanItem:
    close = content.workshop.close
    return PlanItem(
        id=CLOSE, kind=CLOSE, title=close.title, start=start, minutes=minutes,
        text=(close.text, close.reminder),
        lists=((close.good_practice_intro, tuple(knowledge.audit.good_practice)),),
        questions=tuple(close.questions),
    )


def _round(value: float) -> int:
    """Halves round up, whatever Python's banker's rounding would do."""
    return int(value + 0.5)


def _share_equally(total: int, count: int) -> List[int]:
    base, extra = divmod(total, count)
    return [base + (1 if n < extra else 0) for n in range(count)]


def _split(total: int, shares: Sequence[float]) -> List[int]:
    """Whole minutes in proportion to the shares, adding up to total (largest remainders first)."""
    whole = sum(shares)
    exact = [total * s / whole for s in shares]
    minutes = [int(e) for e in exact]
    by_remainder = sorted(range(len(shares)), key=lambda i: (-(exact[i] - minutes[i]), i))
    for i in by_remainder[: total - sum(minutes)]:
        minutes[i] += 1
    return minutes


def check(knowledge_dir: Path, knowledge: Knowledge) -> str:
    """A line for `python -m bot check`: raises KnowledgeError on any mistake."""
    content = load_workshop_content(knowledge_dir, knowledge)
    try:
        for total in (content.workshop.lengths.shortest, content.workshop.lengths.longest):
            for group in content.groups:
                plan_workshop(content, knowledge, total, group.id)
    except (WorkshopPlanError, ValidationError) as exc:  # pragma: no cover - guarded by the file checks
        raise KnowledgeError(f"{Path(knowledge_dir) / WORKSHOP_FILE}: {exc}") from exc
    return (f"Workshop OK: {len(content.vignettes)} invented vignettes for "
            f"{len({v.theme for v in content.vignettes})} themes, {len(content.groups)} groups.")
