"""The answer to "Is a child in danger right now?", read the same way in every mode.

Supervision, the stuck pathway and workshops all ask the one short check when
danger is possible but not clear, and keep it open until the next message.
That message answers it: Yes (typed or pressed) or "not sure" gives the
urgent reply, because a practitioner who is unsure is told what to do rather
than asked again; No carries on; anything else is not an answer and is read
as a new message (with its own danger check). One piece of code, so a typed
"yes" cannot be stored as a group's point in one mode and be danger in another.
"""
from __future__ import annotations

from typing import Optional

from bot.content.knowledge import Knowledge
from bot.responses import Reply, Turn, urgent_help
from bot.reading.text_input import Incoming, parse_yes_no

YES, NO = "yes", "no"
CHECK_KEY = "check.danger"  # the question id the check is asked with (a message sent for it answers it)


def answer_to_check(message: Incoming) -> Optional[str]:
    """YES (yes, or not sure), NO, or None when the message does not answer the check."""
    if message.is_payload:
        return YES if message.intent == "immediate_risk" else NO if message.intent == "deny" else None
    said = parse_yes_no(message.text)
    return YES if said in ("yes", "unsure") else NO if said == "no" else None


def check_answered(knowledge: Knowledge, said: str) -> Turn:
    """The reply to an answered check: the urgent reply and carry on, or a thank-you."""
    if said == YES:
        return Turn([urgent_help(knowledge), Reply(knowledge.urgent.carry_on)])
    return Turn([Reply(knowledge.urgent.check_no)])
