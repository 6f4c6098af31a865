"""The closure check's reading of what was typed: no judgement of its own.

Before a plan is closed or stepped down, the audit's worries meet: incidents
counted rather than future harm weighed, no dissent recorded, a new plan two
months later. The questions are content (knowledge/closure.yml) and their
order is planned in bot/modes/supervision/closure_steps.py; this module only reads what the
practitioner typed: whether a whole message asks for the check, how an
agency's view reads (agrees, disagrees, not yet asked), what the typed
history shows about each earlier plan, and the route for disagreeing.
"""
from __future__ import annotations

import re
from typing import Dict, List, Optional

from bot.modes.supervision.chronology import Chronology
from bot.reading.chronology_reading import read_entry
from bot.content.knowledge import Knowledge
from bot.reading.text_input import normalise

REQUEST_KEY = "closure.requested"  # stored when asked for by name: {"before": the step open then}
NOT_ASKED, DISAGREES, AGREES = "not yet asked", "disagrees", "agrees"


def asks_for_closure_check(knowledge: Knowledge, text: str) -> bool:
    """A whole message naming the check ("closure check"), never words in passing."""
    said = normalise(text).rstrip(".!")
    return said in {normalise(w) for w in knowledge.closure.request_words}


def mentions_closure_check(knowledge: Knowledge, text: str) -> bool:
    """A message that asks to start with the check ("I need a closure check before conference"): only read as
    the message that opens a session, where nothing else could be meant by it."""
    said = f" {normalise(text)} "
    return any(f" {normalise(w)} " in said for w in knowledge.closure.request_words)


def stance(knowledge: Knowledge, text: Optional[str]) -> Optional[str]:
    """How a typed view reads: not yet asked, disagrees or agrees (checked in that order); None if unclear.

    "Does not agree" reads as disagreeing, not agreeing, because disagreement is looked for first.
    """
    if not text:
        return None
    said = normalise(text)
    words = knowledge.closure.stance_words
    for name, phrases in ((NOT_ASKED, words.not_asked), (DISAGREES, words.disagrees), (AGREES, words.agrees)):
        if any(re.search(rf"(?<![a-z]){re.escape(phrase)}(?![a-z])", said) for phrase in phrases):
            return name
    return None


def _value(answers: Dict, key: str):
    answer = answers.get(key)
    return None if answer is None or answer.skipped else answer.value


def _text(answers: Dict, key: str) -> Optional[str]:
    answer = answers.get(key)
    return None if answer is None or answer.skipped else answer.text


def typed_history(knowledge: Knowledge, answers: Dict) -> Optional[Chronology]:
    """The plan history typed on the stuck pathway, if any."""
    value = _value(answers, "chronology.entries") or {}
    agencies = knowledge.case_options.agencies
    entries = [e for e in (read_entry(line, agencies) for line in value.get("lines", []))
               if not hasattr(e, "message")]
    chronology = Chronology.from_entries(entries, agencies)
    return None if chronology.is_empty else chronology


def earlier_plans(knowledge: Knowledge, answers: Dict, today=None) -> List[str]:
    """What the typed answers show about each earlier plan, in plain words and numbers only.

    From a typed history: each ended plan's dates, the months to the next plan, and the
    domestic abuse incidents typed in the months after it ended. Otherwise what the case
    questions were told (how many earlier plans, the months since the last one).
    """
    from datetime import date
    from bot.reading.months import Month
    chronology = typed_history(knowledge, answers)
    if chronology is not None:
        this_month = Month.of(today or date.today())
        next_gap = {id(g.before): g for g in chronology.gaps()}
        lines = []
        for plan in chronology.sorted_plans():
            if plan.end is None:
                continue
            parts = [f"{plan.name[:1].upper()}{plan.name[1:]} ({plan.start} to {plan.end}, "
                     f"{plan.category or 'category not given'})"]
            gap = next_gap.get(id(plan))
            if gap is not None and gap.months >= 0:
                parts.append(f"{gap.months} month{'' if gap.months == 1 else 's'} to {gap.after.name}")
            elif gap is None:
                parts.append("no later plan typed")
            counts = chronology.domestic_abuse_counts(plan, this_month)
            if counts.after is not None:
                parts.append(f"domestic abuse incidents typed {counts.after_words}: {counts.after}")
            lines.append("; ".join(parts) + ".")
        if lines:
            return lines
    previous = _value(answers, "case.previous_plans")
    months = _value(answers, "case.months_since_last_plan")
    said = []
    if isinstance(previous, int) and previous > 0:
        said.append(f"Earlier plans, as you said: {previous}.")
    if isinstance(months, int):
        said.append(f"Months between the last plan ending and this one starting, as you said: {months}.")
    return said


def beside(knowledge: Knowledge, answers: Dict, earlier: List[str]) -> str:
    """Today's reasons as typed, then the earlier plans: shown side by side, without comment."""
    closure = knowledge.closure
    reasons = _text(answers, "closure.reasons") or "not given yet"
    lines = [closure.today_heading, reasons]
    if earlier:
        lines.append(closure.earlier_heading)
        lines += [f"- {line}" for line in earlier]
    return "\n".join(lines)


def conference_route(knowledge: Knowledge) -> List[str]:
    """How to disagree with a conference decision: title and address (with the caution), stages, timescales."""
    route = knowledge.closure.conference_route
    lines = [knowledge.link_line(route.title, route.url, route.confirmed), route.about]
    lines += [f"{n}. {stage}" for n, stage in enumerate(route.stages, 1)]
    lines.append(route.timescales)
    return lines
