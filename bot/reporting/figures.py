"""Gathering a period's figures from the database: coded columns only, counted by session.

Every query here names its columns, and none is free text, a case reference,
a name, a sender id or a date shown as such: sessions give their id (to count
each once), kind and the month they started; answers their step key, coded
`value` and whether they were skipped; notes only their kind; workshops their
theme ids; points only the part of the plan they were said in. What was
noticed is worked out again from the coded answers with the same rules the
session used (bot/modes/supervision/suggestions.py), so nothing typed is read.

A figure's rows each hold the set of sessions (or workshops) they count, so
that suppression.py can tell which counts are the same people or add up to
another, and hide them together.
"""
from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from typing import Any, Dict, FrozenSet, List, Optional

from sqlalchemy import select
from sqlalchemy.engine import Engine

from bot.content.knowledge import Knowledge
from bot.modes.supervision.closure import DISAGREES  # an agency's view at the closure check, as coded
from bot.modes.supervision.steps import SHORT, chosen_themes
from bot.modes.supervision.checks import DANGER_NOTE  # the note's kind, never its text
from bot.modes.supervision.suggestions import noticed_patterns, suggest_themes
from bot.modes.workshop.workshop_tables import WorkshopPoint, WorkshopSession
from bot.reading.follow_up import NOT_USED, USED  # a toolkit answer, as coded (answering.py)
from bot.reading.months import MONTH_NAMES, long_date
from bot.storage.store import Answer, SessionNote, SupervisionSession

SESSIONS, WORKSHOPS = "sessions", "workshops"
TOOLKITS = ("neglect", "domestic_abuse")
KINDS = (("supervision", "Full supervision sessions"), ("stuck", "Stuck pathway sessions"),
         (SHORT, "Short sessions (about 15 minutes)"))
PLAN_ROWS = (("0", "No earlier plan"), ("1", "1 earlier plan"), ("2", "2 earlier plans"),
             ("3+", "3 or more earlier plans"))
GAP_ROWS = (("under_6", "Under 6 months", 0, 6), ("6_to_11", "6 to 11 months", 6, 12),
            ("12_to_23", "12 to 23 months", 12, 24), ("24_plus", "2 years or more", 24, 10**6))
ESCALATION_ROWS = (("yes", "Yes"), ("no", "No"), ("unsure", "Not sure"))
NOT_GIVEN = "Not asked, skipped or not a yes or no"


@dataclass(frozen=True)
class Period:
    start: date
    end: date  # inclusive

    def __str__(self) -> str:
        return f"{long_date(self.start)} to {long_date(self.end)}"

    def bounds(self):
        return datetime.combine(self.start, time.min), datetime.combine(self.end + timedelta(days=1), time.min)


@dataclass(frozen=True)
class CodedAnswer:
    """What the rules need of an answer: its coded value and whether it was skipped; never its text."""
    value: Any
    skipped: bool


@dataclass(frozen=True)
class Row:
    key: str  # unique in the report, e.g. "pattern.repeat_plans"
    label: str
    members: FrozenSet[str]  # the sessions (or workshops) counted
    points: Optional[int] = None  # a count of things said in those workshops, not of the workshops
    detail: str = ""  # e.g. the poster's words for a pattern

    @property
    def count(self) -> int:
        return len(self.members) if self.points is None else self.points


@dataclass
class Figure:
    key: str
    title: str
    rows: List[Row]
    total: Optional[Row] = None  # what shares are of; with `adds_up`, the rows add up to it
    adds_up: bool = False
    unit: str = SESSIONS
    column: str = "Sessions"
    note: str = ""


@dataclass
class Figures:
    period: Period
    sessions: FrozenSet[str]
    workshops: FrozenSet[str]
    figures: List[Figure] = field(default_factory=list)


