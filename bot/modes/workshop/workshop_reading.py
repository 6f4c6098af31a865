"""Reading what a training lead types: a workshop's length ("an hour and a half"), its commands, and a
request to choose the themes from the learning report ("use the learning report for October to December 2026").

Commands are whole messages only ("next", "show the plan"), so a group's point that says "next" or "save"
in passing stays a point.
"""
from __future__ import annotations

import calendar
import re
from datetime import date
from typing import Dict, List, Optional, Tuple, Union

from bot.reading.months import month_number
from bot.reading.text_input import NUMBER_WORDS, Incoming, detect_command, normalise

# Whole messages (after normalising) that steer a workshop. Checked before
# bot.reading.text_input's commands (pause, help, save, resume, change; its "skip"
# words, such as "next question", mean next here).
WORKSHOP_COMMANDS: Dict[str, Tuple[str, ...]] = {
    "next": ("next", "next please", "next part", "next item", "next vignette", "next theme",
             "next one", "next section", "move on", "let's move on", "lets move on", "onwards"),
    "back": ("back", "go back", "previous", "previous part", "previous item", "previous vignette",
             "back one", "the one before", "back a step"),
    "questions": ("questions", "question", "show the questions", "show questions", "show me the questions",
                  "the questions", "discussion questions", "what are the questions",
                  "questions please"),
    "plan": ("plan", "show the plan", "show plan", "the plan", "show me the plan", "timings",
             "show the timings", "agenda", "timetable", "where are we", "where are we up to"),
    "show": ("show", "show it", "show again", "show it again", "again", "repeat", "repeat that",
             "show the vignette", "the vignette", "vignette", "read it again", "show this part"),
    "start": ("start", "begin", "start the workshop", "begin the workshop", "let's start",
              "lets start", "let's begin", "lets begin", "ready", "we're ready", "go", "start it"),
}
_WORKSHOP_PHRASES = {p: cmd for cmd, phrases in WORKSHOP_COMMANDS.items() for p in phrases}


# ----- reading a length ---------------------------------------------------------------

_TENS = {"twenty": 20, "thirty": 30, "forty": 40, "fourty": 40, "fifty": 50, "sixty": 60,
         "seventy": 70, "eighty": 80, "ninety": 90}
_UNITS = {w: n for w, n in NUMBER_WORDS.items() if 1 <= n <= 9 and w not in ("once", "none", "nil")}
_HOURS = r"(?:hours?|hrs?|h)"
_MINUTES = r"(?:minutes?|mins?|m)"


def _words_to_digits(said: str) -> str:
    said = said.replace("-", " ")
    said = re.sub(r"\b(?:a couple of|couple of|a couple)\b(?= " + _HOURS + r"\b)", "2", said)
    said = re.sub(r"\bhalf an? hour\b|\bhalf hour\b", "30 minutes", said)
    said = re.sub(r"\b(?:an|a)\b(?= (?:and a half )?" + _HOURS + r"\b)", "1", said)
    said = re.sub(r"\b(\w+) (" + _HOURS + r") and a half\b", r"\1 and a half \2", said)
    tens = "|".join(_TENS)
    units = "|".join(_UNITS)
    said = re.sub(rf"\b({tens})(?: and)? ({units})\b", lambda m: str(_TENS[m[1]] + _UNITS[m[2]]), said)
    said = re.sub(rf"\b({tens})\b", lambda m: str(_TENS[m[1]]), said)
    said = re.sub(r"\b(one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|"
                  r"thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen)\b",
                  lambda m: str(NUMBER_WORDS[m[1]]), said)
    said = re.sub(r"\ba hundred and (\d+)\b", lambda m: str(100 + int(m[1])), said)
    said = re.sub(r"\b(\d+) and a half\b", lambda m: f"{m[1]}.5", said)
    said = re.sub(r"\b(\d+) 1/2\b", lambda m: f"{m[1]}.5", said)
    return said


