"""End to end: the real action server and Rasa server, a whole session over REST.

Every test here uses the run's shared pair (`servers`, tests/conftest.py) with a sender id of its own.
"""
from __future__ import annotations

import json
import urllib.request
from pathlib import Path
from typing import List

import pytest
from sqlalchemy import create_engine, select, text as sql

from actions.session import HISTORY_LIMIT
from bot.content.knowledge import load_knowledge
from bot.storage.store import Answer, SupervisionSession, make_engine
from tests.servers import core_reading, free_port, rest, started_servers  # noqa: F401  (also imported from here)
from tests.session_driver import answer_for, docx_text, latest_saved, run_whole_session

ROOT = Path(__file__).resolve().parent.parent
pytestmark = pytest.mark.servers


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
    assert "Themes suggested: Over-optimism, Voice of the father, Cumulative harm" in text  # ranked by what was noticed
    assert "Toolkits considered" in text and "Domestic abuse toolkit" in text and "safelives.org.uk" in text
    # Rasa's own history is kept whole, but in short Rasa sessions, so a late turn costs what an early one does
    sessions = rasa_sessions(servers, sender)
    assert len(sessions) >= 3 and sum(map(len, sessions)) > 3 * HISTORY_LIMIT
    sizes = [len(session) for session in sessions]
    assert max(sizes) < HISTORY_LIMIT + 30 and min(sizes[1:-1]) >= HISTORY_LIMIT, sizes  # only long ones renewed


