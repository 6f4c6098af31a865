"""The record's "Since the last supervision": last time's actions and what happened, the scale and patterns
then and now, and the dates of the earlier sessions on the case.

Built from the copy of the last session that the new session keeps (bot/modes/supervision/cycle.py), so the
section is whole even if an earlier session has since been deleted.
"""
from __future__ import annotations

from datetime import date
from typing import Dict, List, Optional

from bot.content.knowledge import Knowledge
from bot.modes.supervision import cycle
from bot.reading import follow_up
from bot.reading.months import long_date, short_date
from bot.records.record_model import ActionFollowUp, SinceLast
from bot.records.scale_picture import scale_alt_text, scale_png

HEADING = "Since the last supervision"
PICTURE_TITLE = "Safety scale at each supervision"
PICTURE_FROM = 3  # sessions on the case, this one included


def build_since(k: Knowledge, answers: Dict, kind: str, today: Optional[date] = None) -> Optional[SinceLast]:
    """The section, when this session started from the last one on its case; None otherwise."""
    from bot.modes.supervision.suggestions import noticed_patterns

    last = cycle.previous(answers)
    if last is None:
        return None
    today = today or cycle.today()

    def given(key: str) -> Optional[str]:
        answer = answers.get(key)
        return None if answer is None or answer.skipped else answer.text

    actions = []
    for number, action in enumerate(last.actions):
        key = f"{cycle.ACTION_PREFIX}{number}"
        answer = answers.get(key)
        status = answer.value if answer is not None and not answer.skipped else None
        said = follow_up.STATUS_LABELS[status] if status in follow_up.STATUS_LABELS else \
            "Skipped" if answer is not None else "Not asked"
        actions.append(ActionFollowUp(
            what=action.get("what") or "", owner=action.get("owner"), by_when=action.get("by_when"), status=said,
            happened=given(key), in_the_way=given(f"{key}.in_the_way"),
            late=status in (follow_up.NOT_DONE, follow_up.PARTLY)
            and cycle.overdue(action, last.day, today) is not None))
    scale = answers.get("safety.scale")
    now = scale.value if scale is not None and not scale.skipped and isinstance(scale.value, int) else None
    titles = {p.id: p.title for p in k.patterns}
    still, new, gone = cycle.compare(last.patterns, [p.id for p in noticed_patterns(k, answers, kind)])
    theme_titles = {t.id: t.title for t in k.themes}
    earlier = [(short_date(date.fromisoformat(e["date"])), e.get("scale")) for e in last.earlier]
    section = SinceLast(
        last_date=long_date(last.day), earlier_dates=[when for when, _ in earlier], actions=actions,
        scale_then=last.scale, scale_now=now, movement=cycle.movement(last.scale, now),
        still=[titles[i] for i in still if i in titles], new=[titles[i] for i in new if i in titles],
        gone=[titles[i] for i in gone if i in titles],
        themes_then=[theme_titles[t] for t in last.themes if t in theme_titles],
        scales=earlier + [(f"{short_date(today)} (now)", now)],
    )
    if len(section.scales) >= PICTURE_FROM:
        section.image_png, section.alt_text = scale_png(section.scales), scale_alt_text(section.scales)
    return section


def _scale(value: Optional[int]) -> str:
    return "not given" if value is None else str(value)


def glance(since: SinceLast) -> str:
    """One cell for "At a glance": how last time's actions went, and the scale then and now."""
    counts: Dict[str, int] = {}
    for action in since.actions:
        counts[action.status] = counts.get(action.status, 0) + 1
    actions = ", ".join(f"{n} {status.lower()}" for status, n in counts.items()) or "none were recorded"
    late = sum(action.late for action in since.actions)
    lines = [f"Last supervision: {since.last_date}.", f"Its actions: {actions}"
             + (f" ({late} past its date)" if late == 1 else f" ({late} past their dates)" if late else "") + ".",
             f"Safety scale: then {_scale(since.scale_then)}, now {_scale(since.scale_now)} ({since.movement})."]
    return "\n".join(lines)


def write_since(w, since: SinceLast) -> None:
    """The section, on the writer of bot/records/record_docx.py."""
    w.heading(HEADING)
    w.para(f"Earlier supervision on this case: {'; '.join(since.earlier_dates)}.")
    w.heading("Last time's actions and what happened", level=2)
    rows = []
    for action in since.actions:
        happened = action.status + (" (its date has passed)" if action.late else "")
        if action.happened and action.happened.strip().lower() != action.status.lower():
            happened += f"\nAs typed: {action.happened}"
        rows.append((action.what, action.owner or "Not recorded", action.by_when or "Not recorded", happened,
                     action.in_the_way or ""))
    w.table(rows or [("No actions were recorded last time", "", "", "", "")],
            header=("Action", "Owner", "By when", "What happened", "What got in the way"))
    w.heading("Safety scale then and now", level=2)
    w.table([(f"Then ({since.last_date})", _scale(since.scale_then)), ("Now", _scale(since.scale_now)),
             ("Movement", since.movement)])
    if since.image_png:
        w.picture(since.image_png, since.alt_text, title=PICTURE_TITLE)
    w.heading("The audit's patterns then and now", level=2)
    w.bullets([f"Still there: {'; '.join(since.still) or 'none'}", f"New: {'; '.join(since.new) or 'none'}",
               f"Gone: {'; '.join(since.gone) or 'none'}"])
    w.para(f"Themes reflected on last time: {'; '.join(since.themes_then) or 'none recorded'}.")


def glance_rows_since(since: Optional[SinceLast]) -> List[tuple]:
    return [(HEADING, glance(since))] if since is not None else []