def gather(engine: Engine, knowledge: Knowledge, period: Period) -> Figures:
    """The period's figures: every session and workshop started in it, across all practitioners."""
    start, end = period.bounds()
    kinds: Dict[str, str] = {}
    months: Dict[str, str] = {}
    answers: Dict[str, Dict[str, CodedAnswer]] = defaultdict(dict)
    with engine.connect() as db:
        in_period = (SupervisionSession.created_at >= start) & (SupervisionSession.created_at < end)
        for sid, kind, started in db.execute(select(SupervisionSession.id, SupervisionSession.kind,
                                                    SupervisionSession.created_at).where(in_period)):
            kinds[sid], months[sid] = kind, f"{started:%Y-%m}"
        for sid, key, value, skipped in db.execute(
                select(Answer.session_id, Answer.step_key, Answer.value, Answer.skipped)
                .join(SupervisionSession, Answer.session_id == SupervisionSession.id).where(in_period)):
            answers[sid][key] = CodedAnswer(value, bool(skipped))
        danger = frozenset(db.execute(
            select(SessionNote.session_id).join(SupervisionSession, SessionNote.session_id == SupervisionSession.id)
            .where(in_period, SessionNote.kind == DANGER_NOTE)).scalars())
        run = (WorkshopSession.created_at >= start) & (WorkshopSession.created_at < end) \
            & WorkshopSession.themes.isnot(None)
        workshop_themes = {wid: list(themes or []) for wid, themes in
                           db.execute(select(WorkshopSession.id, WorkshopSession.themes).where(run))}
        points = list(db.execute(select(WorkshopPoint.session_id, WorkshopPoint.item_id)
                                 .join(WorkshopSession, WorkshopPoint.session_id == WorkshopSession.id).where(run)))
    report = Figures(period, frozenset(kinds), frozenset(workshop_themes))
    report.figures = (_session_figures(knowledge, kinds, months, answers, danger)
                      + _workshop_figures(knowledge, workshop_themes, points))
    return report


def _value(answers: Dict[str, CodedAnswer], key: str):
    answer = answers.get(key)
    return None if answer is None or answer.skipped else answer.value


