"""Keep the servers running: restart one that dies; give up only when one cannot be started.

A server that came up (it answered its health check) and died later (a crash,
`kill -9`, a request that brought it down, the machine short of memory) is
always started again, after a pause that doubles with each recent death
(1 s, 2 s, 4 s... at most 30 s): crashes caused by requests must never stop
the service. Only failures *to start* (a port taken, the model missing, the
database unreachable: things a restart will not fix) count towards giving up:
after five in a row the launcher stops everything and exits non-zero, with a
plain line saying so. Every event is one line on the terminal, with no message
text in it.

Also here: a watcher for each server that stops it if the launcher itself is
killed outright (`kill -9`), and who holds a port, so that a server left over
from an earlier run is named with its pid and how to stop it.
"""
from __future__ import annotations

import os
import re
import shutil
import signal
import subprocess
import sys
import threading
import time
from collections import deque
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Deque, List, Optional


@dataclass
class Child:
    """One supervised server: its plain name and how to start it (returns once it answers)."""

    name: str  # as a practitioner reads it, e.g. "action server"
    start: Callable[[], subprocess.Popen]
    process: subprocess.Popen
    crashes: Deque[float] = field(default_factory=deque)  # when it died after coming up (for the pause)
    failed_starts: int = 0  # starts in a row that never answered (for giving up)
    restarting: bool = False


class Supervisor:
    """Watch the children; restart any that stops.

    `concurrent`: each restart runs on its own thread, so a Rasa server loading
    its model for a minute does not leave the others unwatched (the scaled profile).
    """

    def __init__(self, children: List[Child], max_failed_starts: int = 5, window: float = 600.0,
                 first_delay: float = 1.0, max_delay: float = 30.0, poll_interval: float = 0.5,
                 say: Callable[[str], None] = lambda line: print(line, flush=True),
                 sleep: Callable[[float], None] = time.sleep, clock: Callable[[], float] = time.monotonic,
                 concurrent: bool = False, stopping: Callable[[], bool] = lambda: False):
        self.children = children
        self.max_failed_starts = max_failed_starts  # in a row, before giving up
        self.window = window  # deaths longer ago than this no longer lengthen the pause
        self.first_delay = first_delay
        self.max_delay = max_delay
        self.poll_interval = poll_interval
        self.say = say
        self.sleep = sleep
        self.clock = clock
        self.concurrent = concurrent
        self.stopping = stopping  # true once the launcher is stopping: a restart in progress ends quietly
        self.gave_up = threading.Event()

    def run(self, until: Optional[Callable[[], bool]] = None) -> int:
        """Watch the servers until interrupted (or `until()` is true); non-zero when one could not be started."""
        while until is None or not until():
            for child in self.children:
                if child.restarting or child.process.poll() is None:
                    continue
                if self.concurrent:
                    child.restarting = True
                    threading.Thread(target=self._restart_on_thread, args=(child,), daemon=True,
                                     name=f"restart {child.name}").start()
                elif not self.restart(child):
                    return 1
            if self.gave_up.is_set():
                return 1
            self.sleep(self.poll_interval)
        return 0

    def _restart_on_thread(self, child: Child) -> None:
        try:
            if not self.restart(child):
                self.gave_up.set()
        except BaseException as error:  # never silently: an unwatched server would stay down
            self.say(f"The {child.name} could not be restarted ({type(error).__name__}).")
            self.gave_up.set()
        finally:
            child.restarting = False

    def restart(self, child: Child) -> bool:
        """Start a stopped server again, with a pause; False only after repeated failures to start."""
        code = child.process.returncode
        stop_leftovers(child.process)
        now = self.clock()
        while child.crashes and now - child.crashes[0] > self.window:
            child.crashes.popleft()
        delay = min(self.first_delay * 2 ** len(child.crashes), self.max_delay)
        child.crashes.append(now)
        self.say(f"The {child.name} stopped (exit code {code}); restarting it.")  # after `delay`
        while True:
            self.sleep(delay)
            try:
                child.process = child.start()
            except RuntimeError as error:
                if self.stopping():
                    return True
                child.failed_starts += 1
                if child.failed_starts >= self.max_failed_starts:
                    self.say(f"The {child.name} could not be started ({child.failed_starts} tries in a row); "
                             "stopping the assistant. Its log may say why.")
                    return False
                delay = min(self.first_delay * 2 ** child.failed_starts, self.max_delay)
                self.say(f"The {child.name} did not start: {error} Trying again in {delay:g} s.")
                continue
            child.failed_starts = 0
            self.say(f"The {child.name} is running again.")
            return True


def stop_leftovers(process: subprocess.Popen) -> None:
    """A server is its own process group: anything it left behind (holding the port) goes too."""
    try:
        os.killpg(process.pid, signal.SIGKILL)
    except (ProcessLookupError, PermissionError):
        pass


# ----- when the launcher is killed outright ----------------------------------------------

