"""The Rasa actions as the action server runs them, with trackers built from dicts."""
from __future__ import annotations

import asyncio

import pytest
from rasa_sdk import Tracker
from rasa_sdk.executor import CollectingDispatcher

from actions import services
from actions.anytime import ActionExplainTheme, ActionSessionCommand, ActionShowToolkit, ActionUrgentHelp
from actions.session import (
    HISTORY_LIMIT, ActionResumeSession, ActionSessionStart, ValidateSessionForm,
)

DOMAIN = {
    "forms": {"session_form": {"required_slots": ["session_reply"]}},
    "slots": {"session_reply": {"type": "text", "mappings": [{"type": "from_text"}]},
              "resumed": {"type": "bool", "mappings": [{"type": "custom"}]}},
}


@pytest.fixture(autouse=True)
def fresh_core(tmp_path, monkeypatch):
    monkeypatch.setenv("DATABASE_URL", f"sqlite:///{tmp_path / 'a.db'}")
    monkeypatch.setenv("RECORDS_DIR", str(tmp_path / "records"))
    services.assistant.cache_clear()
    yield
    services.assistant.cache_clear()


def tracker(text="", intent=None, confidence=1.0, entities=None, slots=None, sender="worker-1",
            form_active=False, slot_events=None):
    message = {"text": text, "intent": {"name": intent, "confidence": confidence},
               "entities": entities or []}
    events = [{"event": "user", "text": text, "parse_data": message}] + (slot_events or [])
    return Tracker.from_dict({
        "sender_id": sender,
        "slots": slots or {},
        "latest_message": message,
        "events": events,
        "active_loop": {"name": "session_form"} if form_active else {},
        "latest_action_name": "action_listen",
    })


def run(action, tracker_):
    dispatcher = CollectingDispatcher()
    events = asyncio.run(action.run(dispatcher, tracker_, DOMAIN))
    return events, [m.get("text") or "" for m in dispatcher.messages]


def answer(text, intent="affirm", confidence=0.5):
    slot = {"event": "slot", "name": "session_reply", "value": text}
    return tracker(text, intent, confidence, slots={"session_reply": text, "requested_slot": "session_reply"},
                   form_active=True, slot_events=[slot])


def test_starting_a_session_opens_it_in_the_database():
    events, texts = run(ValidateSessionForm(), tracker("I want to reflect on a case", "start_supervision"))
    assert "reflect on your case" in texts[0]
    assert services.assistant().supervision.has_active_session("worker-1")
    assert {"event": "slot", "name": "session_reply", "value": None, "timestamp": None} in events


def test_starting_asks_the_first_question_in_the_same_call():
    _, texts = run(ValidateSessionForm(), tracker("hi", "start_supervision"))
    assert "what name should go on the record" in texts[-1]


def activation(*events, intent="start_supervision"):
    """The tracker Rasa 3.6 sends to the form's validation at activation (as read from a real run):
    the form already active, its activation after the message, then Rasa's record of running it."""
    message = {"text": "hi", "intent": {"name": intent, "confidence": 1.0}, "entities": []}
    return Tracker.from_dict({
        "sender_id": "worker-1", "slots": {}, "latest_message": message, "active_loop": {"name": "session_form"},
        "events": [{"event": "action", "name": "action_listen"},
                   {"event": "user", "text": "hi", "parse_data": message}, {"event": "user_featurization"},
                   *events, {"event": "active_loop", "name": "session_form"},
                   {"event": "slot", "name": "requested_slot", "value": None},
                   {"event": "action", "name": "session_form"}],
        "latest_action_name": "session_form",
    })


def test_a_starting_message_is_answered_by_the_forms_activation_in_one_call():
    events, texts = run(ValidateSessionForm(), activation())
    assert "what name should go on the record" in texts[-1]
    assert services.assistant().supervision.has_active_session("worker-1")
    # a slot set at activation: Rasa's form does not call the validation again on its first run
    assert [e for e in events if e.get("event") == "slot"] == [
        {"event": "slot", "name": "session_reply", "value": None, "timestamp": None}]


def test_the_form_opened_after_resuming_starts_nothing():
    resumed = activation({"event": "action", "name": "action_resume_session"},
                         {"event": "slot", "name": "resumed", "value": True}, intent="resume_session")
    events, texts = run(ValidateSessionForm(), resumed)
    assert texts == [] and not services.assistant().supervision.has_active_session("worker-1")
    # a starting intent, but another action opened the form after it: not a start either
    run(ValidateSessionForm(), activation({"event": "action", "name": "action_resume_session"}))
    assert not services.assistant().supervision.has_active_session("worker-1")


def test_a_start_that_fails_says_so_and_closes_the_form(monkeypatch):
    def broken(*_):
        raise OSError("disk full")
    monkeypatch.setattr(services.assistant(), "start", broken)
    events, texts = run(ValidateSessionForm(), activation())
    assert texts == [services.ERROR_REPLY]
    assert {"event": "active_loop", "name": None, "timestamp": None} in events


