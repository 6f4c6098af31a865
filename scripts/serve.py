"""Start the action server and the Rasa server together; stop both on Ctrl-C, TERM or HUP.

    python scripts/serve.py run     # REST channel on RASA_PORT (default 5005)
    python scripts/serve.py shell   # talk in this terminal

Settings come from the environment: RASA_PORT, ACTION_PORT, DATABASE_URL,
RECORDS_DIR, STATE_DIR, RASA_API_TOKEN (the HTTP API is enabled only with a
token), ACTION_SERVER_SECRET (else made in STATE_DIR/action-secret).
Secrets go to the servers in their environment, never on a command line, and
everything written is owner-only (umask 077; state and records folders 0700,
their files 0600, tightened at every start).

Stopping: the first TERM, INT or HUP stops every server at once (TERM, then KILL
after STOP_SECONDS); further signals while stopping are ignored, so a TERM to
`make run`'s whole group (make passes its own on as a second TERM) never cuts
the stop short. If the launcher is killed outright, a watcher per server stops
it (scripts/supervisor.py's watch_for_launcher_death).
With RASA_HOST other than this machine, REST clients need a token
(REST_CLIENT_TOKENS_FILE or REST_CLIENT_TOKENS): without one, it does not start.
"""
from __future__ import annotations

import faulthandler
import ipaddress
import os
import random
import signal
import socket
import subprocess
import sys
import threading
import time
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Dict, List, Optional

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bot.safety.access import SECRET_ENV, action_secret, make_private  # noqa: E402
from bot.config import Settings  # noqa: E402
from bot.content.knowledge import KnowledgeError, load_knowledge  # noqa: E402
from bot.storage.store import engine_for, make_engine  # noqa: E402
from bot.content.workshop_content import load_workshop_content  # noqa: E402
from scripts.rasa_server import api_token  # noqa: E402
from scripts.supervisor import port_in_use_message, supervise, watch_for_launcher_death  # noqa: E402

MODEL = ROOT / "models" / "assistant.tar.gz"
BIN = Path(sys.executable).parent
STOP_SECONDS = 8.0  # TERM, then KILL: everything is gone well within 15 s of a stop signal
STOP_SIGNALS = (signal.SIGTERM, signal.SIGINT, signal.SIGHUP)


class Stopping:
    """The launcher's stop, shared by every thread that starts servers.

    Once `begun` is true no new server is started (a restart in progress is
    refused), so the stop sees every process there will ever be. `held` defers
    the main thread's KeyboardInterrupt while a process is being started and
    recorded, so none is started without being known.

    `begun` is a plain attribute, not a threading.Event: the signal handler runs
    on the main thread between any two lines, also inside another handler, and
    an Event's set() takes a lock that the interrupted code may be holding on
    that same thread. A second TERM (make passes its own on) arriving inside the
    first one's Event.set() waited for that lock for ever: the launcher hung
    with nothing stopped. The handler takes no lock at all.
    """

    def __init__(self):
        self.begun = False
        self.lock = threading.RLock()  # held while a process is started and recorded
        self.held = 0
        self.pending = False

    def has_begun(self) -> bool:
        return self.begun

    def reset(self) -> None:
        self.begun = False
        self.held, self.pending = 0, False


STOPPING = Stopping()


def on_stop_signal(signum: int, _frame=None) -> None:
    """The first TERM, INT or HUP interrupts the launcher; any later one changes nothing."""
    if STOPPING.begun:
        return
    STOPPING.begun = True  # one assignment, no lock: see Stopping
    if STOPPING.held:  # the main thread is starting a process: interrupted once it is recorded
        STOPPING.pending = True
        return
    raise KeyboardInterrupt


