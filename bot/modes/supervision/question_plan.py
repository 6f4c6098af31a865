"""The plan of questions for one message: derived from a session's answers, and derived again only if they change.

The plan is never kept as a cursor (bot/modes/supervision/steps.py derives it from the answers), but
deriving it costs about a quarter of what the core spends on a message, so one message derives it once and
checks, before asking the next question, whether its answer changed what the plan was derived from; and
`Plans` keeps each session's last plan for its next message, which mostly finds the answers as they were
(a danger reply, a check, a question asked again) or as this process left them.
"""
from __future__ import annotations

import json
import threading
from collections import OrderedDict
from dataclasses import dataclass
from datetime import date
from typing import Dict, List, Tuple

from bot.content.knowledge import Knowledge
from bot.modes.supervision import cycle
from bot.modes.supervision import steps as S
from bot.storage.store import SupervisionSession


def answers_of(session: SupervisionSession) -> Dict:
    """The session's answers by question."""
    return {a.step_key: a for a in session.answers}


def _answers_state(session: SupervisionSession) -> tuple:
    """What the question plan is derived from, as a value to compare."""
    return (session.kind, tuple((a.step_key, a.text, json.dumps(a.value, sort_keys=True, default=str), a.skipped)
                                for a in session.answers))


@dataclass(frozen=True)
class QuestionPlan:
    """The question plan derived from a session's answers, kept for the rest of one message."""
    state: tuple
    answers: Dict
    steps: List[S.Step]

    def fits(self, session: SupervisionSession) -> bool:
        """True while the answers (and the kind of session) are as they were when it was derived."""
        return _answers_state(session) == self.state


class Plans:
    """Each session's last plan, by session, used again while what it was derived from is unchanged.

    The plan is derived from the answers, the kind of session and the day (the offer to start from last time
    says how long ago that was), so all three must match. One plan per session, for at most `size` sessions
    (the least recently used go first), in this process's memory only: nothing is written, and a deleted
    session's plan is never asked for again and goes as others come.
    """

    def __init__(self, knowledge: Knowledge, size: int = 128):
        self.knowledge, self.size = knowledge, size
        self._plans: "OrderedDict[str, Tuple[tuple, date, List[S.Step]]]" = OrderedDict()
        self._lock = threading.Lock()

    def of(self, session: SupervisionSession) -> QuestionPlan:
        state, day, answers = _answers_state(session), cycle.today(), answers_of(session)
        with self._lock:
            kept = self._plans.get(session.id)
            if kept is not None and kept[0] == state and kept[1] == day:
                self._plans.move_to_end(session.id)
                return QuestionPlan(state, answers, list(kept[2]))
        steps = S.question_plan(self.knowledge, answers, session.kind)
        if session.id is None:  # not yet stored: nothing to keep it by
            return QuestionPlan(state, answers, steps)
        with self._lock:
            self._plans[session.id] = (state, day, steps)
            self._plans.move_to_end(session.id)
            while len(self._plans) > self.size:
                self._plans.popitem(last=False)
        return QuestionPlan(state, answers, list(steps))
