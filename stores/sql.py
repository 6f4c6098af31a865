"""Rasa's SQL tracker store, made to wait for a busy database instead of forgetting.

Rasa wraps every tracker store in a `FailSafeTrackerStore`: when a save or a
read fails once (SQLite "database is locked" while the action server writes,
or a PostgreSQL connection dropped by a restart), it logs "Falling back to use
the InMemoryTrackerStore" and carries on with a history that is never stored,
or an empty one. This store retries such errors, without blocking the event
loop other conversations share, for up to DATABASE_BUSY_SECONDS (bot/config.py;
30 by default, as long as the action server waits); only if the database is
still unreachable after that does the error reach Rasa's fallback, and then it
is logged loudly here first (README, "Conversation history").

Rasa's store runs its SQL inside `async def`s without ever awaiting, so each
read and write (and each wait for a lock) holds up every other conversation
on the Rasa server's one event loop. Here they run on a worker thread
(`off_loop`), unless an event broker is configured: its publishing belongs
to the server's loop.

Rasa's own `session_scope` takes any ValueError for a missing PostgreSQL
schema and exits the process: one sender id SQLite cannot encode (a lone
surrogate) stopped the whole server. Here only the schema check itself can
end in that message, raised as MissingSchemaError; any other error fails
that one read or write, and the store keeps serving.
"""
from __future__ import annotations

import asyncio
import contextlib
import logging
import os
import time
from typing import Any, Awaitable, Callable, Generator, Iterable, Optional, Text

from rasa.core.constants import POSTGRESQL_SCHEMA
from rasa.core.tracker_store import SQLTrackerStore, ensure_schema_exists
from rasa.shared.core.trackers import DialogueStateTracker
from sqlalchemy import create_engine, event, exc
from sqlalchemy.orm import sessionmaker
from sqlalchemy.pool import QueuePool

from bot.config import Settings

logger = logging.getLogger(__name__)

SQLITE_BUSY_MS = 200  # wait this long inside SQLite (blocking), then retry without blocking


class MissingSchemaError(RuntimeError):
    """The PostgreSQL schema named in POSTGRESQL_SCHEMA is not in the database."""


class DurableSQLTrackerStore(SQLTrackerStore):
    """SQLTrackerStore that retries a locked or dropped database before giving up loudly."""

    def __init__(self, *args: Any, retry_seconds: Optional[float] = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if retry_seconds is None:
            retry_seconds = Settings.from_env().database_busy_seconds
        self.retry_seconds = float(retry_seconds)
        if self.engine.dialect.name == "sqlite" and self.engine.url.database not in (None, "", ":memory:"):
            # SQLAlchemy 1.4 reconnects to a SQLite file for every transaction (several a message):
            # keep a few connections open instead, as SQLAlchemy 2.0 does.
            old_engine = self.engine
            self.engine = create_engine(old_engine.url, poolclass=QueuePool,
                                        connect_args={"check_same_thread": False})
            self.sessionmaker = sessionmaker(bind=self.engine)
            old_engine.dispose()
        if self.engine.dialect.name == "sqlite":
            @event.listens_for(self.engine, "connect")
            def _sqlite_pragmas(dbapi_conn, _record):  # the action server writes the same file
                cursor = dbapi_conn.cursor()
                cursor.execute(f"PRAGMA busy_timeout={SQLITE_BUSY_MS}")
                cursor.execute("PRAGMA journal_mode=WAL")
                cursor.close()

    @contextlib.contextmanager
    def session_scope(self) -> Generator[Any, None, None]:
        """A session for one read or write; an error in it is that request's error, never an exit."""
        session = self.sessionmaker()
        try:
            try:
                ensure_schema_exists(session)
            except ValueError as error:  # the only ValueError that means a missing schema
                raise MissingSchemaError(
                    f"Requested PostgreSQL schema '{error}' was not found in the database. To continue, "
                    f"create the schema or unset the '{POSTGRESQL_SCHEMA}' environment variable "
                    f"(it is {'set' if os.environ.get(POSTGRESQL_SCHEMA) else 'not set'}).") from None
            yield session
        finally:
            session.close()

    async def _retrying(self, what: str, call: Callable[[], Awaitable[Any]]) -> Any:
        deadline = time.monotonic() + self.retry_seconds
        delay, attempts = 0.05, 0
        while True:
            attempts += 1
            try:
                return await call()
            except exc.OperationalError as error:  # locked, or the connection went away
                if time.monotonic() >= deadline:
                    # No sender id or message text here: only what failed and why.
                    logger.error(
                        "The conversation history database could not %s after %d tries in %.0f s (%s). "
                        "Rasa will fall back to memory for this message: it is not in the stored "
                        "history. Check the database.", what, attempts, self.retry_seconds,
                        type(error.orig).__name__ if error.orig is not None else "OperationalError")
                    raise
                logger.debug("Conversation history database busy (%s): retrying", what)
                await asyncio.sleep(delay)
                delay = min(delay * 2, 1.0)
            except (ValueError, exc.StatementError) as error:  # data the database cannot take: this call only
                logger.error("The conversation history database could not %s: the data was refused (%s)",
                             what, type(error).__name__)
                raise

    async def off_loop(self, call: Callable[[], Awaitable[Any]]) -> Any:
        """Await one of Rasa's SQL methods on a worker thread (its own short-lived loop there).

        Safe because those methods await nothing but `stream_events`, which
        returns at once with no event broker; with one, they stay on the loop.
        """
        if self.event_broker is not None:
            return await call()
        return await asyncio.to_thread(lambda: asyncio.run(call()))

    async def _durably(self, what: str, method: Callable[..., Awaitable[Any]], *args: Any) -> Any:
        """One of Rasa's SQL methods, off the loop, retried while the database is busy or away."""
        return await self._retrying(what, lambda: self.off_loop(lambda: method(*args)))

    async def save(self, tracker: DialogueStateTracker) -> None:
        # Safe to repeat: only events not yet stored are written, in one transaction.
        await self._durably("save a conversation", super().save, tracker)

    async def retrieve(self, sender_id: Text) -> Optional[DialogueStateTracker]:
        return await self._durably("read a conversation", super().retrieve, sender_id)

    async def retrieve_full_tracker(self, conversation_id: Text) -> Optional[DialogueStateTracker]:
        return await self._durably("read a conversation", super().retrieve_full_tracker, conversation_id)

    async def keys(self) -> Iterable[Text]:
        return await self._durably("list conversations", super().keys)
