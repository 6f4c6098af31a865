"""A message's danger level, read once: by Rasa's NLU where it already did, else here, and then carried along.

components/danger.py reads every typed message for danger (it must, to send
a message in danger to urgent help whatever else it says) and puts the level
in the parse data; actions/services.py copies it onto the `Incoming`, and the
router (bot/assistant.py) calls `read_once` so that a message that came
another way is read here, once. The modes and the urgent-help action ask
`danger_of`, which never runs the check again for a message already read.
"""
from __future__ import annotations

from dataclasses import replace

from bot.safety.danger import CLEAR, DangerReading, danger_check
from bot.reading.text_input import Incoming

DANGER_KEY = "danger"  # the parse data's key: {"level": "clear" | "possible" | None}
URGENT_BUTTON = "immediate_risk"  # the urgent-help button's intent: clear danger, chosen on purpose


def danger_of(message: Incoming, knowledge) -> DangerReading:
    """The danger check's reading of this message; a press of the urgent-help button is clear danger."""
    if message.is_payload:
        return DangerReading(CLEAR, message.text) if message.intent == URGENT_BUTTON else DangerReading()
    if message.danger_read:
        return DangerReading(message.danger_level, message.text) if message.danger_level else DangerReading()
    return danger_check(knowledge).read(message.text)


def read_once(message: Incoming, knowledge) -> Incoming:
    """The message with its danger level filled in, so that whatever handles it next does not read it again."""
    if message.danger_read or message.is_payload:
        return message
    return replace(message, danger_level=danger_of(message, knowledge).level, danger_read=True)
