"""What every mode shares about a message, decided once for all of them: the router's half of a message.

bot/assistant.py sends each message to the mode with a session open, through
`answer_open`. In one transaction with that session, this module answers
what is the same whatever the mode:

- an empty message (the mode's kind reminder, then its question again);
- pause, help and resume (paused, the mode's help, or the question again);
- a starting button pressed while a session is open ("you're already in one");
- the answer to "Is a child in danger right now?" when the mode asked it:
  yes or not sure gives the urgent reply and notes the words that raised it,
  no carries on, anything else is read as a new message
  (bot/safety/danger_answer.py);
- and, whatever the mode answered, clear danger gets the urgent reply first:
  a mode cannot leave it out.

Everything else is the mode's own: it answers the message and draws its next
question (`Mode.answer`). Pause, help and resume keep a pending check open, so
it is asked again with the question.
"""
from __future__ import annotations

from typing import Optional

from bot.modes.mode import Mode
from bot.reading.reading import danger_of, read_once
from bot.reading.text_input import Incoming, detect_command, is_blank
from bot.responses import Reply, Turn, urgent_help
from bot.safety.danger_answer import CHECK_KEY, YES, answer_to_check, check_answered

WORDS = ("empty", "paused", "help", "already_open")  # what `Mode.wording` is asked for
SHARED_COMMANDS = ("pause", "help", "resume")


def answer_open(mode: Mode, sender_id: str, message: Incoming) -> Optional[Turn]:
    """The whole answer to a message for this mode's open session; None, changing nothing, when none is open."""
    message = read_once(message, mode.knowledge)  # the danger check runs once, whoever asks
    with mode.transaction() as db:
        session = mode.open_session(db, sender_id)
        if session is None:
            return None
        shared = _shared(mode, db, session, message)
        if shared is None:
            return _urgent_first(mode, db, session, message, mode.answer(db, session, message))
        if shared.closed or not mode.is_open(session):
            return Turn(shared.replies, closed=True)
        db.flush()
        return Turn(shared.replies + mode.ask_next(db, session))


def _shared(mode: Mode, db, session, message: Incoming) -> Optional[Turn]:
    """What is the same in every mode, or None when the message is the mode's to answer."""
    if is_blank(message.text):
        return Turn([Reply(mode.wording("empty"))])
    command = detect_command(message)
    if command in SHARED_COMMANDS:
        return command_reply(mode, db, session, command)
    from bot.modes.registry import start_intents  # here: the registry imports the modes, which import this
    if message.is_payload and message.intent in start_intents():
        return Turn([Reply(mode.wording("already_open"))])
    if message.question in (None, CHECK_KEY):  # a message sent for an earlier question is the mode's to refuse
        pending = mode.take_check(db, session)
        if pending is not None:
            said = answer_to_check(message)
            if said == YES:
                mode.note_danger(db, session, pending)
            if said is not None:
                return check_answered(mode.knowledge, said)
    return None


def command_reply(mode: Mode, db, session, command: str) -> Turn:
    """pause, help or resume, the same in every mode (supervision also uses it for a slip it confirmed)."""
    if command == "pause":
        mode.pause(db, session)
        return Turn([Reply(mode.wording("paused"))], closed=True)
    if command == "help":
        return Turn([Reply(mode.wording("help"))])
    return Turn([])  # resume: already open, so the question again


def _urgent_first(mode: Mode, db, session, message: Incoming, turn: Turn) -> Turn:
    """Clear danger gets the urgent reply first, whatever the mode made of the message."""
    if not danger_of(message, mode.knowledge).clear:
        return turn
    urgent = urgent_help(mode.knowledge)
    if any(reply.text == urgent.text for reply in turn.replies):
        return turn
    mode.note_danger(db, session, message.text)
    return Turn([urgent] + turn.replies, closed=turn.closed)