@dataclass
class Servers:
    """The two processes; also used by the end-to-end tests."""

    rasa_port: int = 5005
    action_port: int = 5055
    host: str = "127.0.0.1"  # only this machine, unless RASA_HOST says otherwise
    env: Dict[str, str] = field(default_factory=dict)
    api_token: Optional[str] = None
    log_dir: Optional[Path] = None
    processes: List[subprocess.Popen] = field(default_factory=list)
    watchers: List[subprocess.Popen] = field(default_factory=list)

    def private_folders(self) -> List[Path]:
        """The state folder, the records folder and the SQLite database's folder."""
        settings = Settings.from_env({**os.environ, **self.env})
        folders = [settings.state_dir, settings.records_dir]
        if settings.database_url.startswith("sqlite:///"):
            folders.append(Path(settings.database_url.split("///", 1)[1]).parent)
        return folders

    def child_env(self, for_actions: bool = False) -> Dict[str, str]:
        """The servers' environment; the action server's has no RASA_API_TOKEN (it never needs it)."""
        settings = Settings.from_env({**os.environ, **self.env})
        env = {**os.environ, **self.env}
        env.pop("RASA_API_TOKEN", None)
        if self.api_token and not for_actions:
            env["RASA_API_TOKEN"] = self.api_token  # read by scripts/rasa_server.py, never put in argv
        env[SECRET_ENV] = action_secret(settings.state_dir, env)  # both servers: Rasa sends it, actions check it
        env.update(
            DATABASE_URL=settings.database_url,
            RECORDS_DIR=str(settings.records_dir),
            STATE_DIR=str(settings.state_dir),
            ACTION_ENDPOINT_URL=f"http://127.0.0.1:{self.action_port}/webhook",
            PYTHONPATH=str(ROOT),
            SQLALCHEMY_SILENCE_UBER_WARNING="1",
            TF_CPP_MIN_LOG_LEVEL="2",
            RASA_TELEMETRY_ENABLED="false",  # no data leaves the machine
            PYTHONWARNINGS="ignore",  # libraries' deprecation notices only confuse practitioners
        )
        return env

    def _spawn(self, name: str, args: List[str], interactive: bool = False,
               env: Optional[Dict[str, str]] = None) -> subprocess.Popen:
        kwargs = {}
        if self.log_dir is not None and not interactive:
            log = open(self.log_dir / f"{name}.log", "ab")
            kwargs.update(stdout=log, stderr=subprocess.STDOUT)
        env = self.child_env() if env is None else env
        with started_and_recorded():
            # Servers get their own process group so that stopping one stops its children;
            # the shell stays in the terminal's group so it can read the keyboard.
            process = subprocess.Popen(args, cwd=ROOT, env=env, start_new_session=not interactive, **kwargs)
            self.processes.append(process)
            if not interactive:
                self.watchers.append(watch_for_launcher_death(process))
        if "stdout" in kwargs:
            kwargs["stdout"].close()  # the server has its own copy
        return process

    def check_ports_free(self) -> None:
        for port, name in ((self.action_port, "ACTION_PORT"), (self.rasa_port, "RASA_PORT")):
            with socket.socket() as probe:
                if probe.connect_ex(("127.0.0.1", port)) == 0:  # e.g. a server left from an earlier run
                    raise RuntimeError(port_in_use_message(port, name))

    def start_actions(self) -> subprocess.Popen:
        # Create the database (folder and tables) before either server opens it; owner-only,
        # also when the folders or files were made earlier with looser modes (the secret is
        # looked at first: one that others could read is replaced).
        self.child_env()
        make_private(self.private_folders())
        make_engine(self.child_env()["DATABASE_URL"]).dispose()
        make_private(self.private_folders())
        process = self._spawn("actions", [sys.executable, "-m", "actions.server", "--actions", "actions",
                                          "--port", str(self.action_port)], env=self.child_env(for_actions=True))
        wait_for(f"http://127.0.0.1:{self.action_port}/health", process, "action server")
        return process

    def rasa_args(self, command: str) -> List[str]:
        # Rasa started through scripts/rasa_server.py: the API token goes in the environment,
        # and the HTTP API is enabled only when there is one.
        args = [sys.executable, str(ROOT / "scripts" / "rasa_server.py"), command, "--model", str(MODEL),
                "--endpoints", "endpoints.yml", "--port", str(self.rasa_port)]
        if command == "shell":  # `rasa run` with the bounded terminal channel (channels/shell.py)
            args[2:3] = ["run", "--connector", "channels.shell.BoundedCmdlineInput"]
        if command == "run":
            args += ["--interface", self.host]
            args += ["--credentials", "credentials.yml"]
        return args

    def start_rasa(self) -> subprocess.Popen:
        process = self._spawn("rasa", self.rasa_args("run"))
        wait_for(f"http://127.0.0.1:{self.rasa_port}/", process, "Rasa server", timeout=600)  # a busy two-core machine
        return process

    def stop(self, only: Optional[subprocess.Popen] = None) -> None:
        """Stop one server, or all of them at once (TERM to each, then KILL what is left)."""
        stopping = [only] if only else list(reversed(self.processes))
        stop_all(stopping)
        for process in stopping:
            if process in self.processes:
                self.processes.remove(process)
        for watcher in [w for w in self.watchers if w.poll() is not None]:
            self.watchers.remove(watcher)  # reaped: its server has gone


