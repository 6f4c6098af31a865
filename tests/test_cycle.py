"""Supervision as a cycle (issue 28): the next session on a case starts from the last one's actions,
scale and worries. Through the real engine, a real database and real Word files; every answer invented.
"""
from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Callable, Dict

import docx
import pytest
from sqlalchemy import select, text

from bot.modes.supervision import cycle
from bot.reading import follow_up
from bot.storage.store import SupervisionSession, case_key, make_engine
from tests.content import KNOWLEDGE
from tests.session_driver import docx_text, free_text_answer
from tests.test_closure import draw_section
from tests.test_migrations import add_old_session, old_database, postgres_schema  # noqa: F401  (a fixture)
from tests.test_supervision import core, db_url, talk  # noqa: F401  (fixtures)

ROOT = Path(__file__).resolve().parent.parent

# One invented case, as a practitioner would type it: a third plan, domestic abuse, only social care.
CASE: Dict[str, str] = {
    "details.worker": "Sam Example",
    "details.supervisor": "Alex Sample",
    "case.reference": "CP-2026/0042",
    "case.age": "6",
    "case.previous_plans": "2",
    "case.months_since_last_plan": "2",
    "case.category": "Neglect",
    "case.concerns": "DA and neglect",
    "case.agencies": "social care",
    "case.father_involved": "no",
    "case.several_parental_adults": "no",
    "case.closure_considered": "no",
    "themes.choice": "yes",
    "pattern.left_for_time": "not now",
    "actions.0.what": "Ask the school for attendance figures",
    "actions.0.owner": "Sam",
    "actions.0.by_when": "1 March 2026",  # long past: "not done" is named as late
    "actions.0.more": "yes",
    "actions.1.what": "Visit dad at his flat",
    "actions.1.owner": "Sam",
    "actions.1.by_when": "31/12/2030",
    "actions.1.more": "yes",
    "actions.2.what": "Refer mum to the DA service",
    "actions.2.owner": "Alex",
    "actions.2.by_when": "asap",
    "actions.2.more": "no",
    "safety.scale": "4",
    "escalation.needed": "no",
    "check.danger": "no",
    # the next session
    "since.start": "yes",
    "since.facts": "yes",
    "since.action.0": "not done - the school never replied",
    "since.action.1": "done, met him twice at the flat",
    "since.action.2": "no longer needed: mum self-referred",
    "since.action.0.in_the_way": "Sickness in the team, and the DSL was away for three weeks",
    "since.stuck_offer": "stay",
}


def play(say: Callable[[str], str], current: Callable[[], str], answers: Dict[str, str],
         opening: str = "I want to reflect on a case") -> Dict[str, str]:
    """Answer every question from `answers` (else a distinct free-text answer) and save.
    Returns {step key: the question as shown} and "__final__" for the reply to save."""
    shown: Dict[str, str] = {}
    reply = say(opening)
    for _ in range(200):
        if "Say save to write the record" in reply:
            shown["__final__"] = say("save")
            return shown
        key = current()
        shown.setdefault(key, reply)
        reply = say(answers.get(key) or free_text_answer(key))
    raise AssertionError("The session did not reach the summary")


def session_on(core, sender, **changes) -> Dict[str, str]:  # noqa: F811
    return play(talk(core, sender), lambda: core.current_step(sender).key, dict(CASE, **changes))


def saved(core, sender):  # noqa: F811
    with core.store.transaction() as db:
        return db.execute(select(SupervisionSession).where(SupervisionSession.sender_id == sender)
                          .order_by(SupervisionSession.created_at)).scalars().all()


# ----- the comparison, on its own ------------------------------------------------------------------------

def test_patterns_then_and_now_are_still_there_new_or_gone():
    assert cycle.compare(["a", "b", "c"], ["c", "d", "a"]) == (["c", "a"], ["d"], ["b"])
    assert cycle.compare([], ["x"]) == ([], ["x"], [])
    assert cycle.compare(["x"], []) == ([], [], ["x"])


@pytest.mark.parametrize("then, now, moved", [(4, 6, "up 2"), (6, 4, "down 2"), (5, 5, "no change"),
                                              (None, 5, "not comparable"), (3, None, "not comparable")])
def test_the_scale_moves_up_down_or_not(then, now, moved):
    assert cycle.movement(then, now) == moved


