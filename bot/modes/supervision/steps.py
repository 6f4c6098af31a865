"""The questions of a supervision session, in order, derived from the answers so far.

Nothing here is stored: the plan is worked out again from the answers each
time, so changing an earlier answer (the themes chosen, "another action?")
changes what follows without any cursor to keep in step.

This is also the one place that decides no question is asked twice in a
session: steps that share a topic (the day in the child's life, a toolkit,
who the adults are...) or the same words are planned once, the first time.
"""
from __future__ import annotations

from typing import Dict, List, Tuple

from bot.content.knowledge import Knowledge
from bot.modes.supervision.closure_steps import closure_steps, closure_wanted, closure_where_asked
from bot.modes.supervision.step import (  # noqa: F401  (the kinds, read as S.TEXT and so on)
    ACTION_REVIEW, CHOICE, CHRONOLOGY, DANGER_CHECK, FACTS, MULTI, NUMBER, REVIEW, TEXT, THEMES, YES_NO, Step,
)
from bot.responses import escalation_route, toolkit_links
from bot.modes.supervision.suggestions import plan_patterns, relevant_toolkits, suggest_themes
from bot.reading.text_input import Choice, normalise

MAX_PATTERN_QUESTIONS = 3  # busy practitioners: the patterns with the highest priority come first
SHORT = "short"  # about 15 minutes: one theme's first question of each stage of the cycle, then actions
SHORT_STAGES = ("experience", "reflection", "analysis", "action")  # the cycle whole: analysis is kept
SHORT_SESSION_WORDS = ("short session", "short", "a short session", "short one", "quick session",
                       "short session (about 15 minutes)", "15 minutes")
FIRST_STEP = "details.worker"  # where a short session can be chosen

LEFT_FOR_TIME = "pattern.left_for_time"  # names the noticed patterns not asked; "more" takes them
TAKE_MORE = "more"
LEFT_FOR_TIME_CHOICES = (
    Choice(TAKE_MORE, "More", ("more", "say more", "more please", "yes", "look at them", "now", "all")),
    Choice("not_now", "Not now", ("not now", "no", "later", "leave them", "no thanks")),
)
STUCK_PATHWAY_ANSWERS = ("feeling_stuck",)  # the stuck pathway's own questions answer this pattern whole


def asks_for_short_session(text: str) -> bool:
    return normalise(text) in SHORT_SESSION_WORDS


def _options(options) -> Tuple[Choice, ...]:
    return tuple(Choice(o.id, o.label, tuple(o.also_known_as)) for o in options)


def theme_choices(knowledge: Knowledge) -> Tuple[Choice, ...]:
    return tuple(Choice(t.id, t.title, tuple(t.also_known_as)) for t in knowledge.themes)


def chosen_themes(knowledge: Knowledge, answers: Dict, kind: str) -> List[str]:
    answer = answers.get("themes.choice")
    if answer is None:
        return []
    if answer.skipped or not answer.value:
        themes = suggest_themes(knowledge, answers, kind)
    else:
        themes = list(answer.value)
    return themes[:1] if kind == SHORT else themes


def listing(k: Knowledge, choices) -> str:
    """The audit's own items, then any additions, each list saying what it is."""
    own = [o.label for o in choices if not o.addition]
    added = [o.label for o in choices if o.addition]
    lines = [k.prompt("audit_list", items="; ".join(own))]
    if added:
        lines.append(k.prompt("added_list", items="; ".join(added)))
    return "\n".join(lines)


def good_practice_prompts(k: Knowledge) -> str:
    lines = [k.prompt("working_well_prompts")]
    lines += [f"{n}. {item}" for n, item in enumerate(k.audit.good_practice, 1)]
    return "\n".join(lines)


def good_practice_choices(k: Knowledge) -> Tuple[Choice, ...]:
    return tuple(Choice(str(n), item, ()) for n, item in enumerate(k.audit.good_practice, 1))


def escalation_needed(answers: Dict) -> bool:
    answer = answers.get("escalation.needed")
    return answer is not None and not answer.skipped and answer.value in ("yes", "unsure", None)


