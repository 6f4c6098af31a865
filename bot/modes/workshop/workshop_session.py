"""A practice workshop, one message at a time: the training lead's mode.

It implements bot.modes.mode.Mode, as bot/modes/supervision/supervision.py does, and bot/assistant.py
routes a lead's messages here while a workshop is open, after bot/modes/common.py has answered what every
mode shares (pause, help, an empty message, the answer to the danger check, the urgent reply first).
This module holds the steps of a workshop (choose, review, run, save); its wording is in
workshop_asking.py, its tables in workshop_tables.py, the reading of a length or a command in
workshop_reading.py, the content and the plan in
bot/content/workshop_content.py and workshop_plan.py, and the pack in
workshop_pack.py.

The lead chooses the length, the group and the themes, sees the plan with
its timings, then steps through it. While a part is open, every message that
is not a command is one of the group's points and is stored verbatim, as it
arrives. Commands are recognised only as whole messages, so a point that
says "next" or "save" in passing stays a point.

A workshop holds no case data. Its own tables (workshop_sessions,
workshop_points) keep only the lead's choices and the group's points; this
module never reads the supervision tables itself. A lead who says "use the
learning report" at the themes gets themes favoured by the report's shown
figures (bot/reporting/: coded counts only, small numbers hidden), with why.
"""
from __future__ import annotations

import re

from contextlib import contextmanager
from pathlib import Path
from typing import Callable, Dict, Iterator, List, Optional, Tuple

from sqlalchemy.engine import Engine
from sqlalchemy.orm import Session, sessionmaker

from bot.modes.common import answer_open
from bot.content.knowledge import Knowledge
from bot.reading.reading import danger_of
from bot.reading.months import today_in_england
from bot.reading.privacy import privacy_reminder
from bot.responses import (
    Reply, Turn, danger_check_question, explain_theme, find_theme, find_toolkit, show_toolkit,
    urgent_help,
)
from bot.storage.store import ACTIVE, COMPLETE, PAUSED, sessions_of, utcnow
from bot.reading.text_input import (
    Choice, ChoiceMatcher, Incoming, parse_yes_no,
    typed_button,
)
from bot.content.workshop_content import WorkshopContent
from bot.modes.workshop.workshop_plan import (
    PlanItem, WorkshopPlan, describe_length, plan_workshop, suggested_themes,
)
from bot.modes.theme_picker import themes_chosen
from bot.modes.workshop.workshop_asking import WorkshopAsker
from bot.modes.workshop.workshop_pack import write_pack
from bot.modes.workshop.workshop_reading import UNCLEAR, learning_report_request, parse_minutes, workshop_command
from bot.modes.workshop.workshop_tables import WorkshopPoint, WorkshopSession
from bot.config import Settings

LENGTH, GROUP, THEMES, REVIEW, RUNNING = "length", "group", "themes", "review", "running"
START_BUTTON = ("Run a workshop", "/start_workshop")
_BUTTON_PAYLOAD = re.compile(r"^/[A-Za-z_]+")
# The words of bot/modes/common.py's replies in a workshop.
_WORDING = {"empty": "empty_message", "paused": "paused", "help": "help", "already_open": "already_in_workshop"}

# ----- the conversation -----------------------------------------------------------------

