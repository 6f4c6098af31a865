"""A workshop through bot.modes.workshop.workshop_session, with a real database and real Word files.

All text is invented.
"""
from __future__ import annotations

import re
from pathlib import Path
from typing import Dict, List

import pytest
from sqlalchemy import event, inspect, select

from bot.modes.supervision.supervision import SupervisionEngine
from bot.storage.store import ACTIVE, COMPLETE, PAUSED, Answer, Store, SupervisionSession, make_engine
from bot.reading.text_input import Incoming
from bot.modes.workshop.workshop_session import (
    WorkshopEngine, WorkshopPoint, WorkshopSession, parse_minutes, workshop_command,
)
from tests.session_driver import STRUCTURED_ANSWERS, docx_text, latest_saved
from tests.content import CONTENT, KNOWLEDGE

ROOT = Path(__file__).resolve().parent.parent
LEAD = "lead-1"


@pytest.fixture
def engine(tmp_path):
    return make_engine(f"sqlite:///{tmp_path / 'assistant.db'}")


@pytest.fixture
def workshop(engine, tmp_path):
    return WorkshopEngine(KNOWLEDGE, CONTENT, engine, tmp_path / "records")


def talk(workshop, sender=LEAD):
    """A `say` function: what the lead types -> (all the reply text, closed)."""
    def say(text: str, intent=None):
        turn = workshop.handle(sender, Incoming(text, intent))  # what it did, then the next cue
        return "\n".join(r.text for r in turn.replies), turn.closed
    return say


def set_up(workshop, length="90 minutes", group="experienced", themes="yes", sender=LEAD):
    workshop.start(sender)
    say = talk(workshop, sender)
    for answer in (length, group, themes):
        say(answer)
    return say


def points_in_db(workshop) -> List[WorkshopPoint]:
    with workshop.transaction() as db:
        return list(db.execute(select(WorkshopPoint).order_by(WorkshopPoint.id)).scalars())


# ----- a whole workshop ----------------------------------------------------------------

def run_whole_workshop(workshop, sender=LEAD) -> Dict[str, List[str]]:
    """Start, 90 minutes, experienced, the suggested themes; points for every part; save."""
    intro = workshop.start(sender)
    assert "holds no case data" in intro[0].text
    say = talk(workshop, sender)
    reply, _ = say("90 minutes")
    assert "Who is the group?" in reply
    reply, _ = say("Experienced workers")
    assert "I suggest 3 themes" in reply
    reply, _ = say("yes")
    assert "Your plan (90 minutes, Experienced workers):" in reply and "0:00 to 0:11" in reply
    reply, _ = say("start")
    assert "Part 1 of 5" in reply and "ten children, aged 2 to 13" in reply
    plan = workshop.current_plan(sender)
    sent: Dict[str, List[str]] = {}
    for number, item in enumerate(plan.items):
        assert workshop.current_item(sender).id == item.id
        sent[item.id] = [
            f"{item.id}: we need to think about the next plan before this one closes",
            f"{item.id}: save the chronology somewhere everyone can see it, then move on to next steps",
            f"{item.id}: Next time we'd ask school first.\nAnd the GP.",
        ]
        for point in sent[item.id]:
            reply, closed = say(point)
            assert not closed and "Noted for" in reply
        if number < len(plan.items) - 1:
            reply, _ = say("next")
            assert f"Part {number + 2} of {len(plan.items)}" in reply
    reply, closed = say("save")
    assert closed and "workshop-pack-" in reply
    assert f"{3 * len(plan.items)} of the group's points" in reply
    return sent


def test_a_whole_workshop_gives_a_pack_with_every_point_verbatim(workshop):
    sent = run_whole_workshop(workshop)
    pack = latest_saved(workshop, LEAD, "pack")
    assert pack is not None and re.fullmatch(r"workshop-pack-\d{8}-\d{6}\.docx", pack.name)
    text = docx_text(pack)
    for points in sent.values():
        for point in points:
            assert point in text, point
    plan = plan_for(workshop)
    for item in plan.items:
        assert f"({item.minutes} minutes)" in text
    for timing in ("0:00 to 0:11", "0:11 to 0:34", "0:34 to 0:57", "0:57 to 1:19", "1:19 to 1:30"):
        assert timing in text
    assert "Learning from repeat child protection plans" in text and "Key messages" in text
    stored = points_in_db(workshop)
    assert [(p.item_id, p.text) for p in stored] == [(i, t) for i, ts in sent.items() for t in ts]
    assert not workshop.has_active_session(LEAD)