class started_and_recorded:
    """Start a process only when not stopping, and let no stop signal fall between its start and its record."""

    def __enter__(self):
        STOPPING.lock.acquire()
        if STOPPING.begun:
            STOPPING.lock.release()
            raise RuntimeError("The assistant is stopping: nothing more is started.")
        self.main = threading.current_thread() is threading.main_thread()
        STOPPING.held += self.main  # signal handlers run on the main thread only
        return self

    def __exit__(self, *_):
        STOPPING.held -= self.main
        STOPPING.lock.release()
        if self.main and STOPPING.pending and not STOPPING.held:
            STOPPING.pending = False
            raise KeyboardInterrupt
        return False


def free_port() -> int:
    """A port nothing listens on now, below the range the system hands to outgoing connections.

    Port 0 would give one from that range, and a server takes its port only once its model is loaded (15 s or
    more): meanwhile any outgoing connection, from this machine's own practitioners or tests, could be given the
    same port, and the server would stop with "address already in use". Random, so that two launchers choosing
    at once rarely choose the same; checked free by binding it.
    """
    low = 32768
    try:
        low = int(Path("/proc/sys/net/ipv4/ip_local_port_range").read_text().split()[0])
    except (OSError, ValueError, IndexError):
        pass
    for _ in range(200):
        port = random.randrange(10000, max(low, 10001))
        with socket.socket() as sock:
            try:
                sock.bind(("127.0.0.1", port))
            except OSError:
                continue
            return port
    raise RuntimeError("No free port was found below the range for outgoing connections.")


def stop_all(processes: List[subprocess.Popen], timeout: float = STOP_SECONDS) -> None:
    """Ask every server to stop at once (TERM to its process group); KILL whatever is left after `timeout`."""
    for process in processes:
        if process.poll() is None:
            signal_group(process, signal.SIGTERM)
    deadline = time.monotonic() + timeout
    for process in processes:
        try:
            process.wait(timeout=max(0.0, deadline - time.monotonic()))
        except subprocess.TimeoutExpired:
            pass
    for process in processes:
        signal_group(process, signal.SIGKILL)  # also any child it left behind in its group
        process.wait()


def stop_process(process: subprocess.Popen, sig: int = signal.SIGTERM, timeout: float = STOP_SECONDS) -> None:
    """Ask a server (and its children) to stop with `sig`; kill it if it is still there after `timeout`."""
    if process.poll() is not None:
        return
    signal_group(process, sig)
    try:
        process.wait(timeout=timeout)
    except subprocess.TimeoutExpired:
        signal_group(process, signal.SIGKILL)
        process.wait()


def signal_group(process: subprocess.Popen, sig: int) -> None:
    try:
        if os.getpgid(process.pid) == process.pid:
            os.killpg(process.pid, sig)
        else:
            process.send_signal(sig)
    except ProcessLookupError:
        pass


def wait_for(url: str, process: subprocess.Popen, what: str, timeout: float = 120) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"The {what} stopped while starting (exit code {process.returncode}).")
        try:
            with urllib.request.urlopen(url, timeout=2):
                return
        except OSError:
            time.sleep(0.5)
    raise RuntimeError(f"The {what} did not answer at {url} within {timeout:.0f} seconds.")


def main(mode: str) -> int:
    os.umask(0o077)  # the database, its -wal and -shm files, the secret and records: owner-only
    # USR1 writes where every thread is to stderr (the launcher tests ask for it when a stop does not finish)
    faulthandler.register(signal.SIGUSR1, all_threads=True)
    host = os.environ.get("RASA_HOST") or "127.0.0.1"
    env = {}
    if mode == "run" and not is_loopback(host):  # reachable from other machines: REST clients need a token
        if not rest_tokens_configured(os.environ):
            print(f"Cannot start: RASA_HOST={host} lets other machines reach the REST channel, so REST "
                  "clients need a token. Set REST_CLIENT_TOKENS_FILE to an owner-only file of lines "
                  "'client-name token' (or REST_CLIENT_TOKENS=name=token), or leave RASA_HOST unset.",
                  file=sys.stderr)
            return 2
        env["REST_TOKEN_REQUIRED"] = "1"  # read by the REST channel (channels/rest.py)
    settings = Settings.from_env()
    try:
        # a broken knowledge file stops start-up here, naming the file and the field
        load_workshop_content(settings.knowledge_dir, load_knowledge(settings.knowledge_dir))
    except KnowledgeError as error:
        print(f"Cannot start: {error}", file=sys.stderr)
        return 2
    if settings.retention_days > 0:
        from bot.storage.retention import purge
        from bot.storage.store import Store
        purged = purge(Store(engine_for(settings)), settings.retention_days)
        print(purged.summary(settings.retention_days))  # sessions and conversation history, counts only
    from bot.storage.retention import orphan_report
    from bot.storage.store import Store
    orphans = orphan_report(Store(engine_for(settings)), settings.records_dir, settings.retention_days)
    if orphans:
        print(orphans, flush=True)
    if not MODEL.exists():
        print("No trained model: run `make run`, which trains one.", file=sys.stderr)
        return 2
    servers = Servers(
        rasa_port=int(os.environ.get("RASA_PORT", 5005)),
        action_port=int(os.environ.get("ACTION_PORT", 5055)),
        api_token=api_token(),  # RASA_API_TOKEN or the file in RASA_API_TOKEN_FILE
        host=host,
        env=env,
    )
    return run_until_stopped(lambda: _start_and_serve(servers, settings, mode), servers.stop)


