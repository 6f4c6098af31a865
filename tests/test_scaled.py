"""The scaled profile as a user starts it: `make run-scaled` (two Rasa and two action servers behind nginx).

Runs against this machine's PostgreSQL (SCALED_DATABASE_URL, default
postgresql://postgres@127.0.0.1:5432/test) and Redis (REDIS_URL), in a database
of its own (test_scaled_<random>, dropped afterwards). One start of the
launcher serves every test here: starting Rasa loads the model, twice.
"""
from __future__ import annotations

import http.server
import json
import os
import re
import signal
import stat
import subprocess
import threading
import time
import urllib.error
import urllib.request
import uuid
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Dict, List, Optional, Set, Tuple

import pytest
from sqlalchemy import create_engine, select, text
from sqlalchemy.engine import make_url

from bot.content.knowledge import load_knowledge
from bot.storage.store import Answer, Store, SupervisionSession, make_engine
from bot.modes.supervision.supervision import SupervisionEngine
from scripts.scaled import DEFAULT_DATABASE_URL, Scaled, ScaledServers, find_nginx, free_port
from scripts.serve import MODEL, stop_all
from scripts.supervisor import listening_pid
from tests.session_driver import STRUCTURED_ANSWERS, docx_text
from tests.test_launcher import cmdline, processes

ROOT = Path(__file__).resolve().parent.parent
pytestmark = [pytest.mark.servers, pytest.mark.scaled]
ASK_AGAIN = "Please send it again"  # deploy/nginx.conf.template's reply when no server could take a message


@pytest.fixture(scope="module")
def database():
    """A database of its own on the shared PostgreSQL, dropped afterwards."""
    admin_url = os.environ.get("SCALED_DATABASE_URL") or DEFAULT_DATABASE_URL
    name = f"test_scaled_{uuid.uuid4().hex[:12]}"
    admin = create_engine(admin_url, future=True, isolation_level="AUTOCOMMIT")
    try:
        with admin.connect() as connection:
            connection.execute(text(f'CREATE DATABASE "{name}"'))
    except Exception as error:
        pytest.fail(f"PostgreSQL is needed for the scaled profile (SCALED_DATABASE_URL): {error}")
    try:
        yield make_url(admin_url).set(database=name).render_as_string(hide_password=False)
    finally:
        with admin.connect() as connection:
            connection.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()


class Launched:
    """`make run-scaled` in a process group of its own, with the ports and folders it was given."""

    def __init__(self, database_url: str, work: Path):
        self.database_url, self.work = database_url, work
        self.port, self.state_dir, self.records_dir = free_port(), work / "state", work / "records"
        env = {k: v for k, v in os.environ.items()
               if not k.startswith("REST_CLIENT_TOKENS") and k not in ("MAKEFLAGS", "MAKELEVEL")}
        env.update(SCALED_DATABASE_URL=database_url, SCALED_PORT=str(self.port),
                   SCALED_STATE_DIR=str(self.state_dir), RECORDS_DIR=str(self.records_dir))
        self.log_path = work / "make-run-scaled.log"
        self.log = open(self.log_path, "wb")
        began = time.monotonic()
        self.make = subprocess.Popen(["make", "-s", "-o", ".venv/.installed", "-o", str(MODEL.relative_to(ROOT)),
                                      "run-scaled"], cwd=ROOT, env=env, stdout=self.log,
                                     stderr=subprocess.STDOUT, start_new_session=True)
        banner = self.wait_for_output(r"Rasa servers on ports (\d+), (\d+)", timeout=1200)
        self.start_seconds = time.monotonic() - began
        self.rasa_ports = [int(banner.group(1)), int(banner.group(2))]
        self.token = self.tokens_file().read_text().split()[1]

    def wait_for_output(self, pattern: str, timeout: float) -> re.Match:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            found = re.search(pattern, self.output())
            if found:
                return found
            if self.make.poll() is not None:
                pytest.fail(f"make run-scaled stopped (exit code {self.make.returncode}):\n{self.output()[-3000:]}")
            time.sleep(1)
        pytest.fail(f"make run-scaled did not say {pattern!r} within {timeout:.0f} s:\n{self.output()[-3000:]}")

    def output(self) -> str:
        self.log.flush()
        return self.log_path.read_text(errors="replace")

    def tokens_file(self) -> Path:
        return self.state_dir / "rest-client-tokens"

    def logs(self) -> str:
        """Every server's log, for checks such as 'no fallback to memory'."""
        return "\n".join(p.read_text(errors="replace") for p in sorted(self.state_dir.glob("*.log")))

    def leftovers(self) -> List[int]:
        mark = str(self.work).encode()
        found = []
        for pid in processes():
            try:
                environ = Path(f"/proc/{pid}/environ").read_bytes()
            except OSError:
                environ = b""
            if pid != os.getpid() and cmdline(pid) and (mark in cmdline(pid) or mark in environ):
                found.append(pid)
        return found

    def close(self) -> None:
        try:
            os.killpg(self.make.pid, signal.SIGKILL)
        except ProcessLookupError:
            pass
        for pid in self.leftovers():
            try:
                os.kill(pid, signal.SIGKILL)
            except ProcessLookupError:
                pass
        self.make.wait()
        self.log.close()


