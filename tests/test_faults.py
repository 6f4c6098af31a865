"""Faults with nothing lost: bad input, an expired Rasa session, many users at once.

Each test here talks to the run's shared pair of real servers over REST, with sender ids of its own. A server
killed mid-session, or during a save, is tests/test_reliability.py's: it kills each one as a crash would, under
`make run`'s supervisor, and reads back every answer.
"""
from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest
from sqlalchemy import select

from bot.storage.store import Answer, SessionNote, SupervisionSession
from tests.session_driver import docx_text
from tests.servers import core_reading, rest

pytestmark = pytest.mark.servers


def servers_said(servers) -> list:
    """The warnings and errors in both servers' logs (they hold no conversation text), to say why a test failed."""
    said = []
    for name in ("actions", "rasa"):
        log = Path(servers.log_dir) / f"{name}.log"
        if log.exists():
            said += [f"{name}: {line}" for line in log.read_text(errors="replace").splitlines()
                     if " WARNING " in line or " ERROR " in line or "Traceback" in line][-20:]
    return said


def answers_of(core, sender):
    with core.store.transaction() as db:
        session = db.execute(select(SupervisionSession).where(SupervisionSession.sender_id == sender)
                             .order_by(SupervisionSession.created_at.desc())).scalars().first()
        rows = db.execute(select(Answer).where(Answer.session_id == session.id).order_by(Answer.id)).scalars()
        return session, [(a.step_key, a.text) for a in rows]


def test_an_expired_rasa_session_reopens_the_supervision_session(servers):
    say, core = rest(servers, "fault-expiry"), core_reading(servers)
    say("I want to reflect on a case before supervision")
    say("Sam Example")
    say("/session_start")  # what Rasa does itself after the expiry time
    assert "case reference" in say("Alex Sample")
    assert answers_of(core, "fault-expiry")[1][-1] == ("details.supervisor", "Alex Sample")


BAD_INPUTS = [
    "😀🧒🏽 emoji and ZWJ 👨‍👩‍👧",
    "مرحبا بالعالم — עברית — right to left",
    "<b>bold</b><script>alert('x')</script><img src=x onerror=alert(1)>",
    "Robert'); DROP TABLE answers;--",
    "# Heading\n\n* bullet **bold** [link](http://example.invalid)\n\n```code```",
    "tab\there and a bell\x07 and an escape \x1b[31m red",
    "w" * 20000,
]


def test_bad_input_is_kept_and_the_record_still_saves(servers):
    say, core = rest(servers, "fault-input"), core_reading(servers)
    say("I want to reflect on a case before supervision")
    say("Sam Example")
    say("skip")
    say("../../etc/passwd")  # case reference
    for text in ("7", "0", "Neglect", "neglect", "school", "yes", "no", "no", "voice of the child"):
        say(text)
    for text in BAD_INPUTS:
        assert say(text).strip(), "every message gets a reply"
    assert ".docx" in say("save")
    session, answers = answers_of(core, "fault-input")
    stored = [text for _, text in answers]
    for text in BAD_INPUTS:
        assert text.strip() in stored
    record = Path(session.record_path)
    assert record.parent == Path(servers.child_env()["RECORDS_DIR"]) and "passwd" in record.name
    assert oct(record.stat().st_mode & 0o777) == "0o600"
    text = docx_text(record)
    for bad in BAD_INPUTS[:5] + BAD_INPUTS[6:]:
        assert bad in text
    assert "tab\there and a bell\ufffd and an escape \ufffd[31m red" in text
    assert "replaced with" in text


def test_fifty_practitioners_at_once_each_get_only_their_own_record(servers):
    core = core_reading(servers)

    def one_practitioner(n: int) -> str:
        say = rest(servers, f"many-{n}")
        say("I want to reflect on a case before supervision")
        say(f"Worker {n:02d} Example")
        say(f"Supervisor {n:02d} Example")
        say("SAME-REF")
        return say("save")

    with ThreadPoolExecutor(max_workers=50) as pool:
        finals = list(pool.map(one_practitioner, range(50)))
    unsaved = {n: final for n, final in enumerate(finals) if "Saved what you have so far" not in final}
    assert not unsaved, (unsaved, servers_said(servers))
    records = set()
    for n in range(50):
        session, answers = answers_of(core, f"many-{n}")
        assert answers == [("details.worker", f"Worker {n:02d} Example"),
                           ("details.supervisor", f"Supervisor {n:02d} Example"),
                           ("case.reference", "SAME-REF")]
        text = docx_text(Path(session.record_path))
        others = [m for m in range(50) if m != n and f"Worker {m:02d} Example" in text]
        assert f"Worker {n:02d} Example" in text and not others
        records.add(session.record_path)
    assert len(records) == 50  # the same case reference never shares a file


def test_immediate_danger_inside_an_answer_is_noted(servers):
    say, core = rest(servers, "fault-danger"), core_reading(servers)
    say("I want to reflect on a case before supervision")
    reply = say("the children are in immediate danger tonight")
    assert "999" in reply
    with core.store.transaction() as db:
        notes = [n.text for n in db.execute(select(SessionNote).where(SessionNote.kind == "immediate_danger"))
                 .scalars()]
    assert "the children are in immediate danger tonight" in notes


def test_the_http_api_is_off_without_a_token(servers):
    import urllib.error
    import urllib.request
    for path in ("/status", "/conversations/fault-input/tracker", "/model/parse"):
        try:
            urllib.request.urlopen(f"http://127.0.0.1:{servers.rasa_port}{path}", timeout=10)
            raise AssertionError(f"{path} answered without a token")
        except urllib.error.HTTPError as error:
            assert error.code in (401, 403, 404, 405)


def test_answers_are_not_written_to_the_logs(servers):
    # runs last in this file: the sessions above typed these answers
    logs = "".join(path.read_text(errors="replace") for path in servers.log_dir.glob("*.log"))
    assert logs, "the servers wrote logs"
    for answer in ("Supervisor 07 Example", "Worker 07 Example", "DROP TABLE answers",
                   "the children are in immediate danger tonight"):
        assert answer not in logs
