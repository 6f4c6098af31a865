"""The supervision session, run as one Rasa form whose single slot takes every message.

Rasa keeps the form active; bot.conversation decides what each message is
(an answer, a command, a side question) and what to ask next. Each message
costs one call here: the validation's reply carries the next question, so
the form has no `action_ask_session_reply` (Rasa then asks nothing itself).
"""
from __future__ import annotations

from typing import Any, Dict, List, Text

from rasa_sdk import Action, FormValidationAction, Tracker
from rasa_sdk.events import ActionExecuted, ActiveLoop, EventType, FollowupAction, SessionStarted, SlotSet
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.types import DomainDict

from .services import conversation, incoming, off_loop, safely, send, workshop

SESSION_CLOSED = "closed"


class ActionStartSession(Action):
    def name(self) -> Text:
        return "action_start_session"

    @safely(lambda: [FollowupAction("action_listen")])
    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker,
                  domain: DomainDict) -> List[EventType]:
        kind = "stuck" if incoming(tracker).intent == "feeling_stuck" else "supervision"
        await off_loop(workshop().pause_active, tracker.sender_id)  # one mode at a time; nothing is lost
        send(dispatcher, await off_loop(conversation().start, tracker.sender_id, kind), tracker)
        return [SlotSet("session_reply", None)]


class ActionResumeSession(Action):
    def name(self) -> Text:
        return "action_resume_session"

    @safely(lambda: [SlotSet("resumed_mode", "none")])
    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker,
                  domain: DomainDict) -> List[EventType]:
        mode, replies = await off_loop(_resume, conversation(), workshop(), tracker.sender_id,
                                       incoming(tracker).entity("session_ref"))
        send(dispatcher, replies, tracker)
        return [SlotSet("resumed_mode", mode), SlotSet("session_reply", None), SlotSet("workshop_reply", None)]


def _resume(supervision, workshops, sender_id: str, reference) -> tuple:
    """(mode, replies): an unfinished supervision session first, else a workshop; one mode at a time."""
    if supervision.unfinished(sender_id) or not workshops.unfinished(sender_id):
        found, replies = supervision.resume(sender_id, reference)
        if found:
            workshops.pause_active(sender_id)
        return ("supervision" if found else "none"), replies
    found, replies = workshops.resume(sender_id, reference)
    return ("workshop" if found else "none"), replies


class ValidateSupervisionForm(FormValidationAction):
    def name(self) -> Text:
        return "validate_supervision_form"

    @safely(lambda: {"session_reply": None})
    async def validate_session_reply(self, slot_value: Any, dispatcher: CollectingDispatcher,
                                     tracker: Tracker, domain: DomainDict) -> Dict[Text, Any]:
        if slot_value is None:
            return {}  # the slot was only cleared (e.g. on activation): no new message
        turn = await off_loop(conversation().handle, tracker.sender_id, incoming(tracker))
        send(dispatcher, turn.replies, tracker)  # what it did, then the next question
        # Filling the slot ends the form; clearing it keeps the form open. The form has
        # no ask action of its own: the next question came with this reply.
        return {"session_reply": SESSION_CLOSED if turn.closed else None}


class ActionEndSupervisionForm(Action):
    """After the form closes: clear its slot so the next session starts empty."""

    def name(self) -> Text:
        return "action_end_supervision_form"

    @safely(lambda: [])
    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker,
                  domain: DomainDict) -> List[EventType]:
        await off_loop(conversation().record_seen, tracker.sender_id)  # the save's reply got through
        return [SlotSet("session_reply", None)]


class ActionSessionStart(Action):
    """A new Rasa session (after the expiry time) reopens an unfinished supervision session.

    Rasa forgets an open form when its own session expires; the answers are in
    our database, so the practitioner simply carries on where they were.
    """

    def name(self) -> Text:
        return "action_session_start"

    @safely(lambda: [SessionStarted(), ActionExecuted("action_listen")])
    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker,
                  domain: DomainDict) -> List[EventType]:
        events: List[EventType] = [SessionStarted()]
        events += [SlotSet(name, value) for name, value in tracker.slots.items()
                   if name not in ("session_reply", "workshop_reply", "requested_slot")]
        supervision, workshops = conversation(), workshop()
        if await off_loop(supervision.has_active_session, tracker.sender_id):
            events += [ActiveLoop("supervision_form"), SlotSet("requested_slot", "session_reply")]
        elif await off_loop(workshops.has_active_session, tracker.sender_id):
            events += [ActiveLoop("workshop_form"), SlotSet("requested_slot", "workshop_reply")]
        events.append(ActionExecuted("action_listen"))
        return events
