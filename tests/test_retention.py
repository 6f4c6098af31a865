"""Deleting sessions for data protection: rows, record files and Rasa's conversation history."""
from __future__ import annotations

from datetime import timedelta

from sqlalchemy import func, insert, select

from bot.__main__ import main as cli
from bot.retention import _rasa_events, delete_session, purge
from bot.storage import Answer, SupervisionSession, utcnow
from tests.test_conversation import core, db_url, saved_record, talk  # noqa: F401  (fixtures)


def saved_session(core, sender):  # noqa: F811
    say = talk(core, sender)
    say("I want to reflect on a case before supervision")
    say(f"Worker {sender}")
    say("save")
    with core.store.transaction() as db:
        return db.execute(select(SupervisionSession).where(SupervisionSession.sender_id == sender)
                          ).scalars().one().id


def add_rasa_events(core, sender, count=3):  # noqa: F811
    _rasa_events.create(core.store.engine, checkfirst=True)
    now = utcnow().timestamp()
    with core.store.engine.begin() as conn:
        for n in range(count):
            conn.execute(insert(_rasa_events).values(sender_id=sender, timestamp=now + n))


def count(core, table, **where):  # noqa: F811
    with core.store.engine.connect() as conn:
        query = select(func.count()).select_from(table)
        for column, value in where.items():
            query = query.where(table.c[column] == value)
        return conn.execute(query).scalar()


def test_deleting_a_session_removes_its_rows_files_and_conversation(core):  # noqa: F811
    kept, gone = saved_session(core, "worker-keep"), saved_session(core, "worker-gone")
    record = saved_record(core, "worker-gone")
    add_rasa_events(core, "worker-gone")
    add_rasa_events(core, "worker-keep")
    deleted = delete_session(core.store, gone)
    assert (deleted.files, deleted.conversation_events) == (1, 3)
    assert not record.exists()
    assert count(core, _rasa_events, sender_id="worker-gone") == 0
    assert count(core, _rasa_events, sender_id="worker-keep") == 3
    with core.store.transaction() as db:
        assert [s.id for s in db.execute(select(SupervisionSession)).scalars()] == [kept]
        assert all(a.session_id == kept for a in db.execute(select(Answer)).scalars())
    assert saved_record(core, "worker-keep").exists()


def test_every_record_a_session_saved_is_deleted(core):  # noqa: F811
    session_id = saved_session(core, "worker-1")
    first = saved_record(core)
    core.resume("worker-1")
    talk(core)("Alex Sample")
    talk(core)("save")
    second = saved_record(core)
    assert first != second and first.exists() and second.exists()
    assert delete_session(core.store, session_id).files == 2
    assert not first.exists() and not second.exists()


def test_retention_deletes_only_old_sessions(core):  # noqa: F811
    old, recent = saved_session(core, "worker-old"), saved_session(core, "worker-new")
    with core.store.transaction() as db:
        db.get(SupervisionSession, old).updated_at = utcnow() - timedelta(days=40)
    assert purge(core.store, 0) == []  # off by default
    assert [d.session_id for d in purge(core.store, 30)] == [old]
    with core.store.transaction() as db:
        assert [s.id for s in db.execute(select(SupervisionSession)).scalars()] == [recent]


def test_the_command_line_lists_shows_and_deletes(core, db_url, monkeypatch, capsys):  # noqa: F811
    session_id = saved_session(core, "worker-1")
    monkeypatch.setenv("DATABASE_URL", db_url)
    assert cli(["sessions", "list"]) == 0
    assert session_id in capsys.readouterr().out
    assert cli(["sessions", "show", session_id[:8]]) == 0
    assert "Worker worker-1" in capsys.readouterr().out
    assert cli(["sessions", "delete", session_id[:8]]) == 0
    assert "1 record file(s)" in capsys.readouterr().out
    assert cli(["sessions", "show", session_id[:8]]) == 1
