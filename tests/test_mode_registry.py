"""The registry of modes (bot/modes/registry.py): what loops over modes reads it, and a new mode plugs in with one line.

The example mode here ("review": a supervisor jotting notes on records) is
small but whole: its own table, a saved file, a progress line. Registering
it is the one line `registry.register(REVIEW)`; then the router starts it on
its intent, the page's saved files include its file, retention and the
command line list, show and delete its sessions, and no other file changes.
All text is invented.
"""
from __future__ import annotations

import uuid
from contextlib import contextmanager
from pathlib import Path
from typing import List, Optional, Tuple

import pytest
import yaml
from sqlalchemy import Column, DateTime, ForeignKey, Integer, String, Text, select
from sqlalchemy.orm import declarative_base, relationship, sessionmaker

from bot.__main__ import main as cli
from bot.assistant import Assistant
from bot.config import Settings
from bot.modes import registry
from bot.modes.registry import MODES, ModeSpec, start_intents
from bot.reading.text_input import Incoming
from bot.records.saved_files import latest_file, owned_file
from bot.responses import Reply, Turn, urgent_help
from bot.storage import retention
from bot.storage.store import ACTIVE, COMPLETE, PAUSED, Base, Store, make_engine, utcnow
from tests.content import KNOWLEDGE

ROOT = Path(__file__).resolve().parent.parent

# ----- the example mode: one package's worth, kept in this file -------------------------------------------

# Its own metadata, so that the real schema (and tests/test_migrations.py) never sees the example's table.
ExampleBase = declarative_base()


class ReviewSession(ExampleBase):
    __tablename__ = "review_sessions"
    id = Column(String(36), primary_key=True, default=lambda: str(uuid.uuid4()))
    sender_id = Column(String(255), nullable=False, index=True)
    status = Column(String(20), nullable=False, default=ACTIVE)
    file_path = Column(Text)
    created_at = Column(DateTime, nullable=False, default=utcnow)
    updated_at = Column(DateTime, nullable=False, default=utcnow, onupdate=utcnow)
    notes = relationship("ReviewNote", cascade="all, delete-orphan", lazy="selectin")


class ReviewNote(ExampleBase):
    __tablename__ = "review_notes"
    id = Column(Integer, primary_key=True)
    session_id = Column(String(36), ForeignKey("review_sessions.id", ondelete="CASCADE"), nullable=False)
    text = Column(Text, nullable=False)


class ReviewEngine:
    """Each message is a note; "save" writes them to a file and closes the session."""

    def __init__(self, knowledge, store: Store, records_dir: Path):
        ExampleBase.metadata.create_all(store.engine)
        self.knowledge, self.store, self.records_dir = knowledge, store, Path(records_dir)
        self.danger_noted: List[str] = []
        self._sessions = sessionmaker(store.engine, future=True, expire_on_commit=False)

    @contextmanager
    def transaction(self):
        with self._sessions.begin() as db:
            yield db

    def _open(self, db, sender_id: str) -> Optional[ReviewSession]:
        return db.execute(select(ReviewSession).where(ReviewSession.sender_id == sender_id,
                                                      ReviewSession.status == ACTIVE)).scalars().first()

    def start(self, sender_id: str, kind: str, opening=None) -> List[Reply]:
        with self.transaction() as db:
            db.add(ReviewSession(sender_id=sender_id))
        return [Reply("Which record are you reviewing? Send notes one at a time, then 'save'.")]

    def resume(self, sender_id: str, session_id: Optional[str] = None) -> Tuple[bool, List[Reply]]:
        with self.transaction() as db:
            found = self.unfinished(sender_id)
            if found:
                db.get(ReviewSession, found[0].id).status = ACTIVE
        return bool(found), [Reply("Carry on with your notes.")] if found else []

    def pause_active(self, sender_id: str) -> None:
        with self.transaction() as db:
            session = self._open(db, sender_id)
            if session:
                session.status = PAUSED

    def has_active_session(self, sender_id: str) -> bool:
        with self.transaction() as db:
            return self._open(db, sender_id) is not None

    def unfinished(self, sender_id: str) -> List[ReviewSession]:
        with self.transaction() as db:
            return list(db.execute(select(ReviewSession).where(
                ReviewSession.sender_id == sender_id, ReviewSession.status.in_([ACTIVE, PAUSED]))).scalars())

    def prompt(self, sender_id: str) -> List[Reply]:
        return [Reply("Your next note, or 'save'.")]

    def no_session(self, sender_id: str) -> Turn:
        return Turn([Reply("No review is open.")], closed=True)

    # What bot/modes/common.py asks of a mode: it answers pause, help, an empty message and danger itself.
    def open_session(self, db, sender_id: str) -> Optional[ReviewSession]:
        return self._open(db, sender_id)

    def is_open(self, session: ReviewSession) -> bool:
        return session.status == ACTIVE

    def answer(self, db, session: ReviewSession, message: Incoming) -> Turn:
        if message.text.strip().lower() == "save":
            self.records_dir.mkdir(parents=True, exist_ok=True)
            path = self.records_dir / f"review-{session.id}.docx"
            path.write_text("\n".join(note.text for note in session.notes))
            session.file_path, session.status = str(path), COMPLETE
            return Turn([Reply("Saved.")], closed=True)
        session.notes.append(ReviewNote(text=message.text))
        return Turn([Reply(f"Noted ({len(session.notes)} so far).")] + self.ask_next(db, session))

    def ask_next(self, db, session: ReviewSession) -> List[Reply]:
        return [Reply("Your next note, or 'save'.")]

    def pause(self, db, session: ReviewSession) -> None:
        session.status = PAUSED

    def wording(self, what: str) -> str:
        return {"empty": "Type a note.", "paused": "Review paused.", "help": "One note per message, then 'save'.",
                "already_open": "A review is open already."}[what]

    def take_check(self, db, session: ReviewSession) -> Optional[str]:
        return None  # this mode never asks "Is a child in danger right now?"

    def note_danger(self, db, session: ReviewSession, text: str) -> None:
        self.danger_noted.append(text)

    def progress(self, sender_id: str) -> Optional[str]:
        with self.transaction() as db:
            session = self._open(db, sender_id)
            return f"Notes {len(session.notes)}" if session else None


