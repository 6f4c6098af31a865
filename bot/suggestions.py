"""Noticing the audit's patterns in what the practitioner has said.

The rules are in knowledge/patterns.yml; this module only evaluates them.
"""
from __future__ import annotations

from typing import Dict, List

from .knowledge import Knowledge, Pattern, PatternConditions

MAX_SUGGESTED = 3
ALWAYS_SUGGESTED = "voice_of_child"  # the audit found the child's day-to-day life missing from records


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
    """In patterns.yml order (the order themes are suggested in)."""
    return [p for p in knowledge.patterns if pattern_applies(p, answers, kind)]


def pattern_questions(knowledge: Knowledge, answers: Dict, kind: str, cap: int) -> List[Pattern]:
    """The noticed patterns whose questions are asked: the `cap` with the highest priority.

    Priority comes from patterns.yml, so the closure check (priority 1) is never dropped.
    """
    noticed = noticed_patterns(knowledge, answers, kind)
    # by priority, then file order (positions, not list.index: comparing pydantic models is slow)
    ranked = sorted(enumerate(noticed), key=lambda pair: (pair[1].priority, pair[0]))
    return [pattern for _, pattern in ranked[:cap]]


def suggest_themes(knowledge: Knowledge, answers: Dict, kind: str = "supervision") -> List[str]:
    """Each noticed pattern's first theme, then their second ones, in patterns.yml order."""
    suggested: List[str] = [ALWAYS_SUGGESTED]
    lists = [p.suggests for p in noticed_patterns(knowledge, answers, kind)]
    for rank in range(max((len(x) for x in lists), default=0)):
        for themes in lists:
            if rank < len(themes) and themes[rank] not in suggested:
                suggested.append(themes[rank])
    return suggested[:MAX_SUGGESTED]


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

