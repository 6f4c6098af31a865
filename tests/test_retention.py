"""Deleting sessions for data protection: rows, record files and Rasa's conversation history."""
from __future__ import annotations

from datetime import timedelta
from pathlib import Path

from sqlalchemy import func, insert, select

from bot.__main__ import main as cli
from bot.retention import _rasa_events, delete_session, purge
from bot.storage import Answer, SupervisionSession, utcnow
from tests.test_supervision import core, db_url, saved_record, talk  # noqa: F401  (fixtures)


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


# ----- workshops: the group's points can hold names, so they are kept no longer than sessions -----

def saved_workshop(core, sender, point="Invented point: the family at 1 Example Road"):  # noqa: F811
    from bot.workshop_session import WorkshopEngine, WorkshopSession
    from tests.test_workshop_session import CONTENT, set_up
    workshop = WorkshopEngine(core.knowledge, CONTENT, core.store, core.records_dir)
    say = set_up(workshop, sender=sender)
    say("start")
    say(point)
    text, closed = say("save")
    assert closed and ".docx" in text
    with core.store.transaction() as db:
        session = db.execute(select(WorkshopSession).where(WorkshopSession.sender_id == sender)).scalars().one()
        return session.id, Path(session.pack_path)


def test_deleting_a_workshop_removes_its_points_its_pack_and_its_conversation(core):  # noqa: F811
    from bot.workshop_session import WorkshopPoint, WorkshopSession
    kept = saved_session(core, "lead-1")  # a supervision session of the same person stays
    workshop_id, pack = saved_workshop(core, "lead-1")
    add_rasa_events(core, "lead-1")
    deleted = delete_session(core.store, workshop_id)
    assert deleted.files == 1 and not pack.exists()
    with core.store.transaction() as db:
        assert db.execute(select(WorkshopSession)).scalars().all() == []
        assert db.execute(select(WorkshopPoint)).scalars().all() == []
        assert [s.id for s in db.execute(select(SupervisionSession)).scalars()] == [kept]
    assert saved_record(core, "lead-1").exists()


def test_retention_purges_old_workshops_and_their_packs_too(core):  # noqa: F811
    from bot.workshop_session import WorkshopSession
    old_id, old_pack = saved_workshop(core, "lead-old")
    new_id, new_pack = saved_workshop(core, "lead-new")
    with core.store.transaction() as db:
        db.get(WorkshopSession, old_id).updated_at = utcnow() - timedelta(days=40)
    assert [d.session_id for d in purge(core.store, 30)] == [old_id]
    assert not old_pack.exists() and new_pack.exists()
    with core.store.transaction() as db:
        assert [s.id for s in db.execute(select(WorkshopSession)).scalars()] == [new_id]


def test_the_command_line_lists_shows_and_deletes_workshops(core, db_url, monkeypatch, capsys):  # noqa: F811
    workshop_id, pack = saved_workshop(core, "lead-1")
    monkeypatch.setenv("DATABASE_URL", db_url)
    assert cli(["sessions", "list"]) == 0
    listed = capsys.readouterr().out
    assert workshop_id in listed and "workshop" in listed
    assert cli(["sessions", "show", workshop_id[:8]]) == 0
    assert "1 Example Road" in capsys.readouterr().out
    assert cli(["sessions", "delete", workshop_id[:8]]) == 0
    assert "1 pack file(s)" in capsys.readouterr().out and not pack.exists()
