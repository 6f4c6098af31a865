"""The plan of a workshop, made from the lead's choices and the content (bot/content/workshop_content.py).

`plan_workshop` turns the lead's choices (length, group, themes) into a plan:
an opening with the audit's headline findings, one part per theme (vignette,
questions, key message, toolkit), a break in longer workshops, and a close.
The minutes of the parts always add up to the chosen length. Nothing in a plan
comes from a supervision session: only knowledge/ and the lead's choices.
"""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Dict, List, Optional, Sequence, Tuple

from pydantic import ValidationError

from bot.content.knowledge import UNCONFIRMED_CAUTION, Knowledge, KnowledgeError
from bot.records.record_model import DEFAULT_MARKING, protective_marking
from bot.content.workshop_content import (
    WORKSHOP_FILE, Labels, PackWording, WorkshopContent, load_workshop_content,
)

# Item kinds and ids in a plan.
OPENING, THEME, BREAK, CLOSE = "opening", "theme", "break", "close"


class WorkshopPlanError(ValueError):
    """The lead's choices can't make a plan (an unknown group or theme, a length out of range)."""


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


def suggested_themes(content: WorkshopContent, minutes: int, group_id: str, favoured: Sequence[str] = ()) -> List[str]:
    """The group's preferred themes first, then the default order, as many as suit the length.

    `favoured` themes (from the learning report: bot/reporting/planning.py) come before all of them.
    """
    order: List[str] = []
    for theme_id in list(favoured) + list(content.group(group_id).prefer) + list(content.workshop.default_theme_order):
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
        theme_ids=tuple(themes), items=tuple(items), headlines=tuple(knowledge.headline_texts),
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
        lists=((opening.headlines_intro, tuple(knowledge.headline_texts)),
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
