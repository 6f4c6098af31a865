"""Saving a record: a file on disk always belongs to a session, and a failed save says why.

Real SQLite databases and real Word files; no servers.
"""
from __future__ import annotations

import errno
import os
import shutil
import sqlite3
import subprocess
from pathlib import Path

import pytest
from sqlalchemy import create_engine, event, select

from bot.modes.supervision.supervision import SupervisionEngine
from bot.records.record_docx import write_record
from bot.storage.retention import delete_session, orphan_records, orphan_report
from bot.storage.store import COMPLETE, SessionNote, Store, SupervisionSession, make_engine, migrate
from bot.reading.text_input import Incoming
from tests.session_driver import docx_text
from tests.test_supervision import KNOWLEDGE, talk

RECORD_FOLDER_WORDS = "in the records folder"


def store_with_short_lock_wait(path: Path) -> Store:
    """A store like make_engine's, but giving up on a locked database after half a second."""
    url = f"sqlite:///{path}"
    make_engine(url).dispose()
    engine = create_engine(url, future=True, connect_args={"timeout": 0.5, "check_same_thread": False})

    @event.listens_for(engine, "connect")
    def _pragmas(dbapi_conn, _record):
        dbapi_conn.execute("PRAGMA journal_mode=WAL")

    migrate(engine)
    return Store(engine)


def session_of(core, sender="worker-1") -> SupervisionSession:
    with core.store.transaction() as db:
        return db.execute(select(SupervisionSession).where(SupervisionSession.sender_id == sender)
                          .order_by(SupervisionSession.created_at.desc())).scalars().first()


def start_and_answer(say):
    say("I want to reflect on a case before supervision")
    say("Sam Example")
    say("Alex Sample")
    say("TEST-0042")


def test_a_database_locked_after_the_file_is_written_leaves_no_orphan_file(tmp_path):
    db_file, records = tmp_path / "assistant.db", tmp_path / "records"
    lock = sqlite3.connect(db_file, timeout=0, isolation_level=None)

    def write_then_lock(record, directory, path=None):
        written = write_record(record, directory, path=path)
        assert written.stat().st_size > 0  # the file really was written before the commit failed
        lock.execute("BEGIN EXCLUSIVE")
        return written

    store = store_with_short_lock_wait(db_file)
    core = SupervisionEngine(KNOWLEDGE, store, records, write=write_then_lock)
    say = talk(core)
    start_and_answer(say)
    try:
        reply = say("save")
    finally:
        lock.execute("ROLLBACK")
    assert "couldn't write the record just now: the database was busy" in reply
    assert "Every answer you've given is kept" in reply and "Say save again" in reply
    assert list(records.glob("*.docx")) == []  # the written file was removed
    assert orphan_records(store, records) == []
    session = session_of(core)
    assert session.status == "active" and session.record_path is None
    # a retry once the database is free writes one record, holding every answer
    core.saver.write = write_record
    reply = say("save")
    files = list(records.glob("*.docx"))
    assert len(files) == 1 and files[0].name in reply
    assert "Sam Example" in docx_text(files[0]) and "TEST-0042" in docx_text(files[0])
    assert orphan_records(store, records) == []


def test_a_database_locked_before_the_save_writes_no_file(tmp_path):
    db_file, records = tmp_path / "assistant.db", tmp_path / "records"
    store = store_with_short_lock_wait(db_file)
    core = SupervisionEngine(KNOWLEDGE, store, records)
    say = talk(core)
    start_and_answer(say)
    lock = sqlite3.connect(db_file, timeout=0, isolation_level=None)
    lock.execute("BEGIN EXCLUSIVE")
    try:
        reply = say("save")
    finally:
        lock.execute("ROLLBACK")
        lock.close()
    assert "the database was busy" in reply
    assert list(records.iterdir()) == []


def test_the_name_is_stored_before_the_file_is_written(tmp_path):
    db_url = f"sqlite:///{tmp_path / 'assistant.db'}"
    seen = {}

    def write_checking(record, directory, path=None):
        # another connection sees the session already refers to this path
        with Store(make_engine(db_url)).transaction() as db:
            seen["notes"] = [n.text for n in db.execute(select(SessionNote).where(SessionNote.kind == "record"))
                             .scalars()]
        return write_record(record, directory, path=path)

    core = SupervisionEngine(KNOWLEDGE, Store(make_engine(db_url)), tmp_path / "records", write=write_checking)
    say = talk(core)
    start_and_answer(say)
    say("save")
    assert seen["notes"] == [session_of(core).record_path]


