"""Issue 25's acceptance test: the audit's own case over REST, with the real Rasa and action servers.

A third plan two months after the last, domestic abuse, neglect and a parent's drinking, only social
care, the father not involved, more than one father figure, and closing the plan considered: the
suggestions include over-optimism or escalation, cumulative harm and the voice of the father; the
father is asked about; the closure check runs; and the saved record holds the "Closure check"
section with every agency view typed and the earlier closures.
"""
from __future__ import annotations

from pathlib import Path

import docx
import pytest
from sqlalchemy import select

from bot.storage.store import Answer, SupervisionSession
from tests.session_driver import docx_text
from tests.test_closure import AUDIT_CASE, play
from tests.servers import core_reading, rest

pytestmark = pytest.mark.servers


def test_the_audits_own_case_over_rest_gets_the_closure_check_and_its_record(servers):
    sender = "e2e-closure-1"
    say, core = rest(servers, sender), core_reading(servers)
    shown = play(say, lambda: core.current_step(sender).key, "I want to reflect on a case before supervision")
    assert "saved as" in shown["__final__"]

    menu = shown["themes.choice"]
    suggested = menu[menu.index("I suggest these themes"):menu.index("Say yes to use them")]
    assert "- Over-optimism:" in suggested or "- When to escalate, and professional dissent:" in suggested
    assert "- Cumulative harm:" in suggested and "- Voice of the father:" in suggested
    assert "What do you know about the father" in shown["pattern.father_not_involved"]
    for key in ("closure.reasons", "closure.history", "closure.agency.social_care", "closure.agency.others",
                "closure.future_harm", "closure.child", "closure.lasting", "closure.dissent"):
        assert key in shown, f"the closure check did not ask {key}"

    with core.store.transaction() as db:
        session = db.execute(select(SupervisionSession).where(SupervisionSession.sender_id == sender)
                             ).scalars().one()
        stored = {a.step_key: a.text for a in db.execute(
            select(Answer).where(Answer.session_id == session.id)).scalars()}
        record = Path(session.record_path)
    for key in ("closure.reasons", "closure.agency.social_care", "closure.agency.others"):
        assert stored[key] == AUDIT_CASE[key]  # read back from the database, as typed
    document = docx.Document(str(record))
    assert "Closure check" in [p.text for p in document.paragraphs if p.style.name == "Heading 1"]
    text = docx_text(record)
    for key in ("closure.reasons", "closure.history", "closure.agency.social_care", "closure.agency.others"):
        assert AUDIT_CASE[key] in text, f"{key} missing from the record"
    assert "Earlier plans, as you said: 2." in text
    assert "Months between the last plan ending and this one starting, as you said: 2." in text
    glance = {row.cells[0].text: row.cells[1].text for row in document.tables[1].rows}
    assert glance["Closure check"].startswith("Social Care: agrees;")


@pytest.mark.parametrize("opening", ["closure check", "can we do a closure check before conference"])
def test_closure_check_typed_outside_a_session_starts_one_with_the_check(servers, opening):
    """Issue 25: the check on request at any point; outside a session, the request opens a session with it."""
    sender = f"e2e-closure-start-{len(opening)}"
    say, core = rest(servers, sender), core_reading(servers)
    reply = say(opening)
    assert "A closure check, then." in reply
    assert core.current_step(sender).key == "details.worker"  # the session is open, at its first question