def plan_for(workshop):
    with workshop.transaction() as db:
        session = db.execute(select(WorkshopSession)).scalars().one()
        return workshop._plan(session)


# ----- commands by whole words only ------------------------------------------------------

@pytest.mark.parametrize("text, command", [
    ("next", "next"), ("Next!", "next"), ("next question", "next"), ("skip", "next"), ("move on", "next"),
    ("back", "back"), ("go back", "back"), ("questions", "questions"), ("show the questions", "questions"),
    ("what are the questions?", "questions"), ("plan", "plan"), ("show the plan", "plan"),
    ("save", "save"), ("Save.", "save"), ("/save_record", "save"), ("pause", "pause"), ("stop", "pause"),
    ("help", "help"), ("resume", "resume"), ("show", "show"), ("start", "start"),
])
def test_commands_are_whole_messages(text, command):
    intent = "save_record" if text.startswith("/") else None
    assert workshop_command(Incoming(text, intent)) == command


@pytest.mark.parametrize("text", [
    "next time we meet we should invite the GP", "save the date for the core group",
    "questions about the plan were left open", "stop and think before closing", "plan ahead",
    "we should go back to the chronology", "help the child be heard", "show me the child's day",
    "yes", "no", "pause for thought: who is dad?",
])
def test_points_that_mention_commands_stay_points(workshop, text):
    say = set_up(workshop)
    say("start")
    assert workshop_command(Incoming(text)) is None
    reply, closed = say(text)
    assert not closed and "Noted for" in reply
    assert points_in_db(workshop)[-1].text == text


def test_a_point_is_kept_exactly_as_typed(workshop):
    say = set_up(workshop)
    say("start")
    odd = "  Leading spaces, “curly quotes”, tabs\there,\r\nWindows line ends and trailing space  "
    say(odd)
    assert points_in_db(workshop)[-1].text == odd


def test_an_empty_message_gets_a_kind_reply_and_is_not_saved(workshop):
    say = set_up(workshop)
    say("start")
    reply, closed = say("   ")
    assert "didn't get any text" in reply and not closed
    assert points_in_db(workshop) == []


# ----- choosing ----------------------------------------------------------------------------

@pytest.mark.parametrize("text, minutes", [
    ("45", 45), ("90 minutes", 90), ("an hour", 60), ("2 hours", 120), ("two hours", 120),
    ("1.5 hours", 90), ("an hour and a half", 90), ("1h30", 90), ("half an hour", 30),
    ("ninety minutes", 90), ("forty-five mins", 45), ("1:30", 90), ("2", 120), ("3 hours", 180),
    ("hello", None), ("not sure yet", None),
])
def test_lengths_are_read(text, minutes):
    assert parse_minutes(text) == minutes


def test_lengths_are_offered_as_buttons_and_out_of_range_refused(workshop):
    workshop.start(LEAD)
    reply = workshop.prompt(LEAD)[0]
    assert [b[0] for b in reply.buttons] == ["45 minutes", "90 minutes", "2 hours"]
    say = talk(workshop)
    text, _ = say("4 hours")
    assert "from 30 to 180 minutes" in text
    text, _ = say("an hour")
    assert "Length: 1 hour." in text and "Who is the group?" in text


def test_groups_by_name_or_number_and_themes_by_name_or_number(workshop):
    workshop.start(LEAD)
    say = talk(workshop)
    say("45")
    text, _ = say("the whole world")
    assert "couldn't match that to a group" in text
    text, _ = say("3")
    assert "Group: A multi-agency group." in text
    text, _ = say("something else entirely")
    assert "couldn't match that to a theme" in text
    text, _ = say("2, 10")
    assert "Themes for the workshop: Over-optimism; Domestic abuse." in text
    say("back")
    text, _ = say("voice of the child and the DASH checklist")  # names first, as in the supervision menu
    assert "Themes for the workshop: Voice and lived experience of the child; Domestic abuse." in text
    assert [t.theme_id for t in plan_for(workshop).theme_items()] == ["voice_of_child", "domestic_abuse"]


