"""The supervision session, run as one Rasa form whose single slot takes every message.

Rasa keeps the form active; bot.conversation decides what each message is
(an answer, a command, a side question) and what to ask next.
"""
from __future__ import annotations

from typing import Any, Dict, List, Text

from rasa_sdk import Action, FormValidationAction, Tracker
from rasa_sdk.events import ActionExecuted, ActiveLoop, EventType, FollowupAction, SessionStarted, SlotSet
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.types import DomainDict

from .services import conversation, incoming, safely, send, workshop

SESSION_CLOSED = "closed"


class ActionStartSession(Action):
    def name(self) -> Text:
        return "action_start_session"

    @safely(lambda: [FollowupAction("action_listen")])
    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker,
                  domain: DomainDict) -> List[EventType]:
        kind = "stuck" if incoming(tracker).intent == "feeling_stuck" else "supervision"
        workshop().pause_active(tracker.sender_id)  # one mode at a time; nothing is lost
        send(dispatcher, conversation().start(tracker.sender_id, kind), tracker)
        return [SlotSet("session_reply", None)]


class ActionResumeSession(Action):
    def name(self) -> Text:
        return "action_resume_session"

    @safely(lambda: [SlotSet("resumed_mode", "none")])
    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker,
                  domain: DomainDict) -> List[EventType]:
        reference = incoming(tracker).entity("session_ref")
        mode = "none"
        if conversation().unfinished(tracker.sender_id) or not workshop().unfinished(tracker.sender_id):
            found, replies = conversation().resume(tracker.sender_id, reference)
            if found:
                workshop().pause_active(tracker.sender_id)
                mode = "supervision"
        else:
            found, replies = workshop().resume(tracker.sender_id, reference)
            mode = "workshop" if found else "none"
        send(dispatcher, replies, tracker)
        return [SlotSet("resumed_mode", mode), SlotSet("session_reply", None), SlotSet("workshop_reply", None)]


class ValidateSupervisionForm(FormValidationAction):
    def name(self) -> Text:
        return "validate_supervision_form"

    @safely(lambda: {"session_reply": None})
    async def validate_session_reply(self, slot_value: Any, dispatcher: CollectingDispatcher,
                                     tracker: Tracker, domain: DomainDict) -> Dict[Text, Any]:
        if slot_value is None:
            return {}  # the slot was only cleared (e.g. on activation): no new message
        turn = conversation().handle(tracker.sender_id, incoming(tracker))
        send(dispatcher, turn.replies, tracker)
        # Filling the slot ends the form; clearing it makes the form ask again.
        # A session that is no longer open (saved from the review) closes the form too.
        closed = turn.closed or not conversation().has_active_session(tracker.sender_id)
        return {"session_reply": SESSION_CLOSED if closed else None}


class ActionAskSessionReply(Action):
    def name(self) -> Text:
        return "action_ask_session_reply"

    @safely(lambda: [])
    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker,
                  domain: DomainDict) -> List[EventType]:
        send(dispatcher, conversation().prompt(tracker.sender_id), tracker)
        return []


class ActionEndSupervisionForm(Action):
    """After the form closes: clear its slot so the next session starts empty."""

    def name(self) -> Text:
        return "action_end_supervision_form"

    @safely(lambda: [])
    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker,
                  domain: DomainDict) -> List[EventType]:
        conversation().record_seen(tracker.sender_id)  # the save's reply got through
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
        if conversation().has_active_session(tracker.sender_id):
            events += [ActiveLoop("supervision_form"), SlotSet("requested_slot", "session_reply")]
        elif workshop().has_active_session(tracker.sender_id):
            events += [ActiveLoop("workshop_form"), SlotSet("requested_slot", "workshop_reply")]
        events.append(ActionExecuted("action_listen"))
        return events
