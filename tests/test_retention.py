"""Deleting sessions for data protection: rows, record files and Rasa's conversation history.

What deletion leaves is read back from the database, and on SQLite from the raw bytes of the file and
its -wal and -shm files, so text still lying in free space or the log would be found. All text is invented.
"""
from __future__ import annotations

import asyncio
from datetime import datetime, timedelta
from pathlib import Path

import pytest
from rasa.core.tracker_store import SQLTrackerStore
from rasa.shared.core.events import ActionExecuted, BotUttered, SessionStarted, UserUttered
from rasa.shared.core.trackers import DialogueStateTracker
from sqlalchemy import func, insert, select

from bot.__main__ import main as cli
from bot.storage.retention import (
    _rasa_events, delete_history, delete_session, find_histories, histories, label_of, purge, purge_history,
)
from bot.storage.store import Answer, Store, SupervisionSession, make_engine, utcnow
from tests.test_migrations import postgres_schema  # noqa: F401  (fixture)
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
    assert purge(core.store, 0).sessions == []  # off by default
    assert [d.session_id for d in purge(core.store, 30).sessions] == [old]
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


HIDDEN = ["\x1b", "\x9b", "\x07", "\u202a", "\u202b", "\u202c", "\u202d", "\u202e", "\u2066", "\u2067", "\u2068",
          "\u2069", "\u200e", "\u200f", "\u061c"]


def test_the_command_line_shows_typed_text_without_control_characters(core, db_url, monkeypatch, capsys):  # noqa: F811
    """Issue 23: a case reference's ANSI codes reached the maintainer's terminal raw, and an override
    reversed it. The list and show print what was typed with those removed and the rest kept."""
    say = talk(core, "worker-odd")
    say("I want to reflect on a case before supervision")
    say("Sam \x1b]0;title\x07Example")
    say("\u2066Alex\x1b[2J Sample\u2069")
    say("\x1b[31mAB-\u202e1234\x1b[0m" + "9" * 200)
    monkeypatch.setenv("DATABASE_URL", db_url)
    assert cli(["sessions", "list"]) == 0
    listed = capsys.readouterr().out
    assert "AB-1234999" in listed and "…" in listed
    assert all(len(line) < 160 for line in listed.splitlines())
    assert listed.startswith("Case AB-1234999")  # the case's sessions under its reference
    session_id = listed.splitlines()[1].split()[0]
    assert cli(["sessions", "show", session_id]) == 0
    shown = capsys.readouterr().out
    assert "case reference AB-1234999" in shown and "Sam Example" in shown and "Alex Sample" in shown
    for output in (listed, shown):
        assert not [ch for ch in HIDDEN if ch in output]


# ----- workshops: the group's points can hold names, so they are kept no longer than sessions -----

def saved_workshop(core, sender, point="Invented point: the family at 1 Example Road"):  # noqa: F811
    from bot.modes.workshop.workshop_session import WorkshopEngine, WorkshopSession
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
    from bot.modes.workshop.workshop_tables import WorkshopPoint, WorkshopSession
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
    from bot.modes.workshop.workshop_tables import WorkshopSession
    old_id, old_pack = saved_workshop(core, "lead-old")
    new_id, new_pack = saved_workshop(core, "lead-new")
    with core.store.transaction() as db:
        db.get(WorkshopSession, old_id).updated_at = utcnow() - timedelta(days=40)
    assert [d.session_id for d in purge(core.store, 30).sessions] == [old_id]
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


# ----- Rasa's own history: what was typed outside a session, and nothing left on disk -----
# Rasa's real tracker store writes the `events` table into the assistant's database, as the servers do.

DAY = 24 * 3600.0


def rasa_store(url: str) -> SQLTrackerStore:
    """Rasa's own SQL tracker store on the assistant's database (SQLite file or PostgreSQL schema)."""
    if url.startswith("sqlite"):
        return SQLTrackerStore(dialect="sqlite", db=url.split("///", 1)[1])
    schema = url.rsplit("%3D", 1)[1]
    return SQLTrackerStore(dialect="postgresql", host="127.0.0.1", port=5432, db="test", username="postgres",
                           query={"options": f"-csearch_path={schema}"})


def store_conversations(rasa: SQLTrackerStore, sender: str, *conversations) -> None:
    """Each (start, texts) is one of Rasa's conversations: its session start, then a message and a reply
    per text, a second apart, with the timestamps Rasa would have given them."""
    events = []
    for start, texts in conversations:
        events += [ActionExecuted("action_session_start", timestamp=start), SessionStarted(timestamp=start),
                   ActionExecuted("action_listen", timestamp=start)]
        for n, text in enumerate(texts):
            events += [UserUttered(text, timestamp=start + 1 + 2 * n),
                       BotUttered("Noted.", timestamp=start + 2 + 2 * n)]
    asyncio.run(rasa.save(DialogueStateTracker.from_events(sender, events)))