def test_new_workers_get_their_suggested_mix(workshop):
    set_up(workshop, length="2 hours", group="newly qualified", themes="use the suggested themes")
    themes = [t.theme_id for t in plan_for(workshop).theme_items()]
    assert themes[:3] == ["voice_of_child", "disguised_compliance", "language_and_recording"]
    assert len(themes) == 4


def test_back_and_change_before_the_workshop_starts(workshop):
    say = set_up(workshop)
    assert workshop.stage(LEAD) == "review"
    say("back")
    assert workshop.stage(LEAD) == "themes"
    say("back")
    assert workshop.stage(LEAD) == "group"
    say("social care")
    say("neglect")
    text, _ = say("change")
    assert workshop.stage(LEAD) == "length" and "How long is the workshop?" in text


def test_nothing_to_save_before_there_is_a_plan(workshop):
    workshop.start(LEAD)
    text, closed = talk(workshop)("save")
    assert "nothing to save yet" in text and not closed


def test_the_pack_can_be_saved_from_the_plan_before_starting(workshop):
    say = set_up(workshop)
    text, closed = say("save")
    assert closed and "0 of the group's points" in text


# ----- stepping through ------------------------------------------------------------------------

def test_next_back_questions_plan_and_the_ends(workshop):
    say = set_up(workshop, length="45")
    say("start")
    text, _ = say("back")
    assert "first part already" in text
    text, _ = say("next")
    assert "Vignette (invented)" in text and "Key message:" in text and "Questions for the group:" in text
    item = workshop.current_item(LEAD)
    text, _ = say("questions")
    assert all(q in text for q in item.questions)
    text, _ = say("plan")
    assert "<- now" in text and item.title in text
    text, _ = say("change")
    assert "plan is set once the workshop starts" in text
    say("next")
    say("next")
    text, _ = say("next")
    assert "last part" in text
    assert workshop.current_item(LEAD).kind == "close"
    assert points_in_db(workshop) == []


def test_toolkit_links_are_shown_with_the_theme(workshop):
    say = set_up(workshop, themes="domestic abuse")
    say("start")
    text, _ = say("next")
    for link in KNOWLEDGE.toolkit("domestic_abuse").links:
        assert link.url in text


def test_pause_and_resume_carry_on_where_the_group_was(workshop):
    say = set_up(workshop)
    say("start")
    say("next")
    say("a point before the break")
    text, closed = say("pause")
    assert closed and "Paused" in text and not workshop.has_active_session(LEAD)
    found, replies = workshop.resume(LEAD)
    assert found and workshop.has_active_session(LEAD)
    assert "Part 2 of 5" in "\n".join(r.text for r in replies)
    say("a point after the break")
    assert [p.text for p in points_in_db(workshop)] == ["a point before the break", "a point after the break"]
    assert {p.item_id for p in points_in_db(workshop)} == {workshop.current_item(LEAD).id}


def test_nothing_to_resume(workshop):
    found, replies = workshop.resume(LEAD)
    assert not found and "no unfinished workshops" in replies[0].text


def test_a_new_workshop_pauses_the_one_before(workshop):
    set_up(workshop)
    workshop.start(LEAD)
    with workshop.transaction() as db:
        statuses = sorted(s.status for s in db.execute(select(WorkshopSession)).scalars())
    assert statuses == ["active", PAUSED]


def test_a_workshop_button_mid_workshop_is_not_a_point(workshop):
    say = set_up(workshop)
    say("start")
    text, _ = say("/start_workshop", intent="start_workshop")
    assert "middle of a workshop" in text
    turn = workshop.handle(LEAD, Incoming('/ask_toolkit{"toolkit":"neglect"}', "ask_toolkit", 1.0,
                                          [{"entity": "toolkit", "value": "neglect"}]))
    assert turn.replies[0].text.startswith("Neglect toolkit") and not turn.closed
    assert points_in_db(workshop) == []


