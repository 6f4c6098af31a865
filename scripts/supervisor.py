"""Keep both servers running for `make run`: restart one that dies, stop both if it cannot be.

A server that stops (a crash, `kill -9`, the machine short of memory) is
started again after a pause that doubles each time (1 s, 2 s, 4 s...). If it
has needed restarting too often in a short while, something is wrong that a
restart will not fix: both servers are stopped and `make run` exits non-zero,
with a plain line saying so. Every event is one line on the terminal, with no
message text in it.

Also here: who holds a port, so that a server left over from an earlier run
is named with its pid and how to stop it.
"""
from __future__ import annotations

import os
import re
import shutil
import signal
import subprocess
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
    restarts: Deque[float] = field(default_factory=deque)  # when each restart began


class Supervisor:
    def __init__(self, children: List[Child], max_restarts: int = 5, window: float = 600.0,
                 first_delay: float = 1.0, max_delay: float = 30.0, poll_interval: float = 0.5,
                 say: Callable[[str], None] = lambda line: print(line, flush=True),
                 sleep: Callable[[float], None] = time.sleep, clock: Callable[[], float] = time.monotonic):
        self.children = children
        self.max_restarts = max_restarts  # within `window` seconds, before giving up
        self.window = window
        self.first_delay = first_delay
        self.max_delay = max_delay
        self.poll_interval = poll_interval
        self.say = say
        self.sleep = sleep
        self.clock = clock

    def run(self, until: Optional[Callable[[], bool]] = None) -> int:
        """Watch the servers until interrupted (or `until()` is true); non-zero when one could not be kept up."""
        while until is None or not until():
            for child in self.children:
                if child.process.poll() is not None and not self.restart(child):
                    return 1
            self.sleep(self.poll_interval)
        return 0

    def restart(self, child: Child) -> bool:
        """Start a stopped server again, with back-off; False once it has failed too often."""
        code = child.process.returncode
        self.say(f"The {child.name} stopped (exit code {code}); restarting it.")
        while True:
            stop_leftovers(child.process)
            now = self.clock()
            while child.restarts and now - child.restarts[0] > self.window:
                child.restarts.popleft()
            if len(child.restarts) >= self.max_restarts:
                self.say(f"The {child.name} could not be kept running ({len(child.restarts)} restarts in "
                         f"{self.window / 60:.0f} minutes); stopping the assistant. The log may say why.")
                return False
            delay = min(self.first_delay * 2 ** len(child.restarts), self.max_delay)
            child.restarts.append(now)
            self.sleep(delay)
            try:
                child.process = child.start()
            except RuntimeError as error:
                self.say(f"The {child.name} did not start again: {error}")
                continue
            self.say(f"The {child.name} is running again.")
            return True


def stop_leftovers(process: subprocess.Popen) -> None:
    """A server is its own process group: anything it left behind (holding the port) goes too."""
    try:
        os.killpg(process.pid, signal.SIGKILL)
    except (ProcessLookupError, PermissionError):
        pass


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


def supervise(servers, actions: subprocess.Popen, rasa: subprocess.Popen, **options) -> int:
    """`make run`'s watch over the two servers started by scripts/serve.py's `Servers`."""

    def fresh(start: Callable[[], subprocess.Popen]) -> Callable[[], subprocess.Popen]:
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

    return Supervisor([Child("action server", fresh(servers.start_actions), actions),
                       Child("Rasa server", fresh(servers.start_rasa), rasa)], **options).run()
