"""`make run`'s supervisor, with small stand-in child processes (no Rasa), so these are fast."""
from __future__ import annotations

import os
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


def dead(code: int = 0) -> subprocess.Popen:
    """A server that came up and has since died (exit code `code`)."""
    process = subprocess.Popen([sys.executable, "-c", f"raise SystemExit({code})"], start_new_session=True)
    process.wait()
    return process


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
        assert lines == ["The action server stopped (exit code -9); restarting it.",
                         "The action server is running again."]
        assert clock.slept[0] == 1.0  # the first restart waits a second
    finally:
        for process in started:
            process.kill()
            process.wait()


def test_a_server_that_keeps_dying_after_it_came_up_is_always_restarted_with_pauses_capped_at_30_s():
    """Crashes caused by requests (it answered, then died) must never stop the service."""
    starts = []

    def start():  # it comes up (start returns), then dies: as a request that crashes it would do
        starts.append(dead(code=-11))
        return starts[-1]

    child = Child("Rasa server", start, dead(code=1))
    clock, lines = Clock(), []
    code = supervisor([child], clock, lines, max_failed_starts=5).run(until=lambda: len(starts) >= 20)
    assert code == 0  # never gave up
    pauses = [s for s in clock.slept if s != 0.5]
    assert pauses[:7] == [1.0, 2.0, 4.0, 8.0, 16.0, 30.0, 30.0]
    assert max(pauses) == 30.0 and len(pauses) == 20
    assert not any("could not" in line for line in lines)
    assert lines.count("The Rasa server is running again.") == 20


def test_pauses_shorten_again_once_deaths_are_long_ago():
    def start():
        return sleeper()

    clock, lines = Clock(), []
    child = Child("action server", start, dead())
    child.crashes.extend([0.0, 1.0, 2.0, 3.0, 4.0])  # five deaths, but well over ten minutes ago
    clock.now = 2000.0
    try:
        assert supervisor([child], clock, lines).run(until=lambda: child.process.poll() is None) == 0
        assert clock.slept[0] == 1.0  # back to the shortest pause
    finally:
        child.process.kill()
        child.process.wait()


def test_only_repeated_failures_to_start_give_up_with_a_non_zero_exit():
    """Never answering at start (a port taken, no model, no database) is what a restart cannot fix."""
    calls = []

    def start():
        calls.append(1)
        raise RuntimeError("The Rasa server stopped while starting (exit code 1).")

    child = Child("Rasa server", start, dead(code=-9))
    clock, lines = Clock(), []
    assert supervisor([child], clock, lines, max_failed_starts=5).run() == 1
    assert len(calls) == 5
    assert [s for s in clock.slept if s != 0.5] == [1.0, 2.0, 4.0, 8.0, 16.0]
    assert lines[1] == ("The Rasa server did not start: The Rasa server stopped while starting (exit code 1). "
                        "Trying again in 2 s.")
    assert lines[-1] == ("The Rasa server could not be started (5 tries in a row); stopping the assistant. "
                         "Its log may say why.")


def test_a_start_that_fails_then_succeeds_resets_the_count_of_failures():
    calls = []

    def start():
        calls.append(1)
        if len(calls) in (1, 2, 4, 5, 6, 7):  # four failures in a row would not be given up on
            raise RuntimeError("The action server stopped while starting (exit code 1).")
        return dead()  # came up, then died again

    child = Child("action server", start, dead())
    clock, lines = Clock(), []
    assert supervisor([child], clock, lines, max_failed_starts=5).run(until=lambda: len(calls) >= 8) == 0
    assert sum("did not start" in line for line in lines) == 6
    assert not any("could not be started" in line for line in lines)
    assert clock.slept[:3] == [1.0, 2.0, 4.0]


def test_concurrent_restarts_do_not_leave_the_others_unwatched():
    """In the scaled profile a Rasa server loading its model for minutes must not hold up the others."""
    import threading
    release, restarted = threading.Event(), []

    def slow_start():  # a Rasa server loading its model
        release.wait(10)
        restarted.append("slow")
        return sleeper()

    def quick_start():
        restarted.append("quick")
        return sleeper()

    slow, quick = Child("Rasa server a", slow_start, dead(-9)), Child("action server b", quick_start, dead(-9))
    lines = []
    watch = Supervisor([slow, quick], say=lines.append, first_delay=0.01, poll_interval=0.01, concurrent=True)
    try:
        assert watch.run(until=lambda: "quick" in restarted) == 0
        assert "slow" not in restarted  # the quick one came back while the slow one was still starting
        release.set()
        assert watch.run(until=lambda: "slow" in restarted and not slow.restarting) == 0
        assert slow.process.poll() is None and quick.process.poll() is None
    finally:
        release.set()
        for child in (slow, quick):
            child.process.kill()
            child.process.wait()


def test_a_server_is_stopped_when_its_launcher_is_killed_outright(tmp_path):
    """`kill -9` of the launcher runs no clean-up: the watcher stops the server's whole group."""
    launcher = subprocess.Popen([sys.executable, "-c", (
        "import subprocess, sys, time\n"
        "from scripts.supervisor import watch_for_launcher_death\n"
        "server = subprocess.Popen([sys.executable, '-c', 'import time; time.sleep(120)'], start_new_session=True)\n"
        "watch_for_launcher_death(server)\n"
        "print(server.pid, flush=True); time.sleep(120)")], stdout=subprocess.PIPE, text=True,
        start_new_session=True)
    server = int(launcher.stdout.readline())
    try:
        time.sleep(1.5)  # the watcher is running
        assert alive(server)
        launcher.send_signal(signal.SIGKILL)
        launcher.wait()
        deadline = time.monotonic() + 15
        while alive(server) and time.monotonic() < deadline:
            time.sleep(0.2)
        assert not alive(server)
    finally:
        try:
            os.killpg(server, signal.SIGKILL)
        except ProcessLookupError:
            pass


def test_the_watcher_ignores_stop_signals_and_leaves_with_its_server():
    """A TERM to the launcher's group must not take the watcher away while the launcher stops the servers."""
    from scripts.supervisor import watch_for_launcher_death
    server = sleeper()
    watcher = watch_for_launcher_death(server)
    time.sleep(1)
    watcher.send_signal(signal.SIGTERM)
    watcher.send_signal(signal.SIGHUP)
    time.sleep(0.5)
    assert watcher.poll() is None and server.poll() is None  # the launcher lives: nothing is stopped
    server.kill()
    server.wait()
    assert watcher.wait(timeout=5) == 0


def alive(pid: int) -> bool:
    """Running (a zombie, already dead, counts as gone)."""
    try:
        with open(f"/proc/{pid}/stat") as stat:
            return stat.read().rsplit(")", 1)[1].split()[0] != "Z"
    except OSError:
        return False


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
