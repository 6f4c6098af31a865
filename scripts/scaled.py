"""The scaled profile: two Rasa servers and two action servers behind nginx.

    python scripts/scaled.py      # make run-scaled

Both Rasa servers keep conversations in one PostgreSQL database (with the
assistant's own tables) and lock each conversation in Redis, so any server can
take any message and a session is never tied to one server. nginx, from
Debian's packages, runs as a child process with a configuration generated
from deploy/nginx.conf.template into the state folder.

A server that dies (Rasa, actions or nginx) is started again while the others
keep serving (scripts/supervisor.py); nginx sends a message that cannot reach
one Rasa server to the other. TERM, INT or HUP stops everything, as `make run` does.

REST clients need a token (REST_CLIENT_TOKENS_FILE or REST_CLIENT_TOKENS); with
neither, <SCALED_STATE_DIR>/rest-client-tokens is made with one client,
`integration`, and its path is shown when the profile is running.

Settings (environment):
    SCALED_DATABASE_URL  postgresql://postgres@127.0.0.1:5432/test
    REDIS_URL            redis://127.0.0.1:6379/0
    SCALED_PORT          5005 (the load balancer; the servers take free ports)
    SCALED_STATE_DIR     state/scaled (nginx's configuration, logs and the servers' logs)
    RECORDS_DIR          records/ (one folder every action server can write to)
"""
from __future__ import annotations

import os
import secrets
import shutil
import socket
import subprocess
import sys
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Dict, List, Optional
from urllib.parse import urlsplit

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from scripts.serve import (STOPPING, Servers, free_port, run_until_stopped, started_and_recorded, stop_all,  # noqa: E402
                           wait_for)
from scripts.supervisor import Child, Supervisor, fresh, watch_for_launcher_death  # noqa: E402

TEMPLATE = ROOT / "deploy" / "nginx.conf.template"
DEFAULT_DATABASE_URL = "postgresql://postgres@127.0.0.1:5432/test"
DEFAULT_REDIS_URL = "redis://127.0.0.1:6379/0"
RASA_START_SECONDS = 900  # several servers loading the model at once on two busy cores is slow


def find_nginx() -> str:
    found = shutil.which("nginx") or ("/usr/sbin/nginx" if Path("/usr/sbin/nginx").exists() else None)
    if not found:
        raise RuntimeError("nginx is not installed: `make run-scaled` installs Debian's nginx (as root).")
    return found


def redis_settings(url: str, key_prefix: str) -> Dict[str, str]:
    """Rasa's Redis lock store takes host, port and db separately."""
    parts = urlsplit(url)
    return {"REDIS_HOST": parts.hostname or "127.0.0.1", "REDIS_PORT": str(parts.port or 6379),
            "REDIS_DB": (parts.path or "/0").strip("/") or "0", "REDIS_KEY_PREFIX": key_prefix}


@dataclass
class ScaledServers(Servers):
    """One Rasa server and its action server, with the scaled endpoints and their own log names."""

    name: str = "a"
    endpoints: str = "endpoints-scaled.yml"
    actions: Optional[subprocess.Popen] = None
    rasa: Optional[subprocess.Popen] = None  # the Rasa server process, as last started

    def rasa_args(self, command: str) -> List[str]:
        args = super().rasa_args(command)
        args[args.index("--endpoints") + 1] = self.endpoints
        return args

    def _spawn(self, name: str, args: List[str], interactive: bool = False,
               env: Optional[Dict[str, str]] = None) -> subprocess.Popen:
        return super()._spawn(f"{name}-{self.name}", args, interactive, env)

    def start_actions(self) -> subprocess.Popen:
        self.actions = super().start_actions()
        return self.actions

    def rasa_env(self) -> Dict[str, str]:
        """Behind nginx: Sanic takes the client's address from nginx's X-Forwarded-For (one proxy), so the rate
        limits count each client rather than nginx as one (the action server is reached only by Rasa)."""
        return {**self.child_env(), "SANIC_PROXIES_COUNT": "1"}

    def start_rasa(self) -> subprocess.Popen:
        process = self._spawn("rasa", self.rasa_args("run"), env=self.rasa_env())
        wait_for(f"http://127.0.0.1:{self.rasa_port}/", process, "Rasa server", timeout=RASA_START_SECONDS)
        self.rasa = process
        return process