def read_only(folder: Path):
    """Make a folder unwritable, even for root (immutable); returns how to undo it."""
    folder.mkdir(mode=0o700, exist_ok=True)
    if os.geteuid() == 0:
        if shutil.which("chattr") is None or subprocess.run(["chattr", "+i", str(folder)]).returncode:
            pytest.skip("root can write anywhere here, and chattr is not available")
        return lambda: subprocess.run(["chattr", "-i", str(folder)], check=True)
    folder.chmod(0o500)
    return lambda: folder.chmod(0o700)


def test_a_read_only_records_folder_gives_the_plain_message_then_a_retry_works(tmp_path):
    records = tmp_path / "records"
    undo = read_only(records)
    try:
        core = SupervisionEngine(KNOWLEDGE, Store(make_engine(f"sqlite:///{tmp_path / 'a.db'}")), records)
        say = talk(core)
        start_and_answer(say)
        reply = say("save")
    finally:
        undo()
    assert "couldn't write the record just now: the records folder can't be written to" in reply
    assert "Every answer you've given is kept" in reply and str(records) not in reply
    reply = say("save")
    assert "Saved what you have so far as supervision-TEST-0042-" in reply


@pytest.mark.parametrize("code, words", [(errno.ENOSPC, "the disk is full"),
                                         (errno.EROFS, "the records folder can't be written to")])
def test_a_write_failure_says_why_in_a_word_and_leaves_nothing_behind(tmp_path, code, words):
    def failing(record, directory, path=None):
        raise OSError(code, os.strerror(code))

    records = tmp_path / "records"
    core = SupervisionEngine(KNOWLEDGE, Store(make_engine(f"sqlite:///{tmp_path / 'a.db'}")), records, write=failing)
    say = talk(core)
    start_and_answer(say)
    reply = say("save")
    assert f"couldn't write the record just now: {words}" in reply
    assert list(records.glob("*.docx")) == []
    assert core.has_active_session("worker-1")  # carry on, or say save again


def test_a_repeated_save_of_an_unchanged_session_gives_the_same_file(tmp_path):
    records = tmp_path / "records"
    core = SupervisionEngine(KNOWLEDGE, Store(make_engine(f"sqlite:///{tmp_path / 'a.db'}")), records)
    say = talk(core)
    start_and_answer(say)
    first = say("save")
    core.resume("worker-1")
    second = say("save")
    files = list(records.glob("*.docx"))
    assert len(files) == 1 and files[0].name in first and files[0].name in second
    core.resume("worker-1")
    say("skip")  # a change: the next save is a new file
    say("save")
    assert len(list(records.glob("*.docx"))) == 2


@pytest.mark.parametrize("reference, in_name", [
    ("AB-" + "9" * 252, "AB-" + "9" * 37),  # the longest the database keeps
    ("\x1b]0;pwned\x07\x1b[2J\u202eAB-1234\u202c", "AB-1234"),  # a terminal title, a clear screen, an override
    ("\u202e\u2066\x1b", "no-reference"),  # nothing visible at all
])
def test_a_long_or_odd_case_reference_never_fails_a_save(tmp_path, reference, in_name):
    """Issue 23: a 255-character reference made every save fail. The record is written, its name short
    and plain, and the reference in it clean; the answer itself is kept as typed."""
    records = tmp_path / "records"
    core = SupervisionEngine(KNOWLEDGE, Store(make_engine(f"sqlite:///{tmp_path / 'a.db'}")), records)
    say = talk(core)
    say("I want to reflect on a case before supervision")
    say("Sam Example")
    say("Alex Sample")
    say(reference)
    reply = say("save")
    [saved] = records.glob("*.docx")
    assert saved.name in reply and "couldn't" not in reply
    assert saved.name.startswith(f"supervision-{in_name}-") and len(saved.name) <= 80
    assert all(ch.isascii() and (ch.isalnum() or ch in "-._") for ch in saved.name)
    text = docx_text(saved)
    assert "\x1b" not in text and "\u202e" not in text and "pwned" not in text
    assert session_of(core).answer("case.reference").text == reference