def add_session(store: Store, sender: str, created: float, answer: str, updated: float = None) -> str:
    """A supervision session made at `created` (epoch seconds) holding one answer."""
    with store.transaction() as db:
        session = store.start(db, sender, "supervision")
        store.save_answer(db, session, "case.reference", "What is the case reference?", answer)
        session.created_at = datetime.utcfromtimestamp(created)
        session.updated_at = datetime.utcfromtimestamp(updated if updated is not None else created)
        return session.id


def on_disk(db_file: Path) -> bytes:
    """Every byte SQLite keeps for the database: the file, its write-ahead log and its shared index."""
    return b"".join(p.read_bytes() for p in (db_file, Path(f"{db_file}-wal"), Path(f"{db_file}-shm"))
                    if p.exists())


def texts_of(url: str, sender: str) -> str:
    """All of one sender's event data as Rasa stored it (JSON text)."""
    engine = make_engine(url)
    with engine.connect() as conn:
        return " ".join(conn.exec_driver_sql(f"SELECT data FROM events WHERE sender_id = '{sender}'").scalars())


@pytest.fixture(params=["sqlite", "postgresql"])
def any_db(request, tmp_path):
    """The assistant's database as the plain profile (SQLite) and the scaled one (PostgreSQL) keep it."""
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path / 'assistant.db'}"
    return request.getfixturevalue("postgres_schema")


def test_deleting_a_first_session_takes_what_came_before_it_and_leaves_the_next(any_db):
    """The probe's finding: text typed before a sender's first session (a name and date of birth) stayed
    when the session was deleted and the sender had another. Now it goes; the next session's stays."""
    store, rasa = Store(make_engine(any_db)), rasa_store(any_db)
    now = utcnow().timestamp()
    first = add_session(store, "worker-a", now - 2 * DAY + 2, "Zebediah Quux born 01/02/2015 CASE-ALPHA")
    add_session(store, "worker-a", now - DAY + 2, "CASE-BRAVO")
    store_conversations(rasa, "worker-a",
                        (now - 5 * DAY, ["Zebediah Quux born 01/02/2015"]),  # days before the first session
                        (now - 2 * DAY, ["start first CASE-ALPHA", "first answer ALPHA-TEXT"]),
                        (now - DAY, ["start second CASE-BRAVO", "second answer BRAVO-TEXT"]))
    store_conversations(rasa, "worker-b", (now - 5 * DAY, ["Quentin Other CHARLIE-TEXT"]))
    deleted = delete_session(store, first)
    assert deleted.conversation_events == (3 + 2) + (3 + 4) and deleted.wiped  # two whole conversations
    kept = texts_of(any_db, "worker-a")
    assert kept.count('"event": "session_started"') == 1  # the next session's conversation is whole
    assert "Zebediah" not in kept and "ALPHA" not in kept
    assert "start second CASE-BRAVO" in kept and "BRAVO-TEXT" in kept
    assert "CHARLIE-TEXT" in texts_of(any_db, "worker-b")
    if any_db.startswith("sqlite"):
        raw = on_disk(Path(any_db.split("///", 1)[1]))
        assert b"Zebediah" not in raw and b"ALPHA" not in raw  # neither the events nor the answer
        assert b"BRAVO-TEXT" in raw and b"CHARLIE-TEXT" in raw  # the same bytes would have shown them


def test_two_sessions_in_one_rasa_conversation_split_it_where_the_second_began(any_db):
    """Both sessions began in one Rasa conversation (no session start between them): the first takes what
    was typed in it and after it, up to the message that started the second (an end-to-end test found the
    first session's answers left behind, because the split was put at the conversation's start)."""
    store, rasa = Store(make_engine(any_db)), rasa_store(any_db)
    now = utcnow().timestamp()
    # one conversation from now - 100: messages at +1, +3, +5, +7, +9, +11; sessions made just after +1 and +7
    first = add_session(store, "worker-c", now - 100 + 1.5, "CASE-DELTA")
    add_session(store, "worker-c", now - 100 + 7.5, "CASE-ECHO")
    store_conversations(rasa, "worker-c", (now - 100, [
        "start first", "First Answer DELTA-TEXT", "after saving, Robin Invented",
        "start second", "Second Answer ECHO-TEXT", "last words Kit Imaginary"]))
    delete_session(store, first)
    kept = texts_of(any_db, "worker-c")
    assert "DELTA-TEXT" not in kept and "Robin Invented" not in kept and "start first" not in kept
    assert "start second" in kept and "ECHO-TEXT" in kept and "Kit Imaginary" in kept