def parse_minutes(text: str) -> Optional[int]:
    """A workshop length in minutes: "90", "45 minutes", "an hour", "1.5 hours", "2 hours", "1h30".

    A bare number up to 3 is read as hours ("2" means two hours); None if unclear.
    """
    said = _words_to_digits(normalise(text))
    clock_time = re.search(r"\b(\d{1,2}):(\d{2})\b", said)
    if clock_time:
        return int(clock_time[1]) * 60 + int(clock_time[2])
    hours = re.search(rf"(\d+(?:\.\d+)?)\s*{_HOURS}(?![a-z])(?:\s*(?:and\s*)?(\d+)\s*(?:{_MINUTES}\b)?)?",
                      said)
    if hours:
        total = float(hours[1]) * 60 + (int(hours[2]) if hours[2] else 0)
        return int(total) if total == int(total) else None
    minutes = re.search(rf"(\d+)\s*{_MINUTES}\b", said)
    if minutes:
        return int(minutes[1])
    bare = re.fullmatch(r"(?:about |around |roughly )?(\d+)(?: please)?", said)
    if bare:
        number = int(bare[1])
        return number * 60 if 1 <= number <= 3 else number
    return None


def workshop_command(message: Incoming) -> Optional[str]:
    """next, back, questions, plan, show, start, or bot.reading.text_input's pause, help, save, resume, change.

    Only whole messages count, so a point mentioning "next" or "save" stays a point.
    """
    text = message.text or ""
    said = normalise(text.lstrip("/").replace("_", " ") if message.is_payload else text)
    said = said.rstrip(" ?") or said
    if said in _WORKSHOP_PHRASES:
        return _WORKSHOP_PHRASES[said]
    command = detect_command(message)
    return "next" if command == "skip" else command


# ----- the learning report ------------------------------------------------------------

REPORT_WORDS = ("learning report", "the report", "use the report", "from the report", "report")
DEFAULT_REPORT_MONTHS = 3  # "use the learning report" alone: this month and the two before it
UNCLEAR = "unclear"  # the report was asked for, but its period could not be read
_ISO = re.compile(r"\b(\d{4})-(\d{2})-(\d{2})\b")
_MONTH_YEAR = re.compile(r"\b([a-z]{3,10})\.?(?:\s+(\d{4}))?\b")


def learning_report_request(text: str, today: date) -> Union[None, str, Tuple[date, date]]:
    """The period a lead asks the learning report for, when choosing themes: (first day, last day).

    "use the learning report" alone means this month and the two before it, up to today; a period can be
    named with dates ("for 2026-10-01 to 2026-12-31") or months ("for October to December 2026",
    "September 2026"). None if the message does not ask for the report; UNCLEAR if its period can't be read.
    """
    said = normalise(text).rstrip(" .?!")
    if "learning report" not in said and not any(said == w or said.startswith(w + " ") for w in REPORT_WORDS):
        return None
    rest = said.split("report", 1)[1]
    dates = [date(int(y), int(m), int(d)) for y, m, d in _ISO.findall(rest) if _valid(int(y), int(m), int(d))]
    if len(dates) == 2 and dates[0] <= dates[1]:
        return dates[0], dates[1]
    months: List[Tuple[int, Optional[int]]] = []
    for word, year in _MONTH_YEAR.findall(rest):
        number = month_number(word) if word not in ("for", "from", "the", "last", "use", "and") else None
        if number:
            months.append((number, int(year) if year else None))
    if not rest.strip() or rest.strip() in ("please", "for this quarter", "for the last three months"):
        first = (today.year * 12 + today.month - 1) - (DEFAULT_REPORT_MONTHS - 1)
        return date(first // 12, first % 12 + 1, 1), today
    if months and len(months) <= 2 and not dates:
        year = next((y for _, y in reversed(months) if y), today.year)
        (first_month, first_year), (last_month, last_year) = months[0], months[-1]
        last_year = last_year or year
        first_year = first_year or (last_year if first_month <= last_month else last_year - 1)
        end = date(last_year, last_month, calendar.monthrange(last_year, last_month)[1])
        return date(first_year, first_month, 1), end
    return UNCLEAR


def _valid(year: int, month: int, day: int) -> bool:
    return 1 <= month <= 12 and 1 <= day <= calendar.monthrange(year, month)[1]
