"""Plan history and incidents typed in chat shorthand, and what they show.

A stuck practitioner types the history the way they would in a note:
"plan 2: March 2023 to January 2024, emotional abuse", "May 2024 police DA
callout". This module reads each line into a Plan or an Incident (or a
Problem with a kind example of what works), and computes the flags the audit
of repeat child protection plans asks people to look for: repeat plans, short
gaps between plans, domestic abuse reports that fall on a plan and rise after it, and a
history known to only one agency.

Everything keeps the text exactly as typed, so nothing is lost when a line
cannot be read, and a record can always show what the practitioner wrote.
Agencies are passed in (the lead passes knowledge.case_options.agencies), so
this module never loads knowledge itself.
"""
from __future__ import annotations

import difflib
import re
from dataclasses import dataclass, field
from datetime import date
from typing import Dict, Iterable, List, Optional, Tuple, Union

from .text_input import Choice, ChoiceMatcher

EXAMPLES = 'Try "plan 2: March 2023 to January 2024, emotional abuse" or "May 2024 police DA callout".'
PLAN_EXAMPLE = ('Try "plan 2: March 2023 to January 2024, emotional abuse", or '
                '"plan 4 from February 2025 to now, neglect" if it is still open.')
INCIDENT_EXAMPLE = 'Try "May 2024 police DA callout" or "Jun 2024: school reported bruising".'

MONTH_NAMES = ("January", "February", "March", "April", "May", "June", "July",
               "August", "September", "October", "November", "December")


# --------------------------------------------------------------------------
# Months
# --------------------------------------------------------------------------