@pytest.mark.parametrize("typed, status", [
    ("Done", follow_up.DONE), ("yes, sent on Monday", follow_up.DONE), ("completed", follow_up.DONE),
    ("Partly done", follow_up.PARTLY), ("partly: school sent it, health not yet", follow_up.PARTLY),
    ("half of it", follow_up.PARTLY), ("in progress", follow_up.PARTLY),
    ("Not done", follow_up.NOT_DONE), ("no - mum cancelled twice", follow_up.NOT_DONE),
    ("not yet started", follow_up.NOT_DONE),
    ("didn't happen", follow_up.NOT_DONE), ("never got to it", follow_up.NOT_DONE),
    ("No longer needed", follow_up.NOT_NEEDED), ("not needed now he has moved out", follow_up.NOT_NEEDED),
    ("n/a, superseded by the new plan", follow_up.NOT_NEEDED),
    ("still waiting on school", follow_up.NOT_DONE), ("mum refused", follow_up.NOT_DONE), ("we did it", follow_up.DONE),
    ("the weather was nice", None),
])
def test_what_happened_to_an_action_is_read_from_the_words(typed, status):
    assert follow_up.action_status(typed) == status


SET_ON = date(2026, 11, 3)


@pytest.mark.parametrize("by_when, due", [
    ("14/11", date(2026, 11, 14)), ("14/11/2026", date(2026, 11, 14)), ("1 March 2026", date(2026, 3, 1)),
    ("14th Nov", date(2026, 11, 14)), ("Nov 20", date(2026, 11, 20)), ("end of November", date(2026, 11, 30)),
    ("January", date(2027, 1, 31)), ("end of the month", date(2026, 11, 30)), ("next month", date(2026, 12, 31)),
    ("2 weeks", date(2026, 11, 17)), ("next week", date(2026, 11, 10)), ("tomorrow", date(2026, 11, 4)),
    ("asap", None), ("ongoing", None), ("at the next core group", None), ("", None),
])
def test_when_an_action_was_due_is_read_from_its_by_when(by_when, due):
    assert follow_up.due_date(by_when, SET_ON) == due


def test_an_action_is_late_only_when_its_date_has_passed():
    action = {"what": "x", "by_when": "14/11"}
    assert cycle.overdue(action, SET_ON, date(2026, 11, 20)) == date(2026, 11, 14)
    assert cycle.overdue(action, SET_ON, date(2026, 11, 10)) is None
    assert cycle.overdue({"by_when": "asap"}, SET_ON, date(2027, 1, 1)) is None


FACTS = [{"key": key} for key in cycle.CARRIED_FACTS]


@pytest.mark.parametrize("typed, changed", [
    ("yes", []), ("yes, all still right", []), ("still right", []), ("no", list(range(1, 10))),
    ("2 and 5", [2, 5]), ("change 6", [6]), ("3,4", [3, 4]),
    ("the age and the agencies have changed", [1, 6]), ("dad is now involved", [7]),
    ("all good", []), ("nothing's changed", []), ("agencies - police are involved now", [6]),
    ("all of them changed", None),  # not "all good": asked again rather than guessed
    ("banana", None),
])
def test_the_case_facts_are_kept_or_changed_in_one_message(typed, changed):
    assert follow_up.facts_changed(typed, FACTS) == changed


def test_a_case_is_one_case_however_its_reference_is_typed():
    assert case_key("CP-2026/0042") == case_key(" cp 2026 0042 ") == "cp20260042"
    assert case_key("---") is None and case_key(None) is None


# ----- through the engine ------------------------------------------------------------------------------