@pytest.fixture(scope="module")
def launched(database, tmp_path_factory):
    if not MODEL.exists():
        pytest.fail("No trained model: run the tests with `make test`, which trains one.")
    find_nginx()  # `make e2e` and `make test` install it
    profile = None
    try:
        profile = Launched(database, tmp_path_factory.mktemp("scaled"))
        yield profile
    finally:
        if profile is not None:
            profile.close()


class Practitioner:
    """One practitioner talking through the load balancer with the REST client token."""

    def __init__(self, profile: Launched, core: SupervisionEngine, n: int):
        self.profile, self.core = profile, core
        self.sender, self.tag = f"scaled-{n}-{uuid.uuid4().hex[:6]}", f"P{n:02d}"
        self.sent: Dict[str, str] = {}
        self.served_by: Set[str] = set()
        self.asked_again = 0  # replies from nginx asking to send a message again

    def say(self, message: str, step: Optional[str] = None) -> str:
        """Send one message; when nginx asks for it again (its server died), send it again unless it was taken."""
        for _ in range(5):
            request = urllib.request.Request(
                f"http://127.0.0.1:{self.profile.port}/webhooks/rest/webhook",
                data=json.dumps({"sender": self.sender, "message": message}).encode(),
                headers={"Content-Type": "application/json", "Authorization": f"Bearer {self.profile.token}"})
            try:
                with urllib.request.urlopen(request, timeout=180) as response:
                    self.served_by.add(response.headers.get("X-Served-By") or "")
                    replies = json.load(response)
            except urllib.error.HTTPError as error:
                if error.code != 503:
                    raise
                replies = json.load(error)  # Rasa REST's shape, never a bare 502 page
                assert [set(r) for r in replies] == [{"recipient_id", "text"}] and ASK_AGAIN in replies[0]["text"]
                self.asked_again += 1
                if step is not None and self.core.current_step(self.sender).key != step:
                    return ""  # the server took it before it died: sending it again would answer the next question
                time.sleep(2)
                continue
            reply = "\n".join(m.get("text") or "" for m in replies)
            assert reply, "the assistant never answers with silence"
            return reply
        raise AssertionError("asked to send one message again five times")

    def answer_for(self, key: str) -> str:
        """Invented answers; every free-text one names its practitioner, so a stray one is found."""
        if key in ("details.worker", "details.supervisor"):
            return f"{STRUCTURED_ANSWERS[key]} {self.tag}"
        if key == "case.reference":
            return f"TEST-{self.tag}"
        return STRUCTURED_ANSWERS.get(key) or f"{self.tag} answer for {key}: the kitchen was bare on the visit."

    def answer(self, questions: int) -> None:
        for _ in range(questions):
            key = self.core.current_step(self.sender).key
            assert key not in self.sent, f"{key} asked twice"
            self.sent[key] = self.answer_for(key)
            self.say(self.sent[key], step=key)

    def save(self) -> Tuple[Dict[str, str], str]:
        """Saves now; returns the answers stored in the database and the record's text."""
        assert "saved" in self.say("save").lower()
        with self.core.store.transaction() as db:
            session = db.execute(select(SupervisionSession).where(
                SupervisionSession.sender_id == self.sender)).scalars().one()
            stored = {a.step_key: a.text for a in db.execute(
                select(Answer).where(Answer.session_id == session.id)).scalars()}
            record = Path(session.record_path)
        return stored, docx_text(record)