@dataclass(frozen=True, order=True)
class Month:
    """A calendar month: plan dates are known to the month, rarely the day."""

    year: int
    month: int

    def __post_init__(self) -> None:
        if not 1 <= self.month <= 12:
            raise ValueError(f"month must be 1 to 12, not {self.month}")

    @classmethod
    def of(cls, day: date) -> "Month":
        return cls(day.year, day.month)

    @property
    def index(self) -> int:
        """Months since year 0: makes arithmetic and plotting simple."""
        return self.year * 12 + self.month - 1

    @classmethod
    def from_index(cls, index: int) -> "Month":
        return cls(index // 12, index % 12 + 1)

    def months_between(self, later: "Month") -> int:
        """Whole months from this month to `later` (negative if it is earlier).

        December 2021 to February 2022 is 2: the audit's "gap of two months".
        """
        return later.index - self.index

    def plus(self, months: int) -> "Month":
        return Month.from_index(self.index + months)

    @property
    def name(self) -> str:
        return MONTH_NAMES[self.month - 1]

    @property
    def short(self) -> str:
        return f"{self.name[:3]} {self.year}"

    def __str__(self) -> str:
        return f"{self.name} {self.year}"


# --------------------------------------------------------------------------
# What a line can be read as
# --------------------------------------------------------------------------

@dataclass
class Plan:
    number: Optional[int]  # as typed ("plan 2", "2nd plan"); None if not given
    start: Month
    end: Optional[Month]  # None: the plan is still open
    category: str  # as typed ("emotional abuse", "neglect"); "" if not given
    text: str  # the line exactly as typed

    @property
    def name(self) -> str:
        if self.number is not None:
            return f"plan {self.number}"
        if self.end is None:
            return "the current plan"
        return f"the plan from {self.start}"

    def months(self, today: Optional[date] = None) -> int:
        """Length in months (at least 1); an open plan runs to this month."""
        end = self.end or Month.of(today or date.today())
        return max(1, self.start.months_between(end))


@dataclass
class Incident:
    month: Month
    what: str  # the words typed about it, without the date
    agency: Optional[str]  # an agency id from case_options.yml, or None
    text: str  # the line exactly as typed


@dataclass
class Problem:
    text: str  # the line exactly as typed: never lost
    message: str  # what could not be read, with an example of what works


Entry = Union[Plan, Incident]


# --------------------------------------------------------------------------
# Reading months out of text
# --------------------------------------------------------------------------

_MONTH_WORDS: Dict[str, int] = {}
for _number, _name in enumerate(MONTH_NAMES, start=1):
    _MONTH_WORDS[_name.lower()] = _number
    _MONTH_WORDS[_name[:3].lower()] = _number
_MONTH_WORDS.update({"sept": 9, "febuary": 2, "feburary": 2, "febraury": 2})
_FULL_NAMES = [n.lower() for n in MONTH_NAMES]


def month_number(word: str) -> Optional[int]:
    """1-12 for a month name, short name or near-miss typo; None otherwise.

    Typos are matched only on words of four or more letters, so short words
    such as "arm" or "mid" are never read as months.
    """
    word = word.lower().rstrip(".")
    if word in _MONTH_WORDS:
        return _MONTH_WORDS[word]
    if len(word) < 4:
        return None
    for known, number in _MONTH_WORDS.items():  # "juen", "spet": letters swapped
        if len(known) == len(word) and sorted(known) == sorted(word):
            return number
    close = difflib.get_close_matches(word, _FULL_NAMES, n=2, cutoff=0.8)
    if len(close) == 1 or (len(close) == 2 and _ratio(word, close[0]) > _ratio(word, close[1])):
        return _FULL_NAMES.index(close[0]) + 1
    return None


def _ratio(a: str, b: str) -> float:
    return difflib.SequenceMatcher(None, a, b).ratio()


def _year(text: str) -> int:
    digits = text.lstrip("'\u2019")
    year = int(digits)
    return 2000 + year if len(digits) == 2 else year  # "21" is 2021


_YEAR = r"(?:\d{4}|['\u2019]?\d{2})(?!\d)"
_ORDINAL = r"(?:st|nd|rd|th)?"
# 12/03/2023, 12.3.23: British day/month/year
_DMY = re.compile(r"(?<![\d/.])(\d{1,2})[/.](\d{1,2})[/.](\d{4}|\d{2})(?![\d/])")
# 03/2023, 3/23, 03.2023
_MY = re.compile(r"(?<![\d/.])(\d{1,2})[/.](\d{4}|\d{2})(?![\d/])")
# 2023-03, 2023/03/14
_ISO = re.compile(r"(?<![\d/.-])((?:19|20)\d{2})[-/.](\d{1,2})(?:[-/.]\d{1,2})?(?![\d/])")
# "3rd March 2023", "March 2023", "Mar 21", "Sept '24", "March 3, 2023", "Feb" (year borrowed)
_NAMED = re.compile(
    r"(?<![A-Za-z0-9])"
    r"(?:(?P<day1>\d{1,2})" + _ORDINAL + r"\s+(?:of\s+)?)?"
    r"(?P<word>[A-Za-z]{3,10})\.?"
    r"(?:\s+(?P<day2>\d{1,2})" + _ORDINAL + r"(?=,?\s+(?:\d{4}|['\u2019]\d{2})))?"
    r"(?:,?\s*(?P<year>" + _YEAR + r"))?"
    r"(?![A-Za-z])",
    re.IGNORECASE,
)
_NUMBER_BEFORE = re.compile(r"(?:plan|cpp?|no\.?|#|number)\s*$", re.IGNORECASE)
_BARE_YEAR = re.compile(r"(?<![\d/.-])(?:19|20)\d{2}(?![\d/])")
# What may sit between the two months of a plan: "to", "-", "until" ...
_RANGE_JOIN = re.compile(r"^\s*(?:-+|\u2013|\u2014|to|till|til|until|through|thru|->|\u2192|>)\s*$",
                         re.IGNORECASE)


@dataclass
class _Found:
    start: int
    end: int
    month: Optional[Month]  # None: a month name with no year (yet)
    number: int = 0  # the month number, kept for year-borrowing


def _find_months(text: str) -> List[_Found]:
    """Every month written in the text, in order of position."""
    found: List[_Found] = []
    taken: List[Tuple[int, int]] = []

    def free(start: int, end: int) -> bool:
        return all(end <= s or start >= e for s, e in taken)

    def add(start: int, end: int, month_no: int, year: Optional[int]) -> None:
        if not 1 <= month_no <= 12 or not free(start, end):
            return
        if year is not None and not 1900 <= year <= 2099:
            return
        taken.append((start, end))
        found.append(_Found(start, end, Month(year, month_no) if year else None, month_no))

    for m in _DMY.finditer(text):
        add(m.start(), m.end(), int(m.group(2)), _year(m.group(3)))
    for m in _ISO.finditer(text):
        add(m.start(), m.end(), int(m.group(2)), int(m.group(1)))
    for m in _MY.finditer(text):
        add(m.start(), m.end(), int(m.group(1)), _year(m.group(2)))
    for m in _NAMED.finditer(text):
        number = month_number(m.group("word"))
        if number is None:
            continue
        year = m.group("year")
        if year is None and m.group("day2") is None and m.group("day1") is None:
            add(m.start("word"), m.end("word"), number, None)
        elif year is None and m.group("day2") is not None:
            # "Mar 21" with no more digits: the 21 is a year, not a day
            add(m.start("word"), m.end(), number, _year(m.group("day2")))
        elif year is not None:
            start = m.start() if m.group("day1") else m.start("word")
            if m.group("day1") and _NUMBER_BEFORE.search(text[:m.start()]):
                start = m.start("word")  # "plan 4 Feb 2025": the 4 is the plan's number
            add(start, m.end(), number, _year(year))
    found.sort(key=lambda f: f.start)
    return _borrow_years(text, found)


def _borrow_years(text: str, found: List[_Found]) -> List[_Found]:
    """ "Mar - Dec 21": a yearless month takes the year of the month it runs to.

    Yearless month names that are not part of such a range are dropped: "may"
    on its own is more often a verb than a month.
    """
    kept: List[_Found] = []
    for i, f in enumerate(found):
        if f.month is None:
            nxt = found[i + 1] if i + 1 < len(found) else None
            if nxt and nxt.month and _RANGE_JOIN.match(text[f.end:nxt.start]):
                year = nxt.month.year - (1 if f.number > nxt.month.month else 0)
                kept.append(_Found(f.start, f.end, Month(year, f.number), f.number))
            continue
        kept.append(f)
    return kept


# --------------------------------------------------------------------------
# Reading a line
# --------------------------------------------------------------------------

_NUMBER_WORDS = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
                 "seven": 7, "eight": 8, "nine": 9, "ten": 10}