def is_loopback(host: str) -> bool:
    """Only this machine: 127.0.0.0/8, ::1 or localhost."""
    if host.strip().lower() == "localhost":
        return True
    try:
        return ipaddress.ip_address(host.strip().strip("[]")).is_loopback
    except ValueError:
        return False


def rest_tokens_configured(env) -> bool:
    """Whether REST client tokens are given (REST_CLIENT_TOKENS, or a non-empty REST_CLIENT_TOKENS_FILE)."""
    if (env.get("REST_CLIENT_TOKENS") or "").strip():
        return True
    path = env.get("REST_CLIENT_TOKENS_FILE")
    try:
        return bool(path) and any(line.split() for line in Path(path).read_text(encoding="utf-8").splitlines()
                                  if not line.lstrip().startswith("#"))
    except OSError:
        return False


def run_until_stopped(serve: Callable[[], int], stop: Callable[[], None]) -> int:
    """Run `serve` until it returns or TERM, INT (Ctrl-C) or HUP (a closed terminal); always `stop` after.

    Once stopping has begun, further signals are ignored and nothing new is
    started, so the stop always finishes. A start-up problem (RuntimeError) is
    said in one plain line, not a traceback.
    """
    STOPPING.reset()
    for sig in STOP_SIGNALS:
        signal.signal(sig, on_stop_signal)
    try:
        return serve()
    except KeyboardInterrupt:
        print("\nStopping...", flush=True)
        return 0
    except RuntimeError as error:
        print(f"Cannot start: {error}", file=sys.stderr)
        return 1
    finally:
        with STOPPING.lock:  # a restart on another thread finishes recording its process first
            STOPPING.begun = True
        stop()


def _start_and_serve(servers: "Servers", settings: Settings, mode: str) -> int:
    """Start both servers (or the terminal), say where they are, and keep them running."""
    servers.check_ports_free()
    print("Starting the action server...", flush=True)
    actions = servers.start_actions()
    if mode == "shell":
        shell = servers._spawn("shell", servers.rasa_args("shell"), interactive=True)
        return shell.wait()
    print("Starting the Rasa server (loading the model takes a little while)...", flush=True)
    rasa = servers.start_rasa()
    api = "enabled (token required)" if servers.api_token else "off (set RASA_API_TOKEN to enable)"
    token_needed = {**os.environ, **servers.env}.get("REST_TOKEN_REQUIRED") == "1"
    rest = "need a token (Authorization: Bearer <token>)" if token_needed else "this machine only, no token needed"
    print(
        f"\nThe assistant is running.\n"
        f"  Open the chat page:    http://localhost:{servers.rasa_port}/chat\n"
        f"  Talk to it over REST:  curl -s -X POST http://localhost:{servers.rasa_port}/webhooks/rest/webhook "
        "-H 'Content-Type: application/json' -d '{\"sender\": \"me\", \"message\": \"hello\"}'\n"
        f"  Or in a terminal:      make shell\n"
        f"  Records are saved in:  {settings.records_dir}\n"
        f"  HTTP API:              {api}\n"
        f"  REST clients:          {rest}\n"
        "Press Ctrl-C to stop.\n",
        flush=True,
    )
    return supervise(servers, actions, rasa)  # restarts a server that stops; non-zero if it cannot


if __name__ == "__main__":
    if len(sys.argv) != 2 or sys.argv[1] not in ("run", "shell"):
        print(__doc__, file=sys.stderr)
        sys.exit(2)
    sys.exit(main(sys.argv[1]))
