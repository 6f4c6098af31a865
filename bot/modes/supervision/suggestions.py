"""Noticing the audit's patterns in what the practitioner has said, and what follows from them.

The rules are in knowledge/patterns.yml; this module evaluates them, ranks the
themes they call for (each with why), and decides which patterns' questions are
asked and which are named as left for time.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Dict, Iterable, List

from bot.content.knowledge import Knowledge, Pattern

from bot.content.practice import PatternConditions

MAX_SUGGESTED = 3
# the child's day-to-day life was missing from records (worried.9): always in the menu, suggested if there is room
ALWAYS_AVAILABLE = "voice_of_child"


def _value(answers: Dict, key: str):
    answer = answers.get(key)
    return None if answer is None or answer.skipped else answer.value


def pattern_applies(pattern: Pattern, answers: Dict, kind: str) -> bool:
    return conditions_hold(pattern.when, answers, kind)


def conditions_hold(when: PatternConditions, answers: Dict, kind: str) -> bool:
    checks: List[bool] = []
    if when.previous_plans_at_least is not None:
        plans = _value(answers, "case.previous_plans")
        checks.append(isinstance(plans, int) and plans >= when.previous_plans_at_least)
    if when.months_since_last_plan_below is not None:
        months = _value(answers, "case.months_since_last_plan")
        checks.append(isinstance(months, int) and months < when.months_since_last_plan_below)
    if when.concerns_include:
        concerns = _value(answers, "case.concerns") or []
        checks.append(any(c in concerns for c in when.concerns_include))
    if when.only_agencies:
        agencies = _value(answers, "case.agencies") or []
        checks.append(bool(agencies) and set(agencies) <= set(when.only_agencies))
    for key, expected in when.answer_is.items():
        checks.append(_value(answers, key) == expected)
    if when.session_kind is not None:
        checks.append(kind == when.session_kind)
    return bool(checks) and all(checks)


def noticed_patterns(knowledge: Knowledge, answers: Dict, kind: str = "supervision") -> List[Pattern]:
    """In patterns.yml order."""
    return [p for p in knowledge.patterns if pattern_applies(p, answers, kind)]


def by_priority(patterns: List[Pattern]) -> List[Pattern]:
    """By priority, then file order (positions, not list.index: comparing pydantic models is slow)."""
    return [p for _, p in sorted(enumerate(patterns), key=lambda pair: (pair[1].priority, pair[0]))]


@dataclass(frozen=True)
class PatternPlan:
    """Which noticed patterns' questions are asked, and which are named as left for time."""
    asked: List[Pattern]  # their own question is asked, in priority order
    covered: List[Pattern]  # asked by the closure check (its own, or a question on the same topic)
    left: List[Pattern]  # named as left for time: the practitioner can take them with "more"


def plan_patterns(knowledge: Knowledge, answers: Dict, kind: str, cap: int,
                  covered_topics: Iterable[str] = (), covered_ids: Iterable[str] = ()) -> PatternPlan:
    """Every noticed pattern is asked, covered by the closure check, or left for time: none is dropped.

    The closure pattern's question is the closure check itself, which runs whenever it is noticed.
    Patterns marked always_ask (closing the plan, the father) are asked whatever the cap;
    the rest fill the cap by priority. A pattern the closure check asks about (its topic is one
    of `covered_topics`) takes no place in the cap, nor does one the session answers whole
    (`covered_ids`: feeling stuck, on the stuck pathway).
    """
    topics, ids = set(covered_topics), set(covered_ids)
    asked, covered, rest = [], [], []
    for pattern in by_priority(noticed_patterns(knowledge, answers, kind)):
        if pattern.closure_check or pattern.id in ids or (pattern.topic and pattern.topic in topics):
            covered.append(pattern)
        elif pattern.always_ask:
            asked.append(pattern)
        else:
            rest.append(pattern)
    room = max(0, cap - len(asked))
    asked = by_priority(asked + rest[:room])
    return PatternPlan(asked, covered, rest[room:])


def pattern_questions(knowledge: Knowledge, answers: Dict, kind: str, cap: int) -> List[Pattern]:
    """The noticed patterns whose own questions are asked (no closure check counted)."""
    return plan_patterns(knowledge, answers, kind, cap).asked


@dataclass(frozen=True)
class Suggestion:
    """A theme suggested, with the one line that says why."""
    theme_id: str
    why: str


def _lower_first(text: str) -> str:
    return text[:1].lower() + text[1:]


def suggestions(knowledge: Knowledge, answers: Dict, kind: str = "supervision") -> List[Suggestion]:
    """The themes to suggest, ranked by what was noticed, each with why; at most MAX_SUGGESTED.

    A theme more noticed patterns point to comes first; between equals, the one a
    higher-priority pattern names earlier. Then the concerns' themes (case_options.yml),
    then the voice of the child if there is room: it is always in the menu and every
    supervision asks about the child's day and views, so it never crowds out a theme a
    noticed pattern calls for.
    """
    calls: Dict[str, List] = {}  # theme -> [patterns pointing to it], first the highest priority
    ranks: Dict[str, tuple] = {}
    for rank, pattern in enumerate(by_priority(noticed_patterns(knowledge, answers, kind))):
        for position, theme_id in enumerate(pattern.suggests):
            calls.setdefault(theme_id, []).append(pattern)
            ranks.setdefault(theme_id, (rank, position))
    found: List[Suggestion] = []
    for theme_id in sorted(calls, key=lambda t: (-len(calls[t]), ranks[t])):
        first, others = calls[theme_id][0], calls[theme_id][1:]
        why = f"{_lower_first(first.title)}: {_lower_first(first.why)}"
        if others:
            why += " Also: " + "; ".join(_lower_first(p.title) for p in others) + "."
        found.append(Suggestion(theme_id, why))
    concerns = _value(answers, "case.concerns") or []
    for option in knowledge.case_options.concerns:
        if option.id in concerns:
            for theme_id in option.themes:
                found.append(Suggestion(theme_id, knowledge.prompt("why_concern", concern=option.label)))
    found.append(Suggestion(ALWAYS_AVAILABLE, knowledge.prompt("why_voice_of_child")))
    unique: List[Suggestion] = []
    for suggestion in found:
        if suggestion.theme_id not in {s.theme_id for s in unique}:
            unique.append(suggestion)
    return unique[:MAX_SUGGESTED]


def suggest_themes(knowledge: Knowledge, answers: Dict, kind: str = "supervision") -> List[str]:
    """The ids of `suggestions`, in their order."""
    return [s.theme_id for s in suggestions(knowledge, answers, kind)]


def relevant_toolkits(knowledge: Knowledge, answers: Dict, themes: List[str],
                      kind: str = "supervision") -> List[str]:
    """Toolkits to ask about: from noticed patterns, the plan's category and the themes chosen."""
    found: List[str] = []
    for pattern in noticed_patterns(knowledge, answers, kind):
        found += pattern.toolkits
    category = _value(answers, "case.category") or []
    for option in knowledge.case_options.plan_categories:
        if option.id in category:
            found += option.toolkits
    for theme_id in themes:
        theme = knowledge.theme(theme_id)
        found += theme.toolkits
        for extra in theme.toolkits_when:
            if conditions_hold(extra.when, answers, kind):
                found += extra.toolkits
    return [t for t in ("domestic_abuse", "neglect") if t in found]

