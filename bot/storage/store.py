"""Sessions and answers, stored as they arrive so a crash loses nothing typed.

SQLAlchemy 1.4 in the 2.0 style. SQLite by default; any URL SQLAlchemy
understands (PostgreSQL for the scaled profile) through DATABASE_URL.
"""
from __future__ import annotations

import logging
import re
import uuid
from contextlib import contextmanager
from pathlib import Path
from datetime import datetime, timezone
from typing import Iterator, List, Optional

from sqlalchemy import (
    JSON, Boolean, Column, DateTime, ForeignKey, Index, Integer, String, Text,
    UniqueConstraint, create_engine, delete, event, inspect, select,
)
from sqlalchemy.engine import Engine
from sqlalchemy.orm import Session, declarative_base, relationship, sessionmaker
from sqlalchemy.pool import QueuePool

Base = declarative_base()

ACTIVE, PAUSED, COMPLETE = "active", "paused", "complete"


def utcnow() -> datetime:
    return datetime.now(timezone.utc).replace(tzinfo=None)


class SupervisionSession(Base):
    __tablename__ = "supervision_sessions"
    __table_args__ = (Index("ix_supervision_sessions_sender_case", "sender_id", "case_key"),)

    id = Column(String(36), primary_key=True, default=lambda: str(uuid.uuid4()))
    sender_id = Column(String(255), nullable=False, index=True)
    kind = Column(String(20), nullable=False, default="supervision")  # supervision | stuck
    status = Column(String(20), nullable=False, default=ACTIVE)
    case_reference = Column(String(255))  # copied from its answer, for listing
    # the reference as a key ("CP-2024/17" and "cp 2024 17" are one case): the next session on a case starts
    # from the last one by the same practitioner (bot/modes/supervision/cycle.py); migration 0005
    case_key = Column(String(255))
    # Changing an answer from the summary: first choosing which (the numbered list), then the one
    # chosen is asked again. At most one of the two is set; the methods below keep it so.
    choosing_change = Column(Boolean, nullable=False, default=False)
    changing_step = Column(String(120))  # the key of the question being asked again
    record_path = Column(Text)
    privacy_reminded = Column(Boolean, nullable=False, default=False)  # bot.reading.privacy.privacy_reminder
    created_at = Column(DateTime, nullable=False, default=utcnow)
    updated_at = Column(DateTime, nullable=False, default=utcnow, onupdate=utcnow)

    answers = relationship("Answer", cascade="all, delete-orphan", lazy="selectin",
                           order_by="Answer.id")
    notes = relationship("SessionNote", cascade="all, delete-orphan", lazy="selectin",
                         order_by="SessionNote.id")

    def set_case_reference(self, text: str) -> None:
        self.case_reference, self.case_key = text[:255], case_key(text)

    def answer(self, key: str) -> Optional["Answer"]:
        return next((a for a in self.answers if a.step_key == key), None)

    def choose_change(self) -> None:
        """Show the numbered list of answers that can be changed."""
        self.choosing_change, self.changing_step = True, None

    def change(self, step_key: str) -> None:
        """Ask this question again, whatever the plan would ask next."""
        self.choosing_change, self.changing_step = False, step_key

    def stop_changing(self) -> None:
        """Back to the question plan: the next unanswered question, or the summary."""
        self.choosing_change, self.changing_step = False, None


def case_key(reference: Optional[str]) -> Optional[str]:
    """What makes two typed references one case: letters and digits, lower case (None if there are none)."""
    return re.sub(r"[^0-9a-z]", "", (reference or "").casefold())[:255] or None


class Answer(Base):
    __tablename__ = "answers"
    __table_args__ = (UniqueConstraint("session_id", "step_key"),)

    id = Column(Integer, primary_key=True)
    session_id = Column(String(36), ForeignKey("supervision_sessions.id", ondelete="CASCADE"),
                        nullable=False, index=True)
    step_key = Column(String(120), nullable=False)
    question = Column(Text, nullable=False)
    text = Column(Text)  # verbatim as typed; None when skipped
    value = Column(JSON)  # what the assistant understood (a number, ids), if anything
    skipped = Column(Boolean, nullable=False, default=False)
    created_at = Column(DateTime, nullable=False, default=utcnow)
    updated_at = Column(DateTime, nullable=False, default=utcnow, onupdate=utcnow)


class SessionNote(Base):
    """Things said during a session that are not answers, e.g. immediate danger raised."""

    __tablename__ = "session_notes"

    id = Column(Integer, primary_key=True)
    session_id = Column(String(36), ForeignKey("supervision_sessions.id", ondelete="CASCADE"),
                        nullable=False, index=True)
    kind = Column(String(40), nullable=False)
    text = Column(Text, nullable=False)
    created_at = Column(DateTime, nullable=False, default=utcnow)


def make_engine(url: str, busy_seconds: float = 30) -> Engine:
    """The database at `url`, migrated; SQLite waits up to `busy_seconds` for a lock another process holds."""
    kwargs = {"future": True, "hide_parameters": True}  # SQL errors never log answers or secrets
    if url.startswith("sqlite"):
        # The Rasa server and the action server share the file: wait for locks.
        kwargs["connect_args"] = {"timeout": busy_seconds, "check_same_thread": False}
        path = url.split("///", 1)[-1]
        if path and path != ":memory:":
            Path(path).parent.mkdir(parents=True, exist_ok=True)
            # SQLAlchemy 1.4 opens a new SQLite connection per transaction (NullPool); keeping a few
            # open saves the connect and its PRAGMAs on every message (SQLAlchemy 2.0's default too).
            kwargs["poolclass"] = QueuePool
    engine = create_engine(url, **kwargs)
    if url.startswith("sqlite"):
        @event.listens_for(engine, "connect")
        def _sqlite_pragmas(dbapi_conn, _record):
            cursor = dbapi_conn.cursor()
            cursor.execute("PRAGMA foreign_keys=ON")
            cursor.execute("PRAGMA journal_mode=WAL")
            # Deleted rows (answers, a deleted session's conversation) are overwritten with zeros, not left
            # in free space for anyone who reads the file (bot/storage/retention.py empties the log after).
            cursor.execute("PRAGMA secure_delete=ON")
            cursor.close()
    migrate(engine)
    return engine