REVIEW = ModeSpec(
    name="review", starts={"start_review": "review"}, session_table=ReviewSession,
    tables=("review_sessions", "review_notes"), file_kind="review", file_column="file_path",
    files_of=lambda session: [Path(session.file_path)] if session.file_path else [],
    build=lambda knowledge, store, settings: ReviewEngine(knowledge, store, settings.records_dir),
    progress=lambda engine, sender: engine.progress(sender),
    label=lambda session: f"{len(session.notes)} notes", size=lambda session: f"notes {len(session.notes)}",
    shown=lambda session: [(str(n), note.text) for n, note in enumerate(session.notes, 1)],
)


# ----- fixtures ---------------------------------------------------------------------------------------------

@pytest.fixture
def settings(tmp_path) -> Settings:
    return Settings(database_url=f"sqlite:///{tmp_path / 'assistant.db'}", records_dir=tmp_path / "records",
                    knowledge_dir=ROOT / "knowledge", retention_days=0, state_dir=tmp_path)


@pytest.fixture
def with_review():
    registry.register(REVIEW)  # the one line a new mode needs (a real one adds it to registry._specs)
    yield REVIEW
    registry.unregister(REVIEW.name)


def assistant_for(settings: Settings) -> Tuple[Assistant, Store]:
    store = Store(make_engine(settings.database_url))
    return Assistant.build(KNOWLEDGE, store, settings), store


def rows(store: Store, table: str, session_id: str, key: str) -> int:
    with store.engine.connect() as connection:
        return connection.exec_driver_sql(f"SELECT COUNT(*) FROM {table} WHERE {key} = ?", (session_id,)).scalar()


# ----- the real modes ---------------------------------------------------------------------------------------

def test_the_rules_start_a_session_on_exactly_the_registrys_starting_intents():
    """data/rules.yml and the code read one list: a new mode's intent missing from the rule would never start."""
    rules = yaml.safe_load((ROOT / "data" / "rules.yml").read_text())["rules"]
    starting = next(r for r in rules if any(s.get("action") == "session_form" for s in r["steps"])
                    and any("or" in s for s in r["steps"]))
    intents = {choice["intent"] for step in starting["steps"] if "or" in step for choice in step["or"]}
    assert intents == set(start_intents())


def test_every_table_belongs_to_one_mode_and_goes_with_its_sessions():
    """Every application table is declared by exactly one mode, and every table but the sessions' own is
    deleted with its session by the database (ON DELETE CASCADE to the session table)."""
    declared = [table for spec in MODES for table in spec.tables]
    assert len(declared) == len(set(declared))
    assert set(declared) == set(Base.metadata.tables)
    for spec in MODES:
        assert spec.tables[0] == spec.session_table.__tablename__
        for name in spec.tables[1:]:
            keys = Base.metadata.tables[name].foreign_keys
            assert any(k.column.table.name == spec.tables[0] and k.ondelete == "CASCADE" for k in keys), name


# Enough of each mode to put rows in every one of its tables (a new mode adds its own line, or the test fails).
SCRIPTS = {"supervision": ("Team Alpha", "A first answer", "skp"),  # "skp": "Did you mean skip?" is a note
           "workshop": ("90 minutes", "experienced", "yes", "start", "A point the group made", "Another point")}