def test_the_next_session_on_a_case_starts_from_the_last(core, tmp_path):  # noqa: F811
    first = session_on(core, "worker-1")
    assert "saved as" in first["__final__"] and not any(key.startswith("since.") for key in first)
    second = session_on(core, "worker-1", **{"case.reference": "cp 2026 0042", "safety.scale": "6"})
    assert "saved as" in second["__final__"]

    offer = second["since.start"]
    assert "You saved a supervision record on cp 2026 0042 on" in offer and "(earlier today)" in offer
    assert "each of its 3 actions" in offer
    facts = second["since.facts"]
    assert "1. Child's age: 6" in facts and "6. Agencies involved: Social Care" in facts
    for key in ("case.age", "case.previous_plans", "case.category", "case.agencies", "case.father_involved"):
        assert key not in second, f"{key} was asked again although the facts were kept"
    for number, what in enumerate(("Ask the school for attendance figures", "Visit dad at his flat",
                                   "Refer mum to the DA service")):
        assert f'"{what}"' in second[f"since.action.{number}"]  # each of last time's actions, by name
    late = second["since.action.0.in_the_way"]
    assert "was due by 1 March 2026, and that date has passed" in late and "not about blame" in late
    assert "since.action.1.in_the_way" not in second and "since.action.2.in_the_way" not in second
    moved = second["themes.choice"]
    assert "Since last time" in moved and "- still there: " in moved and "Themes you reflected on then:" in moved
    assert "Last time (" in second["safety.scale"] and "you put it at 4." in second["safety.scale"]
    assert "Safety scale: then 4, now 6 (up 2)." in second["safety.reason"]

    sessions = saved(core, "worker-1")
    assert len(sessions) == 2
    stored = {a.step_key: a for a in sessions[1].answers}
    assert stored["case.agencies"].value == ["social_care"]  # carried over as the first session held it
    assert stored["since.action.0"].value == follow_up.NOT_DONE
    assert stored["since.action.0"].text == CASE["since.action.0"]  # as typed

    document = docx.Document(sessions[1].record_path)
    headings = [p.text for p in document.paragraphs if p.style.name == "Heading 1"]
    assert headings.index("Since the last supervision") < headings.index("Case context")
    record = docx_text(Path(sessions[1].record_path))
    for number in range(3):
        assert CASE[f"actions.{number}.what"] in record
    for typed in ("Not done (its date has passed)\nAs typed: not done - the school never replied",
                  CASE["since.action.0.in_the_way"], "Done\nAs typed: done, met him twice at the flat",
                  "No longer needed\nAs typed: no longer needed: mum self-referred"):
        assert typed in record
    glance = dict(glance_rows_of(document))
    assert glance["Since the last supervision"].startswith("Last supervision: ")
    assert "1 not done, 1 done, 1 no longer needed (1 past its date)" in glance["Since the last supervision"]
    assert "Safety scale: then 4, now 6 (up 2)." in glance["Since the last supervision"]
    assert len([s for s in document.inline_shapes]) == 0  # the picture waits for three sessions


def glance_rows_of(document):
    return [(row.cells[0].text, row.cells[1].text) for row in document.tables[1].rows]


def test_another_practitioner_with_the_same_reference_sees_nothing_of_it(core):  # noqa: F811
    session_on(core, "worker-1")
    other = session_on(core, "worker-2")
    assert not any(key.startswith("since.") for key in other)
    assert "Since last time" not in other["themes.choice"]
    assert "Since the last supervision" not in docx_text(Path(saved(core, "worker-2")[0].record_path))


def test_starting_afresh_asks_everything_and_the_record_has_no_since_section(core):  # noqa: F811
    session_on(core, "worker-1")
    second = session_on(core, "worker-1", **{"since.start": "no, start afresh"})
    assert "case.age" in second and "since.facts" not in second and "since.action.0" not in second
    assert "Since the last supervision" not in docx_text(Path(saved(core, "worker-1")[1].record_path))


def test_facts_that_changed_are_asked_again_and_the_rest_carried(core):  # noqa: F811
    session_on(core, "worker-1")
    second = session_on(core, "worker-1", **{"since.facts": "1 and 7", "case.age": "7",
                                             "case.father_involved": "yes"})
    assert "I've carried over the rest and will ask these again: Child's age; Father" in second["case.age"]
    assert "case.father_involved" in second and "case.agencies" not in second
    stored = {a.step_key: a for a in saved(core, "worker-1")[1].answers}
    assert stored["case.age"].value == 7 and stored["case.father_involved"].value == "yes"
    assert stored["case.category"].text == "Neglect"


