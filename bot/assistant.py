"""The assistant as the Rasa side sees it: one active mode per practitioner, and every message routed to it.

Two modes implement `bot.modes.mode.Mode`: supervision (`bot.modes.supervision.supervision`, with
the stuck pathway as a kind of session) and workshops
(`bot.modes.workshop.workshop_session`). Starting or resuming one pauses whatever else the
practitioner had open, so nothing is lost and only one mode ever takes
their messages. The Rasa side has one form whose single slot passes every
message here.
"""
from __future__ import annotations

from typing import Dict, List, Optional, Tuple

from bot.modes.supervision.supervision import SupervisionEngine
from bot.modes.mode import Mode
from .responses import Reply, Turn
from bot.reading.text_input import Incoming
from bot.modes.workshop.workshop_session import WorkshopEngine

SUPERVISION, WORKSHOP = "supervision", "workshop"
# What each starting intent opens: (mode, kind of session).
STARTS: Dict[str, Tuple[str, str]] = {
    "start_supervision": (SUPERVISION, "supervision"),
    "feeling_stuck": (SUPERVISION, "stuck"),
    "start_workshop": (WORKSHOP, "workshop"),
}


class Assistant:
    def __init__(self, supervision: SupervisionEngine, workshop: WorkshopEngine):
        self.supervision = supervision
        self.workshop = workshop
        self.modes: Dict[str, Mode] = {SUPERVISION: supervision, WORKSHOP: workshop}

    @property
    def knowledge(self):
        return self.supervision.knowledge

    def start(self, sender_id: str, intent: str) -> List[Reply]:
        """Open the mode this starting intent asks for (supervision if unknown), pausing any other."""
        name, kind = STARTS.get(intent, STARTS["start_supervision"])
        self._pause_others(sender_id, name)
        return self.modes[name].start(sender_id, kind)

    def resume(self, sender_id: str, reference: Optional[str] = None) -> Tuple[Optional[str], List[Reply]]:
        """(mode resumed or None, replies). Unfinished supervision comes first, then workshops."""
        if self.supervision.unfinished(sender_id) or not self.workshop.unfinished(sender_id):
            name = SUPERVISION
        else:
            name = WORKSHOP
        found, replies = self.modes[name].resume(sender_id, reference)
        if not found:
            return None, replies
        self._pause_others(sender_id, name)
        return name, replies

    def active_mode(self, sender_id: str) -> Optional[str]:
        return next((name for name, mode in self.modes.items() if mode.has_active_session(sender_id)), None)

    def handle(self, sender_id: str, message: Incoming) -> Turn:
        """One message, answered by the active mode (with the next question); closed when none is open.

        Each mode looks for its open session in the same transaction that handles the message, so a
        supervision message costs one transaction, a workshop's two.
        """
        for mode in self.modes.values():
            turn = mode.handle_active(sender_id, message)
            if turn is not None:
                return turn
        return self.supervision.handle(sender_id, message)  # names a record just saved, or says none is open

    def prompt(self, sender_id: str) -> List[Reply]:
        name = self.active_mode(sender_id) or SUPERVISION
        return self.modes[name].prompt(sender_id)

    def has_unfinished(self, sender_id: str) -> bool:
        return any(mode.unfinished(sender_id) for mode in self.modes.values())

    def _pause_others(self, sender_id: str, keep: str) -> None:
        for name, mode in self.modes.items():
            if name != keep:
                mode.pause_active(sender_id)