def engine_for(settings) -> Engine:
    """The database the settings name (DATABASE_URL), waiting as long as DATABASE_BUSY_SECONDS for a lock."""
    return make_engine(settings.database_url, settings.database_busy_seconds)


def alembic_config():
    """Alembic's configuration for bot/storage/migrations (no alembic.ini: the folder is all it needs)."""
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(Path(__file__).parent / "migrations"))
    return config


def migrate(engine: Engine) -> None:
    """Bring the schema up to date with Alembic (bot/storage/migrations): safe to run at every start."""
    from alembic import command

    logging.getLogger("alembic").setLevel(logging.WARNING)  # "Context impl SQLiteImpl" helps nobody
    config = alembic_config()
    with engine.connect() as connection:
        if engine.dialect.name == "sqlite":
            # With foreign keys on, a migration that copies a table (SQLite's way to alter one) would
            # delete every answer of every session when it drops the old copy: off while migrating.
            connection.exec_driver_sql("PRAGMA foreign_keys=OFF")
            connection.commit()  # SQLite ignores the pragma inside a transaction
        try:
            with connection.begin():
                config.attributes["connection"] = connection
                tables = inspect(connection).get_table_names()
                if "supervision_sessions" in tables and "alembic_version" not in tables:
                    command.stamp(config, "0001")  # made by create_all before there were migrations
                command.upgrade(config, "head")
        finally:
            if engine.dialect.name == "sqlite":
                connection.exec_driver_sql("PRAGMA foreign_keys=ON")  # the pooled connection goes back as it came
                connection.commit()


def sessions_of(db: Session, table, sender_id: str, statuses: List[str]) -> list:
    """One practitioner's sessions of one mode (`table`: supervision or workshop) in these statuses, latest first."""
    return list(db.execute(
        select(table).where(table.sender_id == sender_id, table.status.in_(statuses))
        .order_by(table.updated_at.desc())
    ).scalars())


class Store:
    """The only place that reads and writes sessions."""

    def __init__(self, engine: Engine):
        self.engine = engine
        self._sessions = sessionmaker(engine, future=True, expire_on_commit=False)

    @contextmanager
    def transaction(self) -> Iterator[Session]:
        """Committed at the end, rolled back on an error.

        A step may also commit part way (a record's name is stored before its
        file is written); the rest carries on in a new transaction.
        """
        db = self._sessions()
        try:
            yield db
            db.commit()
        except BaseException:
            db.rollback()
            raise
        finally:
            db.close()

    def current(self, db: Session, sender_id: str) -> Optional[SupervisionSession]:
        return next(iter(sessions_of(db, SupervisionSession, sender_id, [ACTIVE])), None)

    def unfinished(self, db: Session, sender_id: str) -> List[SupervisionSession]:
        return sessions_of(db, SupervisionSession, sender_id, [ACTIVE, PAUSED])

    def with_records(self, db: Session, sender_id: str) -> List[SupervisionSession]:
        return list(db.execute(
            select(SupervisionSession)
            .where(SupervisionSession.sender_id == sender_id, SupervisionSession.record_path.isnot(None))
            .order_by(SupervisionSession.updated_at.desc())
        ).scalars())

    def earlier_on_case(self, db: Session, session: SupervisionSession) -> List[SupervisionSession]:
        """This practitioner's saved sessions on the same case, oldest first: never another sender's."""
        if not session.case_key:
            return []
        return list(db.execute(
            select(SupervisionSession)
            .where(SupervisionSession.sender_id == session.sender_id, SupervisionSession.case_key == session.case_key,
                   SupervisionSession.status == COMPLETE, SupervisionSession.id != session.id)
            .order_by(SupervisionSession.created_at)
        ).scalars())

    def get(self, db: Session, session_id: str) -> Optional[SupervisionSession]:
        return db.get(SupervisionSession, session_id)

    def start(self, db: Session, sender_id: str, kind: str) -> SupervisionSession:
        for other in self.unfinished(db, sender_id):
            if other.status == ACTIVE:
                other.status = PAUSED
        session = SupervisionSession(sender_id=sender_id, kind=kind, status=ACTIVE)
        db.add(session)
        db.flush()
        return session

    def activate(self, db: Session, session: SupervisionSession) -> None:
        for other in self.unfinished(db, session.sender_id):
            if other.id != session.id and other.status == ACTIVE:
                other.status = PAUSED
        session.status = ACTIVE

    def save_answer(self, db: Session, session: SupervisionSession, key: str, question: str,
                    text: Optional[str], value=None, skipped: bool = False) -> Answer:
        answer = session.answer(key)
        if answer is None:
            answer = Answer(step_key=key)
            session.answers.append(answer)
        answer.question, answer.text, answer.value, answer.skipped = question, text, value, skipped
        answer.updated_at = utcnow()
        session.updated_at = utcnow()
        db.flush()
        return answer

    def add_note(self, db: Session, session: SupervisionSession, kind: str, text: str) -> None:
        session.notes.append(SessionNote(kind=kind, text=text))
        db.flush()

    def delete(self, db: Session, session_id: str) -> bool:
        result = db.execute(delete(SupervisionSession).where(SupervisionSession.id == session_id))
        return result.rowcount > 0