_ORDINAL_WORDS = {"first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5,
                  "sixth": 6, "seventh": 7, "eighth": 8, "ninth": 9, "tenth": 10}
# "plan 2", "2nd plan", "second CP plan", "current plan", "CP2", "CPP 3", "plan #2"
_PLAN_LABEL = re.compile(
    r"(?<![A-Za-z])(?:the\s+)?"
    r"(?:(?P<ordinal>first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|\d{1,2}(?:st|nd|rd|th))\s+"
    r"|(?P<current>current|latest|present|this|live|open|ongoing|new)\s+)?"
    r"(?:(?:cp|child\s+protection)\s*)?(?:plan|cpp)(?![A-Za-z])"
    r"(?:\s*(?:#|no\.?|number)?\s*(?P<number>\d{1,2}|one|two|three|four|five|six|seven|eight|nine|ten)"
    r"(?![\d/.\-]\d)(?![A-Za-z\d]))?"
    r"|(?<![A-Za-z])cpp?\s*(?P<short>\d{1,2})(?![\d/.\-]\d)(?![A-Za-z\d])",
    re.IGNORECASE,
)
_LEAD = re.compile(r"[\s\W]*(?:(?:then|and|next|another|a|her|his|their|child'?s)\s+)*",
                   re.IGNORECASE)
