"""Supervision (with the stuck pathway) as the registry sees it: its intents, tables, records and progress."""
from __future__ import annotations

from pathlib import Path
from typing import List, Tuple

from bot.modes.registry import ModeSpec
from bot.storage.store import SupervisionSession


def record_files(session: SupervisionSession) -> List[Path]:
    """Every record a session saved: the latest, and any saved before an answer was changed."""
    paths = {n.text for n in session.notes if n.kind == "record"}
    if session.record_path:
        paths.add(session.record_path)
    return sorted(Path(p) for p in paths)


def build(knowledge, store, settings):
    from bot.modes.supervision.supervision import SupervisionEngine
    return SupervisionEngine(knowledge, store, settings.records_dir)


def shown(session: SupervisionSession) -> List[Tuple[str, str]]:
    return [(answer.step_key, "(skipped)" if answer.skipped else answer.text) for answer in session.answers]


SPEC = ModeSpec(
    name="supervision",
    starts={"start_supervision": "supervision", "feeling_stuck": "stuck"},
    session_table=SupervisionSession,
    tables=("supervision_sessions", "answers", "session_notes"),
    file_kind="record",
    file_column="record_path",
    files_of=record_files,
    build=build,
    progress=lambda engine, sender: engine.progress(sender),
    label=lambda session: session.case_reference or "-",
    heading=lambda session: f"Session {session.id} ({session.status}), case reference {session.case_reference or '-'}",
    size=lambda session: f"answers {len(session.answers)}",
    case_of=lambda session: (session.sender_id, session.case_key) if session.case_key else None,
    shown=shown,
)