# Run as `python -S -c WATCHER <launcher pid> <server pid>` in a session of its own, so that a
# TERM or KILL sent to the launcher's process group does not reach it. It ignores TERM, INT and
# HUP (the launcher stops the servers itself then) and leaves once its server's group is gone.
# If its parent changes, the launcher has died without stopping anything: it stops the server's
# whole group (TERM, then KILL after GRACE seconds). Only builtin modules: it starts in ~20 ms.
WATCHER = r"""
import os, signal, sys, time
launcher, group, grace = int(sys.argv[1]), int(sys.argv[2]), float(sys.argv[3])
for sig in (signal.SIGTERM, signal.SIGINT, signal.SIGHUP):
    signal.signal(sig, signal.SIG_IGN)
def send(sig):
    try:
        os.killpg(group, sig)
        return True
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
while send(0):
    if os.getppid() != launcher:
        try:
            os.write(2, b"The launcher stopped without stopping its servers: stopping process group %d.\n" % group)
        except OSError:
            pass
        send(signal.SIGTERM)
        deadline = time.monotonic() + grace
        while send(0) and time.monotonic() < deadline:
            time.sleep(0.2)
        send(signal.SIGKILL)
        break
    time.sleep(1)
"""
WATCHER_GRACE = 6.0  # seconds between TERM and KILL: within 15 s of the launcher's death, all are gone


def watch_for_launcher_death(process: subprocess.Popen) -> subprocess.Popen:
    """Start a small watcher that stops `process`'s group if this launcher is killed outright.

    `kill -9` of the launcher (or of `make run`'s whole group) runs no clean-up,
    and the servers live in sessions of their own, so nothing else would stop them.
    """
    return subprocess.Popen([sys.executable, "-S", "-c", WATCHER, str(os.getpid()), str(process.pid),
                             str(WATCHER_GRACE)], stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
                            start_new_session=True, close_fds=True)


# ----- who holds a port ------------------------------------------------------------------

def port_in_use_message(port: int, variable: str) -> str:
    pid = listening_pid(port)
    if pid is None:
        return (f"Port {port} is already in use (is the assistant already running?). "
                f"Stop the other copy, or choose another port with {variable}=...")
    return (f"Port {port} is already in use by process {pid} ({command_of(pid)}). "
            f"Stop it with: kill {pid}   (or choose another port with {variable}=...)")


def listening_pid(port: int, proc: Path = Path("/proc")) -> Optional[int]:
    """The pid listening on a TCP port, from /proc (or `ss -ltnp`), if it can be seen."""
    inodes = set()
    for table in ("tcp", "tcp6"):
        try:
            lines = (proc / "net" / table).read_text().splitlines()[1:]
        except OSError:
            continue
        for line in lines:
            fields = line.split()
            if len(fields) > 9 and fields[3] == "0A" and int(fields[1].rsplit(":", 1)[1], 16) == port:
                inodes.add(f"socket:[{fields[9]}]")
    if inodes:
        for entry in proc.iterdir():
            if not entry.name.isdigit():
                continue
            try:
                for fd in (entry / "fd").iterdir():
                    if os.readlink(fd) in inodes:
                        return int(entry.name)
            except OSError:  # gone, or another user's process
                continue
    return _pid_from_ss(port)


def _pid_from_ss(port: int) -> Optional[int]:
    if shutil.which("ss") is None:
        return None
    try:
        out = subprocess.run(["ss", "-ltnpH", f"sport = :{port}"], capture_output=True, text=True,
                             timeout=5).stdout
    except (OSError, subprocess.SubprocessError):
        return None
    found = re.search(r"pid=(\d+)", out)
    return int(found.group(1)) if found else None


def command_of(pid: int, proc: Path = Path("/proc")) -> str:
    """A short, readable command line: program names without their folders."""
    try:
        args = (proc / str(pid) / "cmdline").read_bytes().split(b"\0")
    except OSError:
        return "unknown program"
    words = [Path(a.decode(errors="replace")).name if a.startswith(b"/") else a.decode(errors="replace")
             for a in args if a]
    if len(words) > 1 and words[0].startswith("python"):
        words = words[1:]
    text = " ".join(words)
    return text if len(text) <= 60 else text[:59] + "…"


def fresh(servers, start: Callable[[], subprocess.Popen]) -> Callable[[], subprocess.Popen]:
    """`start` for a restart: forget dead processes first, and stop one that never answered."""

    def go() -> subprocess.Popen:
        for dead in [p for p in servers.processes if p.poll() is not None]:
            servers.processes.remove(dead)
        known = list(servers.processes)
        try:
            return start()
        except RuntimeError:  # one that never answered must not hold the port for the next try
            for process in [p for p in servers.processes if p not in known]:
                servers.stop(only=process)
            raise
    return go


def supervise(servers, actions: subprocess.Popen, rasa: subprocess.Popen, **options) -> int:
    """`make run`'s watch over the two servers started by scripts/serve.py's `Servers`."""
    return Supervisor([Child("action server", fresh(servers, servers.start_actions), actions),
                       Child("Rasa server", fresh(servers, servers.start_rasa), rasa)], **options).run()
