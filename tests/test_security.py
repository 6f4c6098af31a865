"""Security, over the real servers: who reaches the action server, logs, file modes, bad requests,
deletion, the API token, and what is said to a case reference or identifying details out of a session.

One pair of servers for the whole module, started over loose files left in its folders, with an API
token. (Debug-level output of the libraries is withheld: see the first test.)
"""
from __future__ import annotations

import json
import os
import signal
import sqlite3
import stat
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest
from sqlalchemy import select

from actions.services import ERROR_REPLY
from bot.safety.access import SECRET_HEADER
from bot.safety.log_safety import WITHHELD, clean, redact
from bot.storage.retention import delete_session
from bot.storage.store import Answer, SupervisionSession, make_engine
from channels.rest import NO_REPLY
from scripts.serve import signal_group
from tests.servers import core_reading, rest, started_servers

ROOT = Path(__file__).resolve().parent.parent
TOKEN = "tok-7c1d2e9f0a4b4c8e"
OLD_SECRET = "an-old-secret-others-could-read-0123456789abcdef"
WEB_SENDER = "0123456789abcdef0123456789abcdef"  # a browser's secret
TYPED = []  # every answer typed in this module; the last test looks for each in the logs


def loose_files(work: Path) -> None:
    """Folders 0755 and files 0644, as a copy made before this release (or by hand) would have."""
    state, records = work / "state", work / "records"
    state.mkdir()
    records.mkdir()
    make_engine(f"sqlite:///{state / 'assistant.db'}").dispose()
    for name in ("assistant.db-wal", "assistant.db-shm"):
        (state / name).write_bytes(b"")  # empty: SQLite starts them afresh
    (state / "action-secret").write_text(OLD_SECRET)
    (records / "supervision-OLD-20240101-000000.docx").write_bytes(b"PK old")
    for path in (state, records, *state.iterdir(), *records.iterdir()):
        os.chmod(path, 0o755 if path.is_dir() else 0o644)


@pytest.fixture(scope="module")
def servers(tmp_path_factory):
    # both servers wait 5 s, not 30, for a locked database: the failures test locks it for longer
    yield from started_servers(tmp_path_factory, "security", prepare=loose_files, api_token=TOKEN,
                               env={"DATABASE_BUSY_SECONDS": "5"})


def work_of(servers) -> Path:
    return Path(servers.child_env()["STATE_DIR"]).parent


def typing(servers, sender):
    say = rest(servers, sender)

    def typed(text: str) -> str:
        TYPED.append(text)
        return say(text)
    return typed


def post(url: str, data: bytes, content_type: str = "application/json", **headers) -> tuple:
    request = urllib.request.Request(url, data=data, headers={"Content-Type": content_type, **headers})
    try:
        with urllib.request.urlopen(request, timeout=120) as response:
            return response.status, json.load(response)
    except urllib.error.HTTPError as error:
        return error.code, json.loads(error.read() or b"null")


def rest_replies(servers, sender: str, text: str) -> list:
    status, replies = post(f"http://127.0.0.1:{servers.rasa_port}/webhooks/rest/webhook",
                           json.dumps({"sender": sender, "message": text}).encode())
    assert status == 200
    return replies


def sessions_of(servers, sender: str) -> list:
    core = core_reading(servers)
    with core.store.transaction() as db:
        return list(db.execute(select(SupervisionSession).where(SupervisionSession.sender_id == sender)
                               .order_by(SupervisionSession.created_at)).scalars())


# ----- without servers -------------------------------------------------------------------------

def test_log_records_are_cleaned_of_quoted_text_parameters_and_library_debug_detail():
    import logging
    record = logging.LogRecord("rasa.core.processor", logging.ERROR, __file__, 1,
                               "Failed for %s: %s", ("'RO-REF-77'", "[parameters: ('Sam Example',)]"), None)
    clean(record)
    assert "RO-REF-77" not in record.getMessage() and "Sam Example" not in record.getMessage()
    debug = logging.LogRecord("rasa.core.processor", logging.DEBUG, __file__, 1,
                              "Current slot values: \n\tsession_reply: Sam Example", (), None)
    assert clean(debug).getMessage() == WITHHELD
    assert redact("Registered function for 'action_explain_theme'.") == \
        "Registered function for 'action_explain_theme'."
    assert "Sam" not in redact("Can't take 'Sam's answer' now")


