"""Start Rasa (`rasa run` or `rasa shell`) with the API token from the environment, not the command line.

    python scripts/rasa_server.py run --model ... --endpoints ... [other `rasa run` options]

A token passed as `--auth-token` shows in `ps` to every user of the machine.
Here RASA_API_TOKEN is read from the environment (or from the owner-only
file named by RASA_API_TOKEN_FILE) and handed to Rasa inside this process;
the HTTP API is enabled only when there is one. The process creates files
owner-only (umask 077) and cleans its logs (bot.safety.log_safety).

Before Rasa's app does any work for a request (`guard_app`):
- a body over REQUEST_MAX_BYTES gets 413 before it is read (Sanic's own
  default is 100 MB, read whole into memory before any check of ours);
- a Host header that does not name this server gets 403 (against DNS
  rebinding): localhost, 127.0.0.1 and [::1] with or without the port, the
  address it listens on (--interface), and names in RASA_ALLOWED_HOSTS.
"""
from __future__ import annotations

import logging
import os
import sys
from pathlib import Path
from typing import Any, Callable, List, Optional, Tuple

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

# The REST channel and the chat page take at most 1 MiB (channels/rest.py's MAX_BODY_BYTES); a little more
# leaves room for headers' worth of slack. SANIC_REQUEST_MAX_SIZE, if set, wins (e.g. for the HTTP API).
REQUEST_MAX_BYTES = 1024 * 1024 + 64 * 1024
logger = logging.getLogger("scripts.rasa_server")


def api_token(env=None) -> Optional[str]:
    env = os.environ if env is None else env
    token = env.get("RASA_API_TOKEN")
    if not token and env.get("RASA_API_TOKEN_FILE"):
        token = Path(env["RASA_API_TOKEN_FILE"]).read_text(encoding="utf-8").strip()
    return token or None


def rasa_argv(args: List[str], token: Optional[str]) -> List[str]:
    """What Rasa's own command line would have been given."""
    if any(a == "--auth-token" or a.startswith("--auth-token=") for a in args):
        raise SystemExit("Pass the API token in RASA_API_TOKEN, never on the command line.")
    argv = ["rasa", *args]
    if token and args[:1] == ["run"]:
        argv += ["--enable-api", "--auth-token", token]
    return argv


def listen_address(args: List[str], default: str) -> str:
    """The address given to `rasa run --interface` (or -i), else `default`."""
    for i, arg in enumerate(args):
        if arg in ("--interface", "-i") and i + 1 < len(args):
            return args[i + 1]
        if arg.startswith("--interface="):
            return arg.split("=", 1)[1]
    return default


def host_gate(hosts: Tuple[str, ...]) -> Callable[[Any], Any]:
    """A Sanic request middleware: 403 for a Host header that does not name this server."""
    from bot.safety.access import host_allowed
    from sanic import response

    async def gate(request: Any) -> Any:
        if host_allowed(request.headers, hosts):
            return None
        # Not the path: a record's name (/chat/record/...) can hold a case reference.
        logger.warning("Refused a %s request: unexpected Host header (status 403)", request.method)
        return response.json({"error": "unexpected Host header"}, status=403)

    return gate


def guard_app(app: Any, hosts: Tuple[str, ...], env=None) -> Any:
    """Rasa's Sanic app with the Host gate first among its middleware and the body limit set."""
    from sanic.exceptions import PayloadTooLarge
    env = os.environ if env is None else env
    app.register_middleware(host_gate(hosts), "request")
    app.request_middleware.rotate(1)  # the gate (added last) runs first
    if not env.get("SANIC_REQUEST_MAX_SIZE"):
        app.config.REQUEST_MAX_SIZE = REQUEST_MAX_BYTES
    app.error_handler.add(PayloadTooLarge, too_large)
    return app


def too_large(_request: Any, _exception: Exception) -> Any:
    """Sanic's 413 (body refused unread) as the channels' own short JSON error."""
    from sanic import response
    return response.json({"error": "the body is too large"}, status=413)


def install_guards(args: List[str]) -> None:
    """Makes Rasa's own app factory return the guarded app (Rasa makes the app inside `rasa run`)."""
    import rasa.core.run
    from bot.safety.access import rasa_hosts
    from bot.config import Settings
    settings = Settings.from_env()
    interface = listen_address(args, settings.rasa_host)
    make_app = rasa.core.run.configure_app

    def configure_app(*positional: Any, **named: Any) -> Any:
        app = make_app(*positional, **named)
        port = int(named.get("port") or 5005)
        return guard_app(app, rasa_hosts(port, interface, settings.rasa_allowed_hosts))

    rasa.core.run.configure_app = configure_app


def main(args: List[str]) -> None:
    os.umask(0o077)
    from bot.safety import log_safety
    log_safety.install()  # records are cleaned from the first; handlers get the filter once Rasa makes them
    token = api_token()
    os.environ.pop("RASA_API_TOKEN", None)  # only Rasa's own settings hold it from here on
    sys.argv = rasa_argv(args, token)  # inside this process only: /proc/<pid>/cmdline is unchanged
    install_guards(args)
    from rasa.__main__ import main as rasa_main
    rasa_main()


if __name__ == "__main__":
    main(sys.argv[1:])
