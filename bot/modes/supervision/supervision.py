"""A supervision session, one message at a time.

`SupervisionEngine.handle` takes what the practitioner typed (with Rasa's reading
of it), stores it before anything else happens, and answers with what it did
and the next question. All state is in the database, so a restarted server
carries on where the practitioner was.

Deciding what a message is (a command, a slip of one, danger, a side
question, an answer to the open question, a change from the summary) is one
ordered decision, made here; its steps share the open session and question
plan. What every mode shares (pause, help, an empty message, the answer to the
danger check, the urgent reply first) is answered before it, by
bot/modes/common.py. What it hands off lives apart: the order of questions
(steps.py) and the plan derived for one message (question_plan.py), their
wording (asking.py), taking an answer (answering.py), the checks asked
between questions (checks.py), the next session on a case (cycle.py), reading
text (bot/reading/text_input.py), the danger check (bot/safety/danger.py),
the plan history (chronology.py), theme choice (bot/modes/theme_picker.py)
and saving (bot/records/record_saving.py).
"""
from __future__ import annotations

import logging
from dataclasses import replace
from pathlib import Path
from typing import Callable, Dict, List, Optional

from bot.modes.supervision import checks, cycle, steps as S
from bot.modes.supervision.answering import Answerer
from bot.modes.supervision.question_plan import Plans, QuestionPlan, answers_of
from bot.modes.supervision.asking import Asker
from bot.content.knowledge import Knowledge
from bot.safety.danger import DangerReading, sentences
from bot.records.record_docx import write_record
from bot.records.record_saving import RecordSaver
from bot.responses import (
    Reply, Turn, all_links, asks_for_more_links, danger_check_question, explain_theme, find_theme,
    find_toolkit, show_toolkit, urgent_help,
)
from bot.storage.store import ACTIVE, PAUSED, Store, SupervisionSession
from bot.modes.common import SHARED_COMMANDS, answer_open, command_reply
from bot.modes.supervision.closure import REQUEST_KEY, asks_for_closure_check, mentions_closure_check
from bot.reading.reading import danger_of
from bot.reading.text_input import (
    Incoming, detect_command, normalise, parse_number, parse_yes_no,
    near_command, typed_button,
)

CHANGE_PICKER = "review.change"
SIDE_QUESTION_CONFIDENCE = 0.8
STRUCTURED = (S.NUMBER, S.CHOICE, S.MULTI, S.YES_NO, S.THEMES, S.FACTS)
SHORT_MESSAGE_WORDS = 12
QUESTION_OPENINGS = ("what", "whats", "what's", "where", "which", "how", "can you", "could you",
                     "can i", "show", "tell me", "explain", "link", "give me", "is there", "do you",
                     "any ", "more on", "more about", "info", "remind me")
logger = logging.getLogger(__name__)
# The words of bot/modes/common.py's replies in a supervision session.
_WORDING = {"empty": "empty_message", "paused": "paused", "help": "help_in_session",
            "already_open": "already_in_session"}