@dataclass
class Scaled:
    database_url: str = DEFAULT_DATABASE_URL
    redis_url: str = DEFAULT_REDIS_URL
    port: int = 5005
    state_dir: Path = ROOT / "state" / "scaled"
    records_dir: Path = ROOT / "records"
    host: str = "127.0.0.1"
    key_prefix: str = "assistant"  # letters and digits only (Rasa's rule for lock key prefixes)
    count: int = 2
    servers: List[ScaledServers] = field(default_factory=list)
    nginx: Optional[subprocess.Popen] = None
    nginx_watchers: List[subprocess.Popen] = field(default_factory=list)
    tokens_file: Optional[Path] = None

    def check_services(self) -> None:
        """Say plainly which shared service is missing, before starting anything."""
        import redis
        from sqlalchemy import create_engine, text
        try:
            engine = create_engine(self.database_url, future=True)
            with engine.connect() as connection:
                connection.execute(text("select 1"))
            engine.dispose()
        except Exception as error:
            raise RuntimeError(f"PostgreSQL is not reachable at SCALED_DATABASE_URL ({type(error).__name__}).")
        try:
            settings = redis_settings(self.redis_url, self.key_prefix)
            redis.Redis(host=settings["REDIS_HOST"], port=int(settings["REDIS_PORT"]), socket_timeout=3).ping()
        except Exception as error:
            raise RuntimeError(f"Redis is not reachable at REDIS_URL ({type(error).__name__}).")

    def rest_client_tokens(self) -> Dict[str, str]:
        """REST always needs a client token here: the given ones, or a file made with one for `integration`."""
        if (os.environ.get("REST_CLIENT_TOKENS") or "").strip() or os.environ.get("REST_CLIENT_TOKENS_FILE"):
            self.tokens_file = None
            return {"REST_TOKEN_REQUIRED": "1"}
        self.tokens_file = self.state_dir / "rest-client-tokens"
        try:  # owner-only from the first byte; kept across starts, so clients keep their token
            descriptor = os.open(self.tokens_file, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        except FileExistsError:
            os.chmod(self.tokens_file, 0o600)
        else:
            with os.fdopen(descriptor, "w", encoding="utf-8") as out:
                out.write(f"integration {secrets.token_urlsafe(32)}\n")
        return {"REST_TOKEN_REQUIRED": "1", "REST_CLIENT_TOKENS_FILE": str(self.tokens_file)}

    def start(self) -> None:
        self.state_dir.mkdir(parents=True, exist_ok=True)
        os.chmod(self.state_dir, 0o700)  # logs and nginx's files: owner only
        env = {"DATABASE_URL": self.database_url, "RECORDS_DIR": str(self.records_dir),
               **redis_settings(self.redis_url, self.key_prefix), **self.rest_client_tokens()}
        self.servers = [ScaledServers(rasa_port=free_port(), action_port=free_port(), log_dir=self.state_dir,
                                      env=dict(env), name=chr(ord("a") + n)) for n in range(self.count)]
        for servers in self.servers:  # one at a time: the first brings the schema up to date
            servers.start_actions()
        failures: List[BaseException] = []

        def start_rasa(servers: ScaledServers) -> None:
            try:
                servers.start_rasa()
            except BaseException as error:  # reported below, after both have tried
                failures.append(error)

        threads = [threading.Thread(target=start_rasa, args=(s,)) for s in self.servers]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        if failures:
            raise RuntimeError(str(failures[0]))
        self.start_nginx()

    def nginx_config(self) -> str:
        upstreams = "\n".join(f"        server 127.0.0.1:{s.rasa_port} max_fails=1 fail_timeout=10s;"
                              for s in self.servers)
        user = "user nobody nogroup;" if os.geteuid() == 0 else ""  # workers never run as root
        text = TEMPLATE.read_text()
        for name, value in (("user", user), ("state", str(self.state_dir)), ("upstreams", upstreams),
                            ("host", self.host), ("port", str(self.port))):
            text = text.replace("{{" + name + "}}", value)
        return text

    def start_nginx(self) -> subprocess.Popen:
        config = self.state_dir / "nginx.conf"
        config.write_text(self.nginx_config())
        with open(self.state_dir / "nginx.log", "ab") as log, started_and_recorded():
            self.nginx = subprocess.Popen([find_nginx(), "-p", str(self.state_dir), "-c", str(config),
                                           "-e", str(self.state_dir / "nginx-error.log")],
                                          stdout=log, stderr=subprocess.STDOUT, start_new_session=True)
            self.nginx_watchers = [w for w in self.nginx_watchers if w.poll() is None]
            self.nginx_watchers.append(watch_for_launcher_death(self.nginx))
        deadline = time.monotonic() + 20
        while time.monotonic() < deadline:
            if self.nginx.poll() is not None:
                raise RuntimeError(f"nginx stopped while starting: see {self.state_dir / 'nginx-error.log'}")
            with socket.socket() as probe:
                if probe.connect_ex((self.host, self.port)) == 0:
                    return self.nginx
            time.sleep(0.2)
        stop_all([self.nginx])  # it must not hold the port for the next try
        raise RuntimeError("nginx did not start listening within 20 seconds.")

    def logs(self) -> str:
        """Every server's log, for checks such as 'no fallback to memory'."""
        return "\n".join(p.read_text(errors="replace") for p in sorted(self.state_dir.glob("*.log")))

    def supervisor(self, **options) -> Supervisor:
        """Every server and nginx, each restarted on its own thread when it dies while the others serve."""
        children = []
        for servers in self.servers:
            children += [Child(f"action server {servers.name}", fresh(servers, servers.start_actions),
                               servers.actions),
                         Child(f"Rasa server {servers.name}", fresh(servers, servers.start_rasa), servers.rasa)]
        children.append(Child("load balancer (nginx)", self.start_nginx, self.nginx))
        return Supervisor(children, concurrent=True, stopping=STOPPING.has_begun, **options)

    def stop(self) -> None:
        """Everything at once: nginx (TERM, its fast stop) and every server; KILL whatever is left."""
        processes = [self.nginx] if self.nginx is not None else []
        for servers in self.servers:
            processes += servers.processes
        stop_all(processes)
        for servers in self.servers:
            servers.processes.clear()


def main() -> int:
    scaled = Scaled(database_url=os.environ.get("SCALED_DATABASE_URL") or DEFAULT_DATABASE_URL,
                    redis_url=os.environ.get("REDIS_URL") or DEFAULT_REDIS_URL,
                    port=int(os.environ.get("SCALED_PORT") or 5005),
                    state_dir=Path(os.environ.get("SCALED_STATE_DIR") or ROOT / "state" / "scaled"),
                    records_dir=Path(os.environ.get("RECORDS_DIR") or ROOT / "records"))
    return run_until_stopped(lambda: _start_and_serve(scaled), scaled.stop)


def _start_and_serve(scaled: "Scaled") -> int:
    """Start every server and nginx, say where they are, and run until one stops."""
    scaled.check_services()
    with socket.socket() as probe:
        if probe.connect_ex(("127.0.0.1", scaled.port)) == 0:
            raise RuntimeError(f"Port {scaled.port} is already in use: choose another with SCALED_PORT=...")
    print(f"Starting {scaled.count} action servers and {scaled.count} Rasa servers "
          "(loading the model takes a little while)...", flush=True)
    scaled.start()
    tokens = (f"client tokens in {scaled.tokens_file}" if scaled.tokens_file
              else "client tokens from REST_CLIENT_TOKENS(_FILE)")
    print(f"\nThe scaled profile is running behind nginx.\n"
          f"  Chat page:   http://localhost:{scaled.port}/chat\n"
          f"  REST:        http://localhost:{scaled.port}/webhooks/rest/webhook "
          f"(header Authorization: Bearer <token>; {tokens})\n"
          f"  Rasa servers on ports {', '.join(str(s.rasa_port) for s in scaled.servers)}; "
          f"logs in {scaled.state_dir}\n"
          "A server that stops is started again while the others serve.\n"
          "Press Ctrl-C to stop.\n", flush=True)
    return scaled.supervisor().run()  # returns only if a server cannot be started again


if __name__ == "__main__":
    sys.exit(main())
