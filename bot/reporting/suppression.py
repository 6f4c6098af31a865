"""What the report may show: small counts hidden, and nothing a hidden count can be worked out from.

The rules, applied to the figures gathered by figures.py:

1. A period with fewer than ten sessions shows no breakdowns: the report only
   says so (and the number of sessions as "fewer than 10").
2. A count from one to four sessions (or workshops) is shown as "fewer than 5"
   (primary suppression). A count of things said in workshops (group points)
   is hidden when it comes from fewer than five workshops. Nought is shown:
   it is no one.
3. No hidden count may be worked out by subtraction (secondary suppression).
   Counts are tied together when they must add up: the rows of a breakdown
   and its total; a count that is exactly some rows of another breakdown (the
   sessions with an earlier plan are the 1, 2 and 3-or-more rows); and two
   counts of exactly the same sessions (the stuck pathway's sessions and the
   pattern "feeling stuck"). In every such sum, either nothing is hidden or
   at least two counts are: where only one would be, the smallest other count
   above nought is hidden too ("not shown"), and this is repeated until every
   sum holds. The ties are found from the sessions each count is made of, so
   a new figure cannot slip past them.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Dict, FrozenSet, List, Optional, Tuple

from bot.reporting.figures import Figure, Figures, Row

SMALLEST_SHOWN = 5  # a count from fewer sessions than this is hidden
SMALLEST_PERIOD = 10  # a period with fewer sessions shows no breakdowns
FEWER_THAN_5 = "fewer than 5"
NOT_SHOWN = "not shown"  # hidden so that a smaller count cannot be worked out by subtraction
TOO_FEW_SESSIONS = "fewer than 10"
FROM_FEW_WORKSHOPS = "from fewer than 5 workshops"


@dataclass(frozen=True)
class Shown:
    """One row as the report shows it: a number, or why there is none."""
    key: str
    label: str
    value: Optional[int]  # None when hidden
    text: str  # "12", "fewer than 5" or "not shown"
    share: str = ""  # of the figure's total, e.g. "25%", when the row and the total are shown
    detail: str = ""


@dataclass(frozen=True)
class ShownFigure:
    key: str
    title: str
    rows: Tuple[Shown, ...]
    total: Optional[Shown]
    column: str
    note: str = ""


@dataclass(frozen=True)
class Report:
    period: str
    sessions: Shown
    workshops: Shown
    figures: Tuple[ShownFigure, ...]  # empty when the period has too few sessions
    too_few: bool

    def figure(self, key: str) -> Optional[ShownFigure]:
        return next((f for f in self.figures if f.key == key), None)


def suppress(figures: Figures) -> Report:
    """The report with every rule above applied: the only thing the writers and workshops read."""
    sessions = len(figures.sessions)
    if sessions < SMALLEST_PERIOD:
        return Report(str(figures.period), Shown("sessions.total", "Sessions held", None, TOO_FEW_SESSIONS),
                      Shown("workshops.total", "Workshops run", None, NOT_SHOWN), (), True)
    hidden = hidden_keys(figures)
    shown = [_shown_figure(f, hidden) for f in figures.figures]
    total_sessions = Row("sessions.total", "Sessions held", figures.sessions)
    total_workshops = Row("workshops.total", "Workshops run", figures.workshops)
    return Report(str(figures.period), _shown(total_sessions, hidden), _shown(total_workshops, hidden),
                  tuple(shown), False)


def hidden_keys(figures: Figures) -> Dict[str, str]:
    """{row key: "fewer than 5" or "not shown"} for every count the rules hide."""
    rows: Dict[str, Row] = {}
    for figure in figures.figures:
        for row in figure.rows + ([figure.total] if figure.total else []):
            rows.setdefault(row.key, row)
    hidden = {key: FEWER_THAN_5 for key, row in rows.items() if 0 < len(row.members) < SMALLEST_SHOWN}
    sums = _sums(figures, rows)
    changed = True
    while changed:
        changed = False
        for total, parts in sums:
            members = [total] + parts
            if sum(1 for key in members if key in hidden) != 1:
                continue
            candidates = [key for key in parts if key not in hidden and rows[key].count > 0]
            candidates = candidates or [key for key in members if key not in hidden and rows[key].count > 0]
            if candidates:
                smallest = min(candidates, key=lambda key: (rows[key].count, key))
                hidden[smallest] = NOT_SHOWN
                changed = True
    return hidden


def _sums(figures: Figures, rows: Dict[str, Row]) -> List[Tuple[str, List[str]]]:
    """Every (total, parts) that must add up: breakdowns, counts made of some rows of one, same sessions."""
    counted = {key: row for key, row in rows.items() if row.points is None}
    units = {}
    for figure in figures.figures:
        for row in figure.rows + ([figure.total] if figure.total else []):
            units[row.key] = figure.unit
    sums: List[Tuple[str, List[str]]] = []
    breakdowns = [f for f in figures.figures if f.adds_up and f.total is not None]
    for figure in breakdowns:
        assert figure.total is not None
        sums.append((figure.total.key, [r.key for r in figure.rows]))
    for key, row in counted.items():
        if not row.members:
            continue
        for figure in breakdowns:
            assert figure.total is not None
            if units[key] != figure.unit or key == figure.total.key or not row.members <= figure.total.members:
                continue
            inside = [r.key for r in figure.rows if r.members and r.members <= row.members]
            if key in inside or len(inside) < 2:
                continue
            if frozenset().union(*(rows[k].members for k in inside)) == row.members:
                outside = [r.key for r in figure.rows if r.key not in inside]
                sums.append((key, inside))  # this count is those rows added up...
                sums.append((figure.total.key, [key] + outside))  # ...so the total is it and the rest
    seen: Dict[Tuple[str, FrozenSet], str] = {}
    for key, row in counted.items():  # the same sessions counted twice, in two figures
        if row.members:
            same = seen.setdefault((units[key], row.members), key)
            if same != key:
                sums.append((same, [key]))
    return sums


def _shown(row: Row, hidden: Dict[str, str], total: Optional[Row] = None) -> Shown:
    why = hidden.get(row.key)
    if why is not None:
        if row.points is not None:  # a count of points, hidden because it comes from too few workshops
            why = FROM_FEW_WORKSHOPS
        return Shown(row.key, row.label, None, why, "", row.detail)
    share = ""
    if total is not None and total.key not in hidden and len(total.members) and row.points is None:
        share = f"{round(100 * row.count / len(total.members))}%"
    return Shown(row.key, row.label, row.count, str(row.count), share, row.detail)


def _shown_figure(figure: Figure, hidden: Dict[str, str]) -> ShownFigure:
    rows = tuple(_shown(row, hidden, figure.total) for row in figure.rows)
    total = _shown(figure.total, hidden) if figure.total is not None else None
    return ShownFigure(figure.key, figure.title, rows, total, figure.column, figure.note)

