"""A timeline picture of the plan history, for the Word record.

Plans are grey bars along a month axis, the gaps between them labelled;
incidents are marks below, one colour AND one shape per agency, so the
picture still reads when the record is printed in black and white.

matplotlib is imported inside timeline_figure so that importing bot/ stays
fast; it draws on its own Figure with the Agg canvas (no pyplot, no display,
no global state shared between conversations).
"""
from __future__ import annotations

import io
import math
import textwrap
from datetime import date
from typing import Dict, List, Optional, Tuple

from bot.modes.supervision.chronology import Chronology
from bot.reading.chronology_reading import Incident
from bot.reading.months import Month
from bot.records.record_model import ChronologyRecord

WIDTH_CM, HEIGHT_CM, DPI = 16.0, 7.0, 150
FONT = 8  # points, at the printed size: 16 cm wide in the record
# Okabe-Ito colours: told apart by people with colour-blindness, and of
# different lightness in greyscale. Shapes carry the difference when print is grey.
COLOURS = ("#0072B2", "#E69F00", "#009E73", "#D55E00", "#CC79A7", "#56B4E9", "#F0E442", "#000000")
MARKERS = ("o", "s", "^", "D", "v", "P", "X", "*", "h", "<", ">", "p", "d", "H", "8", "+", "1", "2", "3", "4")
NO_AGENCY_MARKER = "x"
PLAN_Y, PLAN_HEIGHT, INCIDENT_Y, STACK_STEP = 1.3, 0.5, 0.0, 0.3
GAP_LEVEL = 0.3  # how far a crowded gap label is raised
STACK_ROOM = 0.8  # incidents in one month stack up to here, below the plan bars


def agency_styles(chronology: Chronology) -> Dict[Optional[str], Tuple[str, str]]:
    """(colour, marker) per agency, in the order agencies first appear.

    Each agency in one picture gets its own shape; "agency not given" is an
    unfilled cross so it never looks like a named agency.
    """
    styles: Dict[Optional[str], Tuple[str, str]] = {}
    named = 0
    for incident in chronology.sorted_incidents():
        if incident.agency in styles:
            continue
        if incident.agency is None:
            styles[None] = ("#444444", NO_AGENCY_MARKER)
        else:
            styles[incident.agency] = (COLOURS[named % len(COLOURS)], MARKERS[named % len(MARKERS)])
            named += 1
    return styles


