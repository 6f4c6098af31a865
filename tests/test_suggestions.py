"""Tests for noticing the audit's patterns (knowledge/patterns.yml) in a practitioner's
answers, and the themes and toolkits suggested from them.

Answers are invented; each is a tiny stand-in for a stored answer.
"""
from dataclasses import dataclass
from typing import Any, Dict

import pytest
from hypothesis import given, settings, strategies as st

from bot.modes.supervision.suggestions import (
    MAX_SUGGESTED, noticed_patterns, pattern_applies, relevant_toolkits, suggest_themes,
)


@dataclass
class FakeAnswer:
    value: Any
    skipped: bool = False


STEP_KEYS = {
    "previous_plans": "case.previous_plans",
    "months": "case.months_since_last_plan",
    "concerns": "case.concerns",
    "agencies": "case.agencies",
    "closure": "case.closure_considered",
    "father": "case.father_involved",
    "several_adults": "case.several_parental_adults",
}


def case(skipped: bool = False, **given) -> Dict[str, FakeAnswer]:
    """Answers keyed by step key, e.g. case(previous_plans=2, concerns=["neglect"])."""
    return {STEP_KEYS[name]: FakeAnswer(value, skipped) for name, value in given.items()}


def fired(knowledge, answers, kind="supervision"):
    return [p.id for p in noticed_patterns(knowledge, answers, kind)]


# Each pattern: answers that make it fire, and nearby answers that must not.
FIRES = {
    "repeat_plans": [case(previous_plans=1), case(previous_plans=5)],
    "short_gap_between_plans": [case(previous_plans=1, months=5), case(previous_plans=3, months=0)],
    "domestic_abuse": [case(concerns=["domestic_abuse"]), case(concerns=["neglect", "domestic_abuse"])],
    "neglect": [case(concerns=["neglect"]), case(concerns=["domestic_abuse", "neglect"])],
    "closure_considered": [case(closure="yes")],
    "parent_care_needs": [case(concerns=["parental_self_neglect"])],
    "father_not_involved": [case(father="no")],
    "several_parental_adults": [case(several_adults="yes")],
    "social_care_only": [case(agencies=["social_care"]), case(agencies=["social_care", "other"])],
}
DOES_NOT_FIRE = {
    "repeat_plans": [case(previous_plans=0), case(), case(previous_plans="two")],
    "short_gap_between_plans": [case(previous_plans=1, months=6), case(previous_plans=1, months=24),
                                case(previous_plans=1)],
    "domestic_abuse": [case(concerns=["neglect"]), case(concerns=[]), case()],
    "neglect": [case(concerns=["parental_mental_health"]), case(concerns=[]), case()],
    "closure_considered": [case(closure="no"), case(closure="unsure"), case(closure=None), case()],
    "parent_care_needs": [case(concerns=["parental_mental_health"]), case()],
    "father_not_involved": [case(father="yes"), case(father="unsure"), case()],
    "several_parental_adults": [case(several_adults="no"), case(several_adults="unsure"), case()],
    "social_care_only": [case(agencies=["social_care", "education"]), case(agencies=["education"]),
                         case(agencies=[]), case()],
}


def _cases(table):
    return [pytest.param(pid, answers, id=f"{pid}-{n}") for pid, cases in table.items()
            for n, answers in enumerate(cases)]


def test_every_pattern_in_patterns_yml_is_tested(knowledge):
    tested = set(FIRES) | {"feeling_stuck"}
    assert {p.id for p in knowledge.patterns} == tested


@pytest.mark.parametrize("pattern_id, answers", _cases(FIRES))
def test_pattern_fires_on_its_conditions(knowledge, pattern_id, answers):
    assert pattern_applies(knowledge.pattern(pattern_id), answers, "supervision")
    assert pattern_id in fired(knowledge, answers)


@pytest.mark.parametrize("pattern_id, answers", _cases(DOES_NOT_FIRE))
def test_pattern_does_not_fire_otherwise(knowledge, pattern_id, answers):
    assert not pattern_applies(knowledge.pattern(pattern_id), answers, "supervision")
    assert pattern_id not in fired(knowledge, answers)


