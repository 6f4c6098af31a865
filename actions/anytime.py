"""Answers available at any point outside a session (inside one, the form handles them)."""
from __future__ import annotations

from typing import List, Text

from rasa_sdk import Action, Tracker
from rasa_sdk.events import EventType
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.types import DomainDict

from bot.reading.reading import danger_of
from bot.safety.danger_answer import YES, answer_to_check
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
    """Danger outside a session: the urgent reply when clear, else the one short check; and its answer.

    The intent is immediate_risk when bot.safety.danger read danger (components/danger.py)
    or the intent classifier guessed it; the same check decides which reply.
    The message after the check comes here too (data/rules.yml: a yes, no, "not
    sure" or anything not understood straight after this action), and is read
    as an answer exactly as a session reads it (bot.safety.danger_answer): a typed
    "yes" or "not sure" gets the urgent reply, as the Yes button does.
    """

    def name(self) -> Text:
        return "action_urgent_help"

    @safely(lambda: [])
    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker,
                  domain: DomainDict) -> List[EventType]:
        knowledge = assistant().knowledge
        message = incoming(tracker)
        if message.intent != "immediate_risk":  # the message after this action: an answer to the check?
            said = answer_to_check(message) if check_was_asked(tracker, knowledge.urgent.check_question) else None
            if said is None:
                reading = danger_of(message, knowledge)  # Rasa's NLU read it already
                if not reading:  # neither an answer nor danger: what that intent gets anywhere else
                    dispatcher.utter_message(response=AFTER_CHECK_OTHERWISE.get(message.intent or "", "utter_default"))
                    return []
                said = YES if reading.clear else None
            if said is None:
                send(dispatcher, [danger_check_question(knowledge)], tracker)
                return []
            if said != YES:
                send(dispatcher, [Reply(knowledge.urgent.check_no)], tracker)
                dispatcher.utter_message(response="utter_what_next")
                return []
        elif not message.is_payload and not danger_of(message, knowledge).clear:
            send(dispatcher, [danger_check_question(knowledge)], tracker)
            return []
        send(dispatcher, [urgent_help(knowledge), Reply(knowledge.urgent.carry_on, [
            ("Reflect on a case", "/start_supervision"), ("Resume my session", "/resume_session")])], tracker)
        return []


# What a message that follows this action, and answers no check, gets (data/rules.yml's own answers).
AFTER_CHECK_OTHERWISE = {"affirm": "utter_what_next", "deny": "utter_what_next",
                         "out_of_scope": "utter_out_of_scope", "nlu_fallback": "utter_default"}


def check_was_asked(tracker: Tracker, question: str) -> bool:
    """Whether the assistant's last message was the short check (so this message answers it)."""
    seen_this_message = False
    for event in reversed(tracker.events):
        if event.get("event") == "bot":
            return (event.get("text") or "").startswith(question)
        if event.get("event") == "user":
            if seen_this_message:
                return False
            seen_this_message = True
    return False


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
