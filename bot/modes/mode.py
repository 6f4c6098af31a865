"""What every mode of the assistant offers: supervision (with the stuck pathway) and workshops.

`bot.assistant.Assistant` holds one of each and keeps one active per
practitioner; the Rasa side talks only to the assistant. A mode keeps its
own tables, and answers each message whole: what it did, then what it asks
next (so Rasa needs one action call per message).
"""
from __future__ import annotations

from typing import List, Optional, Protocol, Sequence, Tuple

from bot.responses import Reply, Turn
from bot.reading.text_input import Incoming


class Mode(Protocol):
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

    def handle(self, sender_id: str, message: Incoming) -> Turn:
        """One message: what it did, then the next question; `closed` when paused or saved."""

    def handle_active(self, sender_id: str, message: Incoming) -> Optional[Turn]:
        """`handle` in one transaction when a session of this mode is open; None, changing nothing, if not."""