@pytest.mark.parametrize("pattern_id, answers", _cases(FIRES))
def test_skipped_answers_never_fire_a_pattern(knowledge, pattern_id, answers):
    skipped = {key: FakeAnswer(a.value, skipped=True) for key, a in answers.items()}
    assert not pattern_applies(knowledge.pattern(pattern_id), skipped, "supervision")


def test_every_answer_skipped_fires_nothing(knowledge):
    everything = case(skipped=True, previous_plans=3, months=2, concerns=["domestic_abuse", "neglect",
                      "parental_self_neglect"], agencies=["social_care"], closure="yes", father="no",
                      several_adults="yes")
    assert fired(knowledge, everything) == []


def test_previous_plans_boundary_zero_versus_one(knowledge):
    assert "repeat_plans" not in fired(knowledge, case(previous_plans=0))
    assert "repeat_plans" in fired(knowledge, case(previous_plans=1))


def test_months_boundary_five_versus_six(knowledge):
    assert "short_gap_between_plans" in fired(knowledge, case(previous_plans=1, months=5))
    assert "short_gap_between_plans" not in fired(knowledge, case(previous_plans=1, months=6))


def test_only_social_care_versus_social_care_and_school(knowledge):
    assert "social_care_only" in fired(knowledge, case(agencies=["social_care"]))
    assert "social_care_only" not in fired(knowledge, case(agencies=["social_care", "education"]))


def test_feeling_stuck_fires_only_in_a_stuck_session(knowledge):
    assert fired(knowledge, {}, kind="stuck") == ["feeling_stuck"]
    assert fired(knowledge, {}, kind="supervision") == []


def test_stuck_session_still_notices_answer_patterns(knowledge):
    assert fired(knowledge, case(previous_plans=2), kind="stuck") == ["feeling_stuck", "repeat_plans"]


def test_no_answers_no_patterns(knowledge):
    assert fired(knowledge, {}) == []


def test_patterns_are_listed_in_patterns_yml_order(knowledge):
    answers = case(previous_plans=2, months=2, concerns=["neglect", "domestic_abuse"], father="no")
    assert fired(knowledge, answers) == ["domestic_abuse", "neglect", "repeat_plans",
                                         "short_gap_between_plans", "father_not_involved"]


# ----- suggested themes -------------------------------------------------------------

BUSY_CASE = case(previous_plans=4, months=2, concerns=["domestic_abuse", "neglect", "parental_self_neglect"],
                 agencies=["social_care"], closure="yes", father="no", several_adults="yes")


@pytest.mark.parametrize("answers, kind", [
    ({}, "supervision"),
    ({}, "stuck"),
    (case(concerns=["domestic_abuse"]), "supervision"),
    (case(previous_plans=1), "supervision"),
    (BUSY_CASE, "supervision"),
    (BUSY_CASE, "stuck"),
])
def test_suggest_themes_gives_a_few_real_themes(knowledge, answers, kind):
    themes = suggest_themes(knowledge, answers, kind)
    assert 1 <= len(themes) <= MAX_SUGGESTED == 3
    assert len(set(themes)) == len(themes)
    assert all(knowledge.theme(t) for t in themes)
    called_for = {t for p in noticed_patterns(knowledge, answers, kind) for t in p.suggests}
    if len(called_for) < MAX_SUGGESTED:  # room left: the voice of the child fills it
        assert "voice_of_child" in themes


def test_nothing_noticed_suggests_only_voice_of_child(knowledge):
    assert suggest_themes(knowledge, {}) == ["voice_of_child"]


def test_domestic_abuse_concern_suggests_domestic_abuse_theme(knowledge):
    assert set(suggest_themes(knowledge, case(concerns=["domestic_abuse"]))) == {"domestic_abuse", "voice_of_child"}


def test_repeat_plans_suggest_cumulative_harm_and_over_optimism(knowledge):
    assert set(suggest_themes(knowledge, case(previous_plans=2))) == {
        "cumulative_harm", "over_optimism", "voice_of_child"}


