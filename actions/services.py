"""What every action needs: the conversation core, built once, and the adapters."""
from __future__ import annotations

from functools import lru_cache
from typing import Iterable

from rasa_sdk import Tracker
from rasa_sdk.executor import CollectingDispatcher

from bot.config import Settings
from bot.conversation import Conversation
from bot.knowledge import cached_knowledge
from bot.responses import Reply
from bot.storage import Store, make_engine
from bot.text_input import Incoming
from bot.workshop import load_workshop_content
from bot.workshop_session import WorkshopConversation


@lru_cache(maxsize=1)
def conversation() -> Conversation:
    settings = Settings.from_env()
    knowledge = cached_knowledge(str(settings.knowledge_dir))
    return Conversation(knowledge, Store(make_engine(settings.database_url)), settings.records_dir)


@lru_cache(maxsize=1)
def workshop() -> WorkshopConversation:
    settings = Settings.from_env()
    core = conversation()
    content = load_workshop_content(settings.knowledge_dir, core.k)
    return WorkshopConversation(core.k, content, core.store.engine, settings.records_dir)


def incoming(tracker: Tracker) -> Incoming:
    """The latest user message as the core reads it.

    The text comes whole from the latest `user` event: the NLU pipeline (and so
    `latest_message`) sees only a bounded prefix (components/bounded_text.py).
    """
    message = tracker.latest_message or {}
    intent = message.get("intent") or {}
    event = tracker.get_last_event_for("user") or {}
    return Incoming(
        text=event.get("text") or message.get("text") or "",
        intent=intent.get("name"),
        confidence=float(intent.get("confidence") or 0.0),
        entities=list(message.get("entities") or []),
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
        dispatcher.utter_message(text=reply.text, buttons=buttons or None)
