"""End to end: the real action server and Rasa server, a whole session over REST."""
from __future__ import annotations

import json
import socket
import urllib.request
from pathlib import Path

import pytest
from sqlalchemy import select

from bot.conversation import Conversation
from bot.knowledge import load_knowledge
from bot.storage import Answer, Store, SupervisionSession, make_engine
from scripts.serve import MODEL, Servers
from tests.session_driver import docx_text, run_whole_session

ROOT = Path(__file__).resolve().parent.parent
pytestmark = pytest.mark.servers


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def started_servers(tmp_path_factory, name: str):
    """Both real servers on free ports, with their own database and records folder."""
    if not MODEL.exists():
        pytest.fail("No trained model: run the tests with `make test`, which trains one.")
    work = tmp_path_factory.mktemp(name)
    running = Servers(rasa_port=free_port(), action_port=free_port(), log_dir=work, env={
        "DATABASE_URL": f"sqlite:///{work / 'assistant.db'}",
        "RECORDS_DIR": str(work / "records"),
    })
    try:
        running.start_actions()
        running.start_rasa()
        yield running
    finally:
        running.stop()


@pytest.fixture(scope="module")
def servers(tmp_path_factory):
    yield from started_servers(tmp_path_factory, "servers")


def rest(servers, sender: str):
    def say(text: str) -> str:
        request = urllib.request.Request(
            f"http://127.0.0.1:{servers.rasa_port}/webhooks/rest/webhook",
            data=json.dumps({"sender": sender, "message": text}).encode(),
            headers={"Content-Type": "application/json"},
        )
        with urllib.request.urlopen(request, timeout=120) as response:
            return "\n".join(m.get("text") or "" for m in json.load(response))
    return say


def core_reading(servers) -> Conversation:
    """The same database the servers use, read directly."""
    env = servers.child_env()
    return Conversation(load_knowledge(ROOT / "knowledge"), Store(make_engine(env["DATABASE_URL"])),
                        Path(env["RECORDS_DIR"]))


def test_a_whole_session_over_rest_gives_a_record_with_every_answer(servers):
    sender = "e2e-worker-1"
    say, core = rest(servers, sender), core_reading(servers)
    greeting = say("hello")
    assert "reflect" in greeting and "999" in greeting

    def step_for(reply: str) -> str:
        step = core.current_step(sender)
        assert step.prompt.split("\n")[0][:40] in reply or step.kind == "themes", reply
        return step.key

    sent = run_whole_session(say, step_for)
    with core.store.transaction() as db:
        session = db.execute(select(SupervisionSession).where(SupervisionSession.sender_id == sender)
                             ).scalars().one()
        stored = {a.step_key: a.text for a in db.execute(
            select(Answer).where(Answer.session_id == session.id)).scalars()}
        record = Path(session.record_path)
    assert record.name in sent.pop("__final__")
    assert stored == sent  # every answer, verbatim, read back from the database
    text = docx_text(record)
    for key, answer in sent.items():
        assert answer in text, f"{key} missing from the record"
    # repeat plans, a short gap, DA and a closure under consideration: noticed, suggested, recorded
    for noticed in ("Repeat child protection plans", "A short gap between plans",
                    "Domestic abuse among the concerns", "Closing the plan is being considered"):
        assert noticed in text
    assert "Themes suggested: Voice and lived experience of the child, Domestic abuse" in text
    assert "Toolkits considered" in text and "Domestic abuse toolkit" in text and "safelives.org.uk" in text


@pytest.mark.parametrize("theme_id", [
    "disguised_compliance", "over_optimism", "cumulative_harm", "escalation", "voice_of_child",
    "voice_of_father", "think_family", "multi_agency", "language_and_recording", "domestic_abuse", "neglect",
])
def test_every_theme_can_be_explained_in_a_real_conversation(servers, theme_id):
    knowledge = load_knowledge(ROOT / "knowledge")
    theme = knowledge.theme(theme_id)
    reply = rest(servers, f"theme-{theme_id}")(f"can you tell me about {theme.also_known_as[0]}?")
    assert reply.startswith(theme.title), reply[:200]
    assert "A question to take into supervision" in reply


@pytest.mark.parametrize("words, link", [
    ("where is the neglect toolkit", "graded-care-profile-2"),
    ("show me the DA toolkit please", "safelives.org.uk"),
])
def test_both_toolkits_can_be_found_in_a_real_conversation(servers, words, link):
    assert link in rest(servers, f"toolkit-{link}")(words)


