"""Settings, read once from the environment with safe local defaults."""
from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

PROJECT_ROOT = Path(__file__).resolve().parent.parent


@dataclass(frozen=True)
class Settings:
    database_url: str
    records_dir: Path
    knowledge_dir: Path
    retention_days: int  # 0: keep until deleted by hand
    state_dir: Path = PROJECT_ROOT / "state"  # the SQLite database (by default) and the action-server secret

    @classmethod
    def from_env(cls, env: "os._Environ[str] | dict[str, str] | None" = None) -> "Settings":
        env = os.environ if env is None else env
        state = Path(env.get("STATE_DIR") or PROJECT_ROOT / "state")
        if not state.is_absolute():
            state = PROJECT_ROOT / state
        default_db = state / "assistant.db"
        records = Path(env.get("RECORDS_DIR") or PROJECT_ROOT / "records")
        if not records.is_absolute():
            records = PROJECT_ROOT / records
        return cls(
            database_url=env.get("DATABASE_URL") or f"sqlite:///{default_db}",
            records_dir=records,
            knowledge_dir=Path(env.get("KNOWLEDGE_DIR") or PROJECT_ROOT / "knowledge"),
            retention_days=int(env.get("RETENTION_DAYS") or 0),
            state_dir=state,
        )
