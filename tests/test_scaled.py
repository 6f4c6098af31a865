"""The scaled profile: two Rasa servers and two action servers behind nginx, on PostgreSQL and Redis.

Runs against this machine's PostgreSQL (SCALED_DATABASE_URL, default
postgresql://postgres@127.0.0.1:5432/test) and Redis (REDIS_URL), in a database
of its own (test_scaled_<random>, dropped afterwards) and its own Redis key prefix.
"""
from __future__ import annotations

import json
import os
import signal
import threading
import urllib.request
import uuid
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Dict, List, Set, Tuple

import pytest
from sqlalchemy import create_engine, select, text
from sqlalchemy.engine import make_url

from bot.supervision import SupervisionEngine
from bot.knowledge import load_knowledge
from bot.storage import Answer, Store, SupervisionSession, make_engine
from scripts.scaled import DEFAULT_DATABASE_URL, DEFAULT_REDIS_URL, Scaled, find_nginx, free_port
from scripts.serve import MODEL, signal_group
from tests.session_driver import STRUCTURED_ANSWERS, docx_text

ROOT = Path(__file__).resolve().parent.parent
pytestmark = [pytest.mark.servers, pytest.mark.scaled]


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
        yield str(make_url(admin_url).set(database=name))
    finally:
        with admin.connect() as connection:
            connection.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()


@pytest.fixture(scope="module")
def scaled(database, tmp_path_factory):
    if not MODEL.exists():
        pytest.fail("No trained model: run the tests with `make test`, which trains one.")
    find_nginx()  # `make e2e` and `make test` install it
    work = tmp_path_factory.mktemp("scaled")
    profile = Scaled(database_url=database, redis_url=os.environ.get("REDIS_URL") or DEFAULT_REDIS_URL,
                     port=free_port(), state_dir=work / "state", records_dir=work / "records",
                     key_prefix=f"test{uuid.uuid4().hex[:10]}")
    profile.check_services()
    try:
        profile.start()
        yield profile
    finally:
        profile.stop()


class Practitioner:
    """One practitioner talking through the load balancer; remembers which server answered."""

    def __init__(self, profile: Scaled, core: SupervisionEngine, n: int):
        self.profile, self.core = profile, core
        self.sender, self.tag = f"scaled-{n}-{uuid.uuid4().hex[:6]}", f"P{n:02d}"
        self.sent: Dict[str, str] = {}
        self.served_by: Set[str] = set()

    def say(self, message: str) -> str:
        request = urllib.request.Request(
            f"http://127.0.0.1:{self.profile.port}/webhooks/rest/webhook",
            data=json.dumps({"sender": self.sender, "message": message}).encode(),
            headers={"Content-Type": "application/json"})
        with urllib.request.urlopen(request, timeout=120) as response:
            self.served_by.add(response.headers.get("X-Served-By") or "")
            replies = json.load(response)
        reply = "\n".join(m.get("text") or "" for m in replies)
        assert reply, "the assistant never answers with silence"
        return reply

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
            self.say(self.sent[key])

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


def core_for(profile: Scaled) -> SupervisionEngine:
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


def test_twenty_practitioners_through_the_load_balancer_use_both_servers(scaled):
    core = core_for(scaled)
    practitioners = [Practitioner(scaled, core, n) for n in range(20)]

    def session(p: Practitioner) -> None:
        p.say("I want to reflect on a case before supervision")
        p.answer(8)

    with ThreadPoolExecutor(max_workers=20) as pool:
        list(pool.map(session, practitioners))
    check_records(practitioners)
    served = set().union(*(p.served_by for p in practitioners))
    assert served == {f"127.0.0.1:{s.rasa_port}" for s in scaled.servers}, served
    # most practitioners' messages went to both servers: sessions are not tied to one
    assert sum(len(p.served_by) == 2 for p in practitioners) >= 10
    assert "InMemoryTrackerStore" not in scaled.logs()


def test_a_rasa_server_killed_mid_session_loses_nothing(scaled):
    core = core_for(scaled)
    practitioners = [Practitioner(scaled, core, 20 + n) for n in range(4)]
    halfway = threading.Barrier(len(practitioners) + 1, timeout=600)

    def session(p: Practitioner) -> None:
        p.say("I want to reflect on a case before supervision")
        p.answer(5)
        halfway.wait()  # the server is killed here, between two messages
        halfway.wait()
        p.answer(5)

    with ThreadPoolExecutor(max_workers=len(practitioners)) as pool:
        running = [pool.submit(session, p) for p in practitioners]
        halfway.wait()
        victim = scaled.servers[0]
        signal_group(victim.rasa, signal.SIGKILL)
        victim.rasa.wait(timeout=30)
        halfway.wait()
        for future in running:
            future.result()
    check_records(practitioners)
    survivor = f"127.0.0.1:{scaled.servers[1].rasa_port}"
    assert all(survivor in p.served_by for p in practitioners)
    assert "InMemoryTrackerStore" not in scaled.logs()
