"""What every action needs: the assistant (both modes), built once, and the adapters."""
from __future__ import annotations

import asyncio
import functools
import logging
from functools import lru_cache
from typing import Any, Callable, Iterable

from rasa_sdk import Tracker
from rasa_sdk.executor import CollectingDispatcher

from bot.assistant import Assistant
from bot.config import Settings
from bot.reading.reading import DANGER_KEY
from bot.content.knowledge import cached_knowledge
from bot.responses import Reply
from bot.storage.store import Store, engine_for
from bot.reading.text_input import Incoming


logger = logging.getLogger(__name__)

# Said when an action fails (the database locked, the records folder unwritable...).
ERROR_REPLY = ("Sorry, something went wrong on my side with that message. Your answers so far are kept. "
               "Please send it again in a minute.")


def safely(fallback: Callable[[], Any]):
    """Run an action (or a form's validate_ method) so that a failure is a kind reply, not an error body.

    rasa-sdk answers an exception with the whole tracker (every message,
    the sender id) and Rasa logs that body: here the practitioner is told
    something went wrong, the log names only the kind of error, and Rasa
    gets `fallback()` as the result.
    """
    def wrap(method):
        @functools.wraps(method)
        async def guarded(self, *args: Any) -> Any:
            try:
                return await method(self, *args)
            except Exception as error:  # noqa: BLE001 (every failure gets the same safe reply)
                logger.error("Action %s failed (%s)", self.name(), type(error).__name__)
                dispatcher = next((a for a in args if isinstance(a, CollectingDispatcher)), None)
                if dispatcher is not None:
                    dispatcher.utter_message(text=ERROR_REPLY)
                return fallback()
        return guarded
    return wrap


async def off_loop(function: Callable[..., Any], *args: Any) -> Any:
    """Run blocking work (the database, writing a record) on a worker thread.

    The action server answers every practitioner on one event loop: a locked
    SQLite file or a slow disk must hold up only the message that waits on it.
    """
    return await asyncio.to_thread(function, *args)


@lru_cache(maxsize=1)
def assistant() -> Assistant:
    """Every registered mode on one database, built once per process (call it on the event loop: it is not thread-safe
    the first time)."""
    settings = Settings.from_env()
    knowledge = cached_knowledge(str(settings.knowledge_dir))
    store = Store(engine_for(settings))
    return Assistant.build(knowledge, store, settings)


def incoming(tracker: Tracker) -> Incoming:
    """The latest user message as the core reads it.

    The text comes whole from the latest `user` event: the NLU pipeline (and so
    `latest_message`) sees only a bounded prefix (components/bounded_text.py).
    """
    message = tracker.latest_message or {}
    intent = message.get("intent") or {}
    metadata = message.get("metadata") or {}
    question = metadata.get("question") if isinstance(metadata, dict) else None
    event = tracker.get_last_event_for("user") or {}
    danger = message.get(DANGER_KEY)  # Rasa's NLU read the whole text for danger already (components/danger.py)
    return Incoming(
        text=event.get("text") or message.get("text") or "",
        intent=intent.get("name"),
        confidence=float(intent.get("confidence") or 0.0),
        entities=list(message.get("entities") or []),
        question=question if isinstance(question, str) else None,
        danger_level=danger.get("level") if isinstance(danger, dict) else None,
        danger_read=isinstance(danger, dict),
    )


def send(dispatcher: CollectingDispatcher, replies: Iterable[Reply], tracker: Tracker = None) -> None:
    # In `rasa shell` buttons become a menu that swallows typed answers: name the choices instead.
    in_terminal = tracker is not None and tracker.get_latest_input_channel() == "cmdline"
    for reply in replies:
        if in_terminal and reply.buttons:
            choices = " / ".join(title for title, _ in reply.buttons)
            dispatcher.utter_message(text=f"{reply.text}\n(You can say: {choices})")
            continue
        buttons = [{"title": title, "payload": payload} for title, payload in reply.buttons]
        # one custom message after the text: the question's id (to send back as metadata) and, for
        # "all that apply", {"multi": true} so the page shows the choices as tick boxes
        custom = {key: value for key, value in (("question", reply.question), ("multi", reply.multi)) if value}
        dispatcher.utter_message(text=reply.text, buttons=buttons or None, json_message=custom or None)