def question_plan(knowledge: Knowledge, answers: Dict, kind: str = "supervision") -> List[Step]:
    """Every step of the session given the answers so far; `answers` maps key -> Answer.

    A topic or a question's words planned twice are planned once, the first time.
    """
    steps = _short_plan(knowledge, answers) if kind == SHORT else _full_plan(knowledge, answers, kind)
    steps = closure_where_asked(knowledge, answers, kind, steps)
    topics, asked, once = set(), set(), []
    for step in steps:
        words = normalise(step.prompt)
        repeated_words = step.section != "actions" and step.kind == TEXT and words in asked
        if (step.topic and step.topic in topics) or repeated_words:
            continue
        topics.add(step.topic)
        asked.add(words)
        once.append(step)
    return once


def lasting_change_wanted(k: Knowledge, answers: Dict, kind: str) -> bool:
    """A third or later plan (two or more before this one), or the stuck pathway."""
    previous = answers.get("case.previous_plans")
    plans = None if previous is None or previous.skipped else previous.value
    return kind == "stuck" or (isinstance(plans, int) and plans >= k.stuck.lasting_change.previous_plans_at_least)


def lasting_change_steps(k: Knowledge) -> List[Step]:
    """The poster's question about lasting change: the child's timescale, legal planning, a senior review."""
    return [Step(f"lasting.{q.id}", TEXT, q.ask, "lasting", f"Lasting change: {q.id.replace('_', ' ')}",
                 topic=f"lasting.{q.id}") for q in k.stuck.lasting_change.questions]


def _pattern_steps(k: Knowledge, answers: Dict, kind: str, covered_topics, covered_ids=()) -> List[Step]:
    """The noticed patterns' questions within the cap, then what was left for time, taken with "more"."""
    plan = plan_patterns(k, answers, kind, MAX_PATTERN_QUESTIONS, covered_topics, covered_ids)
    steps = [_pattern_step(k, p) for p in plan.asked]
    if plan.left:
        steps.append(Step(LEFT_FOR_TIME, CHOICE, k.prompt("left_for_time", items="; ".join(p.title for p in plan.left)),
                          "pattern", "Also noticed, left for time", choices=LEFT_FOR_TIME_CHOICES))
        taken = answers.get(LEFT_FOR_TIME)
        if taken is not None and not taken.skipped and TAKE_MORE in (taken.value or []):
            steps += [_pattern_step(k, p) for p in plan.left]
    return steps


def _pattern_step(k: Knowledge, pattern) -> Step:
    return Step(f"pattern.{pattern.id}", TEXT, pattern.question, "pattern", pattern.title,
                source=k.pattern_source(pattern), topic=pattern.topic, extra=toolkit_links(k, pattern.toolkits))


def _start_steps(k: Knowledge) -> List[Step]:
    return [
        Step(FIRST_STEP, TEXT, k.prompt("ask_worker"), "details", "Your name"),
        Step("details.supervisor", TEXT, k.prompt("ask_supervisor"), "details", "Supervisor"),
        Step("case.reference", TEXT, k.prompt("ask_case_reference"), "case", "Case reference"),
    ]


def _short_plan(k: Knowledge, answers: Dict) -> List[Step]:
    """About 15 minutes: one theme's first experience, reflection, analysis and action questions, actions, record."""
    from bot.modes.supervision import cycle  # here: cycle builds Steps with this module
    steps = _start_steps(k) + cycle.opening_steps(k, answers, SHORT) + cycle.review_steps(k, answers, SHORT)
    steps.append(Step("themes.choice", THEMES, k.prompt("ask_short_theme"), "themes", "Theme",
                      choices=theme_choices(k)))
    for theme_id in chosen_themes(k, answers, SHORT):
        steps += [s for s in _theme_steps(k, theme_id) if s.stage in SHORT_STAGES
                  and s.key == _first_of_stage(k, theme_id, s.stage)]
    steps += _action_steps(k, answers)
    steps.append(Step("review", REVIEW, k.prompt("review_intro"), "review", "Review"))
    return steps


def _first_of_stage(k: Knowledge, theme_id: str, stage: str) -> str:
    number = next(n for n, q in enumerate(k.theme(theme_id).questions) if q.stage == stage)
    return f"theme.{theme_id}.{number}"


