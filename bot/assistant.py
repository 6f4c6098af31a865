"""The assistant as the Rasa side sees it: one active mode per practitioner, and every message routed to it.

The modes are those in the registry (bot/modes/registry.py): supervision
(bot/modes/supervision/, with the stuck pathway as a kind of session) and
workshops (bot/modes/workshop/), each implementing `bot.modes.mode.Mode`.
Starting or resuming one pauses whatever else the practitioner had open,
so nothing is lost and only one mode ever takes their messages. The Rasa
side has one form whose single slot passes every message here.
"""
from __future__ import annotations

from typing import Dict, List, Mapping, Optional, Tuple

from bot.modes.common import answer_open
from bot.modes.mode import Mode
from bot.modes.registry import MODES, start_intents
from bot.reading.reading import read_once
from bot.reading.text_input import Incoming
from bot.responses import Reply, Turn

SUPERVISION, WORKSHOP = "supervision", "workshop"


class Assistant:
    def __init__(self, modes: Mapping[str, Mode]):
        """`modes`: an engine for each registered mode, by name, in the registry's order (the first is the default)."""
        self.modes: Dict[str, Mode] = dict(modes)

    @classmethod
    def build(cls, knowledge, store, settings) -> "Assistant":
        """An engine for every registered mode, sharing one knowledge and one store."""
        return cls({spec.name: spec.build(knowledge, store, settings) for spec in MODES})

    @property
    def default(self) -> Mode:
        return next(iter(self.modes.values()))

    @property
    def supervision(self):
        return self.modes[SUPERVISION]

    @property
    def workshop(self):
        return self.modes[WORKSHOP]

    @property
    def knowledge(self):
        return self.default.knowledge

    def start(self, sender_id: str, intent: str, opening: Optional[Incoming] = None) -> List[Reply]:
        """Open the mode this starting intent asks for (the default mode if unknown), pausing any other.
        `opening` is the message that asked (the mode may read it: "closure check" opens supervision with it)."""
        starts = start_intents()
        name, kind = starts.get(intent) or next(iter(starts.values()))
        self._pause_others(sender_id, name)
        return self.modes[name].start(sender_id, kind, opening=opening)

    def resume(self, sender_id: str, reference: Optional[str] = None) -> Tuple[Optional[str], List[Reply]]:
        """(mode resumed or None, replies). The first mode (in the registry's order) with an unfinished session."""
        name = next((name for name, mode in self.modes.items() if mode.unfinished(sender_id)),
                    next(iter(self.modes)))
        found, replies = self.modes[name].resume(sender_id, reference)
        if not found:
            return None, replies
        self._pause_others(sender_id, name)
        return name, replies

    def active_mode(self, sender_id: str) -> Optional[str]:
        return next((name for name, mode in self.modes.items() if mode.has_active_session(sender_id)), None)

    def handle(self, sender_id: str, message: Incoming) -> Turn:
        """One message, answered for the mode with a session open (with the next question); closed when none is.

        What every mode shares (pause, help, resume, an empty message, a start pressed again, the answer to
        the danger check, the urgent reply first) is answered once, by bot/modes/common.py; the mode answers
        the rest. Each mode looks for its open session in the same transaction that handles the message, so
        a message costs one transaction for the first mode, one more for each mode before its own. The
        message's danger level is read once here (if Rasa's NLU has not already) and carried to the mode.
        """
        message = read_once(message, self.knowledge)
        for mode in self.modes.values():
            turn = answer_open(mode, sender_id, message)
            if turn is not None:
                return turn
        return self.default.no_session(sender_id)  # names a record just saved, or says none is open

    def prompt(self, sender_id: str) -> List[Reply]:
        name = self.active_mode(sender_id)
        return (self.modes[name] if name else self.default).prompt(sender_id)

    def has_unfinished(self, sender_id: str) -> bool:
        return any(mode.unfinished(sender_id) for mode in self.modes.values())

    def _pause_others(self, sender_id: str, keep: str) -> None:
        for name, mode in self.modes.items():
            if name != keep:
                mode.pause_active(sender_id)