_OPEN_ENDED = re.compile(
    r"(?<![A-Za-z])(?:current(?:ly)?|now|present|ongoing|on-going|onwards|to\s+date|till\s+date|"
    r"still\s+open|still\s+on|open|live|active|since|from|started|starting|began|begun|"
    r"today|continuing)(?![A-Za-z])",
    re.IGNORECASE,
)
# Words that only say "still open", removed from a plan's category.
_OPEN_WORDS = re.compile(
    r"(?<![A-Za-z])(?:(?:to|till|til|until|-+|\u2013|\u2014)\s*)?(?:the\s+)?"
    r"(?:now|present|ongoing|on-going|onwards|date|today|still\s+open|still\s+on|open|live|active|continuing)"
    r"(?![A-Za-z])|(?<![A-Za-z])(?:from|since|started|starting|began|begun|start|end|ended|ending|finished|"
    r"closed|category|cat\.?)(?![A-Za-z])",
    re.IGNORECASE,
)
_DATE_LEAD = re.compile(r"(?<![A-Za-z])(?:(?:in|on|at|during|around|about|approx\.?|c\.|circa|early|mid|"
                        r"late|end\s+of|start\s+of|beginning\s+of)[\s-]+)+$", re.IGNORECASE)
_EDGE = " \t,;:.-\u2013\u2014()[]/|>"
# Little words left dangling at the end once a date is cut out: "police callout in".
_EDGE_WORDS = re.compile(r"(?:\s+(?:in|on|at|during|of|from|since|between))+$", re.IGNORECASE)


def _clean(words: str) -> str:
    """Trim punctuation and little joining words from the ends; keep the rest as typed."""
    previous = None
    words = re.sub(r"\s+", " ", words)
    while previous != words:
        previous = words
        words = _EDGE_WORDS.sub("", words.strip(_EDGE)).strip(_EDGE)
    words = re.sub(r"^\((.*)\)$", r"\1", words)
    words = re.sub(r"\(\s*\)", "", words)
    words = re.sub(r"\s*([,;])\s*[,;\s]*", r"\1 ", words)
    return words.strip(_EDGE + " ")


def _cut(text: str, spans: Iterable[Tuple[int, int]]) -> str:
    """The text with the given spans replaced by a space."""
    pieces, last = [], 0
    for start, end in sorted(spans):
        pieces.append(text[last:start])
        last = end
    pieces.append(text[last:])
    return " ".join(pieces)


def _blank(text: str, spans: Iterable[Tuple[int, int]]) -> str:
    """The text with the spans blanked out, keeping every other position."""
    for start, end in spans:
        text = text[:start] + " " * (end - start) + text[end:]
    return text


def _as_choices(agencies) -> List[Choice]:
    """Agencies as (id, [aliases]) pairs or knowledge Option objects."""
    choices = []
    for agency in agencies or ():
        if isinstance(agency, (tuple, list)):
            agency_id, aliases = agency[0], agency[1]
            choices.append(Choice(agency_id, agency_id.replace("_", " "), tuple(aliases)))
        else:
            choices.append(Choice(agency.id, agency.label, tuple(agency.also_known_as)))
    return choices


def agency_names(agencies) -> Dict[str, str]:
    """Short names for the legend and read-back: "Sirona (community health...)" -> "Sirona"."""
    names = {}
    for agency in agencies or ():
        if isinstance(agency, (tuple, list)):
            names[agency[0]] = _fallback_name(agency[0])
        else:
            names[agency.id] = agency.label.split(" (")[0]
    return names


def _fallback_name(agency_id: str) -> str:
    words = agency_id.replace("_", " ")
    return words.upper() if len(words) <= 3 else words.capitalize()


def _find_agency(what: str, matcher: Optional[ChoiceMatcher]) -> Optional[str]:
    """The first agency named; "other" only when no named agency is."""
    if matcher is None:
        return None
    found = matcher.find(what)
    named = [a for a in found if a != "other"]
    return (named or found or [None])[0]


def read_entry(text: str, agencies=(), today: Optional[date] = None) -> Union[Plan, Incident, Problem]:
    """Read one line of plan history or one incident.

    `agencies` is a list of (id, [aliases]) or knowledge Option objects.
    Returns a Plan, an Incident or a Problem whose message says what could
    not be read and gives an example that works.
    """
    matcher = ChoiceMatcher(_as_choices(agencies)) if agencies else None
    return _read(text, matcher, Month.of(today or date.today()))


