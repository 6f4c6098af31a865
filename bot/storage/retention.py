"""Data protection duties: list, show and delete sessions, and delete what is kept too long.

Both modes are covered: supervision sessions (answers, notes, records) and
workshops (the lead's choices, the group's points, which can hold names, and
the pack). Rasa keeps every message in its conversation history (the `events`
table, in the same database), including what was typed outside any session,
so deletion and retention reach that too.

Deleting a session removes its rows, every file it saved, and its part of the
conversation history: from the start of the Rasa conversation in which it began
(or, if an earlier session began in that same conversation, from its own first
message) up to where the sender's next session begins, reckoned the same way (a
message typed after a session was last saved belongs to it until another
begins). The sender's first session also takes everything they typed before it;
their only session takes all of it. So the sessions split the history between
them, and a Rasa conversation is cut only where a session began inside it.

Retention (`purge`, RETENTION_DAYS) deletes, for a period of N days:
- every session untouched for N days, as above;
- the whole history of a sender who has no session left and nothing newer than N days;
- for every other sender, their events older than N days that no live session needs: history is
  kept from the earliest of the cutoff, the start of the Rasa conversation going on at the cutoff
  (when it carries on past it) and the start of the Rasa conversation in which each of the sender's
  sessions began (Rasa starts a new conversation, a `session_started` event, after an hour idle).
  So a live session's history, and the conversation it began in, are never cut part way, and Rasa
  still reads whole conversations; a conversation with no recorded start is kept.
History that belongs to no session (a sender who never had one, or whose sessions were all deleted)
can also be listed and deleted by hand (`python -m bot history`), by a short label that is not the
sender id.

After a deletion, SQLite's write-ahead log is checkpointed and emptied; with
`secure_delete` on (bot/storage/store.py) the deleted text is overwritten with zeros,
so it is left neither in the database file nor in its -wal file. On
PostgreSQL the rows are deleted the same way (their space is reused by VACUUM).
"""
from __future__ import annotations

import hashlib
import logging
from dataclasses import dataclass, field
from datetime import datetime, timedelta, timezone
from pathlib import Path
from typing import Any, List, Optional

from sqlalchemy import Column, Float, Integer, MetaData, String, Table, delete, func, inspect, select
from sqlalchemy.engine import Engine

from bot.modes.registry import session_tables, spec_of
from bot.storage.store import Store, utcnow

logger = logging.getLogger(__name__)

AnySession = Any  # a session of any registered mode (bot/modes/registry.py)

# Rasa's SQL tracker store table, described here only to read its dates and delete from it.
_rasa_events = Table(
    "events", MetaData(),
    Column("id", Integer, primary_key=True),
    Column("sender_id", String(255)),
    Column("type_name", String(255)),
    Column("timestamp", Float),
)
SESSION_STARTED = "session_started"  # Rasa's event at the start of each of its conversations
LABEL_LENGTH = 12


@dataclass
class Deleted:
    session_id: str
    files: int
    conversation_events: int
    wiped: bool = True  # the database's deleted pages were overwritten and its log emptied


@dataclass
class History:
    """One sender's conversation history that belongs to no session: what `history list` shows."""

    label: str
    events: int
    first: datetime
    last: datetime
    sender_id: str = field(repr=False)  # for deleting; never printed or logged


@dataclass
class HistoryDeleted:
    senders: int = 0
    events: int = 0
    wiped: bool = True


@dataclass
class Purged:
    sessions: List[Deleted]
    history: HistoryDeleted

    @property
    def wiped(self) -> bool:
        return self.history.wiped

    def summary(self, days: int) -> str:
        """One line for a maintainer: counts only, never who or what."""
        with_them = sum(d.conversation_events for d in self.sessions)
        line = (f"Retention: deleted {len(self.sessions)} session(s) untouched for {days} days (with "
                f"{with_them} conversation event(s)) and {self.history.events} other conversation event(s) "
                f"older than {days} days ({self.history.senders} sender(s) with no session left).")
        return line if self.wiped else line + " " + NOT_WIPED


NOT_WIPED = ("The database was busy, so the deleted text may stay on disk until its next checkpoint: run this "
             "again when the assistant is stopped.")


def label_of(sender_id: str) -> str:
    """A short name for a sender that does not reveal the sender id (the first hex of its SHA-256)."""
    return hashlib.sha256(sender_id.encode("utf-8")).hexdigest()[:LABEL_LENGTH]


def wipe(engine: Engine) -> bool:
    """Empty SQLite's write-ahead log into the database file after a deletion; False if it stayed busy.

    The log holds earlier copies of every changed page, deleted text included, until
    a checkpoint; TRUNCATE copies the pages back and cuts the log to nothing. With
    secure_delete on, the pages copied back hold zeros where the text was.
    """
    if engine.dialect.name != "sqlite":
        return True
    with engine.connect() as connection:
        busy = connection.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)").fetchone()[0]
        connection.commit()
    if busy:
        logger.warning("The database was busy: its write-ahead log was not emptied after a deletion.")
    return not busy