# ----- with the servers ------------------------------------------------------------------------


@pytest.mark.servers
def test_forged_requests_to_the_action_server_are_refused(servers):
    url = f"http://127.0.0.1:{servers.action_port}/webhook"
    secret = servers.child_env()["ACTION_SERVER_SECRET"]
    rest(servers, "victim")("I want to reflect on a case before supervision")
    forged = json.dumps({"next_action": "validate_session_form", "version": "3.6.2", "domain": {},
                         "tracker": {"sender_id": "victim", "slots": {"session_reply": "FORGED-REF"},
                                     "latest_message": {"text": "FORGED-REF"}, "events": [],
                                     "active_loop": {"name": "session_form"}}}).encode()
    assert post(url, forged) == (401, {"error": "missing or wrong action server secret"})
    assert post(url, forged, **{SECRET_HEADER: "guessed"})[0] == 401
    assert post(url, forged, "text/plain", **{SECRET_HEADER: secret})[0] == 415
    assert post(url, forged, Host="rebound.example:80", **{SECRET_HEADER: secret})[0] == 403
    with core_reading(servers).store.transaction() as db:
        (victim,) = sessions_of(servers, "victim")
        assert db.execute(select(Answer).where(Answer.session_id == victim.id)).all() == []
    assert post(url, forged, **{SECRET_HEADER: secret})[0] == 200  # what Rasa itself sends gets through
    # refused requests changed nothing, and the log shows refusals without their bodies
    assert "Refused POST /webhook" in (servers.log_dir / "actions.log").read_text()
    # listening on this machine only: /proc/net/tcp shows 127.0.0.1 (0100007F) for the port
    listening = [line.split()[1] for line in Path("/proc/net/tcp").read_text().splitlines()[1:]
                 if line.split()[3] == "0A"]
    assert f"0100007F:{servers.action_port:04X}" in listening
    assert not any(a.endswith(f":{servers.action_port:04X}") and a != f"0100007F:{servers.action_port:04X}"
                   for a in listening)


@pytest.mark.servers
def test_files_are_owner_only_after_a_start_over_loose_ones(servers):
    typing(servers, "modes")("I want to reflect on a case before supervision")
    work = work_of(servers)
    state, records = work / "state", work / "records"
    # SQLite makes -wal and -shm (while a connection is open) with the database file's own mode
    reader = sqlite3.connect(state / "assistant.db")
    reader.execute("SELECT count(*) FROM supervision_sessions").fetchall()
    assert {p.name for p in state.iterdir()} >= {"assistant.db", "assistant.db-wal", "assistant.db-shm",
                                                 "action-secret"}
    for path in (state, records, *state.iterdir(), *records.iterdir()):
        mode = stat.S_IMODE(path.stat().st_mode)
        assert mode == (0o700 if path.is_dir() else 0o600), (path, oct(mode))
    reader.close()
    # a secret others could have read was replaced, and both servers use the new one
    secret = (state / "action-secret").read_text().strip()
    assert secret != OLD_SECRET and secret == servers.child_env()["ACTION_SERVER_SECRET"]