@pytest.mark.parametrize("intent", sorted(start_intents()))
def test_deleting_a_session_of_each_mode_leaves_no_row_in_its_tables(settings, intent):
    """Retention's deletion, driven only by the registry, empties every table the mode declares."""
    assistant, store = assistant_for(settings)
    name, _ = start_intents()[intent]
    spec = registry.mode_named(name)
    assistant.start("p-1", intent)
    for text in SCRIPTS[name]:
        assistant.handle("p-1", Incoming(text))
    session = retention.find_sessions(store)[0]
    assert retention.mode_of(session) == name
    counts = {t: rows(store, t, session.id, "id" if t == spec.tables[0] else "session_id") for t in spec.tables}
    assert counts[spec.tables[0]] == 1 and all(counts.values()), counts  # a row in every table to delete
    assert retention.delete_session(store, session.id) is not None
    assert all(rows(store, t, session.id, "id" if t == spec.tables[0] else "session_id") == 0 for t in spec.tables)


# ----- the example mode, plugged in with one line ----------------------------------------------------------

def test_the_example_mode_plugs_in_with_one_registry_line(with_review, settings, capsys, monkeypatch):
    assistant, store = assistant_for(settings)
    assert "review" in assistant.modes and start_intents()["start_review"] == ("review", "review")
    assistant.start("sup-1", "start_supervision")
    assistant.start("sup-1", "start_review")  # pauses the supervision session, as any start does
    assert assistant.active_mode("sup-1") == "review"
    assert assistant.handle("sup-1", Incoming("Plan lacks a date for the core group")).replies[0].text == \
        "Noted (1 so far)."
    assert REVIEW.progress(assistant.modes["review"], "sup-1") == "Notes 1"
    assert assistant.handle("sup-1", Incoming("save")).closed

    saved = latest_file(store, "sup-1")  # the page's newest saved file is the review's
    assert saved is not None and saved.kind == "review" and saved.path.read_text().startswith("Plan lacks")
    assert owned_file(store, settings.records_dir, "sup-1", saved.path.name) == saved.path
    assert owned_file(store, settings.records_dir, "someone-else", saved.path.name) is None

    monkeypatch.setenv("DATABASE_URL", settings.database_url)
    monkeypatch.setenv("RECORDS_DIR", str(settings.records_dir))
    review = next(s for s in retention.find_sessions(store) if retention.mode_of(s) == "review")
    assert cli(["sessions", "list"]) == 0
    assert any(line.startswith(review.id) and " review " in line and "notes 1" in line
               for line in capsys.readouterr().out.splitlines())
    assert cli(["sessions", "show", review.id]) == 0
    assert "- 1: Plan lacks a date for the core group" in capsys.readouterr().out
    assert cli(["sessions", "delete", review.id]) == 0
    assert "1 review file(s)" in capsys.readouterr().out
    assert not saved.path.exists() and rows(store, "review_notes", review.id, "session_id") == 0
    assert assistant.modes["supervision"].unfinished("sup-1")  # the paused supervision is untouched


def test_a_mode_cannot_take_another_modes_starting_intent():
    clash = ModeSpec(name="clash", starts={"start_workshop": "x"}, session_table=object, tables=(),
                     file_kind="x", file_column="x", files_of=lambda s: [], build=lambda *a: None)
    with pytest.raises(ValueError, match="start_workshop"):
        registry.register(clash)
    assert "clash" not in [spec.name for spec in MODES]


def test_the_router_answers_what_every_mode_shares_for_the_example_mode(with_review, settings):
    """The example mode answers only notes and 'save': pause, help, an empty message and the urgent reply to
    clear danger come from bot/modes/common.py, so a new mode cannot leave them out."""
    assistant, _ = assistant_for(settings)
    assistant.start("sup-2", "start_review")
    helped = assistant.handle("sup-2", Incoming("help"))
    assert [r.text for r in helped.replies] == ["One note per message, then 'save'.", "Your next note, or 'save'."]
    assert [r.text for r in assistant.handle("sup-2", Incoming("   ")).replies][0] == "Type a note."
    danger = "the baby is not breathing and mum is passed out on the floor right now"
    replies = [r.text for r in assistant.handle("sup-2", Incoming(danger)).replies]
    assert replies[0] == urgent_help(KNOWLEDGE).text and replies[1] == "Noted (1 so far)."
    assert assistant.modes["review"].danger_noted == [danger]
    paused = assistant.handle("sup-2", Incoming("pause"))
    assert paused.closed and [r.text for r in paused.replies] == ["Review paused."]
    assert assistant.active_mode("sup-2") is None