def rasa_sessions(servers, sender: str) -> List[List[str]]:
    """The event types of each of Rasa's sessions for `sender`, as its SQL store holds them."""
    engine = create_engine(servers.child_env()["DATABASE_URL"])
    with engine.connect() as db:
        kinds = db.execute(sql("SELECT type_name FROM events WHERE sender_id = :sender ORDER BY id"),
                           {"sender": sender}).scalars().all()
    engine.dispose()
    sessions: List[List[str]] = [[]]
    for kind in kinds:
        if kind == "session_started":
            sessions.append([])
        sessions[-1].append(kind)
    return [session for session in sessions if session]


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
    ("the DA risk checklist", "safelives.org.uk"),
    ("where is the risk assessment checklist?", "safelives.org.uk"),
    ("DASH", "safelives.org.uk"),
    ("graded care profile", "graded-care-profile-2"),
    ("GCP2 link please", "graded-care-profile-2"),
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
    from bot.content.workshop_content import load_workshop_content
    from bot.modes.workshop.workshop_session import WorkshopEngine
    sender = "e2e-lead-1"
    say = rest(servers, sender)
    env = servers.child_env()
    knowledge = load_knowledge(ROOT / "knowledge")
    workshop = WorkshopEngine(knowledge, load_workshop_content(ROOT / "knowledge", knowledge),
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
    text = docx_text(latest_saved(workshop, sender, "pack"))
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


# ----- the danger check on every path (issue 10) --------------------------------------------------------------

URGENT_BY_KIND = {  # invented; each is clear danger, typed the way the question is answered
    "text": "dad is hitting mum in front of the kids right now",
    "number": "3 - and the children are in danger of being badly hurt tonight",
    "choice": "Neglect. He's on his way over now and says he'll kill her",
    "multi": "DA and neglect. the baby has gone floppy and grey and mum won't take her to A&E",
    "yes_no": "no - he's there now and kicking off with the kids in the house",
    "themes": "yes. mum has taken an overdose and the kids are with her",
    "chronology": "the 12 year old is missing tonight with an older man we think is exploiting her",
}


def test_danger_at_every_kind_of_question_comes_first_and_the_record_keeps_every_answer(servers):
    core = core_reading(servers)
    heading = core.knowledge.urgent.heading
    kinds = set()
    # the stuck pathway has the history prompt; ordinary supervision has the theme menu
    for sender, opening in (("e2e-danger-1", "I feel stuck on a case, nothing ever changes"),
                            ("e2e-danger-1b", "I want to reflect on a case before supervision")):
        say = rest(servers, sender)
        say(opening)
        urgent_sent = []
        for _ in range(150):
            step = core.current_step(sender)
            if step.kind == "review":
                break
            if step.kind == "danger_check":
                assert "999" not in say("no")
                continue
            if step.kind in URGENT_BY_KIND and step.kind not in kinds:
                kinds.add(step.kind)
                reply = say(URGENT_BY_KIND[step.kind])
                assert reply.startswith(heading), (step.key, reply[:300])
                urgent_sent.append(URGENT_BY_KIND[step.kind])
                if core.current_step(sender).key != step.key:
                    continue  # the answer was taken as typed
            say(answer_for(step.key))
            if step.kind == "chronology":
                say("done")
        assert say("the kids are in immediate danger, he has a knife").startswith(heading)  # at the review
        assert "saved as" in say("save")
        with core.store.transaction() as db:
            session = db.execute(select(SupervisionSession).where(SupervisionSession.sender_id == sender)
                                 ).scalars().one()
            stored = [a.text for a in session.answers if not a.skipped]
            record = Path(session.record_path)
        text = docx_text(record)
        assert "Immediate danger raised during the session" in text
        for answer in stored + urgent_sent:
            for line in answer.splitlines():
                assert line in text, line
    assert kinds == set(URGENT_BY_KIND)


def test_an_ordinary_history_line_raises_no_alarm_and_no_danger_reaches_the_record(servers):
    sender = "e2e-danger-2"
    say, core = rest(servers, sender), core_reading(servers)
    say("I feel stuck on a case, nothing ever changes")
    for _ in range(150):
        step = core.current_step(sender)
        if step.kind == "review":
            break
        if step.kind == "chronology":
            reply = say("the school sees the children arriving hungry on Mondays")
            assert "999" not in reply and core.knowledge.urgent.check_question not in reply
            say("done")
            continue
        say("no" if step.kind == "danger_check" else answer_for(step.key))
    assert "saved as" in say("save")
    with core.store.transaction() as db:
        record = Path(db.execute(select(SupervisionSession).where(SupervisionSession.sender_id == sender)
                                 ).scalars().one().record_path)
    text = docx_text(record)
    assert "arriving hungry on Mondays" in text
    assert "Immediate danger raised during the session" not in text  # "At a glance" says "None raised"


def test_outside_a_session_clear_danger_is_urgent_and_unsure_danger_gets_one_check(servers):
    say = rest(servers, "e2e-danger-3")
    assert say("dad is battering mum in the kitchen right now and the kids are watching").startswith(
        "If a child is in immediate danger")
    request = urllib.request.Request(
        f"http://127.0.0.1:{servers.rasa_port}/webhooks/rest/webhook",
        data=json.dumps({"sender": "e2e-danger-3", "message": "/immediate_risk"}).encode(),
        headers={"Content-Type": "application/json"})
    with urllib.request.urlopen(request, timeout=120) as response:
        assert "999" in json.load(response)[0]["text"]  # the check's Yes button
    for ordinary in ("am i talking to a bot", "i'm off now, bye", "stop for now"):
        assert "danger" not in say(ordinary).lower(), ordinary


def test_twenty_sends_at_once_for_one_question_store_one_answer_and_refuse_the_rest(servers):
    """A double click, two tabs, a retry: each message says which question it answers."""
    from concurrent.futures import ThreadPoolExecutor
    sender = "e2e-twenty-at-once"
    core = core_reading(servers)
    url = f"http://127.0.0.1:{servers.rasa_port}/webhooks/rest/webhook"

    def post(body):
        request = urllib.request.Request(url, data=json.dumps({"sender": sender, **body}).encode(),
                                         headers={"Content-Type": "application/json"})
        with urllib.request.urlopen(request, timeout=300) as response:
            return json.load(response)

    opened = post({"message": "I want to reflect on a case before supervision"})
    asked = [m["custom"]["question"] for m in opened if isinstance(m.get("custom"), dict)]
    assert asked == ["details.worker"]
    texts = [f"Worker name, attempt {n}" for n in range(20)]
    with ThreadPoolExecutor(max_workers=20) as pool:
        replies = list(pool.map(lambda t: post({"message": t, "metadata": {"question": "details.worker"}}), texts))
    refused = sum(any("earlier question" in (m.get("text") or "") for m in r) for r in replies)
    with core.store.transaction() as db:
        session = db.execute(select(SupervisionSession).where(SupervisionSession.sender_id == sender)
                             ).scalars().one()
        stored = {a.step_key: a.text for a in session.answers}
    assert list(stored) == ["details.worker"] and stored["details.worker"] in texts
    assert refused == 19
    assert core.current_step(sender).key == "details.supervisor"


def test_a_short_session_over_rest_is_chosen_at_the_first_question(servers):
    sender = "e2e-short-1"
    say, core = rest(servers, sender), core_reading(servers)
    sent = run_whole_session(say, lambda reply: core.current_step(sender).key, short=True)
    with core.store.transaction() as db:
        session = db.execute(select(SupervisionSession).where(SupervisionSession.sender_id == sender)
                             ).scalars().one()
        kind, record = session.kind, Path(session.record_path)
    assert kind == "short"
    assert record.name in sent.pop("__final__")
    # one theme, one question from each stage of the cycle: experience, reflection, analysis, action (issue 27)
    assert len([k for k in sent if k.startswith("theme.")]) == 4
    text = docx_text(record)
    for key, answer in sent.items():
        assert answer in text, f"{key} missing from the record"


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
