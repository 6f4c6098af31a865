"""The two short checks a supervision session asks between questions, and what is kept about them.

"Is a child in danger right now?" is asked when danger is possible but not clear (or the safety scale is 0
or 1) and stays open, as a note, until the next message answers it; "Did you mean skip?" is asked about a
slip such as "skp" and stays open the same way. Clear or confirmed danger is noted in the practitioner's
words for the record. A message sent for a question no longer open is not stored, but danger in it still
comes first. The answer to the danger check is read by bot/modes/common.py, as in every mode; the order in
which a message meets the rest is decided in supervision.py.
"""
from __future__ import annotations

from bot.content.knowledge import Knowledge
from bot.modes.supervision.step import Step
from bot.reading.reading import danger_of
from bot.reading.text_input import Incoming
from bot.responses import Reply, Turn, urgent_help
from bot.safety.danger_answer import CHECK_KEY
from bot.storage.store import SessionNote, Store, SupervisionSession

DANGER_NOTE = "immediate_danger"  # clear or confirmed danger: goes in the record, in their words
DANGER_CHECK_NOTE = "danger_check"  # "Is a child in danger right now?" asked, not yet answered
DANGER_CHECK_KEY = CHECK_KEY
COMMAND_CHECK_NOTE = "command_check"  # "Did you mean skip?" asked about a slip like "skp"
COMMAND_CHECK_KEY = "check.command"


class Checks:
    """The checks between questions, for one body of knowledge and one store."""

    def __init__(self, knowledge: Knowledge, store: Store):
        self.knowledge, self.store = knowledge, store

    def did_you_mean(self, slip: SessionNote) -> str:
        """ "Did you mean skip?" for a pending slip note ("skip|skp": the command, then what was typed)."""
        return self.knowledge.prompt("did_you_mean", command=slip.text.split("|", 1)[0])

    def stale(self, db, session: SupervisionSession, message: Incoming) -> Turn:
        """A message sent for a question that is no longer open (a double send, a second tab).

        It is not stored as the answer to another question. Danger in it still comes first.
        """
        replies = [Reply(self.knowledge.prompt("earlier_question"))]
        if danger_of(message, self.knowledge).clear:
            self.store.add_note(db, session, DANGER_NOTE, message.text)
            replies.insert(0, urgent_help(self.knowledge))
        return Turn(replies)

    @staticmethod
    def low_safety_scale(step: Step, session: SupervisionSession) -> bool:
        """0 or 1 on the safety scale gets the same short check as possible danger."""
        if step.key != "safety.scale":
            return False
        answer = session.answer(step.key)
        return answer is not None and answer.value in (0, 1)


def pending(session: SupervisionSession, kind: str):
    return next((n for n in session.notes if n.kind == kind), None)


def pending_danger_check(session: SupervisionSession):
    return pending(session, DANGER_CHECK_NOTE)