def test_identifying_details_get_one_reminder_and_the_point_is_kept(workshop):
    say = set_up(workshop)
    say("start")
    text, _ = say("someone mentioned a family at BS34 7PJ")
    assert "A note on privacy" in text and "a postcode" in text
    text, _ = say("and another at BS16 1QY")
    assert "A note on privacy" not in text
    assert points_in_db(workshop)[0].text == "someone mentioned a family at BS34 7PJ"


def test_danger_now_gets_urgent_help_first_and_the_point_is_kept(workshop):
    say = set_up(workshop)
    say("start")
    text, _ = say("a colleague says a child is in immediate danger right now")
    assert text.startswith(KNOWLEDGE.urgent.heading) and "999" in text
    assert len(points_in_db(workshop)) == 1


UNSURE_POINT = "i have a bad feeling about the baby tonight"  # invented; the check reads it as possible danger


def test_the_example_point_is_possible_danger_not_clear():
    from bot.safety.danger import POSSIBLE, danger_check
    assert danger_check(KNOWLEDGE).read(UNSURE_POINT).level == POSSIBLE


@pytest.mark.parametrize("answer", ["yes", "Yes", "not sure"])
def test_a_typed_yes_to_the_check_gives_urgent_help_and_is_not_a_point(workshop, answer):
    """Issue 24: a typed "yes" to "Is a child in danger right now?" was stored as the group's point."""
    say = set_up(workshop)
    say("start")
    text, _ = say(UNSURE_POINT)
    assert text.rstrip().endswith(KNOWLEDGE.urgent.check_question)  # the check is the last thing asked
    text, _ = say(answer)
    assert text.startswith(KNOWLEDGE.urgent.heading) and "999" in text
    assert [p.text for p in points_in_db(workshop)] == [UNSURE_POINT]
    text, _ = say("yes")  # answered once: the next "yes" is the group's again
    assert KNOWLEDGE.urgent.heading not in text
    assert [p.text for p in points_in_db(workshop)] == [UNSURE_POINT, "yes"]


def test_no_to_the_check_carries_on_and_anything_else_is_read_as_new(workshop):
    say = set_up(workshop)
    say("start")
    say(UNSURE_POINT)
    text, _ = say("no")
    assert text.startswith(KNOWLEDGE.urgent.check_no) and KNOWLEDGE.urgent.heading not in text
    say(UNSURE_POINT)
    text, _ = say("we also talked about drift in long plans")  # not an answer: a point like any other
    assert "drift" in points_in_db(workshop)[-1].text and KNOWLEDGE.urgent.heading not in text


def test_the_check_while_setting_up_is_answered_too(workshop):
    """Before the workshop starts, the check is asked instead of the length, and a yes gives urgent help."""
    workshop.start(LEAD)
    say = talk(workshop)
    text, _ = say(UNSURE_POINT)
    assert text.rstrip().endswith(KNOWLEDGE.urgent.check_question)
    text, _ = say("yes")
    assert text.startswith(KNOWLEDGE.urgent.heading)
    say("90 minutes")  # then on with setting up, where it was
    with workshop.transaction() as db:
        session = db.execute(select(WorkshopSession)).scalar_one()
        assert session.minutes == 90 and not session.danger_check


def test_the_open_check_survives_a_restart(engine, tmp_path):
    """Kept in the database (workshop_sessions.danger_check), not in memory: another process answers it."""
    first = WorkshopEngine(KNOWLEDGE, CONTENT, engine, tmp_path / "records")
    set_up(first)
    talk(first)("start")
    talk(first)(UNSURE_POINT)
    again = WorkshopEngine(KNOWLEDGE, CONTENT, engine, tmp_path / "records")
    text, _ = talk(again)("yes")
    assert text.startswith(KNOWLEDGE.urgent.heading)


def test_no_workshop_open(workshop):
    turn = workshop.handle(LEAD, Incoming("hello"))
    assert turn.closed and "don't have a workshop open" in turn.replies[0].text
    assert "don't have a workshop open" in workshop.prompt(LEAD)[0].text


# ----- no case data: nothing from a supervision session reaches a workshop ----------------------

SECRET = "QUOKKA"  # in every supervision answer, and nowhere in knowledge/


