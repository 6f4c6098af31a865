"""Workshop mode for training leads, run as one Rasa form like the supervision session.

It holds no case data: bot.workshop_session keeps its own tables.
"""
from __future__ import annotations

from typing import Any, Dict, List, Text

from rasa_sdk import Action, FormValidationAction, Tracker
from rasa_sdk.events import EventType, FollowupAction, SlotSet
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.types import DomainDict

from .services import conversation, incoming, off_loop, safely, send, workshop

CLOSED = "closed"


class ActionStartWorkshop(Action):
    def name(self) -> Text:
        return "action_start_workshop"

    @safely(lambda: [FollowupAction("action_listen")])
    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker,
                  domain: DomainDict) -> List[EventType]:
        await off_loop(conversation().pause_active, tracker.sender_id)  # one mode at a time; nothing is lost
        send(dispatcher, await off_loop(workshop().start, tracker.sender_id), tracker)
        return [SlotSet("workshop_reply", None)]


class ValidateWorkshopForm(FormValidationAction):
    def name(self) -> Text:
        return "validate_workshop_form"

    @safely(lambda: {"workshop_reply": None})
    async def validate_workshop_reply(self, slot_value: Any, dispatcher: CollectingDispatcher,
                                      tracker: Tracker, domain: DomainDict) -> Dict[Text, Any]:
        if slot_value is None:
            return {}
        turn = await off_loop(workshop().handle, tracker.sender_id, incoming(tracker))  # with the next cue
        send(dispatcher, turn.replies, tracker)
        return {"workshop_reply": CLOSED if turn.closed else None}


class ActionEndWorkshopForm(Action):
    def name(self) -> Text:
        return "action_end_workshop_form"

    @safely(lambda: [])
    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker,
                  domain: DomainDict) -> List[EventType]:
        return [SlotSet("workshop_reply", None)]