@pytest.mark.servers
@pytest.mark.parametrize("body, content_type, status", [
    (b'{"message": "hello"}', "application/json", 400),  # no sender: no shared "default" conversation
    (b'{"sender": "", "message": "hello"}', "application/json", 400),
    (b'{"sender": "sur\\ud800x", "message": "hello"}', "application/json", 400),  # once stopped the server
    (b'{"sender": "two words", "message": "hello"}', "application/json", 400),
    (b'{"sender": "r1", "message": 7}', "application/json", 400),
    (b'{"sender": "r1"}', "application/json", 400),
    (b'[{"sender": "r1", "message": "hello"}]', "application/json", 400),
    (b'"hello"', "application/json", 400),
    (b"", "application/json", 400),
    (b'{"sender": "r1", "message": ', "application/json", 400),
    (b'{"sender": "r1", "message": "hello"}', "text/plain", 415),
    (b'sender=r1&message=hello', "application/x-www-form-urlencoded", 415),
    (json.dumps({"sender": "r1", "message": "w" * 20001}).encode(), "application/json", 413),
    (b'{"sender": "r1", "message": "' + b"x" * (1024 * 1024) + b'"}', "application/json", 413),
])
def test_bad_rest_bodies_get_a_clear_4xx_and_the_server_keeps_serving(servers, body, content_type, status):
    got, reply = post(f"http://127.0.0.1:{servers.rasa_port}/webhooks/rest/webhook", body, content_type)
    assert got == status and isinstance(reply.get("error"), str) and reply["error"]
    assert "reflect" in rest(servers, "after-bad-body")("hello")


@pytest.mark.servers
@pytest.mark.parametrize("path", ["/chat/webhook", "/chat/history"])
def test_bad_chat_page_bodies_get_a_clear_4xx(servers, path):
    url = f"http://127.0.0.1:{servers.rasa_port}{path}"
    good = json.dumps({"sender": WEB_SENDER, "message": "hello"}).encode()
    assert post(url, good, "text/plain")[0] == 415
    for bad in (b"[]", b'"x"', b"", b"{nope"):
        status, reply = post(url, bad)
        assert status == 400 and reply["error"]
    assert post(url, b'{"sender": "' + b"0" * 32 + b'", "message": "' + b"y" * (1024 * 1024) + b'"}')[0] == 413


@pytest.mark.servers
@pytest.mark.parametrize("reference", ["RO-REF-77", "AB-12345", "case 4471"])
def test_a_case_reference_alone_outside_a_session_is_asked_about(servers, reference):
    sender = f"ref-{reference}".replace(" ", "-")  # a REST sender has no spaces
    TYPED.append(reference)
    replies = rest_replies(servers, sender, reference)
    assert replies[0]["text"] == "Is this a case you want to reflect on?"
    assert [(b["title"], b["payload"]) for b in replies[0]["buttons"]] == [("Yes", "/start_supervision"),
                                                                           ("No", "/deny")]
    assert sessions_of(servers, sender) == []  # nothing started
    assert "What would you like to do?" in rest(servers, sender)("/deny")
    assert "name should go on the record" in rest(servers, sender)("/start_supervision")
    # inside a session the same words are an answer, as typed
    rest(servers, sender)("Sam Worker")
    rest(servers, sender)("Alex Supervisor")
    assert "Is this a case" not in rest(servers, sender)(reference)


@pytest.mark.servers
def test_identifying_details_outside_a_session_get_the_privacy_reminder(servers):
    typed = "I want to reflect on a case about Jane Testchild born 01/02/2015"
    TYPED.append("Jane Testchild")
    reply = rest(servers, "privacy-out")(typed)
    assert "A note on privacy" in reply and "full name with a date of birth" in reply
    assert "name should go on the record" in reply  # the session still started
    reply = rest(servers, "privacy-out-2")("hello, call me on 07700 900123")
    assert "A note on privacy" in reply and "phone number" in reply


@pytest.mark.servers
def test_the_api_token_is_on_no_command_line_and_the_api_needs_it(servers):
    pids = [p for p in os.listdir("/proc") if p.isdigit()]
    seen_rasa = False
    for pid in pids:
        try:
            cmdline = Path(f"/proc/{pid}/cmdline").read_bytes()
        except OSError:
            continue
        assert TOKEN.encode() not in cmdline, cmdline
        assert servers.child_env()["ACTION_SERVER_SECRET"].encode() not in cmdline
        seen_rasa = seen_rasa or b"rasa_server.py" in cmdline
    assert seen_rasa
    status = f"http://127.0.0.1:{servers.rasa_port}/status"
    with pytest.raises(urllib.error.HTTPError) as refused:
        urllib.request.urlopen(status, timeout=30)
    assert refused.value.code == 401
    with urllib.request.urlopen(f"{status}?token={TOKEN}", timeout=30) as response:
        assert response.status == 200