def core_for(profile: Launched) -> SupervisionEngine:
    return SupervisionEngine(load_knowledge(ROOT / "knowledge"), Store(make_engine(profile.database_url)),
                             profile.records_dir)


def check_records(practitioners: List[Practitioner]) -> None:
    tags = {p.tag for p in practitioners}
    for p in practitioners:
        stored, record = p.save()
        assert stored == p.sent, p.tag  # every answer, verbatim, under its own question
        for key, answer in p.sent.items():
            assert answer in record, f"{p.tag}: {key} missing from the record"
        for other in tags - {p.tag}:  # no answer from another session
            assert f"{other} answer" not in record and f"TEST-{other}" not in record


def status_of(url: str, method: str = "GET", data: Optional[bytes] = None, headers=None) -> Tuple[int, bytes]:
    request = urllib.request.Request(url, data=data, method=method, headers=headers or {})
    try:
        with urllib.request.urlopen(request, timeout=60) as response:
            return response.status, response.read()
    except urllib.error.HTTPError as error:
        return error.code, error.read()


def test_rest_needs_the_generated_client_token_and_only_a_users_routes_are_reachable(launched):
    tokens = launched.tokens_file()
    assert stat.S_IMODE(tokens.stat().st_mode) == 0o600
    assert tokens.read_text().split()[0] == "integration"
    assert str(tokens) in launched.output()  # the banner says where it is
    base = f"http://127.0.0.1:{launched.port}"
    message = json.dumps({"sender": f"no-token-{uuid.uuid4().hex[:6]}", "message": "hello"}).encode()
    code, _ = status_of(f"{base}/webhooks/rest/webhook", "POST", message, {"Content-Type": "application/json"})
    assert code == 401
    code, _ = status_of(f"{base}/webhooks/rest/webhook", "POST", message, {
        "Content-Type": "application/json", "Authorization": "Bearer not-the-token"})
    assert code == 401
    assert status_of(f"{base}/")[0] == 200  # the health check
    code, page = status_of(f"{base}/chat")
    assert code == 200 and b"<html" in page.lower()
    chat = json.dumps({"sender": uuid.uuid4().hex, "message": "hello"}).encode()
    code, reply = status_of(f"{base}/chat/webhook", "POST", chat, {"Content-Type": "application/json"})
    assert code == 200 and json.loads(reply)["messages"]  # the chat page needs no REST token
    for path in ("/model", "/status", "/conversations/someone/tracker", "/version", "/webhooks/rest/other"):
        assert status_of(base + path)[0] == 404, path
    assert status_of(f"{base}/model/parse", "POST", b'{"text": "hi"}', {"Content-Type": "application/json"}
                     )[0] == 404


def test_rasa_servers_count_the_client_behind_nginx_and_action_servers_do_not_trust_forwarding(launched):
    """Rate limits per client address: behind nginx, Sanic must read X-Forwarded-For (one proxy), or every
    practitioner is counted as nginx. Only the Rasa servers: nothing but Rasa reaches an action server."""
    for port in launched.rasa_ports:
        pid = listening_pid(port)
        assert pid, f"nothing listening on {port}"
        environ = Path(f"/proc/{pid}/environ").read_bytes().split(b"\0")
        assert b"SANIC_PROXIES_COUNT=1" in environ, port
    actions = [pid for pid in processes() if b"rasa_sdk" in cmdline(pid) or b"actions/server.py" in cmdline(pid)]
    for pid in actions:
        try:
            environ = Path(f"/proc/{pid}/environ").read_bytes().split(b"\0")
        except OSError:
            continue
        if f"SCALED_STATE_DIR={launched.state_dir}".encode() in environ or \
                f"RECORDS_DIR={launched.records_dir}".encode() in environ:
            assert not any(v.startswith(b"SANIC_PROXIES_COUNT=") for v in environ)