class SupervisionEngine:
    def __init__(self, knowledge: Knowledge, store: Store, records_dir: Path,
                 write: Callable = write_record, records_label: Optional[str] = None):
        self.saver = RecordSaver(knowledge, store, records_dir, write, records_label)
        self.knowledge, self.store, self.records_dir = knowledge, store, self.saver.records_dir
        self.asking = Asker(knowledge)  # the wording of every question and screen (asking.py)
        self.cycle = cycle.Cycle(knowledge, store)  # the next session on a case starts from the last (cycle.py)
        self.answering = Answerer(knowledge, store, self.cycle)  # reading and storing an answer (answering.py)
        self.checks = checks.Checks(knowledge, store)  # "Is a child in danger right now?", "Did you mean skip?"
        self.plans = Plans(knowledge)  # each session's question plan, derived again only when its answers change

    # ----- starting and resuming -------------------------------------------------

    def start(self, sender_id: str, kind: str = "supervision", opening: Optional[Incoming] = None) -> List[Reply]:
        """The welcome and the first question, in one reply. A session opened by asking for a closure check
        ("I need a closure check") has it straight after the questions about the practitioner and the case."""
        with self.store.transaction() as db:
            session = self.store.start(db, sender_id, kind)
            replies = [Reply(self.knowledge.prompt("stuck_intro" if kind == "stuck" else "session_intro"))]
            if opening is not None and not opening.is_payload and mentions_closure_check(self.knowledge, opening.text):
                plan = self.plans.of(session)
                after_case = next(s for s in plan.steps if s.section not in ("details", "case", "chronology"))
                self._mark_closure_requested(db, session, before=after_case.key)
                replies.append(Reply(self.knowledge.closure.added_at_start))
            return replies + self._question(session)

    def pause_active(self, sender_id: str) -> None:
        """Another mode (a workshop) is starting: keep this session to resume later."""
        with self.store.transaction() as db:
            for session in self.store.unfinished(db, sender_id):
                session.status = PAUSED
                session.stop_changing()

    def has_active_session(self, sender_id: str) -> bool:
        with self.store.transaction() as db:
            return self.store.current(db, sender_id) is not None

    def unfinished(self, sender_id: str) -> List[SupervisionSession]:
        with self.store.transaction() as db:
            return self.store.unfinished(db, sender_id)

    def resume(self, sender_id: str, session_id: Optional[str] = None) -> tuple:
        """(found, replies): reopens the given or the only unfinished session."""
        with self.store.transaction() as db:
            sessions = self.store.unfinished(db, sender_id)
            if session_id:
                sessions = [s for s in sessions if s.id.startswith(session_id)]
            if not sessions:
                return False, [Reply(self.knowledge.prompt("nothing_to_resume"),
                                     [("Reflect on a case", "/start_supervision")])]
            if len(sessions) > 1:
                buttons = [(self._describe(s), f'/resume_session{{"session_ref":"{s.id[:8]}"}}')
                           for s in sessions[:10]]
                return False, [Reply(self.knowledge.prompt("choose_session"), buttons)]
            self.store.activate(db, sessions[0])
            resumed = Reply(self.knowledge.prompt("resumed", case=sessions[0].case_reference or "no reference yet"))
            return True, [resumed] + self._question(sessions[0])

    @staticmethod
    def _describe(session: SupervisionSession) -> str:
        when = session.updated_at.strftime("%d %b %Y %H:%M")
        return f"{session.case_reference or 'No case reference'}, {when}"

    # ----- asking ----------------------------------------------------------------

    def prompt(self, sender_id: str) -> List[Reply]:
        """The question open now, asked again (a new page, a new Rasa session)."""
        with self.store.transaction() as db:
            session = self.store.current(db, sender_id)
            if session is None:
                return [Reply(self.knowledge.prompt("no_session"), [("Reflect on a case", "/start_supervision")])]
            return self._question(session)

    def _question(self, session: SupervisionSession, known: Optional[QuestionPlan] = None) -> List[Reply]:
        """What is asked next, with its id. `known` is the plan already derived, if the answers are unchanged."""
        if checks.pending_danger_check(session) is not None:
            return [replace(danger_check_question(self.knowledge), question=checks.DANGER_CHECK_KEY)]
        slip = checks.pending(session, checks.COMMAND_CHECK_NOTE)
        if slip is not None:
            return [Reply(self.checks.did_you_mean(slip), [("Yes", "yes"), ("No", "no")],
                          question=checks.COMMAND_CHECK_KEY)]
        plan = known if known is not None and known.fits(session) else self.plans.of(session)
        if session.choosing_change:
            return [replace(self.asking.change_list(plan.steps, plan.answers), question=CHANGE_PICKER)]
        step = self._current(session, plan.steps, plan.answers)
        return [replace(self.asking.ask(step, plan.steps, plan.answers, session), question=step.key)]

    def current_step(self, sender_id: str) -> Optional[S.Step]:
        """The question now open for this practitioner, if a session is."""
        with self.store.transaction() as db:
            session = self.store.current(db, sender_id)
            if session is None:
                return None
            slip = checks.pending(session, checks.COMMAND_CHECK_NOTE)
            if slip is not None:
                return S.Step(checks.COMMAND_CHECK_KEY, S.YES_NO, self.checks.did_you_mean(slip), "check",
                              "Did you mean a command?")
            if checks.pending_danger_check(session) is not None:
                return S.Step(checks.DANGER_CHECK_KEY, S.DANGER_CHECK, self.knowledge.urgent.check_question, "check",
                              "Is a child in danger right now?")
            if session.choosing_change:
                return None
            answers = answers_of(session)
            return self._current(session, S.question_plan(self.knowledge, answers, session.kind), answers)

    def progress(self, sender_id: str) -> Optional[str]:
        """A short line for the page, e.g. "Theme 2 of 3, question 4 of 5" or "Question 6 of 31"."""
        with self.store.transaction() as db:
            session = self.store.current(db, sender_id)
            if session is None:
                return None
            answers = answers_of(session)
            steps = S.question_plan(self.knowledge, answers, session.kind)
            step = self._current(session, steps, answers)
            if session.choosing_change or step.kind == S.REVIEW:
                return "Review and save"
            if step.theme_id:
                return self.asking.theme_progress(step, steps, answers, session.kind)
            return f"Question {steps.index(step) + 1} of {len(steps) - 1}"

    def _current(self, session: SupervisionSession, steps: List[S.Step], answers: Dict) -> S.Step:
        if session.changing_step:
            changing = next((s for s in steps if s.key == session.changing_step), None)
            if changing:
                return changing
        return next(s for s in steps if not S.is_answered(s, answers))  # "review" is never answered

    # ----- taking an answer --------------------------------------------------------

    def handle(self, sender_id: str, message: Incoming) -> Turn:
        """The whole answer to one message, in one transaction: what it did, then the next question.

        What every mode shares is answered by bot/modes/common.py, the rest by `answer`. The reply
        carries the next question so that Rasa needs one call to the action server per message.
        `closed` says the session is paused or saved. With no session open it names a record whose
        reply was lost, or says so.
        """
        return answer_open(self, sender_id, message) or self.no_session(sender_id)

    def no_session(self, sender_id: str) -> Turn:
        with self.store.transaction() as db:
            return Turn(self.unseen_record(db, sender_id) or [Reply(self.knowledge.prompt("no_session"))], closed=True)

    # ----- what bot/modes/common.py asks of a mode, inside its transaction -------------------------

    def transaction(self):
        return self.store.transaction()

    def open_session(self, db, sender_id: str) -> Optional[SupervisionSession]:
        return self.store.current(db, sender_id)

    @staticmethod
    def is_open(session: SupervisionSession) -> bool:
        return session.status == ACTIVE

    def answer(self, db, session: SupervisionSession, message: Incoming) -> Turn:
        plan = self.plans.of(session)
        turn = self._handle(db, session, message, plan)
        if turn.closed or session.status != ACTIVE:
            return Turn(turn.replies, closed=True)
        db.flush()
        return Turn(turn.replies + self._question(session, plan))

    def ask_next(self, db, session: SupervisionSession) -> List[Reply]:
        return self._question(session)

    def pause(self, db, session: SupervisionSession) -> None:
        """Paused with everything kept; a "Did you mean skip?" still open is dropped (a pending danger check
        is kept, and asked again on resuming)."""
        session.status = PAUSED
        session.stop_changing()
        slip = checks.pending(session, checks.COMMAND_CHECK_NOTE)
        if slip is not None:
            session.notes.remove(slip)

    def wording(self, what: str) -> str:
        return self.knowledge.prompt(_WORDING[what])

    def take_check(self, db, session: SupervisionSession) -> Optional[str]:
        pending = checks.pending_danger_check(session)
        if pending is None:
            return None
        session.notes.remove(pending)
        db.flush()
        return pending.text

    def note_danger(self, db, session: SupervisionSession, text: str) -> None:
        self.store.add_note(db, session, checks.DANGER_NOTE, text)

    def _handle(self, db, session: SupervisionSession, message: Incoming, plan: QuestionPlan) -> Turn:
        k = self.knowledge
        answers, steps = plan.answers, plan.steps
        step = self._current(session, steps, answers)
        text = message.text or ""

        # a button's title typed is that button ("Back to the summary" goes back)
        shown = self.asking.change_list(steps, answers) if session.choosing_change \
            else self.asking.ask(step, steps, answers, session)
        message = typed_button(message, shown.buttons)
        text = message.text or ""

        command = detect_command(message)
        open_question = self._open_question(session, step)
        if message.question and message.question != open_question and command not in ("pause", "save", "help"):
            return self.checks.stale(db, session, message)
        pending = checks.pending(session, checks.COMMAND_CHECK_NOTE)
        if pending is not None:  # "Did you mean skip?" was asked
            session.notes.remove(pending)
            db.flush()
            meant, typed = pending.text.split("|", 1)
            said = parse_yes_no(text)
            if said == "yes":
                command = meant
            elif said == "no":  # it was an answer after all: take what they typed then
                message, text, command = replace(message, text=typed, question=None), typed, None
        elif command is None and not message.is_payload and near_command(text):
            self.store.add_note(db, session, checks.COMMAND_CHECK_NOTE, f"{near_command(text)}|{text}")
            return Turn([])  # nothing is saved until they say which they meant
        if command in SHARED_COMMANDS:  # only a slip confirmed ("Did you mean pause?" "yes") gets here
            return command_reply(self, db, session, command)
        if command == "save":
            return self._save(db, session, steps, answers)
        if command == "stuck" and session.kind != "stuck":
            session.kind = "stuck"
            session.stop_changing()
            return Turn([Reply(k.prompt("switched_to_stuck"))])
        if command == "change":
            session.choose_change()
            return Turn([])
        if session.choosing_change and normalise(text) == "back":
            session.stop_changing()
            return Turn([])
        if command == "skip":
            if step.kind == S.REVIEW or session.choosing_change:
                return Turn([Reply(k.prompt("nothing_to_skip"))])
            self.store.save_answer(db, session, step.key, step.prompt, None, skipped=True)
            session.stop_changing()
            return Turn([Reply(k.prompt("skipped"))])
        if not message.is_payload and asks_for_closure_check(k, text) and not session.choosing_change:
            return self._closure_requested(db, session, step, steps, answers)
        if step.key == S.FIRST_STEP and session.kind == "supervision" and S.asks_for_short_session(text):
            session.kind = S.SHORT
            return Turn([Reply(k.prompt("short_chosen"))])

        reading = danger_of(message, self.knowledge)  # read once (bot/reading/reading.py)
        if reading.possible and self._only_an_answer(step, text, answers, session):
            reading = DangerReading()
        replies = [urgent_help(k)] if reading.clear else []
        if reading.clear:
            self.store.add_note(db, session, checks.DANGER_NOTE, text)
        elif reading.possible:
            self.store.add_note(db, session, checks.DANGER_CHECK_NOTE, text)
        outside_questions = session.choosing_change or step.kind == S.REVIEW
        if reading and outside_questions:  # nothing to answer: the check, or the urgent reply, then back
            return Turn(replies + [Reply(k.urgent.carry_on)] if reading.clear else [])

        side = None if reading else self._side_question(message)
        if side is not None:
            return Turn([side, Reply(k.prompt("back_to_question"))])
        if session.choosing_change:
            return Turn(self._pick_change(session, steps, answers, text))
        if step.kind == S.REVIEW:
            return Turn(self._review_reply(db, session, steps, answers, text))

        before = _stored_at(session, step.key)
        accepted = self.answering.accept(db, session, step, text, answers)
        saved = _stored_at(session, step.key) not in (None, before)
        if reading.clear:  # danger first, then the answer as typed; a question it does not answer comes back
            return Turn(replies + ([Reply(k.prompt("urgent_answer_saved"))] + accepted if saved
                                   else [Reply(k.urgent.carry_on)]))
        if saved and not reading and self.checks.low_safety_scale(step, session):
            self.store.add_note(db, session, checks.DANGER_CHECK_NOTE, text)
        return Turn(accepted)

    def _closure_requested(self, db, session, step: S.Step, steps: List[S.Step], answers: Dict) -> Turn:
        """ "closure check" as a whole message: the check runs from here, unless it is under way or done.

        The request is kept as a marker answer (closure.requested) naming the question open then,
        so the plan, worked out again from the answers, puts the check there (bot/modes/supervision/steps.py).
        """
        closure = self.knowledge.closure
        check = [s for s in steps if s.section == "closure"]
        if step.section == "closure" or (check and all(S.is_answered(s, answers) for s in check)):
            return Turn([Reply(closure.already)])
        self._mark_closure_requested(db, session, before=step.key)
        session.stop_changing()
        return Turn([Reply(closure.added)])

    def _mark_closure_requested(self, db, session: SupervisionSession, before: str) -> None:
        """The marker answer (closure.requested) that puts the check before the question `before`."""
        title = self.knowledge.closure.title
        self.store.save_answer(db, session, REQUEST_KEY, title, title, value={"before": before})

    def _only_an_answer(self, step: S.Step, text: str, answers: Dict, session: SupervisionSession) -> bool:
        """A short message that is simply a valid answer to a structured question ("school, police
        and the health visitor"): the classifier's unsure middle is no reason to stop and check.
        Clear danger still comes first whatever the question. Only one sentence: "no - Disclosed. Home at 4."
        parses as "no", but the sentences after it are news, not the answer."""
        if step.kind not in STRUCTURED or session.choosing_change or len(text.split()) > 8 or len(sentences(text)) > 1:
            return False
        value, problem = self.answering.parse(step, text, answers, session.kind)
        return problem is None and value not in (None, [])

    @staticmethod
    def _open_question(session: SupervisionSession, step: S.Step) -> str:
        """The id of what the practitioner is being asked now (sent with each question)."""
        if checks.pending_danger_check(session) is not None:
            return checks.DANGER_CHECK_KEY
        if checks.pending(session, checks.COMMAND_CHECK_NOTE) is not None:
            return checks.COMMAND_CHECK_KEY
        return CHANGE_PICKER if session.choosing_change else step.key

    def _side_question(self, message: Incoming) -> Optional[Reply]:
        """explain_theme / ask_toolkit asked mid-session, only when it reads as a question."""
        if asks_for_more_links(message.text):  # "more links": every link, as a whole message only
            return all_links(self.knowledge)
        if message.intent not in ("explain_theme", "ask_toolkit"):
            return None
        if not message.is_payload:
            said = normalise(message.text)
            looks_like_question = message.text.strip().endswith("?") or said.startswith(QUESTION_OPENINGS)
            if (message.confidence < SIDE_QUESTION_CONFIDENCE or not looks_like_question
                    or len(said.split()) > SHORT_MESSAGE_WORDS):
                return None
        if message.intent == "explain_theme":
            return explain_theme(self.knowledge, find_theme(self.knowledge, message))
        return show_toolkit(self.knowledge, find_toolkit(self.knowledge, message))

    def _review_reply(self, db, session, steps, answers, text: str) -> List[Reply]:
        said = parse_yes_no(text)
        if said == "yes":
            return self._save(db, session, steps, answers).replies
        number = parse_number(text, 1, len(self.asking.changeable(steps, answers)))
        if number is not None and normalise(text).isdigit():
            return self._pick_change(session, steps, answers, text)
        return [Reply(self.knowledge.prompt("review_help"))]

    def _pick_change(self, session, steps, answers, text: str) -> List[Reply]:
        changeable = self.asking.changeable(steps, answers)
        number = parse_number(text, 1, len(changeable))
        if number is None:
            return [Reply(self.knowledge.prompt("change_need_number", high=len(changeable)))]
        session.change(changeable[number - 1].key)
        return []

    # ----- saving (bot/records/record_saving.py) -------------------------------------------

    def _save(self, db, session, steps, answers) -> Turn:
        return self.saver.save(db, session, steps, answers)

    def unseen_record(self, db, sender_id: str) -> List[Reply]:
        return self.saver.unseen_record(db, sender_id)

    def record_seen(self, sender_id: str) -> None:
        self.saver.record_seen(sender_id)


def _stored_at(session: SupervisionSession, key: str):
    answer = session.answer(key)
    return None if answer is None else answer.updated_at