def test_three_sessions_with_a_flat_scale_offer_the_stuck_pathway_and_draw_the_scale(core):  # noqa: F811
    session_on(core, "worker-1", **{"case.previous_plans": "0"})
    second = session_on(core, "worker-1", **{"case.previous_plans": "0", "safety.scale": "4"})
    assert "since.stuck_offer" not in second  # two sessions are not yet a pattern
    third = session_on(core, "worker-1", **{"case.previous_plans": "0", "safety.scale": "5"})
    assert "session 3 on this case and the safety scale has stayed about the same (4, 4)" in third["since.stuck_offer"]
    assert "themes.choice" in third  # "stay" keeps the session as it was

    record = saved(core, "worker-1")[2].record_path
    document = docx.Document(record)
    shapes = document.inline_shapes
    assert len(shapes) == 1
    alt = shapes[0]._inline.docPr.get("descr")
    assert alt.startswith("Safety scale (0 to 10) at each supervision on this case") and alt.endswith("(now): 5.")
    assert "Earlier supervision on this case: " in docx_text(Path(record))
    draw_section(document, "Since the last supervision", ROOT / "results" / "since-last-supervision.png")
    picture = shapes[0]._inline.graphic.graphicData.pic.blipFill.blip.embed
    (ROOT / "results" / "since-last-supervision-scale.png").write_bytes(document.part.related_parts[picture].blob)


def test_switching_to_the_stuck_pathway_from_the_offer(core):  # noqa: F811
    session_on(core, "worker-1")
    session_on(core, "worker-1")
    say = talk(core, "worker-1")
    say("I want to reflect on a case")
    for key in ("details.worker", "details.supervisor", "case.reference", "since.start", "since.facts",
                "since.action.0", "since.action.0.in_the_way", "since.action.1", "since.action.2"):
        assert core.current_step("worker-1").key == key
        say(CASE[key])
    assert core.current_step("worker-1").key == "since.stuck_offer"
    reply = say("Switch to the stuck pathway")
    assert "stuck case instead" in reply and core.current_step("worker-1").key == "chronology.entries"


def test_deleting_an_earlier_session_leaves_the_later_whole(core, db_url, monkeypatch, capsys):  # noqa: F811
    from bot.__main__ import main as cli

    session_on(core, "worker-1")
    session_on(core, "worker-1", **{"safety.scale": "6"})
    first, second = saved(core, "worker-1")
    monkeypatch.setenv("DATABASE_URL", db_url)
    assert cli(["sessions", "list", "--case", "cp-2026-0042"]) == 0
    listed = capsys.readouterr().out.splitlines()
    assert listed[0] == "Case CP-2026/0042: 2 sessions"
    assert listed[1].startswith(first.id) and listed[2].startswith(second.id)  # together, oldest first
    assert cli(["sessions", "delete", first.id]) == 0
    capsys.readouterr()
    later = saved(core, "worker-1")
    assert [s.id for s in later] == [second.id]
    assert Path(second.record_path).exists()
    assert cycle.previous({a.step_key: a for a in later[0].answers}).actions[0]["what"] == CASE["actions.0.what"]
    assert cli(["sessions", "list", "--case", "NOPE-1"]) == 1


def test_a_database_from_before_0005_finds_its_cases(tmp_path):
    url = f"sqlite:///{tmp_path / 'old.db'}"
    with old_database(url, "0004") as connection:
        add_old_session(connection, "s-old", case_reference="CP-2026/0042")
        add_old_session(connection, "s-none")
    migrated = make_engine(url)
    with migrated.connect() as connection:
        keys = dict(connection.execute(text("SELECT id, case_key FROM supervision_sessions")).all())
    assert keys == {"s-old": "cp20260042", "s-none": None}


def test_the_next_session_on_a_case_works_the_same_on_postgresql(postgres_schema, tmp_path):  # noqa: F811
    from bot.modes.supervision.supervision import SupervisionEngine
    from bot.storage.store import Store

    core = SupervisionEngine(KNOWLEDGE, Store(make_engine(postgres_schema)), tmp_path / "records")  # noqa: F811
    session_on(core, "worker-1")
    second = session_on(core, "worker-1", **{"case.reference": "cp 2026 0042", "safety.scale": "6"})
    assert [key for key in second if key.startswith("since.action.") and key.count(".") == 2] == \
        ["since.action.0", "since.action.1", "since.action.2"]
    assert "Safety scale: then 4, now 6 (up 2)." in second["safety.reason"]
    other = session_on(core, "worker-2")
    assert not any(key.startswith("since.") for key in other)
    assert "Since the last supervision" in docx_text(Path(saved(core, "worker-1")[1].record_path))
    core.store.engine.dispose()