def test_a_rasa_server_killed_mid_session_is_restarted_and_no_answer_is_lost(launched):
    """Issue 23: `kill -9` of one Rasa server stopped the whole profile. Now nginx and the others keep serving."""
    core = core_for(launched)
    practitioners = [Practitioner(launched, core, n) for n in range(3)]
    started = threading.Barrier(len(practitioners) + 1, timeout=900)

    def session(p: Practitioner) -> None:
        p.say("I want to reflect on a case before supervision")
        p.answer(3)
        started.wait()  # everyone is mid-session; the kill comes while they keep talking
        p.answer(7)

    victim_port = launched.rasa_ports[0]
    victim = listening_pid(victim_port)
    try:
        with ThreadPoolExecutor(max_workers=len(practitioners)) as pool:
            running = [pool.submit(session, p) for p in practitioners]
            started.wait()
            time.sleep(0.5)  # some messages are in flight now
            os.kill(victim, signal.SIGKILL)
            killed_at = time.monotonic()
            for future in running:
                future.result()
    finally:  # what nginx answered other than 200 (time, method, status, server, seconds: no text)
        access = (launched.state_dir / "nginx-access.log").read_text().splitlines()
        print("\n".join(line for line in access if " 200 " not in line))
    check_records(practitioners)
    print(f"asked to send again: {[p.asked_again for p in practitioners]}")
    # the killed server comes back on its port, within the time the profile took to start
    deadline = killed_at + launched.start_seconds + 60
    while (listening_pid(victim_port) in (None, victim)) and time.monotonic() < deadline:
        time.sleep(1)
    back = listening_pid(victim_port)
    assert back not in (None, victim), launched.output()[-2000:]
    status, _ = status_of(f"http://127.0.0.1:{victim_port}/")
    assert status == 200
    print(f"restarted and answering {time.monotonic() - killed_at:.0f} s after the kill "
          f"(the profile took {launched.start_seconds:.0f} s to start)")
    output = launched.output()
    assert "stopped (exit code -9); restarting it." in output and "is running again" in output
    assert "stopping the rest" not in output and launched.make.poll() is None


def test_twenty_practitioners_through_the_load_balancer_use_both_servers(launched):
    core = core_for(launched)
    practitioners = [Practitioner(launched, core, 10 + n) for n in range(20)]

    def session(p: Practitioner) -> None:
        p.say("I want to reflect on a case before supervision")
        p.answer(8)

    with ThreadPoolExecutor(max_workers=20) as pool:
        list(pool.map(session, practitioners))
    check_records(practitioners)
    served = set().union(*(p.served_by for p in practitioners))
    assert served == {f"127.0.0.1:{port}" for port in launched.rasa_ports}, served
    # most practitioners' messages went to both servers: sessions are not tied to one
    assert sum(len(p.served_by) == 2 for p in practitioners) >= 10
    assert "InMemoryTrackerStore" not in launched.logs()


def test_a_term_stops_the_whole_profile_within_15_seconds(launched):
    """Last: nginx, both Rasa servers and both action servers, as a service manager stops them."""
    assert launched.leftovers()
    os.killpg(launched.make.pid, signal.SIGTERM)
    began = time.monotonic()
    while (launched.leftovers() or launched.make.poll() is None) and time.monotonic() - began < 15:
        time.sleep(0.25)
    assert not launched.leftovers(), [cmdline(pid)[:100] for pid in launched.leftovers()]
    assert launched.make.poll() is not None
    print(f"everything gone {time.monotonic() - began:.1f} s after TERM")


