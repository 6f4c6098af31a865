"""Data protection duties: list, show and delete sessions, and delete old ones.

Both modes are covered: supervision sessions (answers, notes, records) and
workshops (the lead's choices, the group's points, which can hold names, and
the pack). Deleting a session removes its rows, every file it saved, and the
messages Rasa kept for it in its conversation history (the `events` table),
so nothing typed for that session remains: every event of the sender when
they have no other session, otherwise every event from the message that
started this session up to the message that started their next one (a
message typed after a session was last saved belongs to it until another
session begins).
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta, timezone
from pathlib import Path
from typing import List, Optional, Union

from sqlalchemy import Column, Float, Integer, MetaData, String, Table, delete, func, inspect, select

from .storage import Store, SupervisionSession, utcnow
from .workshop_session import WorkshopSession

AnySession = Union[SupervisionSession, WorkshopSession]

# Rasa's SQL tracker store table, described here only to delete from it.
_rasa_events = Table(
    "events", MetaData(),
    Column("id", Integer, primary_key=True),
    Column("sender_id", String(255)),
    Column("type_name", String(255)),
    Column("timestamp", Float),
)


@dataclass
class Deleted:
    session_id: str
    files: int
    conversation_events: int


def record_files(session: AnySession) -> List[Path]:
    """Every file a session saved: a supervision session's records, a workshop's pack."""
    if isinstance(session, WorkshopSession):
        return [Path(session.pack_path)] if session.pack_path else []
    paths = {n.text for n in session.notes if n.kind == "record"}
    if session.record_path:
        paths.add(session.record_path)
    return sorted(Path(p) for p in paths)


def mode_of(session: AnySession) -> str:
    return "workshop" if isinstance(session, WorkshopSession) else "supervision"


def _epoch(moment: datetime) -> float:
    return moment.replace(tzinfo=timezone.utc).timestamp()


def delete_session(store: Store, session_id: str) -> Optional[Deleted]:
    """A supervision session or a workshop, with its files and its part of Rasa's history."""
    with store.transaction() as db:
        session = store.get(db, session_id) or db.get(WorkshopSession, session_id)
        if session is None:
            return None
        files = 0
        for path in record_files(session):
            if path.is_file():
                path.unlink()
                files += 1
        events = 0
        if inspect(db.connection()).has_table("events"):
            events = db.execute(_conversation_of(db, session)).rowcount
        db.delete(session)  # answers, notes and points go with it (cascade)
        return Deleted(session_id, files, events)


def _sessions_of(db, sender_id: str) -> List[AnySession]:
    """Every session of one sender, in both modes."""
    return [session for model in (SupervisionSession, WorkshopSession)
            for session in db.execute(select(model).where(model.sender_id == sender_id)).scalars()]


def _started_at(db, session: AnySession) -> float:
    """When the message that started a session arrived: the sender's last message before it was made."""
    created = _epoch(session.created_at)
    asked = db.execute(select(func.max(_rasa_events.c.timestamp)).where(
        _rasa_events.c.sender_id == session.sender_id, _rasa_events.c.type_name == "user",
        _rasa_events.c.timestamp <= created)).scalar()
    return asked if asked is not None else created


def _conversation_of(db, session: AnySession):
    """The DELETE for a session's part of Rasa's conversation history (its sender's other sessions, of
    either mode, bound it)."""
    sender = _rasa_events.c.sender_id == session.sender_id
    others = [other for other in _sessions_of(db, session.sender_id) if other.id != session.id]
    if not others:
        return delete(_rasa_events).where(sender)
    start = _started_at(db, session)
    # Sessions made at the same moment are ordered by id, as the list of sessions shows them.
    later = [o for o in others if (o.created_at, o.id) > (session.created_at, session.id)]
    query = delete(_rasa_events).where(sender, _rasa_events.c.timestamp >= start)
    if later:
        following = min(later, key=lambda o: (o.created_at, o.id))
        query = query.where(_rasa_events.c.timestamp < max(_started_at(db, following), start + 1e-6))
    return query


def sessions_older_than(store: Store, days: int, now: Optional[datetime] = None) -> List[str]:
    """Ids of the sessions of both modes untouched for `days` days."""
    cutoff = (now or utcnow()) - timedelta(days=days)
    with store.transaction() as db:
        return [session_id for model in (SupervisionSession, WorkshopSession)
                for session_id in db.execute(select(model.id).where(model.updated_at < cutoff)).scalars()]


def purge(store: Store, days: int, now: Optional[datetime] = None) -> List[Deleted]:
    """Delete every session (and its records) not touched for `days` days; 0 or less does nothing."""
    if days <= 0:
        return []
    return [d for d in (delete_session(store, sid) for sid in sessions_older_than(store, days, now)) if d]


def find_sessions(store: Store, prefix: str = "") -> List[AnySession]:
    """Sessions of both modes whose id starts with `prefix`, the latest touched first."""
    found: List[AnySession] = []
    with store.transaction() as db:
        for model in (SupervisionSession, WorkshopSession):
            query = select(model)
            if prefix:
                query = query.where(model.id.startswith(prefix))
            found += db.execute(query).scalars()
    return sorted(found, key=lambda s: s.updated_at, reverse=True)


def orphan_records(store: Store, records_dir: Path) -> List[Path]:
    """Record files in the folder that no session refers to: an interrupted save's leftovers.

    Sessions store a record's name before writing it, so a new orphan can come
    only from a crash in the moment between claiming a name and storing it
    (an empty file), or from a half-written temporary file.
    """
    folder = Path(records_dir)
    if not folder.is_dir():
        return []
    with store.transaction() as db:
        known = {Path(p).resolve() for s in db.execute(select(SupervisionSession)).scalars()
                 for p in record_files(s)}
        known |= {Path(p).resolve() for p in db.execute(
            select(WorkshopSession.pack_path).where(WorkshopSession.pack_path.isnot(None))).scalars()}
    candidates = list(folder.glob("supervision-*.docx")) + list(folder.glob(".supervision-*.tmp"))
    return sorted(p for p in candidates if p.is_file() and p.resolve() not in known)


def remove_orphans(orphans: List[Path], days: int, now: Optional[datetime] = None) -> List[Path]:
    """Delete the orphan files untouched for `days` days (0 or less: none); returns those deleted."""
    if days <= 0:
        return []
    cutoff = _epoch((now or utcnow()) - timedelta(days=days))
    removed = []
    for path in orphans:
        try:
            if path.stat().st_mtime < cutoff:
                path.unlink()
                removed.append(path)
        except FileNotFoundError:
            continue
    return removed


def orphan_report(store: Store, records_dir: Path, days: int) -> Optional[str]:
    """The start-up line about orphan record files, or None when there are none.

    It gives a count and the folder, never file names: a name holds a case reference.
    """
    orphans = orphan_records(store, records_dir)
    removed = remove_orphans(orphans, days)
    left = len(orphans) - len(removed)
    lines = []
    if removed:
        lines.append(f"Retention: deleted {len(removed)} record file(s) that no session refers to, "
                     f"untouched for {days} days.")
    if left:
        lines.append(f"{left} record file(s) in {records_dir} belong to no session (left by an interrupted "
                     "save); `python -m bot records orphans` lists them. Check and delete any you don't need"
                     + (f"; they are deleted once untouched for {days} days." if days > 0
                        else ", or set RETENTION_DAYS to delete them once untouched that long."))
    return "\n".join(lines) or None
