"""Who may reach the action server, and owner-only files.

The action server changes and reveals practitioners' answers, so only the
Rasa server may call it: every request carries a shared secret (header
`X-Action-Secret`), taken from ACTION_SERVER_SECRET or else generated at
first start into `<STATE_DIR>/action-secret`, readable only by the owner.
Every action server (one, or several in the scaled profile) checks requests
with `refusal()`; the Rasa server sends the secret from endpoints.yml.

The Rasa server checks the Host header the same way (`rasa_hosts`,
`host_allowed`), and REST clients' bearer tokens when they are required
(`rest_client`).

The database, its -wal and -shm files, the secret and the records are
private to the account that runs the assistant: `make_private` tightens
folders to 0700 and files to 0600, also ones made earlier with looser modes.

No Rasa imports.
"""
from __future__ import annotations

import hmac
import os
import secrets
import stat
from pathlib import Path
from typing import Iterable, Mapping, Optional, Tuple
from bot.config import Settings

SECRET_HEADER = "X-Action-Secret"
SECRET_ENV = "ACTION_SERVER_SECRET"
SECRET_FILE = "action-secret"
LOCAL_HOSTS = ("127.0.0.1", "localhost", "[::1]")


def make_private(paths: Iterable[Path]) -> None:
    """Folders 0700 and every file in them 0600, creating the folders if needed."""
    for top in paths:
        top = Path(top)
        top.mkdir(mode=0o700, parents=True, exist_ok=True)
        os.chmod(top, 0o700)
        for folder, dirs, files in os.walk(top):
            for name in dirs:
                path = Path(folder) / name
                if not path.is_symlink():
                    os.chmod(path, 0o700)
            for name in files:
                path = Path(folder) / name
                if not path.is_symlink():
                    os.chmod(path, 0o600)


def action_secret(state_dir: Path, env: Optional[Mapping[str, str]] = None) -> str:
    """The shared secret: from the environment, or the owner-only file (made if missing).

    A file that others could read may have been copied, so it is replaced.
    """
    given = Settings.from_env(env).action_server_secret
    if given:
        return given
    path = Path(state_dir) / SECRET_FILE
    Path(state_dir).mkdir(mode=0o700, parents=True, exist_ok=True)
    if path.is_file() and not path.is_symlink():
        mode = stat.S_IMODE(path.stat().st_mode)
        value = path.read_text(encoding="ascii", errors="replace").strip()
        if not mode & 0o077 and len(value) >= 32:
            return value
        path.unlink()
    value = secrets.token_hex(32)
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(fd, "w", encoding="ascii") as handle:
        handle.write(value + "\n")
    os.chmod(path, 0o600)
    return value


def allowed_hosts(port: int, extra: str = "") -> Tuple[str, ...]:
    """Host headers the action server answers to: this machine, plus any named in ACTION_ALLOWED_HOSTS.

    A page on another site can point its own name at 127.0.0.1 (DNS
    rebinding); its requests then carry that name, and are refused.
    """
    names = [f"{host}:{port}" for host in LOCAL_HOSTS] + list(LOCAL_HOSTS)
    names += [name.strip().lower() for name in extra.split(",") if name.strip()]
    return tuple(names)


def rasa_hosts(port: int, listen_host: str = "127.0.0.1", extra: str = "") -> Tuple[str, ...]:
    """Host headers the Rasa server answers to: this machine, the address it listens on, RASA_ALLOWED_HOSTS.

    Bare names are kept too: nginx in the scaled profile passes the client's
    Host without its port.
    """
    names = list(allowed_hosts(port, extra))
    listen_host = (listen_host or "").strip().lower()
    if listen_host and listen_host not in ("0.0.0.0", "::", "[::]"):
        shown = f"[{listen_host}]" if ":" in listen_host and not listen_host.startswith("[") else listen_host
        names += [shown, f"{shown}:{port}"]
    return tuple(dict.fromkeys(names))


def host_allowed(headers: Mapping[str, str], hosts: Tuple[str, ...]) -> bool:
    """Whether the request's Host header names this server (not a rebinding page's own name)."""
    return (headers.get("host") or "").strip().lower() in hosts


def rest_client(authorization: Optional[str], clients: Mapping[str, str]) -> Optional[str]:
    """The name of the REST client whose token is in `Authorization: Bearer <token>`, or None.

    Every client's token is compared in constant time, so the time taken says
    nothing about which one nearly matched.
    """
    scheme, _, given = (authorization or "").strip().partition(" ")
    if scheme.lower() != "bearer" or not given.strip():
        return None
    given_bytes, found = given.strip().encode("utf-8", "replace"), None
    for name, token in clients.items():
        if hmac.compare_digest(given_bytes, token.encode("utf-8")) and found is None:
            found = name
    return found


def refusal(method: str, path: str, headers: Mapping[str, str], secret: str,
            hosts: Tuple[str, ...]) -> Optional[Tuple[int, str]]:
    """Why a request to the action server is refused (status, short reason), or None to let it through.

    Only GET /health is open (it says nothing but "ok"), so that start-up can wait for it.
    """
    host = (headers.get("host") or "").strip().lower()
    if host not in hosts:
        return 403, "unexpected Host header"
    if method == "GET" and path == "/health":
        return None
    given = headers.get(SECRET_HEADER.lower()) or headers.get(SECRET_HEADER) or ""
    if not secret or not hmac.compare_digest(given.encode(), secret.encode()):
        return 401, "missing or wrong action server secret"
    if method not in ("GET", "HEAD", "OPTIONS"):
        content_type = (headers.get("content-type") or "").split(";", 1)[0].strip().lower()
        if content_type != "application/json":
            return 415, "only application/json is accepted"
    return None