@pytest.mark.servers
def test_deleting_sessions_removes_their_whole_conversation(servers):
    core = core_reading(servers)
    say = typing(servers, WEB_SENDER)
    say("I want to reflect on a case before supervision")
    say("First Session Worker")
    say("save")
    say("Later words naming Robin Invented")  # typed after the first session was saved
    say("I want to reflect on a case before supervision")
    say("Second Session Worker")
    say("pause")
    say("Last words naming Kit Imaginary")
    first, *others = sessions_of(servers, WEB_SENDER)

    def events() -> str:  # the data of every event Rasa keeps for this sender
        with core.store.engine.connect() as conn:
            rows = conn.exec_driver_sql("SELECT data FROM events WHERE sender_id = ?", (WEB_SENDER,)).all()
        return " ".join(data for (data,) in rows)

    before = events()
    assert "First Session Worker" in before and "Robin Invented" in before and "Kit Imaginary" in before
    delete_session(core.store, first.id)
    left = events()
    assert "First Session Worker" not in left and "Second Session Worker" in left and "Kit Imaginary" in left
    for other in others:  # the last one has no other session: every event of the sender goes
        delete_session(core.store, other.id)
    assert events() == ""
    status, history = post(f"http://127.0.0.1:{servers.rasa_port}/chat/history",
                           json.dumps({"sender": WEB_SENDER}).encode())
    assert status == 200 and history["messages"] == []


@pytest.mark.servers
def test_failures_get_a_kind_reply_and_the_logs_hold_no_answer_and_no_secret(servers):
    # runs last: every answer typed in this module is looked for in both servers' logs
    work = work_of(servers)
    say = typing(servers, "failures")
    say("I want to reflect on a case before supervision")
    say("Morgan Failworker")
    say("Casey Failsupervisor")
    say("FAIL-REF-9182")

    # 1. the records folder cannot be written (as root a read-only mode is ignored: a file stands in its place)
    records = work / "records"
    moved = records.rename(work / "records-away")
    records.write_text("not a folder")
    try:
        assert "couldn't write the record" in say("save")  # the plain save failure (issue 12)
    finally:
        records.unlink()
        moved.rename(records)
    assert ".docx" in say("save")  # nothing was lost: it saves once the folder is back

    # 2. the database is locked for longer than either server waits
    say = typing(servers, "failures-locked")
    say("I want to reflect on a case before supervision")
    database = work / "state" / "assistant.db"
    lock = sqlite3.connect(database, isolation_level=None, timeout=60)
    try:
        lock.execute("BEGIN EXCLUSIVE")
        reply = say("Locked Answer Jordan")
    finally:
        lock.rollback()
        lock.close()
    assert ERROR_REPLY in reply or NO_REPLY in reply

    # 3. the action server killed mid-session
    say = typing(servers, "failures-killed")
    say("I want to reflect on a case before supervision")
    actions = next(p for p in servers.processes if "actions" in p.args)
    signal_group(actions, signal.SIGKILL)
    actions.wait()
    servers.processes.remove(actions)
    assert NO_REPLY in say("Killed Answer Riley")
    servers.start_actions()
    assert "supervisor" in say("Killed Answer Riley")  # taken as the answer it was meant to be
    time.sleep(1)  # let both servers flush their logs

    logs = {path.name: path.read_text(errors="replace") for path in servers.log_dir.glob("*.log")}
    assert set(logs) == {"actions.log", "rasa.log"} and all(logs.values())
    assert "Action validate_session_form failed" in logs["actions.log"]  # the failures were logged...
    secrets = [TOKEN, servers.child_env()["ACTION_SERVER_SECRET"], WEB_SENDER]
    for name, text in logs.items():
        for needle in secrets + [t for t in TYPED if len(t) > 6]:
            assert needle not in text, f"{needle!r} is in {name}"  # ...without what was typed