def record_files(session: AnySession) -> List[Path]:
    """Every file a session saved, as its mode says (a supervision session's records, a workshop's pack)."""
    return spec_of(session).files_of(session)


def mode_of(session: AnySession) -> str:
    return spec_of(session).name


def _get_session(db, session_id: str) -> Optional[AnySession]:
    return next((found for model in session_tables() if (found := db.get(model, session_id)) is not None), None)


def _epoch(moment: datetime) -> float:
    return moment.replace(tzinfo=timezone.utc).timestamp()


def _moment(epoch: float) -> datetime:
    return datetime.fromtimestamp(epoch, timezone.utc).replace(tzinfo=None)


def _has_events(db) -> bool:
    return inspect(db.connection()).has_table("events")


def delete_session(store: Store, session_id: str, checkpoint: bool = True) -> Optional[Deleted]:
    """A supervision session or a workshop, with its files and its part of Rasa's history.

    `checkpoint=False` leaves emptying SQLite's log to the caller (a purge does it once, at the end).
    """
    with store.transaction() as db:
        session = _get_session(db, session_id)
        if session is None:
            return None
        files = 0
        for path in record_files(session):
            if path.is_file():
                path.unlink()
                files += 1
        events = 0
        if _has_events(db):
            events = db.execute(_conversation_of(db, session)).rowcount
        db.delete(session)  # answers, notes and points go with it (cascade)
    return Deleted(session_id, files, events, wipe(store.engine) if checkpoint else True)


def _sessions_of(db, sender_id: str) -> List[AnySession]:
    """Every session of one sender, in both modes."""
    return [session for model in session_tables()
            for session in db.execute(select(model).where(model.sender_id == sender_id)).scalars()]


def _started_at(db, session: AnySession) -> float:
    """When the message that started a session arrived: the sender's last message before it was made."""
    created = _epoch(session.created_at)
    asked = db.execute(select(func.max(_rasa_events.c.timestamp)).where(
        _rasa_events.c.sender_id == session.sender_id, _rasa_events.c.type_name == "user",
        _rasa_events.c.timestamp <= created)).scalar()
    return asked if asked is not None else created


def _opening(db, session: AnySession, previous: AnySession) -> float:
    """Where a session's part of the history begins, when the sender had a session before it: the start
    of the Rasa conversation its first message was in, when the previous session began in an earlier one;
    otherwise (both began in one Rasa conversation) its own first message, so that everything typed during
    and after the previous session, up to this one, goes with the previous session."""
    start = _started_at(db, session)
    previous_start = _started_at(db, previous)
    boundary = db.execute(select(func.max(_rasa_events.c.timestamp)).where(
        _rasa_events.c.sender_id == session.sender_id, _rasa_events.c.type_name == SESSION_STARTED,
        _rasa_events.c.timestamp <= start)).scalar()
    if boundary is None or boundary <= previous_start:
        return max(start, previous_start + 1e-6)
    return boundary


def _conversation_of(db, session: AnySession):
    """The DELETE for a session's part of Rasa's conversation history.

    The sender's sessions (of either mode) split their history where each began; the first session
    has no lower bound, so what came before it goes with it, and the last has no upper one.
    """
    # Sessions made at the same moment are ordered by id, as the list of sessions shows them.
    ordered = sorted(_sessions_of(db, session.sender_id), key=lambda s: (s.created_at, s.id))
    place = next(n for n, s in enumerate(ordered) if s.id == session.id)
    query = delete(_rasa_events).where(_rasa_events.c.sender_id == session.sender_id)
    if place > 0:
        query = query.where(_rasa_events.c.timestamp >= _opening(db, session, ordered[place - 1]))
    if place + 1 < len(ordered):
        query = query.where(_rasa_events.c.timestamp < _opening(db, ordered[place + 1], session))
    return query


def sessions_older_than(store: Store, days: int, now: Optional[datetime] = None) -> List[str]:
    """Ids of the sessions of both modes untouched for `days` days."""
    cutoff = (now or utcnow()) - timedelta(days=days)
    with store.transaction() as db:
        return [session_id for model in session_tables()
                for session_id in db.execute(select(model.id).where(model.updated_at < cutoff)).scalars()]


def purge(store: Store, days: int, now: Optional[datetime] = None) -> Purged:
    """Delete every session (and its files) untouched for `days` days, then the conversation history
    older than that which no live session needs (the module's docstring says the rule); 0 or less: nothing."""
    if days <= 0:
        return Purged([], HistoryDeleted())
    sessions = [d for d in (delete_session(store, sid, checkpoint=False)
                            for sid in sessions_older_than(store, days, now)) if d]
    history = purge_history(store, days, now, checkpoint=False)
    if sessions or history.events:
        history.wiped = wipe(store.engine)  # once, for everything deleted above
    return Purged(sessions, history)