def test_purge_reaches_history_without_a_session_and_never_cuts_a_live_one(any_db):
    """Retention of 30 days: a sender with nothing recent goes whole; another loses only conversations
    older than that; a live session keeps the whole Rasa conversation it began in, and Rasa reads it."""
    store, rasa = Store(make_engine(any_db)), rasa_store(any_db)
    now = utcnow().timestamp()
    store_conversations(rasa, "visitor-old", (now - 60 * DAY, ["Ophelia Gone born 03/04/2016 OLD-VISITOR"]))
    store_conversations(rasa, "visitor-back", (now - 45 * DAY, ["OLD-CHAT-DELTA"]), (now - DAY, ["NEW-CHAT-ECHO"]))
    add_session(store, "worker-live", now - 40 * DAY + 20, "LIVE-ANSWER", updated=now - DAY)
    store_conversations(rasa, "worker-live",
                        (now - 50 * DAY, ["BEFORE-FOXTROT"]),
                        (now - 40 * DAY, ["SAME-CONVERSATION-GOLF"] + ["filler"] * 8 + ["start LIVE-HOTEL"]),
                        (now - 2 * DAY, ["LATER-INDIA"]))
    add_session(store, "worker-stale", now - 50 * DAY + 2, "STALE-ANSWER")
    store_conversations(rasa, "worker-stale", (now - 50 * DAY, ["start STALE-JULIET"]))

    purged = purge(store, 30)
    assert len(purged.sessions) == 1 and purged.sessions[0].conversation_events == 5
    assert (purged.history.senders, purged.history.events) == (1, 5 + 5 + 5)
    assert texts_of(any_db, "visitor-old") == "" and texts_of(any_db, "worker-stale") == ""
    back, live = texts_of(any_db, "visitor-back"), texts_of(any_db, "worker-live")
    assert "OLD-CHAT-DELTA" not in back and "NEW-CHAT-ECHO" in back
    assert "BEFORE-FOXTROT" not in live
    assert all(kept in live for kept in ("SAME-CONVERSATION-GOLF", "start LIVE-HOTEL", "LATER-INDIA"))
    tracker = asyncio.run(rasa.retrieve_full_tracker("worker-live"))
    assert isinstance(tracker.events[1], SessionStarted)  # the history still begins with a whole conversation
    assert purge(store, 30).history.events == 0  # nothing more to do
    if any_db.startswith("sqlite"):
        raw = on_disk(Path(any_db.split("///", 1)[1]))
        for gone in (b"Ophelia", b"OLD-VISITOR", b"OLD-CHAT-DELTA", b"BEFORE-FOXTROT", b"STALE-"):
            assert gone not in raw
        assert b"NEW-CHAT-ECHO" in raw and b"SAME-CONVERSATION-GOLF" in raw


def test_history_without_a_session_is_listed_by_label_and_deleted(any_db):
    store, rasa = Store(make_engine(any_db)), rasa_store(any_db)
    now = utcnow().timestamp()
    store_conversations(rasa, "visitor-1", (now - 3 * DAY, ["Peregrine Took born 05/06/2017 KILO-TEXT"]))
    store_conversations(rasa, "visitor-2", (now - DAY, ["LIMA-TEXT"]))
    add_session(store, "worker-1", now - DAY + 2, "MIKE-ANSWER")
    store_conversations(rasa, "worker-1", (now - DAY, ["start MIKE-TEXT"]))
    listed = histories(store)
    assert [(h.label, h.events) for h in listed] == [(label_of("visitor-2"), 5), (label_of("visitor-1"), 5)]
    assert len(listed[0].label) == 12 and "visitor" not in listed[0].label
    assert delete_history(store, find_histories(store, label_of("visitor-1")[:6])[0]).events == 5
    assert texts_of(any_db, "visitor-1") == "" and "LIMA-TEXT" in texts_of(any_db, "visitor-2")
    assert "MIKE-TEXT" in texts_of(any_db, "worker-1")
    assert purge_history(store, 0).events == 0  # retention off: nothing
    if any_db.startswith("sqlite"):
        raw = on_disk(Path(any_db.split("///", 1)[1]))
        assert b"Peregrine" not in raw and b"KILO-TEXT" not in raw and b"LIMA-TEXT" in raw


