"""Reading a learning report for what to teach: the patterns most often noticed, the themes least chosen.

Shared by the report's one-page summary and a workshop planned from the report
(bot/modes/workshop/workshop_session.py). It reads only the suppressed
Report: a hidden count is never used to rank anything above a shown one.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import List, Optional, Sequence

from bot.content.knowledge import Knowledge
from bot.reporting.suppression import FEWER_THAN_5, Report, Shown

PATTERN, LEAST_CHOSEN = "pattern", "least_chosen"


@dataclass(frozen=True)
class Favoured:
    """A theme to favour, and why: the pattern it answers (with how often it was noticed), or how rarely chosen."""
    theme_id: str
    reason: str  # PATTERN or LEAST_CHOSEN
    pattern: Optional[str]  # the pattern's title, for PATTERN
    count: str  # as the report shows it: "12", "fewer than 5", "0"


def most_noticed(report: Report, how_many: int = 3) -> List[Shown]:
    """The patterns noticed most often, shown counts only (above nought), in the file's order between equals."""
    figure = report.figure("patterns")
    rows = [r for r in (figure.rows if figure else ()) if r.value]
    return sorted(rows, key=lambda r: -(r.value or 0))[:how_many]


def least_chosen(report: Report, how_many: int = 3) -> List[Shown]:
    """The themes chosen least: none first, then "fewer than 5", then by the number shown; "not shown" last."""
    figure = report.figure("themes_chosen")

    def order(row: Shown):
        if row.value is not None:
            return (0, 0) if row.value == 0 else (2, row.value)
        return (1, 0) if row.text == FEWER_THAN_5 else (3, 0)
    return sorted(figure.rows if figure else (), key=order)[:how_many]


def themes_to_favour(knowledge: Knowledge, report: Report, count: int) -> List[Favoured]:
    """`count` themes: the most-noticed pattern's first theme, then the least-chosen theme, and so on in turn.

    Nothing when the period had too few sessions to show any breakdown.
    """
    if report.too_few:
        return []
    patterns = {f"pattern.{p.id}": p for p in knowledge.patterns}
    from_patterns = [Favoured(theme_id, PATTERN, row.label, row.text) for row in most_noticed(report, len(patterns))
                     for theme_id in patterns[row.key].suggests]
    rare = [Favoured(row.key.split(".", 1)[1], LEAST_CHOSEN, None, row.text)
            for row in least_chosen(report, len(knowledge.themes))]
    chosen: List[Favoured] = []
    for pair in _alternate(from_patterns, rare):
        if len(chosen) == count:
            break
        if pair.theme_id not in {c.theme_id for c in chosen}:
            chosen.append(pair)
    return chosen


def _alternate(first: Sequence[Favoured], second: Sequence[Favoured]) -> List[Favoured]:
    """first[0], second[0], first[1], second[1]..., then whatever is left of the longer."""
    merged: List[Favoured] = []
    for index in range(max(len(first), len(second))):
        merged += [items[index] for items in (first, second) if index < len(items)]
    return merged