def test_the_reply_to_an_answer_carries_the_next_question():
    """One action call a message: the form has no ask action of its own."""
    run(ValidateSessionForm(), tracker("hi", "start_supervision"))
    _, texts = run(ValidateSessionForm(), answer("Sam Example"))
    assert "supervisor" in texts[-1].lower()
    assert services.assistant().supervision.prompt("worker-1")[0].text == texts[-1]


def test_the_domain_has_no_ask_actions_so_rasa_makes_one_call_a_message():
    import yaml
    from pathlib import Path
    domain = yaml.safe_load((Path(__file__).parent.parent / "domain.yml").read_text())
    assert not [a for a in domain["actions"] if a.startswith("action_ask_")]


def test_validation_stores_the_answer_and_keeps_the_form_open():
    run(ValidateSessionForm(), tracker("hi", "start_supervision"))
    events, _ = run(ValidateSessionForm(), answer("Sam Example"))
    slot_values = [e["value"] for e in events if e.get("name") == "session_reply"]
    assert slot_values == [None]
    assert services.assistant().supervision.current_step("worker-1").key == "details.supervisor"


def test_validation_closes_the_form_when_the_practitioner_pauses():
    run(ValidateSessionForm(), tracker("hi", "start_supervision"))
    events, texts = run(ValidateSessionForm(), answer("pause", intent="pause_session", confidence=0.99))
    assert "Paused" in texts[0]
    assert [e["value"] for e in events if e.get("name") == "session_reply"] == ["closed"]


def test_validation_ignores_a_cleared_slot():
    run(ValidateSessionForm(), tracker("hi", "start_supervision"))
    cleared = {"event": "slot", "name": "session_reply", "value": None}
    events, texts = run(ValidateSessionForm(), tracker("hi", "start_supervision", form_active=True,
                                                           slot_events=[cleared]))
    assert texts == []
    assert services.assistant().supervision.current_step("worker-1").key == "details.worker"


def long_history(tracker_, events=HISTORY_LIMIT):
    """The same tracker with `events` earlier turns' events before the message, as after a long session."""
    tracker_.events[:0] = [{"event": "action", "name": "action_listen"}] * events
    return tracker_


def test_a_long_rasa_history_starts_a_fresh_rasa_session_with_the_form_still_open():
    run(ValidateSessionForm(), tracker("hi", "start_supervision"))
    start = answer("Sam Example")
    start.slots["resumed"] = True
    events, texts = run(ValidateSessionForm(), long_history(start))
    assert "supervisor" in texts[-1].lower()  # the turn itself is answered as usual
    kinds = [e["event"] for e in events]
    assert "session_started" in kinds
    after = events[kinds.index("session_started"):]
    assert {"event": "slot", "name": "resumed", "value": True, "timestamp": None} in after  # slots carry over
    assert {"event": "active_loop", "name": "session_form", "timestamp": None} in after
    assert after[-1] == {"event": "slot", "name": "requested_slot", "value": "session_reply", "timestamp": None}
    assert not any(e.get("name") == "session_reply" for e in after)  # the answer is not carried as a slot
    assert services.assistant().supervision.current_step("worker-1").key == "details.supervisor"


def test_a_short_rasa_history_is_kept_as_it_is():
    run(ValidateSessionForm(), tracker("hi", "start_supervision"))
    events, _ = run(ValidateSessionForm(), long_history(answer("Sam Example"), HISTORY_LIMIT - 5))
    assert "session_started" not in [e["event"] for e in events]


def test_a_closing_form_does_not_start_a_fresh_rasa_session():
    run(ValidateSessionForm(), tracker("hi", "start_supervision"))
    events, _ = run(ValidateSessionForm(), long_history(answer("pause", intent="pause_session", confidence=0.99)))
    kinds = [e["event"] for e in events]
    assert "session_started" not in kinds and "active_loop" not in kinds


def test_a_new_rasa_session_reopens_an_unfinished_supervision_session():
    run(ValidateSessionForm(), tracker("hi", "start_supervision"))
    events, _ = run(ActionSessionStart(), tracker())
    assert {"event": "active_loop", "name": "session_form", "timestamp": None} in events
    events, _ = run(ActionSessionStart(), tracker(sender="someone-else"))
    assert not any(e["event"] == "active_loop" for e in events)


def test_resume_finds_a_paused_session():
    run(ValidateSessionForm(), tracker("hi", "start_supervision"))
    run(ValidateSessionForm(), answer("pause"))
    events, texts = run(ActionResumeSession(), tracker("resume", "resume_session"))
    assert "Welcome back" in texts[0]
    assert {"event": "slot", "name": "resumed", "value": True, "timestamp": None} in events


def test_resume_with_nothing_unfinished_says_so():
    events, texts = run(ActionResumeSession(), tracker("resume", "resume_session"))
    assert "no unfinished sessions" in texts[0]
    assert {"event": "slot", "name": "resumed", "value": False, "timestamp": None} in events


