"""bot.assistant: one active mode per practitioner, every message routed to it."""
from __future__ import annotations

import pytest

from bot.assistant import SUPERVISION, WORKSHOP, Assistant
from bot.modes.supervision.supervision import SupervisionEngine
from bot.storage.store import Store, make_engine
from bot.reading.text_input import Incoming
from bot.modes.workshop.workshop_session import WorkshopEngine
from tests.test_workshop_session import CONTENT, KNOWLEDGE


@pytest.fixture
def assistant(tmp_path):
    store = Store(make_engine(f"sqlite:///{tmp_path / 'a.db'}"))
    return Assistant({SUPERVISION: SupervisionEngine(KNOWLEDGE, store, tmp_path / "records"),
                      WORKSHOP: WorkshopEngine(KNOWLEDGE, CONTENT, store, tmp_path / "records")})


def test_each_starting_intent_opens_its_mode_and_kind(assistant):
    assert "name should go on the record" in assistant.start("a", "start_supervision")[-1].text
    assert assistant.active_mode("a") == SUPERVISION
    assistant.start("b", "feeling_stuck")
    assert assistant.supervision.unfinished("b")[0].kind == "stuck"
    assistant.start("c", "start_workshop")
    assert assistant.active_mode("c") == WORKSHOP


def test_starting_one_mode_pauses_the_other_and_loses_nothing(assistant):
    assistant.start("a", "start_supervision")
    assistant.handle("a", Incoming("Sam Example"))
    assistant.start("a", "start_workshop")
    assert assistant.active_mode("a") == WORKSHOP
    assert not assistant.supervision.has_active_session("a") and assistant.supervision.unfinished("a")
    assert assistant.has_unfinished("a")
    mode, replies = assistant.resume("a")
    assert mode == SUPERVISION and "Welcome back" in replies[0].text
    assert assistant.active_mode("a") == SUPERVISION and not assistant.workshop.has_active_session("a")
    assert assistant.supervision.current_step("a").key == "details.supervisor"  # where they were


def test_a_message_goes_to_the_active_mode_only(assistant):
    assistant.start("a", "start_workshop")
    turn = assistant.handle("a", Incoming("90 minutes"))
    assert not turn.closed and assistant.workshop.stage("a") == "group"
    assert assistant.supervision.unfinished("a") == []  # nothing reached supervision


def test_a_paused_workshop_is_resumed_when_no_supervision_is_waiting(assistant):
    assistant.start("a", "start_workshop")
    assert assistant.handle("a", Incoming("pause")).closed
    assert assistant.active_mode("a") is None
    mode, _ = assistant.resume("a")
    assert mode == WORKSHOP and assistant.active_mode("a") == WORKSHOP


def test_with_nothing_open_a_message_is_told_so_and_nothing_to_resume_is_said(assistant):
    turn = assistant.handle("nobody", Incoming("hello"))
    assert turn.closed and "don't have a session open" in turn.replies[0].text
    mode, replies = assistant.resume("nobody")
    assert mode is None and "no unfinished sessions" in replies[0].text


def test_a_supervision_message_is_one_database_transaction(assistant):
    """#14: one transaction a message (a workshop's adds one read to find it is not supervision)."""
    from sqlalchemy import event
    assistant.start("a", "start_supervision")
    begun = []
    engine = assistant.supervision.store.engine
    event.listen(engine, "begin", lambda connection: begun.append(1))
    turn = assistant.handle("a", Incoming("Sam Example"))
    assert "supervisor" in turn.replies[-1].text.lower()  # the answer stored and the next question asked
    assert len(begun) == 1
    begun.clear()
    assistant.start("b", "start_workshop")
    begun.clear()
    assistant.handle("b", Incoming("90 minutes"))
    assert len(begun) == 2


# ----- what every mode shares, answered once (bot/modes/common.py) ------------------------------------------

POSSIBLY = dict(danger_level="possible", danger_read=True)  # the check's unsure middle, as Rasa's NLU would mark it


@pytest.mark.parametrize("start", ["start_supervision", "start_workshop"])
def test_help_while_the_danger_check_is_open_keeps_it_open_in_every_mode(assistant, start):
    """Help answers, then the check is asked again; a yes after it still gives urgent help."""
    assistant.start("a", start)
    assistant.handle("a", Incoming("Someone may be at risk", **POSSIBLY))
    helped = [r.text for r in assistant.handle("a", Incoming("help")).replies]
    assert helped[-1] == KNOWLEDGE.urgent.check_question
    said = [r.text for r in assistant.handle("a", Incoming("yes")).replies]
    assert KNOWLEDGE.urgent.heading in said[0]


@pytest.mark.parametrize("start", ["start_supervision", "start_workshop"])
def test_anything_but_an_answer_to_the_danger_check_is_read_as_a_new_message_in_every_mode(assistant, start):
    assistant.start("a", start)
    assistant.handle("a", Incoming("Someone may be at risk", **POSSIBLY))
    then = [r.text for r in assistant.handle("a", Incoming("90 minutes")).replies]
    assert KNOWLEDGE.urgent.check_question not in then and KNOWLEDGE.urgent.heading not in "\n".join(then)


def test_pausing_drops_a_did_you_mean_but_keeps_the_danger_check_for_resuming(assistant):
    assistant.start("a", "start_supervision")
    assert "Did you mean skip?" in assistant.handle("a", Incoming("skp")).replies[-1].text
    assert assistant.handle("a", Incoming("pause")).closed
    _, replies = assistant.resume("a")
    assert "Did you mean" not in "\n".join(r.text for r in replies)
    assistant.handle("a", Incoming("Someone may be at risk", **POSSIBLY))
    assert assistant.handle("a", Incoming("pause")).closed
    _, replies = assistant.resume("a")
    assert replies[-1].text == KNOWLEDGE.urgent.check_question


@pytest.mark.parametrize("start", ["start_supervision", "start_workshop"])
def test_an_empty_message_and_a_start_pressed_again_are_answered_kindly_in_every_mode(assistant, start):
    assistant.start("a", start)
    empty = assistant.handle("a", Incoming("  \n "))
    assert not empty.closed and len(empty.replies) >= 2  # a kind word, then the question again
    again = assistant.handle("a", Incoming(f"/{start}", start, 1.0))
    assert "in the middle of" in again.replies[0].text
