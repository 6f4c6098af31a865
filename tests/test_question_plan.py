"""bot/modes/supervision/question_plan.py: a session's plan is used again only while what it was derived from holds."""
from __future__ import annotations

from datetime import timedelta

import pytest

from bot.modes.supervision import cycle, question_plan
from bot.modes.supervision import steps as S
from bot.modes.supervision.supervision import SupervisionEngine
from bot.reading.text_input import Incoming
from bot.storage.store import Store, make_engine
from tests.content import KNOWLEDGE


@pytest.fixture
def core(tmp_path):
    return SupervisionEngine(KNOWLEDGE, Store(make_engine(f"sqlite:///{tmp_path / 'plans.db'}")), tmp_path / "records")


@pytest.fixture
def derived(monkeypatch):
    """How many times a plan was derived from the answers."""
    calls = []
    real = S.question_plan

    def counting(*args, **kwargs):
        calls.append(1)
        return real(*args, **kwargs)
    monkeypatch.setattr(question_plan.S, "question_plan", counting)
    return calls


def reach_previous_plans(core, sender):
    core.start(sender)
    for _ in range(12):
        step = core.current_step(sender)
        if step.key == "case.previous_plans":
            return
        answer = {"details.worker": "Pat Invented", "details.supervisor": "Lee Invented",
                  "case.reference": "PLAN-0001", "case.age": "7"}.get(step.key, "yes")
        core.handle(sender, Incoming(answer))
    raise AssertionError("never reached the question about previous plans")


def test_messages_that_leave_the_answers_as_they_were_derive_the_plan_once(core, derived):
    reach_previous_plans(core, "plan-1")
    derived.clear()
    for _ in range(3):  # not a number: asked again, nothing stored
        assert "number" in "\n".join(r.text for r in core.handle("plan-1", Incoming("lots")).replies).lower()
    assert len(derived) <= 1  # each message derived it twice before plans were kept


def test_an_answer_that_changes_the_plan_is_asked_from_the_new_plan(core, derived):
    reach_previous_plans(core, "plan-2")
    derived.clear()
    core.handle("plan-2", Incoming("2"))  # two earlier plans: the months since the last one are asked next
    assert core.current_step("plan-2").key == "case.months_since_last_plan"
    assert len(derived) >= 1


def test_two_sessions_never_share_a_plan(core):
    reach_previous_plans(core, "plan-a")
    reach_previous_plans(core, "plan-b")
    core.handle("plan-a", Incoming("0"))
    core.handle("plan-b", Incoming("3"))
    assert core.current_step("plan-a").key != "case.months_since_last_plan"
    assert core.current_step("plan-b").key == "case.months_since_last_plan"


def test_a_new_day_derives_the_plan_again(core, derived, monkeypatch):
    reach_previous_plans(core, "plan-day")
    core.handle("plan-day", Incoming("lots"))
    derived.clear()
    tomorrow = cycle.today() + timedelta(days=1)
    monkeypatch.setattr(cycle, "today", lambda: tomorrow)
    core.handle("plan-day", Incoming("lots"))
    assert len(derived) == 1


def test_at_most_size_sessions_are_kept(core):
    core.plans.size = 2
    for sender in ("keep-1", "keep-2", "keep-3"):
        reach_previous_plans(core, sender)
    assert len(core.plans._plans) == 2
