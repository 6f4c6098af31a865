"""The session, in whichever mode is open, run as one Rasa form whose single slot takes every message.

Rasa keeps the form active; bot.assistant routes each message to the mode
open for this practitioner (supervision, the stuck pathway or a workshop),
which decides what it is (an answer, a command, a side question) and answers
it whole: what it did, then the next question. So each message costs one
call here, and the form has no `action_ask_session_reply` (Rasa then asks
nothing itself). Starting is one call too: a starting intent activates the
form straight away (data/rules.yml), and the form's validation, called at
activation, opens the mode and asks the first question (`asked_to_start`).
Had a separate action opened it, Rasa would have called here three times:
that action, then the validation at activation, then again at the form's
first run.

Rasa reads, replays and sends the whole of its current session at every
turn, so a turn would cost more the longer a supervision runs. Every answer is
in the assistant's own tables, so once Rasa's session holds HISTORY_LIMIT
events the form starts a fresh Rasa session that carries the slots and the
open form over (`fresh_rasa_session`): a late turn no longer reads and sends
the whole supervision so far (README, Performance, for what that gained).
"""
from __future__ import annotations

from typing import Any, Dict, List, Text

from rasa_sdk import Action, FormValidationAction, Tracker
from rasa_sdk.events import ActionExecuted, ActiveLoop, EventType, SessionStarted, SlotSet
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.types import DomainDict

from bot.modes.registry import start_intents

from .services import assistant, incoming, off_loop, safely, send

FORM, SLOT = "session_form", "session_reply"
CLOSED = "closed"  # the slot's value when the session is paused or saved: the form ends
HISTORY_LIMIT = 40  # Rasa events in its current session (about five turns) before a fresh one


def new_rasa_session(slots: Dict[Text, Any]) -> List[EventType]:
    """The start of a Rasa session that carries `slots` over (not the form's own two)."""
    return [SessionStarted()] + [SlotSet(name, value) for name, value in slots.items()
                                 if name not in (SLOT, "requested_slot")]


def reopened_form(slots: Dict[Text, Any]) -> List[EventType]:
    """The start of a Rasa session that carries `slots` over and has the session form open again."""
    return new_rasa_session(slots) + [ActiveLoop(FORM), SlotSet("requested_slot", SLOT)]


def fresh_rasa_session(tracker: Tracker, events: List[EventType]) -> List[EventType]:
    """Events that start a new Rasa session at the end of this turn, if its history has grown long.

    Rasa's SQL store reads only the latest session, and its policies see only
    the events after a `session_started`; the slots (as `events` leave them)
    and the open form carry over, and Rasa listens next (a session start sets
    that). Nothing is lost: the answers are in the assistant's tables, and
    Rasa's full history stays in its store.
    """
    if len(tracker.events) < HISTORY_LIMIT:
        return []
    slots = dict(tracker.slots)
    slots.update({event["name"]: event.get("value") for event in events if event.get("event") == "slot"})
    if slots.get(SLOT) == CLOSED:
        return []  # the form is closing: its own rule ends it
    return reopened_form(slots)


def asked_to_start(tracker: Tracker) -> bool:
    """Whether the form is being opened by the message that asked to start (not by resuming).

    A starting intent's rule runs the form straight after the message, so no
    other action comes between them (a resume has `action_resume_session`
    there). When Rasa calls the validation at activation, the form is already
    active, but its activation event comes after the message. A form that was
    active before the message means a start asked for inside a session, which
    the session itself answers.
    """
    opened_now = not (tracker.active_loop or {}).get("name")
    for event in reversed(tracker.events):
        kind = event.get("event")
        if kind == "user":
            return opened_now and incoming(tracker).intent in start_intents()
        if kind == "active_loop" and event.get("name") == FORM:
            opened_now = True
        if kind == "action" and event.get("name") not in (FORM, "action_extract_slots"):
            return False
    return False


class ActionResumeSession(Action):
    def name(self) -> Text:
        return "action_resume_session"

    @safely(lambda: [SlotSet("resumed", False)])
    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker,
                  domain: DomainDict) -> List[EventType]:
        mode, replies = await off_loop(assistant().resume, tracker.sender_id,
                                       incoming(tracker).entity("session_ref"))
        send(dispatcher, replies, tracker)
        return [SlotSet("resumed", mode is not None), SlotSet(SLOT, None)]


class ValidateSessionForm(FormValidationAction):
    def name(self) -> Text:
        return "validate_session_form"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker,
                  domain: DomainDict) -> List[EventType]:
        if asked_to_start(tracker):
            return await self.start(dispatcher, tracker)
        events = await super().run(dispatcher, tracker, domain)
        return events + fresh_rasa_session(tracker, events)

    @safely(lambda: [ActiveLoop(None), SlotSet("requested_slot", None)])  # nothing opened: the form closes
    async def start(self, dispatcher: CollectingDispatcher, tracker: Tracker) -> List[EventType]:
        """A supervision session, the stuck pathway or a workshop, by the intent that asked for it."""
        message = incoming(tracker)
        replies = await off_loop(assistant().start, tracker.sender_id, message.intent, message)
        send(dispatcher, replies, tracker)  # the welcome and the first question
        # a slot set here tells Rasa's form that validation has run: it does not call again this turn
        return [SlotSet(SLOT, None)]

    @safely(lambda: {SLOT: None})
    async def validate_session_reply(self, slot_value: Any, dispatcher: CollectingDispatcher,
                                     tracker: Tracker, domain: DomainDict) -> Dict[Text, Any]:
        if slot_value is None:
            return {}  # the slot was only cleared (e.g. on activation): no new message
        turn = await off_loop(assistant().handle, tracker.sender_id, incoming(tracker))
        send(dispatcher, turn.replies, tracker)  # what it did, then the next question
        # Filling the slot ends the form; clearing it keeps the form open.
        return {SLOT: CLOSED if turn.closed else None}


class ActionEndSessionForm(Action):
    """After the form closes: clear its slot so the next session starts empty."""

    def name(self) -> Text:
        return "action_end_session_form"

    @safely(lambda: [])
    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker,
                  domain: DomainDict) -> List[EventType]:
        await off_loop(assistant().supervision.record_seen, tracker.sender_id)  # the save's reply got through
        return [SlotSet(SLOT, None)]


class ActionSessionStart(Action):
    """A new Rasa session (after the expiry time) reopens whatever mode was open.

    Rasa forgets an open form when its own session expires; the answers are in
    our database, so the practitioner simply carries on where they were.
    """

    def name(self) -> Text:
        return "action_session_start"

    @safely(lambda: [SessionStarted(), ActionExecuted("action_listen")])
    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker,
                  domain: DomainDict) -> List[EventType]:
        active = await off_loop(assistant().active_mode, tracker.sender_id)
        events = reopened_form(tracker.slots) if active else new_rasa_session(tracker.slots)
        return events + [ActionExecuted("action_listen")]