def test_replies_name_the_records_folder_never_a_server_path(tmp_path, monkeypatch):
    records = tmp_path / "records"
    core = SupervisionEngine(KNOWLEDGE, Store(make_engine(f"sqlite:///{tmp_path / 'a.db'}")), records)
    say = talk(core)
    start_and_answer(say)
    reply = say("save")
    assert RECORD_FOLDER_WORDS in reply and str(tmp_path) not in reply
    monkeypatch.setenv("RECORDS_LABEL", "the team's Supervision Records folder")
    labelled = SupervisionEngine(KNOWLEDGE, core.store, records)
    labelled.resume("worker-1")
    say = talk(labelled)
    say("skip")
    assert "in the team's Supervision Records folder" in say("save")


def test_yes_at_the_review_saves_and_the_session_is_no_longer_open(tmp_path):
    records = tmp_path / "records"
    core = SupervisionEngine(KNOWLEDGE, Store(make_engine(f"sqlite:///{tmp_path / 'a.db'}")), records)
    from tests.session_driver import answer_for
    say = talk(core)
    reply = say("I want to reflect on a case before supervision")
    for _ in range(120):
        if "Say save to write the record" in reply:
            break
        key = core.current_step("worker-1").key
        reply = say(answer_for(key))
        if key == "chronology.entries":
            reply = say("done")
    reply = say("yes")
    assert "Your record is saved as" in reply and "You don't have a session open" not in reply
    assert session_of(core).status == COMPLETE
    assert not core.has_active_session("worker-1")  # the form closes on this (actions/session.py)


def test_a_save_whose_reply_never_arrived_is_reported_on_the_next_message(tmp_path):
    records = tmp_path / "records"
    core = SupervisionEngine(KNOWLEDGE, Store(make_engine(f"sqlite:///{tmp_path / 'a.db'}")), records)
    say = talk(core)
    start_and_answer(say)
    say("save")  # the connection dropped: nothing closed the form, so the note is still there
    name = Path(session_of(core).record_path).name
    reply = "\n".join(r.text for r in core.handle("worker-1", Incoming("save")).replies)
    assert f"Your record was saved as {name} in the records folder" in reply
    again = "\n".join(r.text for r in core.handle("worker-1", Incoming("save")).replies)
    assert "You don't have a session open" in again  # said once only


def test_a_save_whose_reply_arrived_is_not_reported_again(tmp_path):
    records = tmp_path / "records"
    core = SupervisionEngine(KNOWLEDGE, Store(make_engine(f"sqlite:///{tmp_path / 'a.db'}")), records)
    say = talk(core)
    start_and_answer(say)
    say("save")
    core.record_seen("worker-1")  # what closing the form does
    reply = "\n".join(r.text for r in core.handle("worker-1", Incoming("save")).replies)
    assert "You don't have a session open" in reply


def test_orphan_files_are_reported_at_start_and_removed_under_retention(tmp_path):
    records = tmp_path / "records"
    store = Store(make_engine(f"sqlite:///{tmp_path / 'a.db'}"))
    core = SupervisionEngine(KNOWLEDGE, store, records)
    say = talk(core)
    start_and_answer(say)
    say("save")
    kept = Path(session_of(core).record_path)
    orphan = records / "supervision-OLD-20200101-000000.docx"
    orphan.write_bytes(b"left by an interrupted save")
    assert orphan_records(store, records) == [orphan]
    report = orphan_report(store, records, days=0)
    assert "1 record file(s)" in report and "OLD" not in report  # a count, never a case reference
    assert orphan.exists()
    os.utime(orphan, (0, 0))  # untouched for decades
    report = orphan_report(store, records, days=30)
    assert "deleted 1 record file(s)" in report
    assert not orphan.exists() and kept.exists()
    assert orphan_report(store, records, days=30) is None
    # deleting the session removes its record too: nothing is left for nobody
    delete_session(store, session_of(core).id)
    assert list(records.glob("*.docx")) == []
