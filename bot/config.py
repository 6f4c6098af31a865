"""Settings, read once from the environment with safe local defaults."""
from __future__ import annotations

import os
import stat
from dataclasses import dataclass
from pathlib import Path
from typing import Dict, Mapping, Optional

PROJECT_ROOT = Path(__file__).resolve().parent.parent


class SettingsError(ValueError):
    """A setting that cannot be used as given; the message says which and why, never a secret."""


def _int(env: Mapping[str, str], name: str, default: int) -> int:
    value = env.get(name)
    if not value:
        return default
    try:
        number = int(value)
    except ValueError:
        raise SettingsError(f"{name} must be a whole number, not {value!r}") from None
    if number < 0:
        raise SettingsError(f"{name} must not be negative")
    return number


@dataclass(frozen=True)
class Settings:
    database_url: str
    records_dir: Path
    knowledge_dir: Path
    retention_days: int  # 0: keep until deleted by hand
    # How long either server waits for a database another process holds (a save, a retention run, a backup)
    # before telling the practitioner it was busy and keeping every answer: DATABASE_BUSY_SECONDS
    database_busy_seconds: int = 30
    state_dir: Path = PROJECT_ROOT / "state"  # the SQLite database (by default) and the action-server secret
    # REST for integrations: a client token is required when this is on (the launchers turn it on off loopback)
    rest_token_required: bool = False
    rest_client_tokens: str = ""  # "name=token,name2=token2"
    rest_client_tokens_file: Optional[Path] = None  # lines "name token"; owner-only
    # Host headers the Rasa server answers besides this machine's names (DNS rebinding), comma-separated
    rasa_host: str = "127.0.0.1"
    rasa_allowed_hosts: str = ""
    # Messages per minute (sustained) and at once (burst), per sender and per client address, per server process.
    # A whole 40-turn session sent as fast as replies come (the benchmark, the tests) fits in the sender burst.
    sender_rate_per_minute: int = 60
    sender_burst: int = 100
    client_rate_per_minute: int = 3000
    client_burst: int = 600
    # What documents and replies say, and how the servers find each other (read here, not where they are used)
    record_marking: str = ""  # RECORD_MARKING: overrides knowledge/record.yml's protective marking
    records_label: str = ""  # RECORDS_LABEL: how replies name the records folder ("the team's ... folder")
    action_server_secret: str = ""  # ACTION_SERVER_SECRET: else the owner-only file in state_dir
    action_endpoint_url: str = ""  # ACTION_ENDPOINT_URL: where the REST channel checks the action server is up
    # Trained models kept so each process loads them instead of training (bot/reading/model_cache.py);
    # MODEL_CACHE_DIR, or "off" to train in every process
    model_cache_dir: Optional[Path] = PROJECT_ROOT / ".cache" / "models"

    @classmethod
    def from_env(cls, env: "os._Environ[str] | Mapping[str, str] | None" = None) -> "Settings":
        env = os.environ if env is None else env
        state = Path(env.get("STATE_DIR") or PROJECT_ROOT / "state")
        if not state.is_absolute():
            state = PROJECT_ROOT / state
        default_db = state / "assistant.db"
        records = Path(env.get("RECORDS_DIR") or PROJECT_ROOT / "records")
        if not records.is_absolute():
            records = PROJECT_ROOT / records
        tokens_file = env.get("REST_CLIENT_TOKENS_FILE")
        cache = env.get("MODEL_CACHE_DIR") or str(PROJECT_ROOT / ".cache" / "models")
        return cls(
            database_url=env.get("DATABASE_URL") or f"sqlite:///{default_db}",
            records_dir=records,
            knowledge_dir=Path(env.get("KNOWLEDGE_DIR") or PROJECT_ROOT / "knowledge"),
            retention_days=int(env.get("RETENTION_DAYS") or 0),
            database_busy_seconds=_int(env, "DATABASE_BUSY_SECONDS", 30),
            state_dir=state,
            rest_token_required=(env.get("REST_TOKEN_REQUIRED") or "").strip() == "1",
            rest_client_tokens=env.get("REST_CLIENT_TOKENS") or "",
            rest_client_tokens_file=Path(tokens_file) if tokens_file else None,
            rasa_host=env.get("RASA_HOST") or "127.0.0.1",
            rasa_allowed_hosts=env.get("RASA_ALLOWED_HOSTS") or "",
            sender_rate_per_minute=_int(env, "RATE_PER_SENDER_PER_MINUTE", 60),
            sender_burst=_int(env, "RATE_PER_SENDER_BURST", 100),
            client_rate_per_minute=_int(env, "RATE_PER_CLIENT_PER_MINUTE", 3000),
            client_burst=_int(env, "RATE_PER_CLIENT_BURST", 600),
            record_marking=" ".join((env.get("RECORD_MARKING") or "").split()),
            records_label=env.get("RECORDS_LABEL") or "",
            action_server_secret=env.get("ACTION_SERVER_SECRET") or "",
            action_endpoint_url=env.get("ACTION_ENDPOINT_URL") or "",
            model_cache_dir=None if cache.strip().lower() == "off" else PROJECT_ROOT / cache,
        )

    def rest_clients(self) -> Dict[str, str]:
        """REST client tokens by client name, from REST_CLIENT_TOKENS and REST_CLIENT_TOKENS_FILE.

        A file that others can read (or that is a symlink) is refused with a
        SettingsError: its tokens may have been copied.
        """
        clients: Dict[str, str] = {}
        pairs = [item.split("=", 1) for item in self.rest_client_tokens.split(",") if item.strip()]
        path = self.rest_client_tokens_file
        if path is not None:
            if path.is_symlink() or not path.is_file():
                raise SettingsError(f"REST_CLIENT_TOKENS_FILE {path} is not a regular file")
            if stat.S_IMODE(path.stat().st_mode) & 0o077:
                raise SettingsError(f"REST_CLIENT_TOKENS_FILE {path} can be read by others: "
                                    f"make it owner-only (chmod 600) and issue new tokens")
            for line in path.read_text(encoding="utf-8").splitlines():
                if line.strip() and not line.lstrip().startswith("#"):
                    pairs.append(line.split(None, 1))
        for pair in pairs:
            if len(pair) != 2 or not pair[0].strip() or not pair[1].strip():
                raise SettingsError("REST client tokens must be given as name=token (or 'name token' lines)")
            name, token = pair[0].strip(), pair[1].strip()
            if len(token) < 16:
                raise SettingsError(f"the REST token for client {name!r} is too short (16 characters at least)")
            clients[name] = token
        return clients
