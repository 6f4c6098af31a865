"""Reading what a practitioner types when the next session on a case looks back at the last one
(bot/modes/supervision/cycle.py): what happened to an action ("partly: school sent it"), when an action
was due from its "by when" as typed ("14/11", "end of November", "2 weeks"), and which carried-over case
facts changed ("2 and 5", "the age has changed").
"""
from __future__ import annotations

import calendar
import re
from datetime import date, timedelta
from typing import Dict, List, Optional, Sequence, Tuple

from bot.reading.text_input import normalise, parse_yes_no

DONE, PARTLY, NOT_DONE, NOT_NEEDED = "done", "partly", "not_done", "not_needed"
STATUS_LABELS = {DONE: "Done", PARTLY: "Partly done", NOT_DONE: "Not done", NOT_NEEDED: "No longer needed"}


_NOT_NEEDED = re.compile(r"\b(no longer|not|isn't|wasn't|isnt|wasnt) (needed|required|relevant|necessary|"
                         r"appropriate)\b|\bno need\b|\bnot applicable\b|\bn/a\b|\bsuperseded\b|\bovertaken\b|"
                         r"\bunnecessary\b|\bredundant\b")
_NOT_STARTED = re.compile(r"\bnot (yet )?(done|happened|completed|complete|started|begun|sent|held|made|booked|"
                          r"arranged)\b|\bnothing (yet|happened|done)\b|\bstill (waiting|pending|to do)\b|"
                          r"\bwaiting (on|for)\b|\bawaiting\b|\bchased\b|\brefused\b|\bdeclined\b|"
                          r"\bdid ?n[o']?t engage\b")
_PARTLY = re.compile(r"\bpart(ly|ially|ial)?\b|\bhalf\b|\bsome of\b|\bin progress\b|\bongoing\b|\bstarted\b|"
                     r"\bunder ?way\b|\bnearly\b|\balmost\b|\bbit of\b")
_NOT = re.compile(r"\bnot\b|\bno\b|\bnope\b|\bdidn't\b|\bdidnt\b|\bhasn't\b|\bhasnt\b|\bhaven't\b|\bhavent\b|"
                  r"\bwasn't\b|\bwasnt\b|\bnever\b|\bfailed\b|\bcancel+ed\b")
_DONE = re.compile(r"\b(done|completed?|happened|yes|yep|sent|held|achieved|finished|sorted|made|booked|did (it|that)|"
                   r"arranged|attended|in place|received)\b")


def action_status(text: str) -> Optional[str]:
    """Done, partly, not done or no longer needed, from the words typed ("partly - school sent it")."""
    said = normalise(text).replace("’", "'")
    for label_id, label in STATUS_LABELS.items():
        if said == label.lower():
            return label_id
    for pattern, status in ((_NOT_NEEDED, NOT_NEEDED), (_NOT_STARTED, NOT_DONE), (_PARTLY, PARTLY),
                            (_NOT, NOT_DONE), (_DONE, DONE)):
        if pattern.search(said):
            return status
    return None