def test_domestic_abuse_theme_kept_when_da_is_a_concern_alongside_repeat_plans(knowledge):
    answers = case(previous_plans=2, months=2, concerns=["domestic_abuse"])
    assert "domestic_abuse" in suggest_themes(knowledge, answers)


def test_skipped_da_concern_does_not_suggest_domestic_abuse_theme(knowledge):
    assert "domestic_abuse" not in suggest_themes(knowledge, case(skipped=True, concerns=["domestic_abuse"]))


# ----- toolkits -----------------------------------------------------------------------


def test_da_concern_brings_the_domestic_abuse_toolkit(knowledge):
    assert relevant_toolkits(knowledge, case(concerns=["domestic_abuse"]), []) == ["domestic_abuse"]


def test_neglect_concern_brings_the_neglect_toolkit(knowledge):
    assert relevant_toolkits(knowledge, case(concerns=["neglect"]), []) == ["neglect"]


def test_neglect_theme_brings_the_neglect_toolkit(knowledge):
    assert relevant_toolkits(knowledge, {}, ["neglect"]) == ["neglect"]


def test_domestic_abuse_theme_brings_the_domestic_abuse_toolkit(knowledge):
    assert relevant_toolkits(knowledge, {}, ["voice_of_child", "domestic_abuse"]) == ["domestic_abuse"]


def test_both_toolkits_once_each_in_a_fixed_order(knowledge):
    answers = case(concerns=["neglect", "domestic_abuse"])
    assert relevant_toolkits(knowledge, answers, ["neglect", "domestic_abuse"]) == ["domestic_abuse", "neglect"]


def test_unrelated_case_brings_no_toolkit(knowledge):
    answers = case(previous_plans=2, months=12, concerns=["parental_mental_health"],
                   agencies=["social_care", "education"], father="yes", closure="no")
    themes = ["voice_of_child", "cumulative_harm", "multi_agency"]
    assert relevant_toolkits(knowledge, answers, themes) == []


def test_skipped_concerns_bring_no_toolkit(knowledge):
    assert relevant_toolkits(knowledge, case(skipped=True, concerns=["domestic_abuse", "neglect"]), []) == []


def _category(value):
    return {"case.category": FakeAnswer(value)}


def test_a_neglect_plan_brings_the_neglect_toolkit_whatever_the_concerns(knowledge):
    answers = {**case(concerns=["parental_mental_health", "parental_substance_misuse"]), **_category(["neglect"])}
    assert relevant_toolkits(knowledge, answers, []) == ["neglect"]
    assert relevant_toolkits(knowledge, {**answers, **_category(["emotional_abuse"])}, []) == []


@pytest.mark.parametrize("themes", [["disguised_compliance"], ["voice_of_father"]])
def test_the_da_toolkit_comes_with_disguised_compliance_and_the_fathers_voice(knowledge, themes):
    assert relevant_toolkits(knowledge, {}, themes) == ["domestic_abuse"]
    links = [link.title for link in knowledge.toolkit("domestic_abuse").links]
    assert "Safe & Together model" in links


def test_over_optimism_brings_the_da_toolkit_only_when_closure_is_considered(knowledge):
    assert relevant_toolkits(knowledge, case(closure="no"), ["over_optimism"]) == []
    assert relevant_toolkits(knowledge, case(closure="yes"), ["over_optimism"]) == ["domestic_abuse"]


def test_the_cap_of_three_drops_nothing_and_keeps_closure_and_the_father(knowledge):
    from bot.modes.supervision.suggestions import plan_patterns
    plan = plan_patterns(knowledge, BUSY_CASE, "supervision", 3)
    ids = lambda patterns: [p.id for p in patterns]  # noqa: E731
    assert len(fired(knowledge, BUSY_CASE)) > 3
    assert ids(plan.covered) == ["closure_considered"]  # its question is the closure check
    assert ids(plan.asked) == ["father_not_involved", "domestic_abuse", "repeat_plans"]
    assert ids(plan.left) == ["short_gap_between_plans", "several_parental_adults", "social_care_only",
                              "neglect", "parent_care_needs"]
    assert sorted(ids(plan.asked + plan.covered + plan.left)) == sorted(fired(knowledge, BUSY_CASE))


