"""The stuck pathway: the whole history, what has been tried, and a record with the timeline."""
from __future__ import annotations

import docx
from sqlalchemy import select

from bot.storage.store import Answer
from tests.session_driver import STRUCTURED_ANSWERS, docx_text, run_whole_session
from tests.test_supervision import core, db_url, saved_record, step_key, talk  # noqa: F401  (fixtures)


def start_stuck(core):  # noqa: F811
    core.start("worker-1", kind="stuck")
    say = talk(core)
    for key in ("details.worker", "details.supervisor", "case.reference", "case.age", "case.previous_plans",
                "case.months_since_last_plan", "case.category", "case.concerns", "case.agencies",
                "case.father_involved", "case.several_parental_adults", "case.closure_considered"):
        assert core.current_step("worker-1").key == key
        say(STRUCTURED_ANSWERS[key])
    assert core.current_step("worker-1").key == "chronology.entries"
    return say


def test_the_history_is_read_back_with_the_audit_flags(core):  # noqa: F811
    say = start_stuck(core)
    reply = say(STRUCTURED_ANSWERS["chronology.entries"])
    assert "1. Plan 1: March 2021 to December 2021, neglect." in reply
    assert "2 months" in reply  # the gap between the plans, flagged as short
    assert core.current_step("worker-1").key == "chronology.entries"


def test_what_cannot_be_read_gets_an_example_and_nothing_typed_is_lost(core):  # noqa: F811
    say = start_stuck(core)
    reply = say("the usual stuff happened a while back")
    assert 'plan 2: March 2023 to January 2024' in reply or "May 2024 police DA callout" in reply
    say("plan 1: March 2021 to December 2021, neglect")
    with core.store.transaction() as db:
        history = db.execute(select(Answer).where(Answer.step_key == "chronology.entries")).scalars().one()
    assert history.text == "the usual stuff happened a while back\nplan 1: March 2021 to December 2021, neglect"
    assert history.value["lines"] == ["plan 1: March 2021 to December 2021, neglect"]


def test_a_line_can_be_removed_by_its_number(core):  # noqa: F811
    say = start_stuck(core)
    say("May 2024 police DA callout\nplan 1: March 2021 to December 2021, neglect")
    reply = say("remove 2")  # numbered in date order: the incident is second
    assert "police DA callout" not in reply.split("Here's the history so far:")[-1].split("Add more")[0]
    say("done")
    assert core.current_step("worker-1").key == "stuck.tried"


def test_a_whole_stuck_session_gives_a_record_with_the_review_and_timeline(core):  # noqa: F811
    sent = run_whole_session(talk(core), step_key(core), opening="I'm stuck on a case")
    assert "stuck.worker" in sent and "themes.choice" not in sent
    record = saved_record(core)
    text = docx_text(record)
    for key, answer in sent.items():
        if key != "__final__":
            assert answer in text, f"{key} missing from the record"
    assert "Stuck case review" in text and "Chronology" in text
    document = docx.Document(str(record))
    assert len(document.inline_shapes) == 1
    alt = document.inline_shapes[0]._inline.docPr.get("descr")
    assert "Plan 1" in alt or "plan" in alt.lower()


def test_an_ordinary_session_can_switch_to_the_stuck_pathway(core):  # noqa: F811
    say = talk(core)
    say("I want to reflect on a case before supervision")
    say("Sam Example")
    reply = say("stuck")
    assert "stuck case" in reply
    with core.store.transaction() as db:
        assert [a.text for a in db.execute(select(Answer)).scalars()] == ["Sam Example"]