def _session_figures(k: Knowledge, kinds: Dict[str, str], months: Dict[str, str],
                     answers: Dict[str, Dict[str, CodedAnswer]], danger: FrozenSet[str]) -> List[Figure]:
    everyone = frozenset(kinds)
    total = Row("sessions.total", "Sessions held", everyone)
    noticed = {s: {p.id for p in noticed_patterns(k, answers[s], kinds[s])} for s in everyone}
    chosen = {s: set(chosen_themes(k, answers[s], kinds[s])) for s in everyone}
    suggested = {s: set(suggest_themes(k, answers[s], kinds[s])) if "themes.choice" in answers[s] else set()
                 for s in everyone}
    figures = [
        Figure("sessions", "Sessions held",
               [Row(f"kind.{kind}", label, frozenset(s for s in everyone if kinds[s] == kind))
                for kind, label in KINDS],
               total, adds_up=True),
        Figure("months", "Sessions by the month they started",
               [Row(f"month.{m}", _month_name(m), frozenset(s for s in everyone if months[s] == m))
                for m in sorted(set(months.values()))], total, adds_up=True),
        Figure("patterns", "The audit's patterns noticed", [
            Row(f"pattern.{p.id}", p.title, frozenset(s for s in everyone if p.id in noticed[s]),
                detail=k.finding(p.finding).poster_text) for p in k.patterns], total,
            note="A session can show several patterns. Beside each, the audit's finding in the poster's words."),
        Figure("themes_chosen", "Themes chosen", [
            Row(f"chosen.{t.id}", t.title, frozenset(s for s in everyone if t.id in chosen[s]))
            for t in k.themes], total, note="A session can choose several themes; a short session chooses one."),
        Figure("themes_not_chosen", "Themes suggested but not chosen", [
            Row(f"not_chosen.{t.id}", t.title, frozenset(s for s in everyone if t.id in suggested[s] - chosen[s]))
            for t in k.themes], total),
    ]
    for toolkit_id in TOOLKITS:
        offered = frozenset(s for s in everyone if f"toolkit.{toolkit_id}" in answers[s])
        used = frozenset(s for s in offered if _value(answers[s], f"toolkit.{toolkit_id}") == USED)
        unused = frozenset(s for s in offered if _value(answers[s], f"toolkit.{toolkit_id}") == NOT_USED)
        figures.append(Figure(f"toolkit.{toolkit_id}", k.toolkit(toolkit_id).title, [
            Row(f"toolkit.{toolkit_id}.used", "Used", used),
            Row(f"toolkit.{toolkit_id}.not_used", "Not used", unused),
            Row(f"toolkit.{toolkit_id}.not_recorded", "Not recorded as used or not (answered in words, or skipped)",
                offered - used - unused)],
            Row(f"toolkit.{toolkit_id}.offered", "Offered (its question asked)", offered), adds_up=True))
    escalation = {s: _value(answers[s], "escalation.needed") for s in everyone}
    rows = [Row(f"escalation.{code}", label, frozenset(s for s in everyone if escalation[s] == code))
            for code, label in ESCALATION_ROWS]
    answered = frozenset().union(*(r.members for r in rows))
    figures.append(Figure("escalation", "Escalation or professional dissent felt needed",
                          rows + [Row("escalation.not_given", NOT_GIVEN, everyone - answered)], total, adds_up=True))
    checks = frozenset(s for s in everyone if "closure.reasons" in answers[s])
    figures.append(Figure("closure", "Closing the plan or stepping down", [
        Row("closure.considered", "Closure or stepping down considered",
            frozenset(s for s in everyone if _value(answers[s], "case.closure_considered") == "yes")),
        Row("closure.checks", "Closure checks held", checks),
        Row("closure.disagreeing", "Closure checks with any agency disagreeing (when recorded as such)",
            frozenset(s for s in checks if any(key.startswith("closure.agency.")
                                               and _value(answers[s], key) == DISAGREES for key in answers[s]))),
        Row("closure.not_asked", "Closure checks with an agency not yet asked",
            frozenset(s for s in checks if any(key.startswith("closure.agency.") and key.endswith(".who")
                                         for key in answers[s]))),
    ], total))
    plans = {s: _value(answers[s], "case.previous_plans") for s in everyone}
    rows = [Row(f"plans.{code}", label, frozenset(s for s in everyone if isinstance(plans[s], int) and not isinstance(
        plans[s], bool) and (plans[s] >= 3 if code == "3+" else plans[s] == int(code)))) for code, label in PLAN_ROWS]
    answered = frozenset().union(*(r.members for r in rows))
    figures.append(Figure("plans", "Repeat plans: earlier child protection plans",
                          rows + [Row("plans.not_given", "Not asked or not given", everyone - answered)],
                          total, adds_up=True))
    earlier = frozenset(s for s in everyone if isinstance(plans[s], int) and plans[s] >= 1)
    gaps = {s: _value(answers[s], "case.months_since_last_plan") for s in earlier}
    rows = [Row(f"gap.{code}", label,
                frozenset(s for s in earlier if isinstance(gaps[s], int) and low <= gaps[s] < high))
            for code, label, low, high in GAP_ROWS]
    answered = frozenset().union(*(r.members for r in rows))
    figures.append(Figure("gaps", "Gap between the last plan ending and this one",
                          rows + [Row("gap.not_given", "Not given", earlier - answered)],
                          Row("gap.total", "Sessions with an earlier plan", earlier), adds_up=True))
    figures.append(Figure("danger", "Immediate danger raised", [
        Row("danger.raised", "Sessions in which immediate danger was raised", danger & everyone)], total))
    return figures


def _workshop_figures(k: Knowledge, themes: Dict[str, List[str]], points) -> List[Figure]:
    run = frozenset(themes)
    said: Dict[str, int] = defaultdict(int)
    for _, item_id in points:
        said[item_id] += 1
    total = Row("workshops.total", "Workshops run", run)
    ran = {t.id: frozenset(w for w in run if t.id in themes[w]) for t in k.themes}
    return [
        Figure("workshop_themes", "Workshops: themes run", [
            Row(f"workshop.{t.id}", t.title, ran[t.id]) for t in k.themes], total, unit=WORKSHOPS, column="Workshops"),
        Figure("workshop_points", "Workshops: group points noted under each theme (counts only)", [
            Row(f"points.{t.id}", t.title, ran[t.id], points=said[f"theme.{t.id}"]) for t in k.themes],
            total, unit=WORKSHOPS, column="Points",
            note="A theme's points are shown only when it was run in at least five workshops."),
    ]


def _month_name(month: str) -> str:
    year, number = month.split("-")
    return f"{MONTH_NAMES[int(number) - 1]} {year}"
