"""Shared fixtures: the real knowledge/ folder and one pair of real servers, each made once per test run;
and a count of server starts.

Starting a Rasa server (loading the model) is most of the end-to-end tests' time, so every start made
through scripts/serve.py's `Servers` in this process is counted and timed, and the count is printed at
the end of the run (and, with SERVER_STARTS_LOG set, appended to that file as one line per start, which
also works under pytest-xdist's workers). `make run` and `make run-scaled` started by tests as
subprocesses are not counted here.
"""
import json
import os
import sys
import time
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from tests.content import KNOWLEDGE  # noqa: E402
from tests.servers import shared_servers  # noqa: E402,F401  (a fixture: one pair of servers for the whole run)

STARTS = []  # (server, test, seconds) for every start in this process


@pytest.fixture(scope="session")
def knowledge():
    return KNOWLEDGE


@pytest.fixture(scope="session")
def servers(shared_servers):
    """The run's shared pair of real servers (tests/servers.py); a module that must have a pair of its own
    (other settings, or a test that kills or restarts a server) defines its own `servers` fixture."""
    return shared_servers


def _counted(method, server: str):
    def start(self, *args, **kwargs):
        began = time.monotonic()
        try:
            return method(self, *args, **kwargs)
        finally:
            test = os.environ.get("PYTEST_CURRENT_TEST", "").rsplit(" ", 1)[0]
            STARTS.append((server, test, round(time.monotonic() - began, 1)))
            log = os.environ.get("SERVER_STARTS_LOG")
            if log:
                with open(log, "a", encoding="utf-8") as out:
                    out.write(json.dumps({"server": server, "test": test, "seconds": STARTS[-1][2]}) + "\n")
    return start


def pytest_configure(config):
    from scripts.serve import Servers
    if not getattr(Servers, "_counted", False):
        Servers.start_rasa = _counted(Servers.start_rasa, "rasa")
        Servers.start_actions = _counted(Servers.start_actions, "actions")
        Servers._counted = True


@pytest.hookimpl(tryfirst=True)  # before pytest-xdist reads the groups
def pytest_collection_modifyitems(config, items):
    """With `-n 2 --dist loadgroup`: every test on the shared pair in one worker, each other module in one.

    So the shared pair and each module's own pair are started once, not once per worker.
    Without --dist loadgroup the marks change nothing.
    """
    for item in items:
        if item.get_closest_marker("servers") and not item.get_closest_marker("xdist_group"):
            shared = "shared_servers" in getattr(item, "fixturenames", ())
            item.add_marker(pytest.mark.xdist_group("shared-servers" if shared else item.module.__name__))


def pytest_terminal_summary(terminalreporter):
    if not STARTS:
        return
    rasa = [s for s in STARTS if s[0] == "rasa"]
    terminalreporter.write_sep("-", f"server starts: {len(rasa)} Rasa ({sum(s[2] for s in rasa):.0f} s), "
                                    f"{len(STARTS) - len(rasa)} action server")
    for server, test, seconds in STARTS:
        terminalreporter.write_line(f"{seconds:7.1f} s  {server:7}  {test}")
