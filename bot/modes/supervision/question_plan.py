"""The plan of questions for one message: derived from a session's answers, and derived again only if they change.

The plan is never kept as a cursor (bot/modes/supervision/steps.py derives it from the answers), but
deriving it costs a little, so one message derives it once and checks, before asking the next question,
whether its answer changed what the plan was derived from.
"""
from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Dict, List

from bot.content.knowledge import Knowledge
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

    @classmethod
    def of(cls, knowledge: Knowledge, session: SupervisionSession) -> "QuestionPlan":
        answers = answers_of(session)
        return cls(_answers_state(session), answers, S.question_plan(knowledge, answers, session.kind))

    def fits(self, session: SupervisionSession) -> bool:
        """True while the answers (and the kind of session) are as they were when it was derived."""
        return _answers_state(session) == self.state
