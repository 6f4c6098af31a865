"""`make run` as a practitioner or a service manager starts and stops it: nothing is ever left running.

Issue 23: a TERM to `make run`'s process group, then KILL, left a server
running after 7 of 13 runs, and the next `make run` found its ports taken.
Each test starts the real launcher (make, scripts/serve.py, both servers) on
free ports with its own folders, stops it one way, and then looks through /proc
for any process that still belongs to it. Starting Rasa loads the model, so
there are three starts in all.
"""
from __future__ import annotations

import os
import signal
import subprocess
import time
import urllib.request
from pathlib import Path
from typing import Dict, List, Optional

import pytest

from scripts.serve import MODEL, ROOT
from scripts.supervisor import listening_pid
from tests.test_servers import free_port

pytestmark = pytest.mark.servers

GONE_WITHIN = 15.0  # seconds: the brief's promise for every way of stopping


class Launch:
    """`make run` in a process group of its own, as a terminal or a service manager runs it."""

    def __init__(self, work: Path):
        self.work = work
        self.rasa_port, self.action_port = free_port(), free_port()
        env = {k: v for k, v in os.environ.items()
               if k not in ("RASA_API_TOKEN", "RASA_API_TOKEN_FILE", "RASA_HOST", "MAKEFLAGS", "MAKELEVEL")}
        env.update(RASA_PORT=str(self.rasa_port), ACTION_PORT=str(self.action_port),
                   DATABASE_URL=f"sqlite:///{work / 'state' / 'assistant.db'}",
                   RECORDS_DIR=str(work / "records"), STATE_DIR=str(work / "state"))
        self.log = open(work / "make-run.log", "wb")
        # -o: never remake the environment or the model here (another change to data/ must not retrain)
        self.make = subprocess.Popen(["make", "-s", "-o", ".venv/.installed", "-o", str(MODEL.relative_to(ROOT)),
                                      "run"], cwd=ROOT, env=env, stdout=self.log, stderr=subprocess.STDOUT,
                                     start_new_session=True)
        self.servers: Dict[str, int] = {}

    def wait_until_answering(self, timeout: float = 600) -> None:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            assert self.make.poll() is None, f"make run stopped while starting:\n{self.output()}"
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{self.rasa_port}/", timeout=2):
                    break
            except OSError:
                time.sleep(1)
        else:
            pytest.fail(f"make run did not answer within {timeout:.0f} s:\n{self.output()}")
        self.servers = {"Rasa server": listening_pid(self.rasa_port),
                        "action server": listening_pid(self.action_port)}
        assert all(self.servers.values()), self.servers

    def launcher_pid(self) -> int:
        """scripts/serve.py, make's child."""
        pid = self._launcher()
        if pid is None:
            pytest.fail("scripts/serve.py is not running under make")
        return pid

    def _launcher(self) -> Optional[int]:
        for pid in processes():
            if parent_of(pid) == self.make.pid and b"scripts/serve.py" in cmdline(pid):
                return pid
        return None

    def leftovers(self) -> List[str]:
        """Every process still running that belongs to this launch: by port, folder or environment."""
        marks = (str(self.work).encode(), f"--port\0{self.rasa_port}".encode(),
                 f"--port\0{self.action_port}".encode())
        found = []
        for pid in processes():
            if pid == os.getpid():
                continue
            try:
                environ = Path(f"/proc/{pid}/environ").read_bytes()
            except OSError:
                environ = b""
            line = cmdline(pid)
            if line and any(mark in line or mark in environ for mark in marks):
                words = line.replace(b"\0", b" ")[:120].decode(errors="replace")
                found.append(f"{pid}: {words}")
        return found

    def wait_until_gone(self, timeout: float = GONE_WITHIN) -> float:
        """Seconds until nothing of this launch runs; fails naming what is left after `timeout`."""
        began = time.monotonic()
        while time.monotonic() - began < timeout:
            self.make.poll()  # reap make itself
            if not self.leftovers() and self.make.returncode is not None:
                return time.monotonic() - began
            time.sleep(0.25)
        self.dump_launcher_stack()
        pytest.fail(f"still running {timeout:.0f} s later: {self.leftovers()}\n{self.output()}")

    def dump_launcher_stack(self) -> None:
        """Ask a launcher that has not stopped where it is (scripts/serve.py dumps its threads on USR1)."""
        pid = self._launcher()
        if pid is not None:
            os.kill(pid, signal.SIGUSR1)
            time.sleep(0.5)

    def output(self) -> str:
        self.log.flush()
        return (self.work / "make-run.log").read_text(errors="replace")[-6000:]

    def close(self) -> None:
        """Whatever happened in the test, leave nothing behind for the next one."""
        try:
            os.killpg(self.make.pid, signal.SIGKILL)
        except ProcessLookupError:
            pass
        for pid in [int(line.split(":")[0]) for line in self.leftovers()]:
            try:
                os.kill(pid, signal.SIGKILL)
            except ProcessLookupError:
                pass
        self.make.wait()
        self.log.close()


def processes() -> List[int]:
    return [int(p.name) for p in Path("/proc").iterdir() if p.name.isdigit()]


def cmdline(pid: int) -> bytes:
    try:
        return Path(f"/proc/{pid}/cmdline").read_bytes()  # empty for a zombie: it is gone
    except OSError:
        return b""


def parent_of(pid: int) -> int:
    try:
        return int(Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[1])
    except (OSError, IndexError, ValueError):
        return 0


@pytest.fixture
def launch(tmp_path):
    if not MODEL.exists():
        pytest.fail("No trained model: run the tests with `make test`, which trains one.")
    started = Launch(tmp_path)
    try:
        started.wait_until_answering()
        yield started
    finally:
        started.close()


def test_a_term_to_the_process_group_stops_everything(launch):
    """What a terminal's hang-up or a service manager sends: make, the launcher and both servers get it."""
    os.killpg(launch.make.pid, signal.SIGTERM)
    took = launch.wait_until_gone()
    assert "Stopping" in launch.output()
    print(f"everything gone {took:.1f} s after TERM")
    for name, pid in launch.servers.items():
        assert not cmdline(pid), f"the {name} ({pid}) is still running"


def test_two_terms_in_quick_succession_still_stop_everything(launch):
    """The second TERM arrives while the launcher is stopping (issue 23: it interrupted the stop)."""
    os.killpg(launch.make.pid, signal.SIGTERM)
    time.sleep(0.3)
    os.killpg(launch.make.pid, signal.SIGTERM)
    took = launch.wait_until_gone()
    print(f"everything gone {took:.1f} s after two TERMs")
    assert "Traceback" not in launch.output()


def test_a_launcher_killed_outright_takes_its_servers_with_it(launch):
    """`kill -9` runs no clean-up: the servers still notice and stop."""
    launcher = launch.launcher_pid()
    os.kill(launcher, signal.SIGKILL)
    took = launch.wait_until_gone()
    print(f"everything gone {took:.1f} s after the launcher was killed")
    for name, pid in launch.servers.items():
        assert not cmdline(pid), f"the {name} ({pid}) is still running"