def supervision_rows(engine):
    with Store(engine).transaction() as db:
        return sorted((s.id, s.status, s.case_reference, tuple(a.text for a in s.answers))
                      for s in db.execute(select(SupervisionSession)).scalars())


def run_supervision(engine, records: Path, sender: str) -> List[str]:
    """A whole supervision session with distinctive answers, saved as a record."""
    core = SupervisionEngine(KNOWLEDGE, Store(engine), records)
    core.start(sender)
    distinctive = {"details.worker": f"Worker {SECRET}son", "details.supervisor": f"Supervisor {SECRET}ley",
                   "case.reference": f"{SECRET}-4471"}
    for _ in range(150):
        step = core.current_step(sender)
        if step.kind == "review":
            break
        answer = distinctive.get(step.key) or STRUCTURED_ANSWERS.get(step.key)
        if answer is None:
            answer = f"{SECRET} answer to {step.key}: the mother's partner visits at night"
        core.handle(sender, Incoming(answer))
    assert core.handle(sender, Incoming("save")).closed
    core.start(sender)  # and one left open, in the middle of a session
    core.handle(sender, Incoming(f"Worker {SECRET} the second"))
    with core.store.transaction() as db:
        return [a.text for a in db.execute(select(Answer)).scalars() if a.text]


def test_no_field_of_a_pack_comes_from_a_supervision_session(engine, tmp_path):
    answers = run_supervision(engine, tmp_path / "records", LEAD)
    assert len(answers) > 30
    before = supervision_rows(engine)

    statements: List[str] = []
    event.listen(engine, "before_cursor_execute",
                 lambda conn, cursor, statement, *args: statements.append(statement))
    workshop = WorkshopEngine(KNOWLEDGE, CONTENT, engine, tmp_path / "records")
    run_whole_workshop(workshop, sender=LEAD)  # the same lead, the same database

    pack_text = docx_text(latest_saved(workshop, LEAD, "pack"))
    assert SECRET.lower() not in pack_text.lower()
    for answer in answers:
        if len(answer) > 12:
            assert answer not in pack_text, answer

    # The workshop never touched the supervision tables...
    supervision_tables = ("supervision_sessions", "answers", "session_notes")
    assert statements
    for statement in statements:
        assert not re.search(rf"\b({'|'.join(supervision_tables)})\b", statement), statement
    # ...and its own tables hold no supervision data.
    with engine.connect() as connection:
        for table in ("workshop_sessions", "workshop_points"):
            for row in connection.exec_driver_sql(f"SELECT * FROM {table}"):
                assert SECRET.lower() not in repr(tuple(row)).lower(), table
    columns = {c["name"] for t in ("workshop_sessions", "workshop_points") for c in inspect(engine).get_columns(t)}
    assert not columns & {"case_reference", "worker", "supervisor", "answer", "step_key", "record_path"}
    # The supervision sessions are still there, untouched (one saved, one still open).
    assert supervision_rows(engine) == before
    assert sorted(row[1] for row in before) == [ACTIVE, COMPLETE]


# ----- a button's title typed is the button ------------------------------------------------


@pytest.mark.parametrize("typed", ["Save the pack", "save the pack", "Save the pack."])
def test_typing_save_the_pack_saves_it_and_is_not_a_point(workshop, typed):
    say = set_up(workshop)
    say("start")
    reply, closed = say(typed)
    assert closed and latest_saved(workshop, LEAD, "pack") is not None
    assert points_in_db(workshop) == []


def test_typing_save_the_pack_at_the_review_saves_too(workshop):
    say = set_up(workshop)
    assert workshop.stage(LEAD) == "review"
    _, closed = say("Save the pack")
    assert closed and latest_saved(workshop, LEAD, "pack") is not None


def test_typing_start_the_workshop_starts_it(workshop):
    say = set_up(workshop)
    reply, _ = say("Start the workshop")
    assert workshop.stage(LEAD) == "running" and "Part 1 of" in reply


def test_a_point_that_only_mentions_the_pack_is_still_a_point(workshop):
    say = set_up(workshop)
    say("start")
    say("We should save the pack of leaflets for families")
    assert [p.text for p in points_in_db(workshop)] == ["We should save the pack of leaflets for families"]
    assert latest_saved(workshop, LEAD, "pack") is None
