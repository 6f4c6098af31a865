"""The Alembic migrations build exactly the schema the models describe, on SQLite and PostgreSQL."""
from __future__ import annotations

import uuid
from contextlib import contextmanager

import pytest
from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy import create_engine, inspect, select, text

import bot.modes.workshop.workshop_session  # noqa: F401  (its tables are part of the schema)
from bot.storage.store import Base, alembic_config, make_engine

POSTGRES = "postgresql://postgres@127.0.0.1:5432/test"


def differences(engine):
    with engine.connect() as connection:
        return compare_metadata(MigrationContext.configure(connection), Base.metadata)


def test_migrations_match_the_models_on_sqlite(tmp_path):
    engine = make_engine(f"sqlite:///{tmp_path / 'a.db'}")
    assert differences(engine) == []
    assert "alembic_version" in inspect(engine).get_table_names()


def test_migrating_twice_changes_nothing(tmp_path):
    url = f"sqlite:///{tmp_path / 'a.db'}"
    make_engine(url)
    assert differences(make_engine(url)) == []


@contextmanager
def throwaway_schema():
    """A schema of its own in the local PostgreSQL (the scaled profile), dropped afterwards; its URL."""
    try:
        admin = create_engine(POSTGRES, future=True)
        admin.connect().close()
    except Exception as error:  # pragma: no cover - only where PostgreSQL is missing
        pytest.skip(f"PostgreSQL is not available at {POSTGRES}: {error}")
    schema = f"t_{uuid.uuid4().hex[:12]}"
    with admin.begin() as connection:
        connection.execute(text(f'CREATE SCHEMA "{schema}"'))
    try:
        yield f"{POSTGRES}?options=-csearch_path%3D{schema}"
    finally:
        with admin.begin() as connection:
            connection.execute(text(f'DROP SCHEMA "{schema}" CASCADE'))
        admin.dispose()


@pytest.fixture
def postgres_schema():
    with throwaway_schema() as url:
        yield url


def test_migrations_match_the_models_on_postgresql(postgres_schema):
    engine = make_engine(postgres_schema)
    assert differences(engine) == []
    engine.dispose()


def test_a_session_is_stored_and_read_back_on_postgresql(postgres_schema, tmp_path):
    from pathlib import Path

    from bot.modes.supervision.supervision import SupervisionEngine
    from bot.content.knowledge import load_knowledge
    from bot.storage.store import Store
    from bot.reading.text_input import Incoming

    knowledge = load_knowledge(Path(__file__).resolve().parent.parent / "knowledge")
    core = SupervisionEngine(knowledge, Store(make_engine(postgres_schema)), tmp_path)
    core.start("pg-worker")
    core.handle("pg-worker", Incoming("Sam Example"))
    reopened = SupervisionEngine(knowledge, Store(make_engine(postgres_schema)), tmp_path)
    assert reopened.current_step("pg-worker").key == "details.supervisor"
    turn = reopened.handle("pg-worker", Incoming("save"))
    assert turn.closed and ".docx" in turn.replies[0].text
    core.store.engine.dispose()
    reopened.store.engine.dispose()


def test_a_database_made_before_migrations_is_adopted(tmp_path):
    url = f"sqlite:///{tmp_path / 'old.db'}"
    Base.metadata.create_all(create_engine(url, future=True))
    assert differences(make_engine(url)) == []


@contextmanager
def old_database(url: str, revision: str):
    """A database brought up to an earlier revision only, and a connection to fill it as it was then."""
    config = alembic_config()
    engine = create_engine(url, future=True)
    with engine.begin() as connection:
        config.attributes["connection"] = connection
        command.upgrade(config, revision)
        yield connection
    engine.dispose()


def add_old_session(connection, sid: str, **columns) -> None:
    names = "".join(f", {name}" for name in columns)
    values = "".join(f", :{name}" for name in columns)
    connection.execute(text(
        f"INSERT INTO supervision_sessions (id, sender_id, kind, status, created_at, updated_at{names}) "
        f"VALUES (:id, 'w', 'supervision', 'active', '2026-01-01 00:00:00', '2026-01-01 00:00:00'{values})"),
        {"id": sid, **columns})
    connection.execute(text("INSERT INTO answers (session_id, step_key, question, text, skipped, "
                            "created_at, updated_at) VALUES (:id, 'details.worker', 'Name?', 'Sam', 0, "
                            "'2026-01-01 00:00:00', '2026-01-01 00:00:00')"), {"id": sid})


def test_a_privacy_note_from_before_0002_becomes_the_sessions_flag(tmp_path):
    url = f"sqlite:///{tmp_path / 'a.db'}"
    with old_database(url, "0001") as connection:
        for sid, note in (("s-reminded", True), ("s-not", False)):
            add_old_session(connection, sid)
            if note:
                connection.execute(text("INSERT INTO session_notes (session_id, kind, text, created_at) "
                                        "VALUES (:id, 'privacy', 'a postcode', '2026-01-01')"), {"id": sid})
    migrated = make_engine(url)
    with migrated.connect() as connection:
        flags = dict(connection.execute(text("SELECT id, privacy_reminded FROM supervision_sessions")).all())
        notes = connection.execute(text("SELECT count(*) FROM session_notes")).scalar()
        answers = connection.execute(text("SELECT count(*) FROM answers")).scalar()
    assert flags == {"s-reminded": 1, "s-not": 0} and notes == 0
    assert answers == 2  # nothing else is touched
    assert differences(migrated) == []


def test_focus_from_before_0003_becomes_choosing_a_change_or_the_question_being_changed(tmp_path):
    from bot.storage.store import Store, SupervisionSession

    url = f"sqlite:///{tmp_path / 'a.db'}"
    with old_database(url, "0002") as connection:
        for sid, focus in (("s-list", "review.change"), ("s-question", "theme.neglect.1"), ("s-plain", None)):
            add_old_session(connection, sid, focus=focus)
    migrated = make_engine(url)
    with Store(migrated).transaction() as db:
        rows = list(db.execute(select(SupervisionSession)).scalars())
        sessions = {s.id: (s.choosing_change, s.changing_step) for s in rows}
        answers = sum(len(s.answers) for s in rows)
    assert sessions == {"s-list": (True, None), "s-question": (False, "theme.neglect.1"),
                        "s-plain": (False, None)}
    assert answers == 3  # every answer is still there
    assert differences(migrated) == []
    migrated.dispose()