def _full_plan(k: Knowledge, answers: Dict, kind: str) -> List[Step]:
    """The case (its facts carried over from the last session on it, if asked), last time's actions, the
    session's own questions, the mapping, actions, decisions, scale, escalation and toolkits, then review."""
    from bot.modes.supervision import cycle  # here: cycle builds Steps with this module
    options = k.case_options
    steps = _start_steps(k) + cycle.opening_steps(k, answers, kind) + [
        Step("case.age", NUMBER, k.prompt("ask_child_age"), "case", "Child's age", number_range=(0, 25)),
        Step("case.previous_plans", NUMBER, k.prompt("ask_previous_plans"), "case",
             "Previous CP plans", number_range=(0, 30)),
    ]
    previous = answers.get("case.previous_plans")
    if previous is not None and isinstance(previous.value, int) and previous.value > 0:
        steps.append(Step("case.months_since_last_plan", NUMBER, k.prompt("ask_months_since_last_plan"),
                          "case", "Months between the last plan ending and this one",
                          number_range=(0, 240)))
    steps += [
        Step("case.category", CHOICE, k.prompt("ask_plan_category"), "case", "Current plan category",
             choices=_options(options.plan_categories)),
        Step("case.concerns", MULTI, k.prompt("ask_concerns"), "case", "Main concerns",
             choices=_options(options.concerns), extra=listing(k, options.concerns)),
        Step("case.agencies", MULTI, k.prompt("ask_agencies"), "case", "Agencies involved",
             choices=_options(options.agencies), extra=listing(k, options.agencies)),
        Step("case.father_involved", YES_NO, k.prompt("ask_father_involved"), "case",
             "Father or other significant adult involved"),
        Step("case.several_parental_adults", YES_NO, k.prompt("ask_several_parental_adults"), "case",
             "More than one adult in a parental role"),
        Step("case.closure_considered", YES_NO, k.prompt("ask_closure_considered"), "case",
             "Closing or stepping down the plan being considered"),
    ]
    steps += cycle.review_steps(k, answers, kind)
    if kind == "stuck":
        steps += _stuck_steps(k, answers)
    else:
        steps += _reflection_steps(k, answers, kind)
    steps += [
        Step("mapping.worried", TEXT, k.prompt("ask_worried"), "mapping", "What we are worried about"),
        # Signs of Safety: the family's strengths are asked on their own, never offered the audit's good practice
        Step("mapping.family_strengths", TEXT, k.prompt("ask_family_strengths"), "mapping",
             "The family's strengths and existing safety"),
        Step("mapping.working_well", TEXT, k.prompt("ask_working_well"), "mapping",
             "What is working well in the professional network",
             choices=good_practice_choices(k), extra=good_practice_prompts(k)),
        Step("mapping.needs_to_happen", TEXT, k.prompt("ask_needs_to_happen"), "mapping", "What needs to happen"),
    ]
    steps += _action_steps(k, answers)
    steps += [
        Step("decisions.made", TEXT, k.prompt("ask_decisions"), "decisions", "Decisions and rationale"),
        Step("safety.scale", NUMBER, k.prompt("ask_safety_scale"), "safety", "Safety scale",
             number_range=(0, 10), extra=cycle.scale_then(k, answers)),
        Step("safety.reason", TEXT, k.prompt("ask_safety_reason"), "safety", "Why that number"),
        Step("escalation.needed", YES_NO, k.prompt("ask_escalation"), "escalation",
             "Escalation or dissent needed"),
    ]
    if escalation_needed(answers):
        steps.append(Step("escalation.detail", TEXT, k.prompt("ask_escalation_detail"), "escalation",
                          "Escalation: what and how", extra=escalation_route(k)))
    for toolkit_id in relevant_toolkits(k, answers, chosen_themes(k, answers, kind), kind):
        toolkit = k.toolkit(toolkit_id)
        steps.append(Step(f"toolkit.{toolkit_id}", TEXT,
                          k.prompt("ask_toolkit_used", toolkit=toolkit.title), "toolkit",
                          f"{toolkit.title}: what it showed", topic=f"toolkit.{toolkit_id}",
                          extra=toolkit_links(k, [toolkit_id])))
    steps.append(Step("review", REVIEW, k.prompt("review_intro"), "review", "Review"))
    return steps