# ----- nginx alone, with stand-in Rasa servers (fast: no model to load) --------------------------

class StandIn(http.server.BaseHTTPRequestHandler):
    """Answers as Rasa's REST channel does; counts what it was sent."""

    seen: List[str] = []
    status = 200

    def do_POST(self):  # noqa: N802 (http.server's name)
        self.rfile.read(int(self.headers.get("Content-Length") or 0))
        StandIn.seen.append(self.path)
        body = json.dumps([{"recipient_id": "x", "text": "stand-in reply"}] if StandIn.status == 200 else
                          {"description": "Service Unavailable", "status": StandIn.status, "message": "x"}).encode()
        self.send_response(StandIn.status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *_):
        pass


@pytest.fixture
def nginx_before(tmp_path):
    """nginx from deploy/nginx.conf.template in front of the given Rasa ports."""
    started = []

    def start(*rasa_ports: int) -> Scaled:
        profile = Scaled(port=free_port(), state_dir=tmp_path / f"state{len(started)}")
        profile.state_dir.mkdir(mode=0o700)
        profile.servers = [ScaledServers(rasa_port=port, name=chr(97 + n)) for n, port in enumerate(rasa_ports)]
        profile.start_nginx()
        started.append(profile)
        return profile

    yield start
    stop_all([p.nginx for p in started])


@pytest.fixture
def stand_in():
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), StandIn)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    StandIn.seen, StandIn.status = [], 200
    yield server
    server.shutdown()


def test_a_message_its_server_cannot_take_goes_to_the_other(nginx_before, stand_in):
    profile = nginx_before(free_port(), stand_in.server_address[1])  # the first refuses connections
    for n in range(6):
        code, body = status_of(f"http://127.0.0.1:{profile.port}/webhooks/rest/webhook", "POST",
                               b'{"sender": "s", "message": "m"}', {"Content-Type": "application/json"})
        assert (code, json.loads(body)[0]["text"]) == (200, "stand-in reply"), n
    assert StandIn.seen == ["/webhooks/rest/webhook"] * 6


def test_a_server_giving_up_on_a_message_gets_the_rest_shaped_reply_and_other_errors_pass_as_sent(
        nginx_before, stand_in):
    """Sanic's own 503 (e.g. a response cut short) is no reply a REST client can show; a 401 or 413 is the server's."""
    profile = nginx_before(stand_in.server_address[1])
    url = f"http://127.0.0.1:{profile.port}/webhooks/rest/webhook"
    StandIn.status = 503
    code, body = status_of(url, "POST", b'{"sender": "s", "message": "m"}', {"Content-Type": "application/json"})
    assert code == 503 and ASK_AGAIN in json.loads(body)[0]["text"]
    for status in (401, 413, 500):
        StandIn.status = status
        code, body = status_of(url, "POST", b'{"sender": "s", "message": "m"}', {"Content-Type": "application/json"})
        assert code == status and json.loads(body)["status"] == status


def test_with_no_server_to_take_it_a_message_gets_a_reply_in_rest_shape_asking_for_it_again(nginx_before):
    profile = nginx_before(free_port(), free_port())
    base = f"http://127.0.0.1:{profile.port}"
    code, body = status_of(f"{base}/webhooks/rest/webhook", "POST", b'{"sender": "s", "message": "m"}',
                           {"Content-Type": "application/json"})
    replies = json.loads(body)
    assert code == 503 and [set(r) for r in replies] == [{"recipient_id", "text"}]
    assert ASK_AGAIN in replies[0]["text"]
    code, body = status_of(f"{base}/chat/webhook", "POST", b'{"sender": "s", "message": "m"}',
                           {"Content-Type": "application/json"})
    assert code == 503 and ASK_AGAIN in json.loads(body)["messages"][0]["text"]  # the page says "try again"
    for path in ("/model", "/status", "/conversations/x/tracker", "/chat/anything", "/webhooks/rest/x"):
        assert status_of(base + path)[0] == 404, path