def _read(text: str, matcher: Optional[ChoiceMatcher], this_month: Month) -> Union[Plan, Incident, Problem]:
    original = text
    text = (text or "").replace("\u00a0", " ")
    if not text.strip():
        return Problem(original, f"There was nothing to read there. {EXAMPLES}")

    months = _find_months(text)
    first_at = months[0].start if months else len(text)
    # A plan is named first ("plan 2: ...", "then the 3rd plan ..."); "plan" later in
    # a line is usually an incident that mentions one ("May 2024 callout during plan").
    label = _PLAN_LABEL.match(text[:first_at], _LEAD.match(text).end())
    label_span = (0, label.end()) if label else None  # "Then plan 2:" is not the category
    if label is None and len(months) == 2 and _RANGE_JOIN.match(text[months[0].end:months[1].start]):
        # "Mar - Dec 2021, plan 1, neglect": a plan named after its dates
        label = _PLAN_LABEL.search(_blank(text, [(f.start, f.end) for f in months]))
        label_span = label.span() if label else None

    if not months:
        return Problem(original, _no_month_message(text, is_plan=label is not None))
    future = [f.month for f in months if f.month > this_month]
    if future:
        return Problem(original, f"{future[0]} is after this month ({this_month}), so I can't "
                                 f"put it in the history yet. Check the year. {EXAMPLES}")
    if label is not None:
        return _read_plan(original, text, label, label_span, months)
    return _read_incident(original, text, months, matcher)


def _no_month_message(text: str, is_plan: bool) -> str:
    if _BARE_YEAR.search(text):
        return ("I could see a year but I need the month as well. " +
                (PLAN_EXAMPLE if is_plan else EXAMPLES))
    if is_plan:
        return f"I couldn't read the months that plan started and ended. {PLAN_EXAMPLE}"
    return f"I couldn't read a month in that. {EXAMPLES}"


def _plan_number(label: re.Match) -> Optional[int]:
    raw = label.group("number") or label.group("short") or label.group("ordinal")
    if raw is None:
        return None
    raw = raw.lower()
    if raw in _NUMBER_WORDS:
        return _NUMBER_WORDS[raw]
    if raw in _ORDINAL_WORDS:
        return _ORDINAL_WORDS[raw]
    return int(re.match(r"\d+", raw).group())


def _read_plan(original: str, text: str, label: re.Match, label_span: Tuple[int, int],
               months: List[_Found]) -> Union[Plan, Problem]:
    number = _plan_number(label)
    name = f"plan {number}" if number is not None else "that plan"
    if len(months) > 2:
        return Problem(original, f"I read {_number_word(len(months))} months in that, but a plan needs just two: "
                                 f"when it started and when it ended. {PLAN_EXAMPLE}")
    start = months[0].month
    spans = [label_span]
    if len(months) == 2:
        end = months[1].month
        if end < start:
            return Problem(original, f"I read {name} as ending ({end}) before it started ({start}). "
                                     f"Check the order of the months. {PLAN_EXAMPLE}")
        if _RANGE_JOIN.match(text[months[0].end:months[1].start]):
            spans.append((months[0].start, months[1].end))
        else:
            spans += [(months[0].start, months[0].end), (months[1].start, months[1].end)]
    else:
        rest = _cut(text, [(months[0].start, months[0].end)])
        if not _OPEN_ENDED.search(rest) and label.group("current") is None:
            return Problem(original, f"I read when {name} started ({start}) but not when it ended. "
                                     f"{PLAN_EXAMPLE}")
        end = None
        spans.append((months[0].start, months[0].end))
    category = _clean(_OPEN_WORDS.sub(" ", _cut(text, spans)))
    return Plan(number, start, end, category, original)


