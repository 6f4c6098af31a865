"""Reading a plan history typed in chat shorthand, one line at a time.

A stuck practitioner types the history the way they would in a note:
"plan 2: March 2023 to January 2024, emotional abuse", "May 2024 police DA
callout". Each line is read into a CPPlan or an Incident, or a Problem with a
kind example of what works. Everything keeps the text exactly as typed, so
nothing is lost when a line cannot be read. Agencies are passed in (the
caller passes knowledge.case_options.agencies), so this module never loads
knowledge itself. What the whole history shows is in bot/modes/supervision/chronology.py.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from typing import Dict, Iterable, List, Optional, Tuple, Union

from bot.reading.months import BARE_YEAR, RANGE_JOIN, FoundMonth, Month, find_months
from bot.reading.text_input import Choice, ChoiceMatcher

EXAMPLES = 'Try "plan 2: March 2023 to January 2024, emotional abuse" or "May 2024 police DA callout".'
PLAN_EXAMPLE = ('Try "plan 2: March 2023 to January 2024, emotional abuse", or '
                '"plan 4 from February 2025 to now, neglect" if it is still open.')
INCIDENT_EXAMPLE = 'Try "May 2024 police DA callout" or "Jun 2024: school reported bruising".'


# --------------------------------------------------------------------------
# What a line can be read as
# --------------------------------------------------------------------------

@dataclass
class CPPlan:
    """A child protection plan, one line of the history as typed (not the question plan, not a workshop plan)."""
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


Entry = Union[CPPlan, Incident]


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
            names[agency[0]] = fallback_name(agency[0])
        else:
            names[agency.id] = agency.label.split(" (")[0]
    return names


def fallback_name(agency_id: str) -> str:
    words = agency_id.replace("_", " ")
    return words.upper() if len(words) <= 3 else words.capitalize()


def _find_agency(what: str, matcher: Optional[ChoiceMatcher]) -> Optional[str]:
    """The first agency named; "other" only when no named agency is."""
    if matcher is None:
        return None
    found = matcher.find(what)
    named = [a for a in found if a != "other"]
    return (named or found or [None])[0]


def read_entry(text: str, agencies=(), today: Optional[date] = None) -> Union[CPPlan, Incident, Problem]:
    """Read one line of plan history or one incident.

    `agencies` is a list of (id, [aliases]) or knowledge Option objects.
    Returns a CPPlan, an Incident or a Problem whose message says what could
    not be read and gives an example that works.
    """
    matcher = ChoiceMatcher(_as_choices(agencies)) if agencies else None
    return _read(text, matcher, Month.of(today or date.today()))


def _read(text: str, matcher: Optional[ChoiceMatcher], this_month: Month) -> Union[CPPlan, Incident, Problem]:
    original = text
    text = (text or "").replace("\u00a0", " ")
    if not text.strip():
        return Problem(original, f"There was nothing to read there. {EXAMPLES}")

    months = find_months(text)
    first_at = months[0].start if months else len(text)
    # A plan is named first ("plan 2: ...", "then the 3rd plan ..."); "plan" later in
    # a line is usually an incident that mentions one ("May 2024 callout during plan").
    label = _PLAN_LABEL.match(text[:first_at], _LEAD.match(text).end())
    label_span = (0, label.end()) if label else None  # "Then plan 2:" is not the category
    if label is None and len(months) == 2 and RANGE_JOIN.match(text[months[0].end:months[1].start]):
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
    if BARE_YEAR.search(text):
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
               months: List[FoundMonth]) -> Union[CPPlan, Problem]:
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
        if RANGE_JOIN.match(text[months[0].end:months[1].start]):
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
    return CPPlan(number, start, end, category, original)


def _read_incident(original: str, text: str, months: List[FoundMonth],
                   matcher: Optional[ChoiceMatcher]) -> Union[Incident, Problem]:
    if len(months) > 1:
        if len(months) == 2 and RANGE_JOIN.match(text[months[0].end:months[1].start]):
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


def _number_word(count: int) -> str:
    words = {v: k for k, v in _NUMBER_WORDS.items()}
    return words.get(count, str(count))
