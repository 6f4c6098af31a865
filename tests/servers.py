"""The real Rasa and action servers for the end-to-end tests, and one pair shared by the whole run.

Loading the Rasa model is most of what an end-to-end test costs (a minute or more on two busy
cores), so every test that only talks to the servers uses `shared_servers`: one pair for the
whole run, with the default settings `make run` has. Such tests use sender ids of their own and
read back only their own rows and records, so they can run in any order next to each other.

A module starts a pair of its own (`started_servers`) only when it must: a setting the shared pair
must not have (a REST client token, small rate limits, the HTTP API's token, loose files left
before the start), or a test that kills, restarts or supervises the servers.
"""
from __future__ import annotations

import json
import urllib.request
from pathlib import Path

import pytest

from bot.content.knowledge import load_knowledge
from bot.storage.store import Store, make_engine
from bot.modes.supervision.supervision import SupervisionEngine
from scripts.serve import MODEL, Servers, free_port  # noqa: F401  (tests import it from here)

ROOT = Path(__file__).resolve().parent.parent


def started_servers(tmp_path_factory, name: str, prepare=None, env=None, api_token=None):
    """Both real servers on free ports, with their own database, records and state folders.

    `prepare(work)` runs before the start (e.g. to leave loose files there); `env` adds settings.
    """
    if not MODEL.exists():
        pytest.fail("No trained model: run the tests with `make test`, which trains one.")
    work = tmp_path_factory.mktemp(name)
    if prepare is not None:
        prepare(work)
    running = Servers(rasa_port=free_port(), action_port=free_port(), log_dir=work, api_token=api_token, env={
        "DATABASE_URL": f"sqlite:///{work / 'state' / 'assistant.db'}",
        "RECORDS_DIR": str(work / "records"),
        "STATE_DIR": str(work / "state"),
        **(env or {}),
    })
    try:
        running.start_actions()
        running.start_rasa()
        yield running
    finally:
        running.stop()


@pytest.fixture(scope="session")
def shared_servers(tmp_path_factory):
    """One pair with `make run`'s default settings for every test that only talks to the servers.

    Started when the first such test needs it and stopped at the end of the run; nothing may kill,
    restart or reconfigure it (tests that do start their own pair).
    """
    yield from started_servers(tmp_path_factory, "shared")


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


def core_reading(servers) -> SupervisionEngine:
    """The same database the servers use, read directly."""
    env = servers.child_env()
    return SupervisionEngine(load_knowledge(ROOT / "knowledge"), Store(make_engine(env["DATABASE_URL"])),
                             Path(env["RECORDS_DIR"]))