def _senders_with_sessions(db) -> set:
    return {sender for model in session_tables()
            for sender in db.execute(select(model.sender_id).distinct()).scalars()}


def _conversation_start(db, sender_id: str, moment: float) -> float:
    """When the Rasa conversation holding `moment` began (-inf if no start is recorded: keep it all)."""
    began = db.execute(select(func.max(_rasa_events.c.timestamp)).where(
        _rasa_events.c.sender_id == sender_id, _rasa_events.c.type_name == SESSION_STARTED,
        _rasa_events.c.timestamp <= moment)).scalar()
    return began if began is not None else float("-inf")


def _keep_from(db, sender_id: str, cutoff: float, has_sessions: bool) -> Optional[float]:
    """From when one sender's history must be kept (None: all of it may go; the rule is the module's)."""
    events = _rasa_events.c
    after = db.execute(select(func.min(events.timestamp)).where(
        events.sender_id == sender_id, events.timestamp >= cutoff)).scalar()
    if after is None and not has_sessions:
        return None  # nothing newer than the cutoff and no session: the whole history goes
    # The conversation going on at the cutoff is kept whole, if it carries on past it.
    keep = cutoff if after is None else min(cutoff, _conversation_start(db, sender_id, after))
    for session in _sessions_of(db, sender_id) if has_sessions else []:
        keep = min(keep, _conversation_start(db, sender_id, _started_at(db, session)))
    return keep


def purge_history(store: Store, days: int, now: Optional[datetime] = None,
                  checkpoint: bool = True) -> HistoryDeleted:
    """Delete conversation history older than `days` days that no live session needs; 0 or less: nothing.

    `checkpoint=False` leaves emptying SQLite's log to the caller.
    """
    if days <= 0:
        return HistoryDeleted()
    cutoff = _epoch((now or utcnow()) - timedelta(days=days))
    deleted = HistoryDeleted()
    with store.transaction() as db:
        if not _has_events(db):
            return deleted
        events = _rasa_events.c
        oldest = db.execute(select(events.sender_id, func.min(events.timestamp))
                            .where(events.timestamp < cutoff).group_by(events.sender_id)).all()
        with_sessions = _senders_with_sessions(db)
        for n, (sender, first) in enumerate(oldest, 1):
            if n % 200 == 0:
                db.commit()  # short write locks: the servers may be writing the same database meanwhile
            keep_from = _keep_from(db, sender, cutoff, sender in with_sessions)
            if keep_from is None:
                query = delete(_rasa_events).where(events.sender_id == sender)
                deleted.senders += 1
            elif first < keep_from:
                query = delete(_rasa_events).where(events.sender_id == sender, events.timestamp < keep_from)
            else:
                continue
            deleted.events += db.execute(query).rowcount
    if checkpoint and deleted.events:
        deleted.wiped = wipe(store.engine)
    return deleted


def histories(store: Store) -> List[History]:
    """The conversation history of each sender who has no session, the most recently active first."""
    with store.transaction() as db:
        if not _has_events(db):
            return []
        events = _rasa_events.c
        rows = db.execute(select(events.sender_id, func.count(), func.min(events.timestamp),
                                 func.max(events.timestamp)).group_by(events.sender_id)).all()
        with_sessions = _senders_with_sessions(db)
    found = [History(label_of(sender), count, _moment(first or 0), _moment(last or 0), sender)
             for sender, count, first, last in rows if sender not in with_sessions]
    return sorted(found, key=lambda h: (h.last, h.label), reverse=True)


def find_histories(store: Store, label: str) -> List[History]:
    """The histories with no session whose label starts with `label` (a whole label matches one)."""
    label = (label or "").strip().lower()
    return [h for h in histories(store) if label and h.label.startswith(label)]


def delete_history(store: Store, history: History) -> HistoryDeleted:
    """Every event of one sender who has no session (checked again, in the same transaction)."""
    deleted = HistoryDeleted()
    with store.transaction() as db:
        if history.sender_id in _senders_with_sessions(db):
            return deleted  # a session began meanwhile: its history is deleted with it, not here
        deleted.events = db.execute(delete(_rasa_events).where(
            _rasa_events.c.sender_id == history.sender_id)).rowcount
        deleted.senders = 1 if deleted.events else 0
    deleted.wiped = wipe(store.engine)
    return deleted


def find_sessions(store: Store, prefix: str = "") -> List[AnySession]:
    """Sessions of both modes whose id starts with `prefix`, the latest touched first."""
    found: List[AnySession] = []
    with store.transaction() as db:
        for model in session_tables():
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
        known = {Path(p).resolve() for model in session_tables() for s in db.execute(select(model)).scalars()
                 for p in record_files(s)}
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
