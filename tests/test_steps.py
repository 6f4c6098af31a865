"""The plan of a session: no question twice, whatever the themes and answers (property tests)."""
from dataclasses import dataclass
from typing import Any

from hypothesis import HealthCheck, given, settings, strategies as st

from bot import steps as S
from bot.knowledge import THEME_IDS
from tests.content import KNOWLEDGE

CONCERNS = [c.id for c in KNOWLEDGE.case_options.concerns]
AGENCIES = [a.id for a in KNOWLEDGE.case_options.agencies]
CATEGORIES = [c.id for c in KNOWLEDGE.case_options.plan_categories]
YES_NO = st.sampled_from(["yes", "no", "unsure", None])


@dataclass
class A:
    value: Any
    skipped: bool = False
    text: str = "typed"


@st.composite
def sessions(draw):
    kind = draw(st.sampled_from(["supervision", "stuck", S.SHORT]))
    answers = {
        "case.previous_plans": A(draw(st.integers(0, 6))),
        "case.months_since_last_plan": A(draw(st.integers(0, 30))),
        "case.category": A(draw(st.lists(st.sampled_from(CATEGORIES), max_size=1))),
        "case.concerns": A(draw(st.lists(st.sampled_from(CONCERNS), unique=True))),
        "case.agencies": A(draw(st.lists(st.sampled_from(AGENCIES), unique=True))),
        "case.father_involved": A(draw(YES_NO)),
        "case.several_parental_adults": A(draw(YES_NO)),
        "case.closure_considered": A(draw(YES_NO)),
        "themes.choice": A(draw(st.lists(st.sampled_from(THEME_IDS), unique=True, min_size=0))),
        "escalation.needed": A(draw(YES_NO)),
    }
    return kind, answers


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(sessions())
def test_no_question_is_asked_twice_in_a_session(session):
    kind, answers = session
    steps = S.question_plan(KNOWLEDGE, answers, kind)
    keys = [s.key for s in steps]
    assert len(keys) == len(set(keys))
    asked = [S.normalise(s.prompt) for s in steps if s.section != "actions"]
    assert len(asked) == len(set(asked))
    topics = [s.topic for s in steps if s.topic]
    assert len(topics) == len(set(topics))


@settings(max_examples=200, deadline=None)
@given(sessions())
def test_the_closure_check_is_asked_whenever_closure_is_considered(session):
    kind, answers = session
    answers["case.closure_considered"] = A("yes")
    keys = [s.key for s in S.question_plan(KNOWLEDGE, answers, "supervision")]
    assert "pattern.closure_considered" in keys


def test_every_theme_combination_of_two_plans_each_topic_once():
    base = {"case.concerns": A(CONCERNS), "case.category": A(["neglect"]), "case.closure_considered": A("yes"),
            "case.father_involved": A("no"), "case.several_parental_adults": A("yes"),
            "case.previous_plans": A(3), "case.months_since_last_plan": A(2), "case.agencies": A(["social_care"])}
    for first in THEME_IDS:
        for second in THEME_IDS:
            for kind in ("supervision", "stuck", S.SHORT):
                answers = {**base, "themes.choice": A([first, second])}
                steps = S.question_plan(KNOWLEDGE, answers, kind)
                topics = [s.topic for s in steps if s.topic]
                assert len(topics) == len(set(topics)), (first, second, kind)
                prompts = [s.prompt for s in steps if s.section != "actions"]
                assert len(prompts) == len(set(prompts)), (first, second, kind)


def test_a_neglect_tool_question_is_asked_once_however_many_places_want_it():
    answers = {"case.concerns": A(["neglect"]), "case.category": A(["neglect"]),
               "themes.choice": A(["neglect"]), "case.closure_considered": A("no")}
    steps = S.question_plan(KNOWLEDGE, answers, "supervision")
    about_the_tool = [s.key for s in steps if s.topic == "toolkit.neglect"]
    assert about_the_tool == ["pattern.neglect"]
    assert "toolkit.neglect" not in [s.key for s in steps]  # asked already: not again at the end


def test_the_day_in_the_life_is_asked_once():
    steps = S.question_plan(KNOWLEDGE, {"themes.choice": A(["voice_of_child"])}, "supervision")
    assert [s.key for s in steps if s.topic == "day_in_life"] == ["theme.voice_of_child.0"]
    assert "child.day_in_life" not in [s.key for s in steps]


def test_a_short_session_is_one_theme_its_experience_reflection_and_action_then_actions():
    answers = {"themes.choice": A(["escalation", "neglect"])}
    steps = S.question_plan(KNOWLEDGE, answers, S.SHORT)
    theme_steps = [s for s in steps if s.section == "theme"]
    assert [s.stage for s in theme_steps] == ["experience", "reflection", "action"]
    assert {s.theme_id for s in theme_steps} == {"escalation"}
    sections = list(dict.fromkeys(s.section for s in steps))
    assert sections == ["details", "case", "themes", "theme", "actions", "review"]
    assert len(steps) == 3 + 1 + 3 + 4 + 1  # details and reference, theme, its questions, one action, review
