"""A plan history as a whole, and what it shows.

The lines are read by bot/reading/chronology_reading.py. This module orders the
plans and incidents, reads them back in plain words, and computes the flags
the audit of repeat child protection plans asks people to look for: repeat
plans, short gaps between plans, domestic abuse incidents before, during and
after each plan (as numbers, saying "fell" or "rose" only when the numbers
do), and a history where the incidents name only one agency. Every sentence
says only what the typed history shows. The audit's own
words for each flag come from knowledge/audit.yml, never from here.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date
from typing import Dict, Iterable, List, Mapping, Optional, Tuple

from bot.reading.chronology_reading import Entry, Incident, CPPlan, agency_names, fallback_name
from bot.reading.months import Month


# --------------------------------------------------------------------------
# The whole history, and what it shows
# --------------------------------------------------------------------------

@dataclass
class ChronologyFlag:
    """Something this history shows that the audit also found.

    `situation` says what this history shows, in plain words; the audit's own
    words come from the finding in knowledge/audit.yml (its summary, checked
    against the poster), never from this module.
    """
    id: str
    situation: str
    finding_id: str  # the finding in knowledge/audit.yml this comes from
    audit_says: str = ""  # "From the audit: <the finding's summary>", when the audit's words were given

    @property
    def text(self) -> str:
        return f"{self.situation} {self.audit_says}".strip()


@dataclass
class Gap:
    before: CPPlan
    after: CPPlan
    months: int  # negative when the plans overlap


@dataclass(frozen=True)
class PlanCounts:
    """Domestic abuse incidents typed in the months before, during and after one ended plan."""
    length: int  # the plan's length in months: the windows before and after are as long
    before: int
    during: int
    after: Optional[int]  # None while the plan has not yet ended
    after_words: str  # "in the 9 months after it ended" or "since it ended"


@dataclass
class Chronology:
    plans: List[CPPlan] = field(default_factory=list)
    incidents: List[Incident] = field(default_factory=list)
    # agency id -> short name for read-back and the picture; ids are used if absent
    agency_names: Dict[str, str] = field(default_factory=dict)

    @classmethod
    def from_entries(cls, entries: Iterable[Entry], agencies=()) -> "Chronology":
        entries = list(entries)
        return cls([e for e in entries if isinstance(e, CPPlan)],
                   [e for e in entries if isinstance(e, Incident)],
                   agency_names(agencies))

    @property
    def is_empty(self) -> bool:
        return not self.plans and not self.incidents

    def sorted_plans(self) -> List[CPPlan]:
        return sorted(self.plans, key=lambda p: (p.start, p.end or Month(9999, 12)))

    def sorted_incidents(self) -> List[Incident]:
        return sorted(self.incidents, key=lambda i: i.month)

    def agency_name(self, agency_id: Optional[str]) -> str:
        if agency_id is None:
            return "agency not given"
        return self.agency_names.get(agency_id) or fallback_name(agency_id)

    def plan_count(self) -> int:
        """Plans given, or more if a plan's number says there were earlier ones."""
        numbers = [p.number for p in self.plans if p.number is not None]
        return max([len(self.plans)] + numbers)

    def gaps(self) -> List[Gap]:
        """Months between each plan ending and the next one starting."""
        plans = self.sorted_plans()
        gaps = []
        for before, after in zip(plans, plans[1:]):
            if before.end is None:  # an open plan with a later one: they overlap
                gaps.append(Gap(before, after, -1))
            else:
                gaps.append(Gap(before, after, before.end.months_between(after.start)))
        return gaps

    def incidents_between(self, first: Month, last: Month) -> List[Incident]:
        return [i for i in self.incidents if first <= i.month <= last]

    def flags(self, short_gap_months: int = 6, today: Optional[date] = None,
              audit: Optional[Mapping[str, str]] = None) -> List[ChronologyFlag]:
        """What this history shows that the audit found. `audit` (finding id -> the finding's summary,
        `Knowledge.finding_summaries`) adds the audit's words to each flag."""
        this_month = Month.of(today or date.today())
        flags = (self._plan_count_flags() + self._gap_flags(short_gap_months)
                 + self._rise_flags(this_month) + self._agency_flags())
        for flag in flags:
            if audit and flag.finding_id in audit:
                flag.audit_says = f"From the audit: {audit[flag.finding_id]}"
        return flags

    def _plan_count_flags(self) -> List[ChronologyFlag]:
        count = self.plan_count()
        if count < 2:
            return []
        said = f"{count} child protection plans" if count == len(self.plans) else \
            f"At least {count} child protection plans ({len(self.plans)} given here)"
        return [ChronologyFlag(
            "repeat_plans",
            f"{_capital(said)}.",
            "multiple_cp_plans")]

    def _gap_flags(self, short_gap_months: int) -> List[ChronologyFlag]:
        flags = []
        for gap in self.gaps():
            if gap.months < 0 or (gap.before.end and gap.after.start < gap.before.end):
                when = (f"before {gap.before.name} ends ({gap.before.end})" if gap.before.end
                        else f"while {gap.before.name} is still open")
                flags.append(ChronologyFlag(
                    "plans_overlap",
                    f"{_capital(gap.after.name)} starts ({gap.after.start}) {when}: check the dates.",
                    "explore_full_chronology"))
            elif gap.months < short_gap_months:
                between = (f"Only {_months(gap.months)} between" if gap.months else "No gap between")
                flags.append(ChronologyFlag(
                    "short_gap",
                    f"{between} {gap.before.name} ending ({gap.before.end}) "
                    f"and {gap.after.name} starting ({gap.after.start}).",
                    "short_gap_between_plans"))
        return flags

    def _rise_flags(self, this_month: Month) -> List[ChronologyFlag]:
        """Domestic abuse incidents typed before, during and after each ended plan, as numbers.

        The windows before and after are as long as the plan (the after window stops at this
        month). "Fell" is said only when there were fewer during the plan than before it, and
        "rose" only when there were more after it than during it: the audit's finding (reports
        fall on a plan and rise after it) is named only when the typed history shows one of them.
        Only incidents that say they are domestic abuse count, since the finding is about
        domestic abuse; a rise in other incidents is not credited to it.
        """
        flags = []
        for plan in self.sorted_plans():
            if plan.end is None:
                continue
            counts = self.domestic_abuse_counts(plan, this_month)
            if not any(n for n in (counts.before, counts.during, counts.after) if n):
                continue
            said = [f"{counts.before} in the {_months(counts.length)} before it started",
                    f"{counts.during} during the {counts.length}-month plan"]
            if counts.after is not None:
                said.append(f"{counts.after} {counts.after_words}")
            fell = counts.during < counts.before
            rose = counts.after is not None and counts.after > counts.during
            if fell and rose:
                change = " So reports fell during the plan and rose after it ended."
            elif fell:
                change = " So reports fell during the plan."
            elif rose:
                change = " So reports rose after the plan ended."
            else:
                change = ""
            flags.append(ChronologyFlag(
                "reports_rose_after_plan" if rose else "reports_fell_on_plan" if fell else "da_counts",
                f"{_capital(plan.name)} ({plan.start} to {plan.end}), domestic abuse incidents typed here: "
                f"{', '.join(said[:-1])} and {said[-1]}.{change}",
                "da_reports_fall_during_plan" if fell or rose else "explore_full_chronology"))
        return flags

    def domestic_abuse_counts(self, plan: CPPlan, this_month: Month) -> "PlanCounts":
        """Domestic abuse incidents typed before, during and after an ended plan (windows as long as it)."""
        length = max(1, plan.start.months_between(plan.end))
        before = len(_domestic_abuse(self.incidents_between(plan.start.plus(-length), plan.start.plus(-1))))
        during = len(_domestic_abuse(self.incidents_between(plan.start, plan.end)))
        if plan.end >= this_month:  # it ends this month or later: nothing after it yet
            return PlanCounts(length, before, during, None, "")
        window_end = plan.end.plus(length)
        after = len(_domestic_abuse(self.incidents_between(plan.end.plus(1), min(window_end, this_month))))
        words = f"in the {_months(length)} after it ended" if window_end <= this_month else "since it ended"
        return PlanCounts(length, before, during, after, words)

    def _agency_flags(self) -> List[ChronologyFlag]:
        if not self.incidents:
            if not self.plans:
                return []
            return [ChronologyFlag(
                "no_incidents",
                "No incidents were given, so this chronology shows the plans only.",
                "explore_full_chronology")]
        agencies = {i.agency for i in self.incidents}
        if len(agencies - {None}) > 1:
            return []
        if agencies == {None}:
            said = "None of the incidents typed here names an agency."
        else:
            known = self.agency_name(next(iter(agencies - {None})))
            said = (f"Every incident typed here names {known} and no other agency." if None not in agencies else
                    f"The only agency named in the incidents typed here is {known}.")
        return [ChronologyFlag(
            "single_agency",
            f"{said} Ask what the school, GP, health services, police and others knew.",
            "use_multi_agency_chronology")]

    def readback(self, numbered: bool = False) -> str:
        """Every entry in date order, in plain words, one a line."""
        items: List[Tuple[Month, int, str]] = []
        for plan in self.plans:
            name = f"Plan {plan.number}" if plan.number is not None else "Plan"
            when = f"{plan.start} to {plan.end}" if plan.end else f"{plan.start} to now (still open)"
            items.append((plan.start, 0, f"{name}: {when}, {plan.category or 'category not given'}."))
        for incident in self.incidents:
            agency = f" ({self.agency_name(incident.agency)})" if incident.agency else \
                " (agency not given)"
            items.append((incident.month, 1, f"Incident: {incident.month}, {incident.what}{agency}."))
        items.sort(key=lambda item: (item[0], item[1]))
        lines = [line for _, _, line in items]
        if numbered:
            lines = [f"{n}. {line}" for n, line in enumerate(lines, start=1)]
        return "\n".join(lines)


# Words that say an incident is domestic abuse (as typed in chat shorthand).
DOMESTIC_ABUSE_WORDS = re.compile(
    r"(?<![A-Za-z])(?:da|dv|domestic(?:\s+(?:abuse|violence|incident|assault))?|coercive\s+control|"
    r"coercion\s+and\s+control|marac|dash|idva|non[-\s]?molestation)(?![A-Za-z])",
    re.IGNORECASE)


def _domestic_abuse(incidents: List[Incident]) -> List[Incident]:
    return [i for i in incidents if DOMESTIC_ABUSE_WORDS.search(i.what)]


def _capital(text: str) -> str:
    return text[:1].upper() + text[1:]


def _months(count: int) -> str:
    return _count(count, "month")


def _count(count: int, noun: str) -> str:
    return f"{count} {noun}" + ("" if count == 1 else "s")