_MONTHS = {name.lower()[:3]: number for number, name in enumerate(calendar.month_name) if name}
_MONTH = r"(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?"
_COUNTS = {"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "eight": 8}


def _month_end(year: int, month: int) -> date:
    return date(year, month, calendar.monthrange(year, month)[1])


def _next_on_or_after(day_month: Tuple[int, int], year: Optional[int], set_on: date) -> Optional[date]:
    """The date with this day and month: in the year given, else the first not long before it was set."""
    day, month = day_month
    for candidate_year in ([year] if year else [set_on.year, set_on.year + 1]):
        try:
            candidate = date(candidate_year, month, day)
        except ValueError:
            return None
        if year or candidate >= set_on - timedelta(days=31):
            return candidate
    return None


def due_date(text: Optional[str], set_on: date) -> Optional[date]:
    """When an action was due, from its "by when" as typed and the day it was set; None if it names no date.

    Reads the usual forms ("14/11", "14 Nov", "end of November", "2 weeks", "next month"); anything else
    ("asap", "ongoing", "at conference") names no date, and nothing is said about it being late.
    """
    said = normalise(text or "")
    if not said:
        return None
    year_of = (lambda y: (2000 + int(y) if len(y) == 2 else int(y)) if y else None)
    found = re.search(r"\b(\d{1,2})[/.-](\d{1,2})(?:[/.-](\d{2}|\d{4}))?\b", said)
    if found:
        day, month = int(found.group(1)), int(found.group(2))
        return _next_on_or_after((day, month), year_of(found.group(3)), set_on) if 1 <= month <= 12 else None
    found = re.search(rf"\b(\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?{_MONTH}(?:\s+(\d{{4}}))?", said)
    if found:
        return _next_on_or_after((int(found.group(1)), _MONTHS[found.group(2)]), year_of(found.group(3)), set_on)
    found = re.search(rf"\b{_MONTH}\s+(\d{{1,2}})(?:st|nd|rd|th)?\b(?:,?\s+(\d{{4}}))?", said)
    if found:
        return _next_on_or_after((int(found.group(2)), _MONTHS[found.group(1)]), year_of(found.group(3)), set_on)
    found = re.search(rf"\b{_MONTH}(?:\s+(\d{{4}}))?\b", said)
    if found:
        month, year = _MONTHS[found.group(1)], year_of(found.group(2))
        if year is None:
            year = set_on.year + (1 if month < set_on.month else 0)
        return _month_end(year, month)
    if re.search(r"\bend of (the |this )?month\b", said):
        return _month_end(set_on.year, set_on.month)
    if re.search(r"\bnext month\b", said):
        later = _month_end(set_on.year, set_on.month) + timedelta(days=1)
        return _month_end(later.year, later.month)
    if re.search(r"\bnext week\b", said):
        return set_on + timedelta(days=7)
    if re.search(r"\btomorrow\b", said):
        return set_on + timedelta(days=1)
    found = re.search(r"\b(\d{1,2}|a|an|one|two|three|four|five|six|eight)\s+(day|week|month)s?\b", said)
    if found:
        count = int(found.group(1)) if found.group(1).isdigit() else _COUNTS[found.group(1)]
        return set_on + timedelta(days=count * {"day": 1, "week": 7, "month": 30}[found.group(2)])
    return None


# Words that name a case fact in a sentence ("yes, but the age is now 8"): fact key -> stems
# Words that name a case fact in a sentence ("yes, but the age is now 8"): fact key -> patterns (a stem such
# as "agenc" matches "agencies"; "age" alone must be the whole word, or "agencies" would name it)
FACT_WORDS = {
    "case.age": (r"\bage\b", r"\byears? old\b", r"\byrs? old\b", r"\b(she|he)'?s \d+ now\b"),
    "case.previous_plans": (r"\b(previous|earlier|other) plans?\b", r"\bplans before\b", r"\bnumber of plans\b"),
    "case.months_since_last_plan": (r"\bmonths\b", r"\bgap\b"),
    "case.category": (r"\bcategory\b",),
    "case.concerns": (r"\bconcern",),
    "case.agencies": (r"\bagenc", r"\bprofessionals involved\b"),
    "case.father_involved": (r"\bfather\b", r"\bdad'?s?\b"),
    "case.several_parental_adults": (r"\badults\b", r"\bparental role\b", r"\bstep-?dad\b", r"\bpartner\b"),
    "case.closure_considered": (r"\bclos", r"\bstep(ping)?[ -]down\b"),
}
KEEP_ALL = re.compile(r"(all|still) (good|right|correct|the same|accurate|ok)|all correct|same as (before|last time)|"
                      r"as before|(nothing|none of (it|them))('?s| has)? changed|no changes?|unchanged|"
                      r"keep (them|it|all)|all|same|none|still right|spot on|that'?s right", re.IGNORECASE)
_ONLY_NUMBERS = re.compile(r"(?:\d+|and|&|,|;|\.|-|no|but|change|changed|number|numbers|nos|only|just|\s)+")


def facts_changed(text: str, facts: Sequence[Dict]) -> Optional[List[int]]:
    """The numbers (from 1) of the carried facts that changed, or None if the message does not say.

    "yes" keeps them all, "no" asks them all again, "2 and 5" (or "the age and the agencies") asks those.
    """
    said = normalise(text)
    count = len(facts)
    if _ONLY_NUMBERS.fullmatch(said):
        numbers = sorted({int(n) for n in re.findall(r"\d+", said) if 1 <= int(n) <= count})
        if numbers:
            return numbers
    named = [n for n, fact in enumerate(facts, 1)
             if any(re.search(w, said) for w in FACT_WORDS.get(fact["key"], ()))]
    if named and not said.startswith(("yes they are", "yes all", "all still")):
        return named
    answer = parse_yes_no(text)
    if answer == "yes" or KEEP_ALL.fullmatch(said.replace("’", "'")):
        return []
    if answer == "no":
        return list(range(1, count + 1))
    return None


USED, NOT_USED = "used", "not_used"
_USED = re.compile(r"\b(used|using|did|done|completed?|showed|shows|scored?|found|filled in|carried out|"
                   r"went through)\b")


def toolkit_use(text: Optional[str]) -> Optional[str]:
    """Whether a toolkit was used, from what was typed about it ("not yet", "we did the GCP2 in May"): USED,
    NOT_USED, or None when the words do not say. Kept as a coded value beside the answer for the
    partnership's learning report (bot/reporting/), which never reads what was typed."""
    status = action_status(text or "")
    if status in (NOT_DONE, NOT_NEEDED):
        return NOT_USED
    if status in (DONE, PARTLY) or _USED.search(normalise(text or "")):
        return USED
    return None
