"""The files a practitioner has saved, in either mode: what the chat page may offer for download.

A supervision session saves records; a workshop saves a pack. The page
offers the newest one that still exists, and serves a file only to the
sender whose session saved it and only from the records folder.
"""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import List, Optional, Sequence

from sqlalchemy import select

from bot.modes.registry import MODES
from bot.storage.store import Store

RECORD, PACK = "record", "pack"  # the kinds of the registered modes' files (each mode's `file_kind`)


@dataclass(frozen=True)
class SavedFile:
    path: Path
    kind: str  # a mode's file_kind: RECORD, PACK...


def saved_files(store: Store, sender_id: str, kinds: Optional[Sequence[str]] = None) -> List[SavedFile]:
    """Every file of these kinds (all, if None) this sender saved that still exists, the newest first."""
    found = []
    with store.transaction() as db:
        for spec in MODES:
            model, column, kind = spec.session_table, getattr(spec.session_table, spec.file_column), spec.file_kind
            if kinds is not None and kind not in kinds:
                continue
            rows = db.execute(select(column, model.updated_at)
                              .where(model.sender_id == sender_id, column.isnot(None))).all()
            found += [(updated, SavedFile(Path(path), kind)) for path, updated in rows]
    found.sort(key=lambda pair: pair[0], reverse=True)
    return [saved for _, saved in found if saved.path.is_file()]


def latest_file(store: Store, sender_id: str) -> Optional[SavedFile]:
    files = saved_files(store, sender_id)
    return files[0] if files else None


def owned_file(store: Store, records_dir: Path, sender_id: str, name: str) -> Optional[Path]:
    """The file called `name` that this sender saved, if it is in the records folder; else None."""
    if not name.endswith(".docx") or "/" in name or "\\" in name or ".." in name:
        return None
    folder = Path(records_dir).resolve()
    return next((f.path for f in saved_files(store, sender_id)
                 if f.path.name == name and f.path.resolve().parent == folder), None)
