"""What every mode of the assistant offers: supervision (with the stuck pathway) and workshops.

`bot.assistant.Assistant` holds one of each and keeps one active per
practitioner; the Rasa side talks only to the assistant. A message to an
open session goes through bot/modes/common.py, which answers what every mode
shares (an empty message, pause, help, resume, a start pressed again, the
answer to "Is a child in danger right now?", the urgent reply first) in one
transaction with the session; the mode answers the rest and draws its next
question (`answer`), so Rasa needs one action call per message.
"""
from __future__ import annotations

from typing import Any, ContextManager, List, Optional, Protocol, Sequence, Tuple

from bot.responses import Reply, Turn
from bot.reading.text_input import Incoming


class Mode(Protocol):
    knowledge: Any  # the content every mode shares (bot.content.knowledge.Knowledge): urgent help, the check

    # ----- beside a message: each its own transaction ----------------------------------------------

    def start(self, sender_id: str, kind: str, opening: Optional[Incoming] = None) -> List[Reply]:
        """Open a new session of this mode: the welcome and the first question. `opening` is the message that
        asked to start, for a mode that reads it (supervision: "I need a closure check")."""

    def resume(self, sender_id: str, session_id: Optional[str] = None) -> Tuple[bool, List[Reply]]:
        """(found, replies): reopen the given, or the only or latest, unfinished session."""

    def pause_active(self, sender_id: str) -> None:
        """Another mode is starting: keep the open session to resume later."""

    def has_active_session(self, sender_id: str) -> bool:
        ...

    def unfinished(self, sender_id: str) -> Sequence:
        """Sessions started and neither saved nor deleted, the latest first."""

    def prompt(self, sender_id: str) -> List[Reply]:
        """What is asked now, again."""

    def no_session(self, sender_id: str) -> Turn:
        """What a message gets when no mode has a session open (the default mode's is used)."""

    # ----- a message to an open session: bot/modes/common.py, in one transaction -----------------------

    def transaction(self) -> ContextManager[Any]:
        """A database transaction (committed when the block ends) for this mode's tables."""

    def open_session(self, db: Any, sender_id: str) -> Optional[Any]:
        """The sender's open session of this mode, or None."""

    def is_open(self, session: Any) -> bool:
        """Still open after the message (not paused or saved)."""

    def answer(self, db: Any, session: Any, message: Incoming) -> Turn:
        """A message common.py left to the mode: what it did, then the next question; `closed` when it paused
        or saved the session."""

    def ask_next(self, db: Any, session: Any) -> List[Reply]:
        """The question open now (the pending danger check first, when there is one)."""

    def pause(self, db: Any, session: Any) -> None:
        """Pause the session, keeping everything for later."""

    def wording(self, what: str) -> str:
        """The mode's words for common.py's replies: "empty", "paused", "help" or "already_open"."""

    def take_check(self, db: Any, session: Any) -> Optional[str]:
        """The words that raised a pending "Is a child in danger right now?", clearing it; None if none is."""

    def note_danger(self, db: Any, session: Any, text: str) -> None:
        """Keep clear or confirmed danger, in the practitioner's words, where this mode keeps it."""