def _stuck_steps(k: Knowledge, answers: Dict) -> List[Step]:
    """The whole history first, the stuck case review questions, the closure check if closing is
    considered (beside the history typed), the noticed patterns' questions (the father's always),
    then the poster's question about lasting change."""
    steps = [Step("chronology.entries", CHRONOLOGY, k.stuck.chronology_prompt, "chronology",
                  "Plan history and incidents")]
    steps += [Step(f"stuck.{q.id}", TEXT, q.ask, "stuck", f"Stuck case review: {q.id.replace('_', ' ')}")
              for q in k.stuck.questions]
    check = closure_steps(k, answers, "stuck") if closure_wanted(k, answers, "stuck") else []
    steps += check
    steps += _pattern_steps(k, answers, "stuck", {s.topic for s in check if s.topic}, STUCK_PATHWAY_ANSWERS)
    return steps + lasting_change_steps(k)


def _reflection_steps(k: Knowledge, answers: Dict, kind: str) -> List[Step]:
    """Ordinary supervision: themes chosen, the closure check, the themes' experience and reflection
    questions, then the patterns' questions (and what was left for time) and lasting change on a third
    or later plan, then the themes' analysis and action questions, the child.

    Experience comes before analysis: what happened and how it felt are asked before the patterns'
    questions about what it means (issue 27).
    """
    steps = [Step("themes.choice", THEMES, k.prompt("themes_question"), "themes", "Themes",
                  choices=theme_choices(k))]
    themes = chosen_themes(k, answers, kind)
    first = ("experience", "reflection")
    check = closure_steps(k, answers, kind) if "themes.choice" in answers and closure_wanted(k, answers, kind) else []
    steps += check
    for theme_id in themes:
        steps += [s for s in _theme_steps(k, theme_id) if s.stage in first]
    if "themes.choice" in answers:
        steps += _pattern_steps(k, answers, kind, {s.topic for s in check if s.topic})
        if lasting_change_wanted(k, answers, kind):
            steps += lasting_change_steps(k)
    for theme_id in themes:
        steps += [s for s in _theme_steps(k, theme_id) if s.stage not in first]
    steps += [
        Step("child.day_in_life", TEXT, k.prompt("ask_day_in_life"), "child", "A day in the child's life",
             topic="day_in_life"),
        Step("child.views", TEXT, k.prompt("ask_child_views"), "child", "The child's views"),
    ]
    return steps


def _theme_steps(k: Knowledge, theme_id: str) -> List[Step]:
    theme = k.theme(theme_id)
    return [Step(f"theme.{theme_id}.{number}", TEXT, question.ask, "theme",
                       f"{theme.title}, question {number + 1}", theme_id=theme_id,
                       source=k.audit_words(question.finding), topic=question.topic,
                       stage=question.stage)
            for number, question in enumerate(theme.questions)]


def _action_steps(k: Knowledge, answers: Dict) -> List[Step]:
    steps: List[Step] = []
    number = 0
    while True:
        n = number + 1
        steps.append(Step(f"actions.{number}.what", TEXT,
                          k.prompt("ask_action_what" if number == 0 else "ask_action_what_next"),
                          "actions", f"Action {n}: what"))
        what = answers.get(f"actions.{number}.what")
        if what is not None and what.skipped:
            return steps  # no (more) actions
        steps += [
            Step(f"actions.{number}.owner", TEXT, k.prompt("ask_action_owner"), "actions", f"Action {n}: who"),
            Step(f"actions.{number}.by_when", TEXT, k.prompt("ask_action_when"), "actions", f"Action {n}: by when"),
            Step(f"actions.{number}.more", YES_NO, k.prompt("ask_action_more"), "actions",
                 f"After action {n}: another?", needs_yes_or_no=True),
        ]
        more = answers.get(f"actions.{number}.more")
        if more is None or more.value != "yes":
            return steps
        number += 1


def is_answered(step: Step, answers: Dict) -> bool:
    """Whether the step needs nothing more: the history stays open until the practitioner says it is done."""
    answer = answers.get(step.key)
    if answer is None:
        return False
    if step.kind == CHRONOLOGY:
        return answer.skipped or bool((answer.value or {}).get("done"))
    return True
