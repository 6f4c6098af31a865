"""The plan of a session: no question twice, whatever the themes and answers (property tests)."""
from dataclasses import dataclass
from typing import Any

from hypothesis import HealthCheck, given, settings, strategies as st

from bot.modes.supervision import steps as S
from bot.content.base import THEME_IDS
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
    check = {"closure.reasons", "closure.future_harm", "closure.child", "closure.lasting", "closure.dissent"}
    assert check <= set(keys)
    assert "pattern.closure_considered" not in keys  # its question is the whole check


def _named_as_left(steps, pattern):
    left = next((s for s in steps if s.key == S.LEFT_FOR_TIME), None)
    return left is not None and pattern.title in left.prompt


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(sessions(), st.booleans())
def test_every_noticed_pattern_is_asked_or_named_as_left_for_time(session, take_more):
    """Issue 25: nothing noticed is dropped silently; closing the plan and the father are always asked."""
    from bot.modes.supervision.suggestions import noticed_patterns
    kind, answers = session
    if kind == S.SHORT:
        kind = "supervision"
    if take_more:
        answers[S.LEFT_FOR_TIME] = A([S.TAKE_MORE])
    steps = S.question_plan(KNOWLEDGE, answers, kind)
    keys = {s.key for s in steps}
    topics = {s.topic for s in steps if s.topic}
    for pattern in noticed_patterns(KNOWLEDGE, answers, kind):
        if pattern.id == "feeling_stuck":  # the stuck pathway's own review questions answer it
            assert kind == "stuck" and "stuck.tried" in keys
            continue
        if pattern.closure_check:
            assert "closure.reasons" in keys and "closure.dissent" in keys
            continue
        asked = f"pattern.{pattern.id}" in keys or (pattern.topic is not None and pattern.topic in topics)
        if pattern.always_ask or take_more:
            assert asked, pattern.id
        else:
            assert asked or _named_as_left(steps, pattern), pattern.id
        assert not (f"pattern.{pattern.id}" in keys and _named_as_left(steps, pattern) and not take_more)


def test_the_father_is_asked_about_whatever_else_is_noticed():
    answers = {"case.previous_plans": A(4), "case.months_since_last_plan": A(1),
               "case.concerns": A(CONCERNS), "case.agencies": A(["social_care"]), "case.father_involved": A("no"),
               "case.several_parental_adults": A("yes"), "case.closure_considered": A("yes"), "themes.choice": A([])}
    steps = S.question_plan(KNOWLEDGE, answers, "supervision")
    keys = [s.key for s in steps]
    assert "pattern.father_not_involved" in keys
    left = next(s for s in steps if s.key == S.LEFT_FOR_TIME)
    assert left.prompt.startswith("Also noticed, left for time: ") and "Say more" in left.prompt
    assert "Neglect among the concerns" in left.prompt and "pattern.neglect" not in keys
    taken = S.question_plan(KNOWLEDGE, {**answers, S.LEFT_FOR_TIME: A([S.TAKE_MORE])}, "supervision")
    assert "pattern.neglect" in [s.key for s in taken]  # "more" takes what was left


def test_the_closure_check_in_order_with_each_agency_and_who_will_ask():
    answers = {"case.previous_plans": A(2), "case.agencies": A(["education", "police", "other"]),
               "case.concerns": A(["domestic_abuse"]), "case.closure_considered": A("yes"), "themes.choice": A([]),
               "closure.agency.police": A(None, text="Not yet asked: the officer is on leave")}
    steps = [s for s in S.question_plan(KNOWLEDGE, answers, "supervision") if s.section == "closure"]
    assert [s.key for s in steps] == [
        "closure.reasons", "closure.history", "closure.agency.police", "closure.agency.police.who",
        "closure.agency.education", "closure.future_harm", "closure.child", "closure.lasting", "closure.dissent"]
    assert "Police" in steps[3].prompt and "by when" in steps[3].prompt
    assert "safelives.org.uk" in steps[5].extra  # the domestic abuse toolkit beside future harm
    route = KNOWLEDGE.closure.conference_route
    assert route.title in steps[-1].extra and "check this link with your team" in steps[-1].extra
    assert route.timescales in steps[-1].extra and "to be confirmed" in route.timescales.lower()


def test_a_first_plan_has_no_earlier_plans_to_ask_about():
    answers = {"case.previous_plans": A(0), "case.closure_considered": A("yes"), "themes.choice": A([])}
    keys = [s.key for s in S.question_plan(KNOWLEDGE, answers, "supervision")]
    assert "closure.reasons" in keys and "closure.history" not in keys
    assert "closure.agency.others" in keys  # no agencies named: which ones know the child


def test_a_third_plan_or_a_stuck_worker_gets_the_posters_question_about_lasting_change():
    lasting = ["lasting.timescale", "lasting.legal_planning", "lasting.senior_review"]
    for plans, kind, expected in ((2, "supervision", True), (1, "supervision", False), (0, "stuck", True)):
        answers = {"case.previous_plans": A(plans), "themes.choice": A([])}
        keys = [s.key for s in S.question_plan(KNOWLEDGE, answers, kind)]
        assert all(k in keys for k in lasting) == expected, (plans, kind)
        assert any(k in keys for k in lasting) == expected, (plans, kind)


def test_the_closure_check_asked_for_by_name_runs_from_the_open_question():
    answers = {"details.worker": A("Sam"), "details.supervisor": A("Alex"),
               "closure.requested": A({"before": "case.reference"})}
    steps = S.question_plan(KNOWLEDGE, answers, "supervision")
    keys = [s.key for s in steps]
    assert keys.index("closure.reasons") == keys.index("case.reference") - len(
        [s for s in steps if s.section == "closure"])
    short = [s.key for s in S.question_plan(KNOWLEDGE, {**answers, "themes.choice": A(["neglect"])}, S.SHORT)]
    assert "closure.dissent" in short  # at any point, a short session too


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


def test_a_short_session_is_one_theme_one_question_per_stage_then_actions():
    answers = {"themes.choice": A(["escalation", "neglect"])}
    steps = S.question_plan(KNOWLEDGE, answers, S.SHORT)
    theme_steps = [s for s in steps if s.section == "theme"]
    assert [s.stage for s in theme_steps] == ["experience", "reflection", "analysis", "action"]  # analysis kept
    assert {s.theme_id for s in theme_steps} == {"escalation"}
    sections = list(dict.fromkeys(s.section for s in steps))
    assert sections == ["details", "case", "themes", "theme", "actions", "review"]
    assert len(steps) == 3 + 1 + 4 + 4 + 1  # details and reference, theme, its questions, one action, review