def test_urgent_help_comes_first_at_any_point(servers):
    say = rest(servers, "e2e-worker-2")
    reply = say("a child is in immediate danger right now")
    assert "999" in reply and "carry on" in reply
    say("I want to reflect on a case before supervision")
    reply = say("the baby is not breathing, I need an ambulance now")
    assert "999" in reply


def test_explaining_a_theme_mid_session_returns_to_the_question(servers):
    say = rest(servers, "e2e-worker-3")
    say("I want to reflect on a case before supervision")
    reply = say("what is the rule of optimism?")
    assert "optimism" in reply.lower() and "Back to where we were" in reply
    assert "what name should go on the record" in reply


def test_a_whole_workshop_over_rest_gives_a_pack_with_the_groups_points(servers):
    from bot.workshop import load_workshop_content
    from bot.workshop_session import WorkshopConversation
    sender = "e2e-lead-1"
    say = rest(servers, sender)
    env = servers.child_env()
    knowledge = load_knowledge(ROOT / "knowledge")
    workshop = WorkshopConversation(knowledge, load_workshop_content(ROOT / "knowledge", knowledge),
                                    make_engine(env["DATABASE_URL"]), Path(env["RECORDS_DIR"]))
    assert "holds no case data" in say("I'd like to run a workshop for my team")
    say("90 minutes")
    say("Experienced workers")
    say("yes")
    assert "Part 1 of" in say("start")
    plan = workshop.current_plan(sender)
    points = []
    for number, item in enumerate(plan.items):
        point = f"{item.id}: the group said stop and look at the whole history; skip nothing next time"
        points.append(point)
        assert "Noted" in say(point)
        if number < len(plan.items) - 1:
            say("next")
    reply = say("save")
    assert "workshop-pack-" in reply
    text = docx_text(workshop.latest_pack(sender))
    for point in points:
        assert point in text


def test_a_whole_stuck_conversation_over_rest_gives_a_record_with_every_answer(servers):
    sender = "e2e-stuck-1"
    say, core = rest(servers, sender), core_reading(servers)
    sent = run_whole_session(say, lambda reply: core.current_step(sender).key,
                             opening="I feel stuck on a case, nothing ever changes")
    assert "stuck.tried" in sent and "chronology.entries" in sent
    with core.store.transaction() as db:
        record = Path(db.execute(select(SupervisionSession).where(SupervisionSession.sender_id == sender)
                                 ).scalars().one().record_path)
    assert record.name in sent.pop("__final__")
    text = docx_text(record)
    for key, answer in sent.items():
        assert answer in text, f"{key} missing from the record"
    assert "Stuck case review" in text and "Chronology" in text


def test_a_huge_message_of_one_letter_words_is_answered_stored_whole_and_the_server_keeps_serving(servers):
    import time
    from tests.session_driver import STRUCTURED_ANSWERS, answer_for
    sender = "e2e-long-1"
    say, core = rest(servers, sender), core_reading(servers)
    say("I want to reflect on a case before supervision")
    while (key := core.current_step(sender).key) in STRUCTURED_ANSWERS:  # up to a free-text question
        say(answer_for(key))
    huge = ("a " * 10_000)[:18_999]  # 9,500 words; classification reads only a prefix: no quadratic cost
    started = time.monotonic()
    assert say(huge)
    assert time.monotonic() - started < 30  # was 27 s for twice this, holding up everyone else
    with core.store.transaction() as db:
        stored = db.execute(select(Answer.text).join(SupervisionSession).where(
            SupervisionSession.sender_id == sender, Answer.step_key == key)).scalars().one()
    assert stored == huge  # the answer itself is kept whole
    assert "999" in rest(servers, "e2e-long-2")("hello")  # and everyone else is still served


def test_the_chat_page_refuses_a_message_over_the_limit_with_a_clear_reply(servers):
    request = urllib.request.Request(
        f"http://127.0.0.1:{servers.rasa_port}/chat/webhook",
        data=json.dumps({"sender": "0123456789abcdef0123456789abcdef", "message": "a " * 10_001}).encode(),
        headers={"Content-Type": "application/json"})
    with pytest.raises(urllib.error.HTTPError) as refused:
        urllib.request.urlopen(request, timeout=60)
    assert refused.value.code == 413
    assert "too long" in json.load(refused.value)["error"]
