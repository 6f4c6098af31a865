"""The action server, reachable only by the Rasa server: `python -m actions.server`.

rasa-sdk's own server listens on every interface and runs any request it is
given, so a forged tracker posted from anywhere (even from a web page open in
a practitioner's browser) could read and change another practitioner's
answers. This one is rasa-sdk's app with a gate in front (bot.safety.access):

- it listens on 127.0.0.1 unless ACTION_HOST says otherwise;
- every request needs the shared secret (X-Action-Secret), a local Host
  header (against DNS rebinding) and JSON; anything else gets a short JSON
  error (401, 403 or 415), logged without its body;
- a failing action never sends the tracker back in an error body, and
  logs are cleaned (bot.safety.log_safety);
- a body over REQUEST_MAX_BYTES gets 413 before it is read (Sanic's own
  default, 100 MB, was read whole before the gate could refuse it).

Settings: ACTION_PORT (5055), ACTION_HOST (127.0.0.1), ACTION_SERVER_SECRET
or the file <STATE_DIR>/action-secret, ACTION_ALLOWED_HOSTS (extra Host
names, comma-separated, for the scaled profile), LOG_LEVEL.
"""
from __future__ import annotations

import logging
import os
import sys
from typing import Optional

from sanic import Sanic, response
from sanic.request import Request

from bot.safety import log_safety
from bot.safety.access import action_secret, allowed_hosts, refusal
from bot.config import Settings

logger = logging.getLogger("actions.server")

# Rasa's requests carry the tracker of its current session. Measured (2 December, a whole 48-turn supervision
# with every free-text answer 20,000 characters long): the largest request was 0.28 MB in plain English and
# 2.97 MB in emoji (JSON escapes each as 12 bytes), as the session form starts a fresh Rasa session every 40
# events. 16 MiB is over five times the worst of these and still refuses a 100 MB body unread.
REQUEST_MAX_BYTES = 16 * 1024 * 1024


def create_app(secret: str, port: int, extra_hosts: str = "", package: str = "actions") -> Sanic:
    """rasa-sdk's app for the actions package, with the gate and a body-free error reply."""
    from rasa_sdk.endpoint import create_app as create_sdk_app

    app = create_sdk_app(package, cors_origins="")  # no CORS: browsers get no way in
    app.config.REQUEST_MAX_SIZE = REQUEST_MAX_BYTES
    hosts = allowed_hosts(port, extra_hosts)

    @app.middleware("request")
    async def gate(request: Request) -> Optional[response.HTTPResponse]:
        refused = refusal(request.method, request.path, request.headers, secret, hosts)
        if refused is None:
            return None
        status, why = refused
        logger.warning("Refused %s %s: %s (status %d)", request.method, request.path, why, status)
        return response.json({"error": why}, status=status)

    @app.exception(Exception)
    async def failed(request: Request, exception: Exception) -> response.HTTPResponse:
        # rasa-sdk's own handler sends the whole tracker back, and Rasa logs it.
        logger.error("A request to %s failed (%s)", request.path, type(exception).__name__)
        status = getattr(exception, "status_code", 500)
        return response.json({"error": "the action server could not run this request"},
                             status=status if isinstance(status, int) and 400 <= status < 600 else 500)

    return app


def warm_up() -> None:
    """Open the database, load the content and build the danger check before the first message.

    Otherwise the first practitioner after a start (or a restart) waits a
    second or two for them, and two first messages at once would both build them.
    """
    from bot.safety.danger import danger_check
    from .services import assistant
    danger_check(assistant().knowledge)


def main(argv: Optional[list] = None) -> int:
    import argparse
    parser = argparse.ArgumentParser(description="The action server, for the Rasa server only.")
    parser.add_argument("--actions", default="actions", help="package of actions (default: actions)")
    parser.add_argument("--port", type=int, default=int(os.environ.get("ACTION_PORT") or 5055))
    parser.add_argument("--host", default=os.environ.get("ACTION_HOST") or "127.0.0.1")
    args = parser.parse_args(argv)
    os.umask(0o077)  # anything this process creates is the owner's alone
    level = os.environ.get("LOG_LEVEL", "INFO").upper()
    logging.basicConfig(level=level, stream=sys.stdout,
                        format="%(asctime)s %(levelname)-8s %(name)s - %(message)s")
    from rasa_sdk import utils
    utils.update_sanic_log_level()
    log_safety.install()
    settings = Settings.from_env()
    port, host = args.port, args.host
    extra = os.environ.get("ACTION_ALLOWED_HOSTS", "")
    if host not in ("127.0.0.1", "localhost", "0.0.0.0", "::"):
        extra = ",".join(filter(None, [extra, host, f"{host}:{port}"]))
    app = create_app(action_secret(settings.state_dir), port, extra, args.actions)
    warm_up()
    log_safety.install()  # again: Sanic may have added handlers
    logger.info("Action server listening on http://%s:%d (requests need the shared secret)", host, port)
    app.run(host=host, port=port, workers=1, access_log=False)
    return 0


if __name__ == "__main__":
    sys.exit(main())