def _read_incident(original: str, text: str, months: List[_Found],
                   matcher: Optional[ChoiceMatcher]) -> Union[Incident, Problem]:
    if len(months) > 1:
        if len(months) == 2 and _RANGE_JOIN.match(text[months[0].end:months[1].start]):
            return Problem(original, f"I read two months ({months[0].month} and {months[1].month}). "
                                     f"If that is a plan, start with \"plan\", as in \"plan 2: March "
                                     f"2023 to January 2024, emotional abuse\". If it is an incident, "
                                     f"give the one month it happened, as in \"May 2024 police DA callout\".")
        return Problem(original, f"I read {_number_word(len(months))} months in that. Put each incident on its "
                                 f"own line, with one month each. {INCIDENT_EXAMPLE}")
    found = months[0]
    # "callout in May 2024 at home": the "in" belongs to the date, not to what happened
    lead = _DATE_LEAD.search(text[:found.start])
    what = _clean(_cut(text, [(lead.start() if lead else found.start, found.end)]))
    if not what:
        return Problem(original, f"I read {found.month} but not what happened. {INCIDENT_EXAMPLE}")
    return Incident(found.month, what, _find_agency(what, matcher), original)


# "- ", "* ", "• ", "1. ", "2) " at the start of a line: list markers, not content
_LIST_MARKER = re.compile(r"^\s*(?:[-*\u2022\u00b7]|\d{1,2}[.)](?!\d))\s+")


def read_entries(text: str, agencies=(), today: Optional[date] = None
                 ) -> Tuple[List[Entry], List[Problem]]:
    """Several entries in one message: one per line, or separated by ";".

    Blank pieces are ignored; a message with nothing in it is one Problem.
    """
    matcher = ChoiceMatcher(_as_choices(agencies)) if agencies else None
    this_month = Month.of(today or date.today())
    entries: List[Entry] = []
    problems: List[Problem] = []
    pieces = [p for line in (text or "").splitlines() for p in line.split(";")]
    pieces = [p for p in pieces if p.strip()]
    if not pieces:
        return [], [Problem(text or "", f"There was nothing to read there. {EXAMPLES}")]
    for piece in pieces:
        typed = piece.strip()
        result = _read(_LIST_MARKER.sub("", typed), matcher, this_month)
        if isinstance(result, Problem):
            problems.append(Problem(typed, result.message))
        else:
            result.text = typed
            entries.append(result)
    return entries, problems


# --------------------------------------------------------------------------
# The whole history, and what it shows
# --------------------------------------------------------------------------

@dataclass
class ChronologyFlag:
    id: str
    text: str  # plain English, citing the audit
    finding_id: str  # the finding in knowledge/audit.yml this comes from


@dataclass
class Gap:
    before: Plan
    after: Plan
    months: int  # negative when the plans overlap


