"""Classification reads a bounded prefix; the answer is still stored whole."""
from __future__ import annotations

import asyncio

import pytest
from rasa.shared.nlu.training_data.message import Message
from rasa.shared.nlu.training_data.training_data import TrainingData
from rasa_sdk import Tracker
from rasa_sdk.executor import CollectingDispatcher
from sqlalchemy import select

from actions import services
from actions.session import ValidateSessionForm
from bot.storage.store import Answer
from components.bounded_text import MAX_CHARS, BoundedText, bounded

DOMAIN = {
    "forms": {"session_form": {"required_slots": ["session_reply"]}},
    "slots": {"session_reply": {"type": "text", "mappings": [{"type": "from_text"}]}},
}
# Invented: a long reflective answer, as pasted from case notes.
LONG_ANSWER = "On the visit the kitchen was bare and the baby's cot was broken. " * 400  # 25,600 chars


@pytest.fixture(autouse=True)
def fresh_core(tmp_path, monkeypatch):
    monkeypatch.setenv("DATABASE_URL", f"sqlite:///{tmp_path / 'a.db'}")
    monkeypatch.setenv("RECORDS_DIR", str(tmp_path / "records"))
    services.assistant.cache_clear()
    yield
    services.assistant.cache_clear()


def test_a_short_message_is_untouched_and_a_long_one_is_cut_at_a_space():
    assert bounded("skip") == "skip"
    cut = bounded("a " * 20_000)
    assert len(cut) <= MAX_CHARS and not cut.endswith(" ") and set(cut) == {"a", " "}
    assert len(bounded("x" * 5_000)) == MAX_CHARS  # no space at all: a hard cut


def test_the_component_bounds_what_the_pipeline_reads_at_training_and_at_prediction():
    component = BoundedText({"max_chars": 100})
    messages = component.process([Message.build(text="word " * 10_000), Message.build(text="hello")])
    assert len(messages[0].get("text")) <= 100 and messages[1].get("text") == "hello"
    data = component.process_training_data(TrainingData([Message.build(text="b " * 500, intent="greet")]))
    assert len(data.training_examples[0].get("text")) <= 100


def sdk_tracker(whole: str, sender: str = "worker-long", slot_value=None) -> Tracker:
    """As the action server receives it: latest_message holds the NLU's bounded text."""
    parsed = {"text": bounded(whole), "intent": {"name": "inform", "confidence": 0.6}, "entities": []}
    events = [{"event": "user", "text": whole, "parse_data": parsed}]
    if slot_value is not None:
        events.append({"event": "slot", "name": "session_reply", "value": slot_value})
    return Tracker.from_dict({
        "sender_id": sender, "latest_message": parsed, "events": events,
        "slots": {"session_reply": slot_value, "requested_slot": "session_reply"} if slot_value else {},
        "active_loop": {"name": "session_form"} if slot_value else {},
        "latest_action_name": "action_listen",
    })


def test_incoming_reads_the_whole_text_from_the_latest_user_event():
    seen = services.incoming(sdk_tracker(LONG_ANSWER))
    assert seen.text == LONG_ANSWER and seen.intent == "inform" and seen.confidence == pytest.approx(0.6)


def test_a_long_answer_is_stored_whole_though_classification_saw_a_prefix():
    services.assistant().start("worker-long", "start_supervision")
    asyncio.run(ValidateSessionForm().run(CollectingDispatcher(),
                                              sdk_tracker(LONG_ANSWER, slot_value=LONG_ANSWER), DOMAIN))
    with services.assistant().supervision.store.transaction() as db:
        stored = db.execute(select(Answer.text)).scalars().all()
    assert stored == [LONG_ANSWER]


def test_the_terminal_channel_answers_a_message_over_the_limit_without_passing_it_on():
    from rasa.core.channels.channel import CollectingOutputChannel, UserMessage
    from rasa.core.run import create_http_input_channels
    from channels.shell import bounded as bounded_channel

    # `make shell` names this channel; it must still be Rasa's terminal ("cmdline") on the REST route
    channel, = create_http_input_channels("channels.shell.BoundedCmdlineInput", None)
    assert channel.name() == "cmdline" and channel.url_prefix() == "rest"
    passed_on, output = [], CollectingOutputChannel()

    async def rasa(message):
        passed_on.append(message.text)

    asyncio.run(bounded_channel(rasa)(UserMessage("a " * 10_001, output, "terminal")))
    asyncio.run(bounded_channel(rasa)(UserMessage("a " * 9_999, output, "terminal")))
    assert len(passed_on) == 1 and len(passed_on[0]) == 19_997  # Rasa strips the trailing space
    assert [m["text"] for m in output.messages] == [
        "That message is too long for me to take in one go (the most is 20,000 characters, about "
        "3,000 words). Nothing has been sent or saved. Please send it in two or more parts."]
