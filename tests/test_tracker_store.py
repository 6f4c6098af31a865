"""Rasa's conversation history waits for a locked database instead of falling back to memory."""
from __future__ import annotations

import asyncio
import logging
import sqlite3
import threading
import time

import pytest
from rasa.shared.core.domain import Domain
from rasa.shared.core.events import ActionExecuted, UserUttered
from rasa.shared.core.trackers import DialogueStateTracker
from sqlalchemy import exc

from bot.config import Settings, SettingsError
from bot.storage.store import make_engine
from stores.sql import DurableSQLTrackerStore


def tracker(sender: str = "worker-lock") -> DialogueStateTracker:
    return DialogueStateTracker.from_events(sender, [ActionExecuted("action_listen"),
                                                     UserUttered("an invented answer")])


def hold_lock(path, seconds: float) -> threading.Thread:
    """Another writer (as the action server can be) holding SQLite's write lock for a while."""
    ready = threading.Event()

    def hold() -> None:
        connection = sqlite3.connect(path, timeout=5)
        connection.execute("BEGIN EXCLUSIVE")
        ready.set()
        threading.Event().wait(seconds)
        connection.rollback()
        connection.close()

    thread = threading.Thread(target=hold, daemon=True)
    thread.start()
    ready.wait(5)
    return thread


def test_a_save_while_sqlite_is_locked_waits_and_lands_in_the_database(tmp_path):
    path = tmp_path / "rasa.db"
    store = DurableSQLTrackerStore(domain=Domain.empty(), host=f"sqlite:///{path}")
    holder = hold_lock(str(path), 6)  # longer than SQLite's own 5 s wait
    asyncio.run(store.save(tracker()))  # Rasa's own store raises here, and Rasa falls back to memory
    holder.join()
    again = DurableSQLTrackerStore(domain=Domain.empty(), host=f"sqlite:///{path}")  # read from the file
    stored = asyncio.run(again.retrieve("worker-lock"))
    assert stored is not None and stored.latest_message.text == "an invented answer"


def test_both_servers_wait_as_long_as_database_busy_seconds_says(tmp_path, monkeypatch):
    monkeypatch.setenv("DATABASE_BUSY_SECONDS", "7")
    assert DurableSQLTrackerStore(domain=Domain.empty(), host=f"sqlite:///{tmp_path / 'rasa.db'}").retry_seconds == 7
    assert Settings.from_env().database_busy_seconds == 7  # the action server's store (actions/services.py)
    engine = make_engine(f"sqlite:///{tmp_path / 'assistant.db'}", busy_seconds=0.2)
    holder = hold_lock(str(tmp_path / "assistant.db"), 3)
    began = time.monotonic()
    with pytest.raises(exc.OperationalError, match="locked"), engine.begin() as connection:
        connection.exec_driver_sql("CREATE TABLE waiting (x INTEGER)")
    assert time.monotonic() - began < 2  # gave up after its own wait, long before the lock was let go
    holder.join()
    monkeypatch.setenv("DATABASE_BUSY_SECONDS", "soon")
    with pytest.raises(SettingsError, match="DATABASE_BUSY_SECONDS"):
        Settings.from_env()


def test_a_database_locked_for_too_long_fails_loudly(tmp_path, caplog):
    path = tmp_path / "rasa.db"
    store = DurableSQLTrackerStore(domain=Domain.empty(), host=f"sqlite:///{path}", retry_seconds=0.5)
    holder = hold_lock(str(path), 2)
    with caplog.at_level(logging.ERROR, logger="stores.sql"), pytest.raises(exc.OperationalError):
        asyncio.run(store.save(tracker()))
    holder.join()
    assert "could not save a conversation" in caplog.text and "not in the stored history" in caplog.text
    assert "an invented answer" not in caplog.text and "worker-lock" not in caplog.text


def test_waiting_for_a_locked_database_does_not_hold_up_other_conversations(tmp_path, monkeypatch):
    """Rasa's store runs its SQL on the server's one event loop: a wait for SQLite's lock would
    stop every other practitioner's turn. Here the loop keeps ticking while a save waits."""
    import stores.sql
    monkeypatch.setattr(stores.sql, "SQLITE_BUSY_MS", 1000)  # each of SQLite's own waits: 1 s
    path = tmp_path / "rasa.db"
    store = DurableSQLTrackerStore(domain=Domain.empty(), host=f"sqlite:///{path}")
    holder = hold_lock(str(path), 2.5)

    async def both():
        gaps = []

        async def other_conversations():
            last = loop.time()
            while not saved.done():
                await asyncio.sleep(0.01)
                gaps.append(loop.time() - last)
                last = loop.time()

        loop = asyncio.get_running_loop()
        saved = asyncio.ensure_future(store.save(tracker()))
        await asyncio.gather(saved, other_conversations())
        return gaps

    gaps = asyncio.run(both())
    holder.join()
    assert len(gaps) > 20  # the save really waited for the lock
    assert max(gaps) < 0.5  # SQLite's own waits (1 s each here) no longer block the loop
    stored = asyncio.run(DurableSQLTrackerStore(domain=Domain.empty(), host=f"sqlite:///{path}")
                         .retrieve("worker-lock"))
    assert stored is not None and stored.latest_message.text == "an invented answer"


def test_a_sender_id_the_database_cannot_take_fails_that_call_only_and_the_store_keeps_working(tmp_path, caplog):
    """Rasa's own session_scope exits the process on any ValueError (it takes them for a missing
    PostgreSQL schema): a lone surrogate in a sender id once stopped the whole Rasa server."""
    store = DurableSQLTrackerStore(domain=Domain.empty(), host=f"sqlite:///{tmp_path / 'rasa.db'}")
    bad = "sur\ud800x"
    with caplog.at_level(logging.ERROR, logger="stores.sql"):
        for call in (lambda: store.save(tracker(bad)), lambda: store.retrieve(bad)):
            with pytest.raises(Exception) as raised:
                asyncio.run(call())
            assert not isinstance(raised.value, SystemExit)
    assert "the data was refused" in caplog.text and "sur" not in caplog.text
    asyncio.run(store.save(tracker("worker-after")))  # the same store carries on
    stored = asyncio.run(store.retrieve("worker-after"))
    assert stored is not None and stored.latest_message.text == "an invented answer"


def test_a_missing_database_schema_is_said_plainly_without_exiting(tmp_path, monkeypatch):
    """Rasa's check for a PostgreSQL schema is the one ValueError that means "missing schema": it keeps
    its plain message, as an ordinary error. (Not "postgresql" in the test's name: Rasa looks for that
    word in the database URL, which holds the temporary folder's name.)"""
    import stores.sql

    def missing(_session):
        raise ValueError("reflection")

    monkeypatch.setattr(stores.sql, "ensure_schema_exists", missing)
    store = DurableSQLTrackerStore(domain=Domain.empty(), host=f"sqlite:///{tmp_path / 'rasa.db'}")
    with pytest.raises(stores.sql.MissingSchemaError, match="schema 'reflection' was not found"):
        asyncio.run(store.retrieve("worker-1"))
