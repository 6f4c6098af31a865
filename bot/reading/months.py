"""Calendar months, the months found in text typed in chat shorthand, and dates as England reads them.

Plan dates are known to the month, rarely the day: "Mar 21", "03/2021",
"March 2021", "2021-03". Used by bot/reading/chronology_reading.py to read a history.
Times are stored in UTC and shown in England's (GMT or BST), dates written out
("3 December 2026", "3 Dec 2026") whatever the server's locale: records, the
next session on a case and the learning report all use the same few lines here.
"""
from __future__ import annotations

import difflib
import re
from dataclasses import dataclass
from datetime import date, datetime, timezone
from typing import Dict, List, Optional, Tuple
from zoneinfo import ZoneInfo

MONTH_NAMES = ("January", "February", "March", "April", "May", "June", "July",
               "August", "September", "October", "November", "December")
ENGLAND = ZoneInfo("Europe/London")  # records are read in England: GMT or BST, not UTC


def in_england(moment_utc: datetime) -> datetime:
    """A stored (naive UTC) time as England's clock showed it."""
    return moment_utc.replace(tzinfo=timezone.utc).astimezone(ENGLAND)


def today_in_england() -> date:
    return datetime.now(ENGLAND).date()


def long_date(day: date) -> str:
    """ "3 December 2026" """
    return f"{day.day} {MONTH_NAMES[day.month - 1]} {day.year}"


def short_date(day: date) -> str:
    """ "3 Dec 2026" """
    return f"{day.day} {MONTH_NAMES[day.month - 1][:3]} {day.year}"


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
BARE_YEAR = re.compile(r"(?<![\d/.-])(?:19|20)\d{2}(?![\d/])")
# What may sit between the two months of a plan: "to", "-", "until" ...
RANGE_JOIN = re.compile(r"^\s*(?:-+|\u2013|\u2014|to|till|til|until|through|thru|->|\u2192|>)\s*$",
                         re.IGNORECASE)


@dataclass
class FoundMonth:
    start: int
    end: int
    month: Optional[Month]  # None: a month name with no year (yet)
    number: int = 0  # the month number, kept for year-borrowing


def find_months(text: str) -> List[FoundMonth]:
    """Every month written in the text, in order of position."""
    found: List[FoundMonth] = []
    taken: List[Tuple[int, int]] = []

    def free(start: int, end: int) -> bool:
        return all(end <= s or start >= e for s, e in taken)

    def add(start: int, end: int, month_no: int, year: Optional[int]) -> None:
        if not 1 <= month_no <= 12 or not free(start, end):
            return
        if year is not None and not 1900 <= year <= 2099:
            return
        taken.append((start, end))
        found.append(FoundMonth(start, end, Month(year, month_no) if year else None, month_no))

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


def _borrow_years(text: str, found: List[FoundMonth]) -> List[FoundMonth]:
    """ "Mar - Dec 21": a yearless month takes the year of the month it runs to.

    Yearless month names that are not part of such a range are dropped: "may"
    on its own is more often a verb than a month.
    """
    kept: List[FoundMonth] = []
    for i, f in enumerate(found):
        if f.month is None:
            nxt = found[i + 1] if i + 1 < len(found) else None
            if nxt and nxt.month and RANGE_JOIN.match(text[f.end:nxt.start]):
                year = nxt.month.year - (1 if f.number > nxt.month.month else 0)
                kept.append(FoundMonth(f.start, f.end, Month(year, f.number), f.number))
            continue
        kept.append(f)
    return kept