def _span(chronology: Chronology, this_month: Month) -> Tuple[int, int]:
    months = [p.start for p in chronology.plans] + [i.month for i in chronology.incidents]
    months += [p.end or this_month for p in chronology.plans]
    if not months:
        return this_month.index - 6, this_month.index + 1
    first, last = min(months).index, max(months).index
    pad = max(1, (last - first) // 30)
    room = 2 * pad + max(0, 12 - (last - first))  # at least a year across, so labels fit
    # share the room either side, but don't run on into the future
    after = min(room - room // 2, max(pad, this_month.index + 1 - last))
    return first - (room - after), last + after + 1


def _stacked(incidents: List[Incident]) -> List[Tuple[Incident, float]]:
    """Incidents in the same month are stacked upwards so none is hidden."""
    most: Dict[Month, int] = {}
    for incident in incidents:
        most[incident.month] = most.get(incident.month, 0) + 1
    step = min(STACK_STEP, STACK_ROOM / max(1, max(most.values(), default=1) - 1))
    counts: Dict[Month, int] = {}
    placed = []
    for incident in incidents:
        n = counts.get(incident.month, 0)
        counts[incident.month] = n + 1
        placed.append((incident, INCIDENT_Y + n * step))
    return placed


def _plan_label(number: Optional[int], category: str, width_pt: float, size: float) -> str:
    """ "Plan 2" and its category, wrapped to fit the bar; just the number if it won't."""
    name = f"Plan {number}" if number is not None else "Plan"
    chars = int(width_pt / (size * 0.6)) - 1  # a character spare either side
    lines = [name] + (textwrap.wrap(category, chars, break_long_words=False) if category and chars >= 4 else [])
    if len(lines) <= 3 and max(len(line) for line in lines) <= chars:
        return "\n".join(lines)
    if category and len(name) <= chars:
        return name
    return str(number) if number is not None else ""


def _month_ticks(first: int, last: int) -> Tuple[List[int], List[str]]:
    """Years for long histories; every few months, named, for short ones."""
    if last - first > 30:
        years = range(Month.from_index(first).year + 1, Month.from_index(last).year + 1)
        return [Month(y, 1).index for y in years], [str(y) for y in years]
    step = 3 if last - first > 10 else 1
    ticks = [i for i in range(first, last + 1) if (Month.from_index(i).month - 1) % step == 0]
    return ticks, [f"{Month.from_index(i).name[:3]}\n{Month.from_index(i).year}" for i in ticks]


def timeline_png(chronology: Chronology, today: Optional[date] = None, short_gap_months: int = 6) -> bytes:
    """The timeline as PNG bytes, kept in memory until the record embeds them (no file to clean up).

    An empty chronology still gives a picture, saying nothing was given, so a
    save never fails for want of a timeline.
    """
    buffer = io.BytesIO()
    timeline_figure(chronology, today, short_gap_months).savefig(buffer, format="png", dpi=DPI)
    return buffer.getvalue()


def timeline_figure(chronology: Chronology, today: Optional[date] = None, short_gap_months: int = 6):
    """The matplotlib Figure (Agg canvas), for timeline_png and for tests."""
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure
    from matplotlib.lines import Line2D

    this_month = Month.of(today or date.today())
    figure = Figure(figsize=(WIDTH_CM / 2.54, HEIGHT_CM / 2.54), dpi=DPI)
    FigureCanvasAgg(figure)
    axes = figure.add_subplot(1, 1, 1)
    first, last = _span(chronology, this_month)
    axes.set_xlim(first, last)
    axes.set_ylim(-0.35, 2.05)

    # Plans: bars from the start month to the end month (or this month if open).
    months_per_inch = (last - first) / (WIDTH_CM / 2.54 * 0.85)
    for plan in chronology.sorted_plans():
        end = plan.end or this_month
        width = max(0.6, plan.start.months_between(end))
        axes.barh(PLAN_Y, width, left=plan.start.index, height=PLAN_HEIGHT, color="#d9d9d9",
                  edgecolor="black", linewidth=0.8, hatch="///" if plan.end is None else None,
                  linestyle="--" if plan.end is None else "-")
        label = _plan_label(plan.number, plan.category, width / months_per_inch * 72, FONT - 1)
        axes.text(plan.start.index + width / 2, PLAN_Y, label, ha="center", va="center",
                  fontsize=FONT - 1, clip_on=True,
                  bbox=dict(boxstyle="square,pad=0.1", facecolor="white", edgecolor="none", alpha=0.8)
                  if plan.end is None else None)
        if plan.end is None:
            axes.text(end.index, PLAN_Y + PLAN_HEIGHT / 2 + 0.05, "still open", ha="right",
                      va="bottom", fontsize=FONT - 1.5, style="italic")

    # Gaps: a bracket over each gap with its length; short gaps in bold. Labels
    # of gaps close together are raised a level so they never overprint.
    level_ends: List[float] = []  # where the last label on each level ends, in months
    for gap in chronology.gaps():
        if gap.months <= 0 or gap.before.end is None:
            continue
        left, right = gap.before.end.index, gap.after.start.index
        label = f"{gap.months} month" + ("" if gap.months == 1 else "s")
        half = len(label) * FONT * 0.62 / 72 * months_per_inch / 2
        middle = (left + right) / 2
        level = next((n for n, end in enumerate(level_ends) if middle - half > end), len(level_ends))
        if level == len(level_ends):
            level_ends.append(0.0)
        level_ends[level] = middle + half
        y = PLAN_Y + PLAN_HEIGHT / 2 + 0.15
        axes.plot([left, left, right, right], [y - 0.08, y, y, y - 0.08], color="black", linewidth=0.8)
        if level:
            axes.plot([middle, middle], [y, y + 0.04 + level * GAP_LEVEL], color="black", linewidth=0.5)
        short = gap.months < short_gap_months
        axes.text(middle, y + 0.04 + level * GAP_LEVEL, label, ha="center", va="bottom", fontsize=FONT,
                  fontweight="bold" if short else "normal",
                  bbox=dict(boxstyle="square,pad=0.05", facecolor="white", edgecolor="none"))
    top = PLAN_Y + PLAN_HEIGHT / 2 + 0.55 + max(0, len(level_ends) - 1) * GAP_LEVEL
    axes.set_ylim(-0.35, max(2.05, top))

    # Incidents: one colour and one shape per agency.
    styles = agency_styles(chronology)
    for incident, y in _stacked(chronology.sorted_incidents()):
        colour, marker = styles[incident.agency]
        filled = marker != NO_AGENCY_MARKER
        axes.plot([incident.month.index], [y], linestyle="none", marker=marker, markersize=6,
                  markerfacecolor=colour if filled else "none",
                  markeredgecolor="black" if filled else colour, markeredgewidth=0.7 if filled else 1.4)

    axes.set_yticks([INCIDENT_Y, PLAN_Y])
    axes.set_yticklabels(["Incidents", "CP plans"], fontsize=FONT)
    axes.tick_params(axis="y", length=0)
    ticks, labels = _month_ticks(first, last)
    axes.set_xticks(ticks)
    axes.set_xticklabels(labels, fontsize=FONT)
    axes.set_xticks(range(first, last + 1), minor=True)
    axes.tick_params(axis="x", which="minor", length=2)
    axes.grid(axis="x", which="major", color="#bbbbbb", linewidth=0.5)
    axes.set_axisbelow(True)
    for side in ("top", "right", "left"):
        axes.spines[side].set_visible(False)
    if chronology.incidents and not chronology.plans:
        axes.text((first + last) / 2, PLAN_Y, "No plans given", ha="center", va="center",
                  fontsize=FONT, style="italic", color="#444444")
    if chronology.is_empty:
        axes.text((first + last) / 2, 1, "No plans or incidents were given.", ha="center",
                  va="center", fontsize=FONT + 1, style="italic")

    handles = [Line2D([], [], linestyle="none", marker=marker, markersize=6,
                      markerfacecolor=colour if marker != NO_AGENCY_MARKER else "none",
                      markeredgecolor="black" if marker != NO_AGENCY_MARKER else colour,
                      markeredgewidth=0.7 if marker != NO_AGENCY_MARKER else 1.4,
                      label=chronology.agency_name(agency))
               for agency, (colour, marker) in styles.items()]
    columns = min(len(handles), 4) or 1
    rows = math.ceil(len(handles) / columns)
    # Room below the axes, in points: tick labels (one or two lines), then the legend.
    tick_lines = max(label.count("\n") + 1 for label in labels) if labels else 1
    room = tick_lines * FONT * 1.3 + 10 + rows * FONT * 1.75 + 4
    bottom = room / 72 / (HEIGHT_CM / 2.54)
    if handles:
        figure.legend(handles=handles, loc="lower center", ncol=columns, fontsize=FONT - 0.5,
                      frameon=False, handletextpad=0.3, columnspacing=1.2, borderaxespad=0.2)
    figure.subplots_adjust(left=0.12, right=0.98, top=0.97, bottom=bottom)
    return figure


def describe_timeline(chronology: Chronology, today: Optional[date] = None) -> str:
    """Alt text: what the picture shows, in words, for screen readers and grey print."""
    if chronology.is_empty:
        return "Timeline: no plans or incidents were given."
    this_month = Month.of(today or date.today())
    plans = chronology.sorted_plans()
    incidents = chronology.sorted_incidents()
    months = [p.start for p in plans] + [i.month for i in incidents] + \
        [p.end or this_month for p in plans]
    parts = [f"Timeline from {min(months)} to {max(months)}."]
    if plans:
        described = []
        for plan in plans:
            name = plan.name
            when = f"{plan.start} to {plan.end}" if plan.end else f"from {plan.start}, still open"
            described.append(f"{name}, {when}" + (f" ({plan.category})" if plan.category else ""))
        parts.append(f"{_count(len(plans), 'child protection plan')}: " + "; ".join(described) + ".")
    gaps = chronology.gaps()
    if gaps:
        said = []
        for gap in gaps:
            if gap.months < 0 or gap.before.end is None:
                said.append(f"{gap.after.name} overlaps {gap.before.name}")
            else:
                said.append(f"{_count(gap.months, 'month')} between {gap.before.name} and {gap.after.name}")
        parts.append("Gaps: " + "; ".join(said) + ".")
    if incidents:
        by_agency: Dict[Optional[str], int] = {}
        for incident in incidents:
            by_agency[incident.agency] = by_agency.get(incident.agency, 0) + 1
        known = [f"{n} {chronology.agency_name(a) if a else 'with no agency given'}"
                 for a, n in by_agency.items()]
        on_plan = sum(1 for i in incidents if any(
            p.start <= i.month <= (p.end or this_month) for p in plans))
        parts.append(f"{_count(len(incidents), 'incident')} ({', '.join(known)}): "
                     f"{on_plan} during a plan, {len(incidents) - on_plan} outside a plan. "
                     f"Each agency has its own colour and shape.")
    else:
        parts.append("No incidents were given.")
    return " ".join(parts)


def chronology_record(chronology: Chronology, today: Optional[date] = None,
                      short_gap_months: int = 6, audit: Optional[Dict[str, str]] = None) -> ChronologyRecord:
    """Everything the Word record needs: read-back, flags (with the audit's words, `audit`), picture, alt text."""
    return ChronologyRecord(
        entries_readback=chronology.readback(),
        flags=[f.text for f in chronology.flags(short_gap_months=short_gap_months, today=today, audit=audit)],
        image_png=timeline_png(chronology, today=today, short_gap_months=short_gap_months),
        alt_text=describe_timeline(chronology, today=today),
    )


def _count(count: int, noun: str) -> str:
    return f"{count} {noun}" + ("" if count == 1 else "s")
