"""Start Rasa (`rasa run` or `rasa shell`) with the API token from the environment, not the command line.

    python scripts/rasa_server.py run --model ... --endpoints ... [other `rasa run` options]

A token passed as `--auth-token` shows in `ps` to every user of the machine.
Here RASA_API_TOKEN is read from the environment (or from the owner-only
file named by RASA_API_TOKEN_FILE) and handed to Rasa inside this process;
the HTTP API is enabled only when there is one. The process creates files
owner-only (umask 077) and cleans its logs (bot.log_safety).
"""
from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import List, Optional

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


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


def main(args: List[str]) -> None:
    os.umask(0o077)
    from bot import log_safety
    log_safety.install()  # records are cleaned from the first; handlers get the filter once Rasa makes them
    token = api_token()
    os.environ.pop("RASA_API_TOKEN", None)  # only Rasa's own settings hold it from here on
    sys.argv = rasa_argv(args, token)  # inside this process only: /proc/<pid>/cmdline is unchanged
    from rasa.__main__ import main as rasa_main
    rasa_main()


if __name__ == "__main__":
    main(sys.argv[1:])
