"""`make run`'s supervisor, with small stand-in child processes (no Rasa), so these are fast."""
from __future__ import annotations

import signal
import socket
import subprocess
import sys
import time

from scripts.supervisor import Child, Supervisor, listening_pid, port_in_use_message


def sleeper(seconds: float = 60) -> subprocess.Popen:
    return subprocess.Popen([sys.executable, "-c", f"import time; time.sleep({seconds})"],
                            start_new_session=True)


class Clock:
    """A clock that moves only when the supervisor sleeps, so back-off is checked without waiting."""

    def __init__(self):
        self.now = 0.0
        self.slept = []

    def sleep(self, seconds: float) -> None:
        self.slept.append(seconds)
        self.now += seconds

    def __call__(self) -> float:
        return self.now


def supervisor(children, clock, lines, **options):
    return Supervisor(children, say=lines.append, sleep=clock.sleep, clock=clock, **options)


def test_a_killed_child_is_restarted_and_the_log_says_so_plainly():
    started = []

    def start():
        started.append(sleeper())
        return started[-1]

    first = sleeper()
    child = Child("action server", start, first)
    first.send_signal(signal.SIGKILL)
    first.wait()
    clock, lines = Clock(), []
    try:
        assert supervisor([child], clock, lines).run(until=lambda: len(started) >= 1) == 0
        assert child.process is started[0] and child.process.poll() is None
        assert "The action server stopped (exit code -9); restarting it." in lines
        assert lines[-1] == "The action server is running again."
        assert clock.slept[0] == 1.0  # the first restart waits a second
    finally:
        for process in started:
            process.kill()
            process.wait()


def test_restarts_back_off_and_give_up_with_a_non_zero_exit():
    attempts = []

    def start():  # a server that dies straight away every time
        process = subprocess.Popen([sys.executable, "-c", "raise SystemExit(3)"], start_new_session=True)
        process.wait()
        attempts.append(process)
        return process

    child = Child("Rasa server", start, start())
    clock, lines = Clock(), []
    code = supervisor([child], clock, lines, max_restarts=5, window=600, poll_interval=0.5).run()
    assert code == 1
    assert len(attempts) == 1 + 5  # the first start, then five restarts
    backoffs = [s for s in clock.slept if s != 0.5]
    assert backoffs == [1.0, 2.0, 4.0, 8.0, 16.0]
    assert "The Rasa server stopped (exit code 3); restarting it." in lines
    assert lines[-1].startswith("The Rasa server could not be kept running (5 restarts in 10 minutes)")


def test_a_start_that_fails_counts_as_a_try_and_the_next_one_can_succeed():
    calls = []

    def start():
        calls.append(1)
        if len(calls) < 3:
            raise RuntimeError("The action server stopped while starting (exit code 1).")
        return sleeper()

    dead = subprocess.Popen([sys.executable, "-c", "pass"], start_new_session=True)
    dead.wait()
    child = Child("action server", start, dead)
    clock, lines = Clock(), []
    try:
        assert supervisor([child], clock, lines).run(until=lambda: child.process is not dead) == 0
        assert clock.slept[:3] == [1.0, 2.0, 4.0]
        assert sum("did not start again" in line for line in lines) == 2
        assert child.process.poll() is None
    finally:
        if child.process is not dead:
            child.process.kill()
            child.process.wait()


def test_restarts_long_ago_do_not_count_against_a_new_failure():
    def start():
        return sleeper()

    clock, lines = Clock(), []
    dead = subprocess.Popen([sys.executable, "-c", "pass"], start_new_session=True)
    dead.wait()
    child = Child("action server", start, dead)
    child.restarts.extend([0.0, 1.0, 2.0, 3.0, 4.0])  # five restarts, but well over ten minutes ago
    clock.now = 2000.0
    try:
        assert supervisor([child], clock, lines).run(until=lambda: child.process is not dead) == 0
        assert clock.slept[0] == 1.0  # back to the shortest pause
    finally:
        child.process.kill()
        child.process.wait()


def test_a_stale_server_on_the_port_is_named_with_its_pid_and_how_to_stop_it():
    holder = subprocess.Popen([sys.executable, "-c", (
        "import socket, sys, time\n"
        "s = socket.socket(); s.bind(('127.0.0.1', 0)); s.listen()\n"
        "print(s.getsockname()[1], flush=True); time.sleep(60)")], stdout=subprocess.PIPE, text=True)
    try:
        port = int(holder.stdout.readline())
        assert listening_pid(port) == holder.pid
        message = port_in_use_message(port, "RASA_PORT")
        assert f"Port {port} is already in use by process {holder.pid} (-c import socket" in message
        assert f"Stop it with: kill {holder.pid}" in message
    finally:
        holder.kill()
        holder.wait()


def test_a_free_port_has_no_listener():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    time.sleep(0.05)
    assert listening_pid(port) is None