def test_a_pattern_the_closure_check_asks_about_takes_no_place_in_the_cap(knowledge):
    from bot.modes.supervision.suggestions import plan_patterns
    plan = plan_patterns(knowledge, BUSY_CASE, "supervision", 3,
                         covered_topics={"da_future_harm", "last_plan_ending", "agencies_involved"})
    assert [p.id for p in plan.covered] == ["closure_considered", "domestic_abuse", "short_gap_between_plans",
                                            "social_care_only"]
    assert [p.id for p in plan.asked] == ["father_not_involved", "repeat_plans", "several_parental_adults"]


# ----- ranking by what was noticed (issue 25) -------------------------------------------

# The audit's own kind of case: a third plan two months after the last, domestic abuse, neglect and a
# parent's drinking, only social care, the father not involved, several father figures, closure considered.
AUDIT_CASE = case(previous_plans=2, months=2, concerns=["domestic_abuse", "neglect", "parental_substance_misuse"],
                  agencies=["social_care"], father="no", several_adults="yes", closure="yes")


def test_the_audits_own_case_gets_the_audits_sharpest_themes(knowledge):
    from bot.modes.supervision.suggestions import suggestions
    found = suggestions(knowledge, AUDIT_CASE)
    assert [s.theme_id for s in found] == ["over_optimism", "voice_of_father", "cumulative_harm"]
    assert found[0].why.startswith("closing the plan is being considered: the audit found no evidence of dissent")
    assert "Also: repeat child protection plans; a short gap between plans." in found[0].why
    assert all(s.why and "\n" not in s.why for s in found)  # one line each


def test_a_concern_no_pattern_covers_brings_its_theme_after_the_patterns(knowledge):
    from bot.modes.supervision.suggestions import suggestions
    found = suggestions(knowledge, case(previous_plans=1, concerns=["parental_substance_misuse"]))
    assert [s.theme_id for s in found] == ["cumulative_harm", "over_optimism", "think_family"]
    assert found[2].why == "Parental substance misuse is among the concerns you listed."


def test_the_voice_of_the_child_fills_room_and_says_why(knowledge):
    from bot.modes.supervision.suggestions import suggestions
    found = suggestions(knowledge, case(father="no"))
    assert [s.theme_id for s in found] == ["voice_of_father", "voice_of_child"]
    assert found[1].why == knowledge.prompt("why_voice_of_child")


YES_NO_VALUES = ["yes", "no", "unsure", None]


@settings(max_examples=400, deadline=None)
@given(previous=st.integers(0, 5), months=st.integers(0, 12),
       concerns=st.lists(st.sampled_from(["domestic_abuse", "neglect", "parental_self_neglect",
                                          "parental_substance_misuse", "parental_mental_health"]), unique=True),
       agencies=st.lists(st.sampled_from(["social_care", "education", "police", "other"]), unique=True),
       father=st.sampled_from(YES_NO_VALUES), several=st.sampled_from(YES_NO_VALUES),
       closure=st.sampled_from(YES_NO_VALUES))
def test_voice_of_the_child_never_crowds_out_what_a_noticed_pattern_calls_for(
        knowledge, previous, months, concerns, agencies, father, several, closure):
    answers = case(previous_plans=previous, months=months, concerns=concerns, agencies=agencies, father=father,
                   several_adults=several, closure=closure)
    themes = suggest_themes(knowledge, answers)
    called_for = {t for p in noticed_patterns(knowledge, answers, "supervision") for t in p.suggests}
    if "voice_of_child" in themes and "voice_of_child" not in called_for:
        assert called_for <= set(themes)  # it came in only because there was room
    if closure == "yes":
        assert {"over_optimism", "escalation"} & set(themes)  # the closing plan's themes come first
    assert len(themes) == min(MAX_SUGGESTED, len(called_for | {"voice_of_child"} | {
        t for o in knowledge.case_options.concerns if o.id in concerns for t in o.themes}))
