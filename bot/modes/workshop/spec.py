"""Workshops as the registry sees them: their intent, tables and pack."""
from __future__ import annotations

from pathlib import Path
from typing import List

from bot.modes.registry import ModeSpec
from bot.modes.workshop.workshop_tables import WorkshopSession


def pack_files(session: WorkshopSession) -> List[Path]:
    return [Path(session.pack_path)] if session.pack_path else []


def build(knowledge, store, settings):
    from bot.content.workshop_content import load_workshop_content
    from bot.modes.workshop.workshop_session import WorkshopEngine
    return WorkshopEngine(knowledge, load_workshop_content(settings.knowledge_dir, knowledge), store.engine,
                          settings.records_dir)


SPEC = ModeSpec(
    name="workshop",
    starts={"start_workshop": "workshop"},
    session_table=WorkshopSession,
    tables=("workshop_sessions", "workshop_points"),
    file_kind="pack",
    file_column="pack_path",
    files_of=pack_files,
    build=build,
    label=lambda session: f"{session.minutes or '?'} min, {session.group or 'group not set'}",
    size=lambda session: f"points {len(session.points)}",
    heading=lambda session: f"Workshop {session.id} ({session.status}), "
                            f"{session.minutes or '?'} min, {session.group or 'group not set'}",
    shown=lambda session: [(point.item_id, point.text) for point in session.points],
)