@dataclass
class Chronology:
    plans: List[Plan] = field(default_factory=list)
    incidents: List[Incident] = field(default_factory=list)
    # agency id -> short name for read-back and the picture; ids are used if absent
    agency_names: Dict[str, str] = field(default_factory=dict)

    @classmethod
    def from_entries(cls, entries: Iterable[Entry], agencies=()) -> "Chronology":
        entries = list(entries)
        return cls([e for e in entries if isinstance(e, Plan)],
                   [e for e in entries if isinstance(e, Incident)],
                   agency_names(agencies))

    @property
    def is_empty(self) -> bool:
        return not self.plans and not self.incidents

    def sorted_plans(self) -> List[Plan]:
        return sorted(self.plans, key=lambda p: (p.start, p.end or Month(9999, 12)))

    def sorted_incidents(self) -> List[Incident]:
        return sorted(self.incidents, key=lambda i: i.month)

    def agency_name(self, agency_id: Optional[str]) -> str:
        if agency_id is None:
            return "agency not given"
        return self.agency_names.get(agency_id) or _fallback_name(agency_id)

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

    def flags(self, short_gap_months: int = 6, today: Optional[date] = None) -> List[ChronologyFlag]:
        this_month = Month.of(today or date.today())
        return (self._plan_count_flags() + self._gap_flags(short_gap_months)
                + self._rise_flags(this_month) + self._agency_flags())

    def _plan_count_flags(self) -> List[ChronologyFlag]:
        count = self.plan_count()
        if count < 2:
            return []
        said = f"{count} child protection plans" if count == len(self.plans) else \
            f"At least {count} child protection plans ({len(self.plans)} given here)"
        return [ChronologyFlag(
            "repeat_plans",
            f"{_capital(said)}. The audit found multiple CP plans for the children, up to five plans.",
            "multiple_cp_plans")]

    def _gap_flags(self, short_gap_months: int) -> List[ChronologyFlag]:
        flags = []
        for gap in self.gaps():
            if gap.months < 0 or (gap.before.end and gap.after.start < gap.before.end):
                when = (f"before {gap.before.name} ends ({gap.before.end})" if gap.before.end
                        else f"while {gap.before.name} is still open")
                flags.append(ChronologyFlag(
                    "plans_overlap",
                    f"{_capital(gap.after.name)} starts ({gap.after.start}) {when}: check the dates. "
                    f"The audit said there is a need to ensure the full chronology is explored.",
                    "explore_full_chronology"))
            elif gap.months < short_gap_months:
                between = (f"Only {_months(gap.months)} between" if gap.months else "No gap between")
                flags.append(ChronologyFlag(
                    "short_gap",
                    f"{between} {gap.before.name} ending ({gap.before.end}) "
                    f"and {gap.after.name} starting ({gap.after.start}). The audit found a short gap, "
                    f"of two months, between CP plans ending and a new plan starting.",
                    "short_gap_between_plans"))
        return flags

    def _rise_flags(self, this_month: Month) -> List[ChronologyFlag]:
        """Domestic abuse reports that fell during a plan and rose after it: the audit's finding.

        Only incidents that say they are domestic abuse count, since the finding is about
        domestic abuse; a rise in other incidents is not credited to it.
        """
        flags = []
        for plan in self.sorted_plans():
            if plan.end is None:
                continue
            length = max(1, plan.start.months_between(plan.end))
            during = len(_domestic_abuse(self.incidents_between(plan.start, plan.end)))
            window_end = plan.end.plus(length)
            after = len(_domestic_abuse(self.incidents_between(plan.end.plus(1), min(window_end, this_month))))
            if after <= during:
                continue
            after_words = (f"in the {_months(length)} after it ended" if window_end <= this_month
                           else "since it ended")
            flags.append(ChronologyFlag(
                "reports_rose_after_plan",
                f"{_capital(plan.name)} ({plan.start} to {plan.end}): {_count(during, 'domestic abuse incident')} "
                f"during the {length}-month plan, {after} {after_words}. Domestic abuse reports fell during "
                f"the plan and rose after it ended. The audit found that when children were on a CP plan, "
                f"reported domestic abuse incidents declined and then increased when the plan ended.",
                "da_reports_fall_during_plan"))
        return flags

    def _agency_flags(self) -> List[ChronologyFlag]:
        if not self.incidents:
            if not self.plans:
                return []
            return [ChronologyFlag(
                "no_incidents",
                "No incidents were given, so this chronology shows the plans only. The audit "
                "said there is a need to ensure the full chronology is explored.",
                "explore_full_chronology")]
        agencies = {i.agency for i in self.incidents}
        if len(agencies - {None}) > 1:
            return []
        if agencies == {None}:
            said = "None of the incidents says which agency knew about it."
        else:
            known = self.agency_name(next(iter(agencies - {None})))
            said = (f"Every incident here was known to {known} only." if None not in agencies else
                    f"The only agency named for these incidents is {known}.")
        return [ChronologyFlag(
            "single_agency",
            f"{said} The audit called for the use of a multi-agency chronology: ask what the "
            f"school, GP, health services, police and others knew.",
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


def _number_word(count: int) -> str:
    words = {v: k for k, v in _NUMBER_WORDS.items()}
    return words.get(count, str(count))


def _capital(text: str) -> str:
    return text[:1].upper() + text[1:]


def _months(count: int) -> str:
    return _count(count, "month")


def _count(count: int, noun: str) -> str:
    return f"{count} {noun}" + ("" if count == 1 else "s")