def test_explain_theme_uses_the_entity_or_the_words():
    _, texts = run(ActionExplainTheme(), tracker("tell me about dads", "explain_theme",
                                                 entities=[{"entity": "theme", "value": "voice_of_father"}]))
    assert "father" in texts[0].lower()
    _, texts = run(ActionExplainTheme(), tracker("explain cumulative harm please", "explain_theme"))
    assert texts[0].startswith("Cumulative harm")


def test_toolkit_links_come_from_knowledge():
    _, texts = run(ActionShowToolkit(), tracker("DASH", "ask_toolkit",
                                                entities=[{"entity": "toolkit", "value": "domestic_abuse"}]))
    assert "safelives.org.uk" in texts[0]


def test_urgent_help_gives_999_and_local_numbers_then_offers_to_carry_on():
    _, texts = run(ActionUrgentHelp(), tracker("child in danger now", "immediate_risk"))
    assert "999" in texts[0] and "01454" in texts[0]
    assert "carry on" in texts[1]


def test_an_unsure_guess_of_danger_gets_the_short_check_with_yes_and_no():
    dispatcher = CollectingDispatcher()
    asyncio.run(ActionUrgentHelp().run(dispatcher, tracker("i'm a bit worried about the kids", "immediate_risk"),
                                       DOMAIN))
    [message] = dispatcher.messages
    assert message["text"] == "Is a child in danger right now?"
    assert [b["payload"] for b in message["buttons"]] == ["/immediate_risk", "/deny"]
    _, texts = run(ActionUrgentHelp(), tracker("/immediate_risk", "immediate_risk"))  # "Yes"
    assert "999" in texts[0]


def test_a_command_with_no_session_open_says_what_to_do():
    _, texts = run(ActionSessionCommand(), tracker("skip", "skip_question"))
    assert "don't have a session open" in texts[0]


def test_a_workshop_starts_pauses_supervision_and_is_resumed_by_mode():
    run(ValidateSessionForm(), tracker("hi", "start_supervision"))
    _, texts = run(ValidateSessionForm(), tracker("run a workshop", "start_workshop"))
    core = services.assistant()
    assert len(texts) == 2 and not core.supervision.has_active_session("worker-1")
    assert core.active_mode("worker-1") == "workshop"
    assert texts[-1] == core.workshop.prompt("worker-1")[0].text  # the first question came with it
    events, _ = run(ValidateSessionForm(), answer("pause", intent="pause_session"))  # the same form and slot
    assert [e["value"] for e in events if e.get("name") == "session_reply"] == ["closed"]
    assert core.active_mode("worker-1") is None
    events, _ = run(ActionResumeSession(), tracker("resume", "resume_session"))
    # the paused supervision session is offered first; the workshop waits its turn
    assert {"event": "slot", "name": "resumed", "value": True, "timestamp": None} in events
    assert core.active_mode("worker-1") == "supervision"


def test_a_message_in_a_workshop_goes_to_the_workshop():
    run(ValidateSessionForm(), tracker("run a workshop", "start_workshop"))
    _, texts = run(ValidateSessionForm(), answer("90 minutes"))
    assert services.assistant().workshop.stage("worker-1") == "group"
    assert texts[-1] == services.assistant().workshop.prompt("worker-1")[0].text


def test_a_new_rasa_session_reopens_an_open_workshop_too():
    run(ValidateSessionForm(), tracker("run a workshop", "start_workshop"))
    events, _ = run(ActionSessionStart(), tracker())
    assert {"event": "active_loop", "name": "session_form", "timestamp": None} in events


def test_in_the_terminal_choices_are_named_not_made_into_a_menu():
    terminal = tracker("hi", "start_supervision")
    terminal.events[0]["input_channel"] = "cmdline"
    dispatcher = CollectingDispatcher()
    asyncio.run(ValidateSessionForm().run(dispatcher, terminal, DOMAIN))
    assert not dispatcher.messages[-1].get("buttons")
    assert "(You can say: Short session (about 15 minutes) / Skip)" in dispatcher.messages[-1]["text"]
    # elsewhere, real buttons
    _, texts = run(ValidateSessionForm(), tracker("hi", "start_supervision", sender="worker-2"))
    assert "You can say" not in texts[-1]


def test_an_all_that_apply_question_is_marked_for_tick_boxes():
    from bot.responses import Reply
    dispatcher = CollectingDispatcher()
    services.send(dispatcher, [Reply("Which agencies?", [("Police", "Police"), ("Skip", "/skip_question")],
                                     multi=True),
                               Reply("Your name?", [("Skip", "/skip_question")])], tracker())
    multi, single = dispatcher.messages
    assert multi["custom"] == {"multi": True}
    assert [b["title"] for b in multi["buttons"]] == ["Police", "Skip"]
    assert not single.get("custom")