class WorkshopEngine:
    def __init__(self, knowledge: Knowledge, content: WorkshopContent, store_engine: Engine,
                 records_dir: Path, write: Callable = write_pack):
        self.knowledge = knowledge
        self.content = content
        # A bot.storage.store.Store is accepted too: its engine is used. Its tables come from the
        # migrations (bot/storage/migrations), which bot.storage.store.make_engine runs.
        self.engine: Engine = getattr(store_engine, "engine", store_engine)
        self._sessions = sessionmaker(self.engine, future=True, expire_on_commit=False)
        self.records_dir = Path(records_dir)
        self._write = write
        self.asking = WorkshopAsker(knowledge, content)  # the wording of every screen (workshop_asking.py)

    @contextmanager
    def transaction(self) -> Iterator[Session]:
        with self._sessions.begin() as db:
            yield db

    # ----- the database --------------------------------------------------------------

    @staticmethod
    def _current(db: Session, sender_id: str) -> Optional[WorkshopSession]:
        return next(iter(sessions_of(db, WorkshopSession, sender_id, [ACTIVE])), None)

    @staticmethod
    def _unfinished(db: Session, sender_id: str) -> List[WorkshopSession]:
        return sessions_of(db, WorkshopSession, sender_id, [ACTIVE, PAUSED])

    # ----- starting and resuming -------------------------------------------------------

    def start(self, sender_id: str, kind: str = "workshop", opening: Optional[Incoming] = None) -> List[Reply]:
        with self.transaction() as db:
            for other in self._unfinished(db, sender_id):
                if other.status == ACTIVE:
                    other.status = PAUSED
            session = WorkshopSession(sender_id=sender_id, status=ACTIVE)
            db.add(session)
            return [Reply(self.content.prompt("intro"))] + self._prompt(session)

    def has_active_session(self, sender_id: str) -> bool:
        with self.transaction() as db:
            return self._current(db, sender_id) is not None

    def pause_active(self, sender_id: str) -> None:
        """Another mode is starting: keep this workshop to resume later."""
        with self.transaction() as db:
            for session in self._unfinished(db, sender_id):
                session.status = PAUSED

    def unfinished(self, sender_id: str) -> List[WorkshopSession]:
        with self.transaction() as db:
            return self._unfinished(db, sender_id)

    def resume(self, sender_id: str, session_id: Optional[str] = None) -> Tuple[bool, List[Reply]]:
        """(found, replies): reopens the given, or the latest, unfinished workshop."""
        with self.transaction() as db:
            sessions = self._unfinished(db, sender_id)
            if session_id:
                sessions = [s for s in sessions if s.id.startswith(session_id)]
            if not sessions:
                return False, [Reply(self.content.prompt("nothing_to_resume"), [START_BUTTON])]
            session = sessions[0]
            for other in sessions[1:]:
                if other.status == ACTIVE:
                    other.status = PAUSED
            session.status = ACTIVE
            session.updated_at = utcnow()
            replies = [Reply(self.content.prompt("resumed"))]
            if _stage(session) == RUNNING:
                replies += self.asking.show(self._plan(session), session.current_item)
            return True, replies + self._prompt(session)

    def current_plan(self, sender_id: str) -> Optional[WorkshopPlan]:
        with self.transaction() as db:
            session = self._current(db, sender_id)
            if session is None or _stage(session) not in (REVIEW, RUNNING):
                return None
            return self._plan(session)

    def current_item(self, sender_id: str) -> Optional[PlanItem]:
        """The part of the workshop open now, once it has started."""
        with self.transaction() as db:
            session = self._current(db, sender_id)
            if session is None or _stage(session) != RUNNING:
                return None
            return self._plan(session).items[session.current_item]

    def stage(self, sender_id: str) -> Optional[str]:
        """length, group, themes, review or running; None with no workshop open."""
        with self.transaction() as db:
            session = self._current(db, sender_id)
            return None if session is None else _stage(session)

    # ----- asking ---------------------------------------------------------------------

    def prompt(self, sender_id: str) -> List[Reply]:
        c = self.content
        with self.transaction() as db:
            session = self._current(db, sender_id)
            if session is None:
                return [Reply(c.prompt("no_session"), [START_BUTTON])]
            return self._prompt(session)

    def _prompt(self, session: WorkshopSession) -> List[Reply]:
        c = self.content
        if session.danger_check:
            return [danger_check_question(self.knowledge)]
        stage = _stage(session)
        if stage == LENGTH:
            return [Reply(c.prompt("ask_length"),
                          [(describe_length(m), describe_length(m)) for m in c.workshop.lengths.buttons])]
        if stage == GROUP:
            return [self.asking.group_menu(c.prompt("ask_group"))]
        if stage == THEMES:
            return [self.asking.theme_menu(session)]
        plan = self._plan(session)
        if stage == REVIEW:
            return [Reply(self.asking.plan_text(plan) + "\n" + c.prompt("review_intro"),
                          [("Start the workshop", "start"), ("Change", "change"),
                           ("Save the pack", "save")])]
        return [self.asking.cue(plan, session.current_item)]

    # ----- taking a message -------------------------------------------------------------

    def handle(self, sender_id: str, message: Incoming) -> Turn:
        """What every mode shares is answered by bot/modes/common.py, the rest by `answer`."""
        return answer_open(self, sender_id, message) or self.no_session(sender_id)

    def no_session(self, sender_id: str) -> Turn:
        return Turn([Reply(self.content.prompt("no_session"), [START_BUTTON])], closed=True)

    # ----- what bot/modes/common.py asks of a mode, inside its transaction -------------------------

    def open_session(self, db: Session, sender_id: str) -> Optional[WorkshopSession]:
        return self._current(db, sender_id)

    @staticmethod
    def is_open(session: WorkshopSession) -> bool:
        return session.status == ACTIVE

    def answer(self, db: Session, session: WorkshopSession, message: Incoming) -> Turn:
        turn = self._handle(db, session, message)
        if turn.closed or session.status != ACTIVE:
            return Turn(turn.replies, closed=True)
        return Turn(turn.replies + self._prompt(session))  # the next cue: one action call a message

    def ask_next(self, db: Session, session: WorkshopSession) -> List[Reply]:
        return self._prompt(session)

    @staticmethod
    def pause(db: Session, session: WorkshopSession) -> None:
        session.status = PAUSED

    def wording(self, what: str) -> str:
        return self.content.prompt(_WORDING[what])

    @staticmethod
    def take_check(db: Session, session: WorkshopSession) -> Optional[str]:
        """A workshop keeps that the check is open, never the words that raised it (it holds no case data)."""
        if not session.danger_check:
            return None
        session.danger_check = False
        return ""

    @staticmethod
    def note_danger(db: Session, session: WorkshopSession, text: str) -> None:
        """Nothing kept: a workshop holds no case data, so danger is answered (urgent help) and never stored."""

    def _handle(self, db: Session, session: WorkshopSession, message: Incoming) -> Turn:
        c = self.content
        # A button's title typed is that button ("Save the pack" saves; it is not a point).
        message = typed_button(message, [b for reply in self._prompt(session) for b in reply.buttons])
        text = message.text or ""
        stage = _stage(session)
        command = workshop_command(message)  # pause, help and resume never get here: bot/modes/common.py took them
        if command == "save":
            if stage in (LENGTH, GROUP, THEMES):
                return Turn([Reply(c.prompt("nothing_to_save_yet"))])
            return self._save(session)
        if command == "plan":
            if stage == RUNNING:
                return Turn([Reply(self.asking.plan_text(self._plan(session), session.current_item))])
            return Turn([] if stage == REVIEW else [Reply(c.prompt("no_plan_yet"))])
        if command == "change":
            if stage == RUNNING:
                return Turn([Reply(c.prompt("plan_locked"))])
            session.minutes = session.group = session.themes = None
            return Turn([])
        if command == "back" and stage != RUNNING:
            _step_back(session, stage)
            return Turn([])
        if _BUTTON_PAYLOAD.match(text) and message.intent:
            return Turn(self._button(message))  # a button pressed, not something the group said

        if stage == RUNNING:
            return Turn(self._running(db, session, command, message))
        reading = danger_of(message, self.knowledge)  # read once (bot/reading/reading.py)
        if reading.clear:
            return Turn([urgent_help(self.knowledge), Reply(self.knowledge.urgent.carry_on)])
        if reading.possible:
            session.danger_check = True  # asked as the next cue (see _prompt)
            return Turn([])
        if stage == LENGTH:
            return Turn(self._take_length(session, text))
        if stage == GROUP:
            return Turn(self._take_group(session, text))
        if stage == THEMES:
            return Turn(self._take_themes(session, text))
        return Turn(self._review(session, command, text))

    def _button(self, message: Incoming) -> List[Reply]:
        if message.intent == "explain_theme":
            return [explain_theme(self.knowledge, find_theme(self.knowledge, message))]
        if message.intent == "ask_toolkit":
            return [show_toolkit(self.knowledge, find_toolkit(self.knowledge, message))]
        if message.intent == "immediate_risk":
            return [urgent_help(self.knowledge)]
        return []

    def _take_length(self, session: WorkshopSession, text: str) -> List[Reply]:
        lengths = self.content.workshop.lengths
        minutes = parse_minutes(text)
        if minutes is None or not lengths.shortest <= minutes <= lengths.longest:
            return [Reply(self.content.prompt("length_not_recognised", shortest=lengths.shortest,
                                        longest=lengths.longest))]
        session.minutes = minutes
        return [Reply(self.content.prompt("length_chosen", length=describe_length(minutes)))]

    def _take_group(self, session: WorkshopSession, text: str) -> List[Reply]:
        groups = self.content.groups
        matcher = ChoiceMatcher([Choice(g.id, g.label, tuple(g.also_known_as)) for g in groups])
        found = matcher.find(text) or matcher.find_numbers(text)
        if len(found) != 1:
            return [self.asking.group_menu(self.content.prompt("group_not_recognised"))]
        session.group = found[0]
        return [Reply(self.content.prompt("group_chosen", group=self.content.group(found[0]).label))]

    def _take_themes(self, session: WorkshopSession, text: str) -> List[Reply]:
        period = learning_report_request(text, today_in_england())  # "this month" as the lead's calendar has it
        if period is not None:
            return self._themes_from_report(session, period)
        themes = themes_chosen(self.knowledge, text, suggested_themes(self.content, session.minutes, session.group))
        if not themes:
            return [Reply(self.content.prompt("themes_not_recognised"))]
        session.themes = list(themes)
        titles = "; ".join(self.knowledge.theme(t).title for t in themes)
        return [Reply(self.content.prompt("themes_chosen", themes=titles))]

    def _themes_from_report(self, session: WorkshopSession, period) -> List[Reply]:
        """The themes the learning report favours for the period (the most-noticed patterns' and the least-chosen
        themes), each with why; the lead can say back to choose others."""
        from bot.reporting.figures import Period, gather  # here: only a lead who asks reads the report
        from bot.reporting.planning import PATTERN, themes_to_favour
        from bot.reporting.suppression import suppress

        c, k = self.content, self.knowledge
        if period == UNCLEAR:
            return [Reply(c.prompt("report_period_not_recognised"))]
        report = suppress(gather(self.engine, k, Period(*period)))
        favoured = themes_to_favour(k, report, c.theme_count(session.minutes))
        if not favoured:
            return [Reply(c.prompt("report_too_few", period=report.period))]
        session.themes = suggested_themes(c, session.minutes, session.group, [f.theme_id for f in favoured])
        lines = [c.prompt("report_themes", period=report.period)]
        lines += [c.prompt("report_why_pattern", theme=k.theme(f.theme_id).title, pattern=f.pattern, count=f.count)
                  if f.reason == PATTERN else
                  c.prompt("report_why_least_chosen", theme=k.theme(f.theme_id).title, count=f.count)
                  for f in favoured]
        return [Reply("\n".join(lines))]

    def _review(self, session: WorkshopSession, command: Optional[str], text: str) -> List[Reply]:
        if command in ("next", "start", "show") or parse_yes_no(text) == "yes":
            session.current_item = 0
            return self.asking.show(self._plan(session), 0)
        return [Reply(self.content.prompt("review_help"))]

    def _running(self, db: Session, session: WorkshopSession, command: Optional[str],
                 message: Incoming) -> List[Reply]:
        plan = self._plan(session)
        index = min(session.current_item, len(plan.items) - 1)
        if command == "next":
            if index == len(plan.items) - 1:
                return [Reply(self.content.prompt("at_last_item"))]
            session.current_item = index + 1
            return self.asking.show(plan, index + 1)
        if command == "back":
            if index == 0:
                return [Reply(self.content.prompt("at_first_item"))]
            session.current_item = index - 1
            return self.asking.show(plan, index - 1)
        if command == "questions":
            return [self.asking.questions(plan.items[index])]
        if command in ("show", "start"):
            return self.asking.show(plan, index)
        return self._point(db, session, plan.items[index], message)

    def _point(self, db: Session, session: WorkshopSession, item: PlanItem, message: Incoming) -> List[Reply]:
        """One of the group's points, stored exactly as typed."""
        text = message.text
        session.points.append(WorkshopPoint(item_id=item.id, text=text))
        session.updated_at = utcnow()
        db.flush()
        count = sum(1 for p in session.points if p.item_id == item.id)
        replies = [Reply(self.content.prompt("point_noted", title=item.title, count=count))]
        reading = danger_of(message, self.knowledge)
        if reading.clear:
            replies = [urgent_help(self.knowledge), Reply(self.content.prompt("urgent_point_saved"))]
        elif reading.possible:
            session.danger_check = True  # asked as the next cue (see _prompt), after the point is noted
        reminder = privacy_reminder(session, text, self.content.prompt)
        if reminder:
            replies.append(Reply(reminder))
        return replies

    # ----- saving -------------------------------------------------------------------------

    def _save(self, session: WorkshopSession) -> Turn:
        plan = self._plan(session)
        points: Dict[str, List[str]] = {}
        for point in session.points:
            points.setdefault(point.item_id, []).append(point.text)
        path = self._write(plan, points, self.records_dir)
        session.pack_path = str(path)
        session.status = COMPLETE
        # the folder as practitioners know it, never its path on the server
        where = Settings.from_env().records_label or self.knowledge.prompt("records_folder")
        return Turn([Reply(self.content.prompt("saved", file=path.name, folder=where,
                                         points=len(session.points)))], closed=True)

    def _plan(self, session: WorkshopSession) -> WorkshopPlan:
        return plan_workshop(self.content, self.knowledge, session.minutes, session.group, session.themes)


def _stage(session: WorkshopSession) -> str:
    if session.minutes is None:
        return LENGTH
    if session.group is None:
        return GROUP
    if session.themes is None:
        return THEMES
    return REVIEW if session.current_item is None else RUNNING


def _step_back(session: WorkshopSession, stage: str) -> None:
    """Before the workshop starts, back undoes the last choice."""
    if stage == REVIEW:
        session.themes = None
    elif stage == THEMES:
        session.group = None
    elif stage == GROUP:
        session.minutes = None

