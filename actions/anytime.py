"""Answers available at any point outside a session (inside one, the form handles them)."""
from __future__ import annotations

from typing import List, Text

from rasa_sdk import Action, Tracker
from rasa_sdk.events import EventType
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.types import DomainDict

from bot.danger import danger_check
from bot.responses import (
    Reply, danger_check_question, explain_theme, find_theme, find_toolkit, show_toolkit, urgent_help,
)

from .services import assistant, incoming, off_loop, safely, send


class ActionExplainTheme(Action):
    def name(self) -> Text:
        return "action_explain_theme"

    @safely(lambda: [])
    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker,
                  domain: DomainDict) -> List[EventType]:
        knowledge = assistant().knowledge
        send(dispatcher, [explain_theme(knowledge, find_theme(knowledge, incoming(tracker)))], tracker)
        return []


class ActionShowToolkit(Action):
    def name(self) -> Text:
        return "action_show_toolkit"

    @safely(lambda: [])
    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker,
                  domain: DomainDict) -> List[EventType]:
        knowledge = assistant().knowledge
        send(dispatcher, [show_toolkit(knowledge, find_toolkit(knowledge, incoming(tracker)))], tracker)
        return []


class ActionUrgentHelp(Action):
    """Danger outside a session: the urgent reply when clear, else the one short check.

    The intent is immediate_risk when bot.danger read danger (components/danger.py)
    or the intent classifier guessed it; the same check decides which reply.
    """

    def name(self) -> Text:
        return "action_urgent_help"

    @safely(lambda: [])
    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker,
                  domain: DomainDict) -> List[EventType]:
        knowledge = assistant().knowledge
        message = incoming(tracker)
        if not message.is_payload and not danger_check(knowledge).read(message.text).clear:
            send(dispatcher, [danger_check_question(knowledge)], tracker)
            return []
        send(dispatcher, [urgent_help(knowledge), Reply(knowledge.urgent.carry_on, [
            ("Reflect on a case", "/start_supervision"), ("Resume my session", "/resume_session")])], tracker)
        return []


class ActionSessionCommand(Action):
    """skip, pause or save said when no session is open."""

    def name(self) -> Text:
        return "action_session_command"

    @safely(lambda: [])
    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker,
                  domain: DomainDict) -> List[EventType]:
        core = assistant()
        unfinished = await off_loop(core.has_unfinished, tracker.sender_id)  # in either mode
        send(dispatcher, [Reply(core.knowledge.prompt("no_session_but_unfinished" if unfinished else "no_session"))],
             tracker)
        return []
