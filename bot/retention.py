"""Data protection duties: list, show and delete sessions, and delete old ones.

Deleting a session removes its rows, every record file it saved, and the
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
from typing import List, Optional

from sqlalchemy import Column, Float, Integer, MetaData, String, Table, delete, func, inspect, select

from .storage import Store, SupervisionSession, utcnow

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


def record_files(session: SupervisionSession) -> List[Path]:
    paths = {n.text for n in session.notes if n.kind == "record"}
    if session.record_path:
        paths.add(session.record_path)
    return sorted(Path(p) for p in paths)


def _epoch(moment: datetime) -> float:
    return moment.replace(tzinfo=timezone.utc).timestamp()


def delete_session(store: Store, session_id: str) -> Optional[Deleted]:
    with store.transaction() as db:
        session = store.get(db, session_id)
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
        store.delete(db, session_id)
        return Deleted(session_id, files, events)


def _started_at(db, session: SupervisionSession) -> float:
    """When the message that started a session arrived: the sender's last message before it was made."""
    created = _epoch(session.created_at)
    asked = db.execute(select(func.max(_rasa_events.c.timestamp)).where(
        _rasa_events.c.sender_id == session.sender_id, _rasa_events.c.type_name == "user",
        _rasa_events.c.timestamp <= created)).scalar()
    return asked if asked is not None else created


def _conversation_of(db, session: SupervisionSession):
    """The DELETE for a session's part of Rasa's conversation history."""
    sender = _rasa_events.c.sender_id == session.sender_id
    others = list(db.execute(select(SupervisionSession).where(
        SupervisionSession.sender_id == session.sender_id, SupervisionSession.id != session.id)).scalars())
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
    cutoff = (now or utcnow()) - timedelta(days=days)
    with store.transaction() as db:
        return list(db.execute(
            select(SupervisionSession.id).where(SupervisionSession.updated_at < cutoff)).scalars())


def purge(store: Store, days: int, now: Optional[datetime] = None) -> List[Deleted]:
    """Delete every session (and its records) not touched for `days` days; 0 or less does nothing."""
    if days <= 0:
        return []
    return [d for d in (delete_session(store, sid) for sid in sessions_older_than(store, days, now)) if d]


def find_sessions(store: Store, prefix: str = "") -> List[SupervisionSession]:
    with store.transaction() as db:
        query = select(SupervisionSession).order_by(SupervisionSession.updated_at.desc())
        if prefix:
            query = query.where(SupervisionSession.id.startswith(prefix))
        return list(db.execute(query).scalars())