def test_the_history_commands_never_show_a_sender_id(db_url, monkeypatch, capsys):  # noqa: F811
    Store(make_engine(db_url))  # the schema
    rasa = rasa_store(db_url)
    now = utcnow().timestamp()
    store_conversations(rasa, "visitor-secret-id", (now - 40 * DAY, ["Old words"]))
    store_conversations(rasa, "visitor-recent-id", (now - DAY, ["New words"]))
    monkeypatch.setenv("DATABASE_URL", db_url)
    assert cli(["history", "list"]) == 0
    listed = capsys.readouterr().out
    assert label_of("visitor-secret-id") in listed and "events     5" in listed
    assert "visitor" not in listed and "words" not in listed
    assert cli(["history", "delete", "zzzz"]) == 1
    assert "history list" in capsys.readouterr().err
    assert cli(["history", "purge", "--days", "30"]) == 0
    assert "Deleted 5 conversation event(s) older than 30 days (1 sender(s)" in capsys.readouterr().out
    assert cli(["history", "delete", label_of("visitor-recent-id")]) == 0
    assert "5 conversation event(s)" in capsys.readouterr().out
    assert cli(["history", "list"]) == 0
    assert "No conversation history without a session." in capsys.readouterr().out
    with pytest.raises(SystemExit):
        cli(["history", "delete"])
    assert "needs a label" in capsys.readouterr().err


def test_the_byte_check_would_find_deleted_text_and_every_connection_overwrites_it(tmp_path):
    """Without secure_delete SQLite leaves a deleted row's text in free space, and the checks above would
    see it; this SQLite may default to on, so every connection the assistant opens sets it itself."""
    import sqlite3
    plain = tmp_path / "plain.db"
    connection = sqlite3.connect(plain)
    connection.execute("PRAGMA secure_delete=OFF")
    connection.execute("CREATE TABLE events (id INTEGER PRIMARY KEY, data TEXT)")
    connection.executemany("INSERT INTO events (data) VALUES (?)", [("Invented NOVEMBER-TEXT",), ("other",)])
    connection.commit()
    connection.execute("DELETE FROM events WHERE data LIKE 'Invented%'")
    connection.commit()
    connection.close()
    assert b"NOVEMBER-TEXT" in on_disk(plain)

    engine = make_engine(f"sqlite:///{tmp_path / 'assistant.db'}")
    with engine.connect() as conn:
        assert conn.exec_driver_sql("PRAGMA secure_delete").scalar() == 1


def test_a_checkpoint_kept_waiting_by_a_reader_is_reported_not_hidden(tmp_path, db_url):  # noqa: F811
    """While another connection is still reading an older snapshot, the log cannot be emptied: the deletion
    stands and the command says the text may stay on disk until later, rather than claiming it is gone."""
    import sqlite3
    from sqlalchemy import create_engine

    from bot.storage.retention import wipe
    make_engine(db_url)
    path = db_url.split("///", 1)[1]
    reader = sqlite3.connect(path, isolation_level=None)
    reader.execute("BEGIN")
    reader.execute("SELECT count(*) FROM supervision_sessions").fetchall()  # holds its snapshot open
    hurried = create_engine(db_url, future=True, connect_args={"timeout": 0.2})
    with hurried.begin() as conn:
        conn.exec_driver_sql("INSERT INTO supervision_sessions (id, sender_id, kind, status, choosing_change, "
                             "privacy_reminded, created_at, updated_at) VALUES ('x', 'w', 'supervision', "
                             "'active', 0, 0, '2026-01-01', '2026-01-01')")
    assert wipe(hurried) is False
    reader.execute("COMMIT")
    reader.close()
    assert wipe(hurried) is True
    log = Path(f"{path}-wal")  # emptied; SQLite may also remove it when the last connection closes
    assert not log.exists() or log.stat().st_size == 0


def test_sessions_purge_says_what_it_deleted_in_counts_only(db_url, monkeypatch, capsys):  # noqa: F811
    store, rasa = Store(make_engine(db_url)), rasa_store(db_url)
    now = utcnow().timestamp()
    add_session(store, "worker-stale", now - 50 * DAY + 2, "Invented stale answer")
    store_conversations(rasa, "worker-stale", (now - 50 * DAY, ["start"]))
    store_conversations(rasa, "visitor-gone", (now - 40 * DAY, ["Old words"]))
    monkeypatch.setenv("DATABASE_URL", db_url)
    assert cli(["sessions", "purge", "--days", "30"]) == 0
    assert capsys.readouterr().out == (
        "Retention: deleted 1 session(s) untouched for 30 days (with 5 conversation event(s)) and 5 other "
        "conversation event(s) older than 30 days (1 sender(s) with no session left).\n")
    assert texts_of(db_url, "worker-stale") == "" and texts_of(db_url, "visitor-gone") == ""
