"""A typed "yes" to "Is a child in danger right now?" over REST, with the real Rasa and action servers.

Issue 24: in a workshop a typed "yes" to the check was stored as one of the group's
points and no urgent help followed. Over the real channel, in a workshop and in a
supervision session, the typed answer now gives the urgent reply, and in the
workshop the "yes" is not among the points in the database. All text is invented.
"""
from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import select

from bot.safety.danger import POSSIBLE, danger_check
from bot.content.knowledge import load_knowledge
from bot.storage.store import make_engine
from bot.modes.workshop.workshop_session import WorkshopPoint, WorkshopSession
from tests.servers import rest

ROOT = Path(__file__).resolve().parent.parent
KNOWLEDGE = load_knowledge(ROOT / "knowledge")
UNSURE = "i have a bad feeling about the baby tonight"  # read as possible danger (asserted below)
pytestmark = pytest.mark.servers


def test_the_example_reads_as_possible_danger():
    assert danger_check(KNOWLEDGE).read(UNSURE).level == POSSIBLE


def test_a_typed_yes_to_the_check_in_a_workshop_gives_urgent_help_over_rest(servers):
    say = rest(servers, "e2e-danger-workshop")
    assert "holds no case data" in say("I'd like to run a workshop for my team")
    say("90 minutes")
    say("Experienced workers")
    say("yes")
    assert "Part 1 of" in say("start")
    assert say(UNSURE).rstrip().endswith(KNOWLEDGE.urgent.check_question)
    reply = say("yes")
    assert reply.startswith(KNOWLEDGE.urgent.heading) and "999" in reply
    engine = make_engine(servers.child_env()["DATABASE_URL"])
    with engine.connect() as connection:
        points = [row.text for row in connection.execute(  # this sender's own: the servers are shared
            select(WorkshopPoint.text).join(WorkshopSession).where(WorkshopSession.sender_id == "e2e-danger-workshop"))]
    assert points == [UNSURE]  # the point is kept; the "yes" is not a point


def test_a_typed_yes_to_the_check_in_supervision_gives_urgent_help_over_rest(servers):
    say = rest(servers, "e2e-danger-supervision")
    say("I want to reflect on a case before supervision")
    assert say(UNSURE).rstrip().endswith(KNOWLEDGE.urgent.check_question)
    reply = say("yes")
    assert reply.startswith(KNOWLEDGE.urgent.heading) and "999" in reply


def test_a_typed_yes_to_the_check_outside_a_session_gives_urgent_help_over_rest(servers):
    """A typed yes is the affirm intent; the rule after the check reads it as the check's answer."""
    say = rest(servers, "e2e-danger-outside")
    assert say(UNSURE).rstrip().endswith(KNOWLEDGE.urgent.check_question)
    reply = say("yes")
    assert reply.startswith(KNOWLEDGE.urgent.heading) and "999" in reply


def test_not_sure_to_the_check_outside_a_session_gives_urgent_help_and_no_carries_on(servers):
    unsure = rest(servers, "e2e-danger-outside-unsure")
    assert unsure(UNSURE).rstrip().endswith(KNOWLEDGE.urgent.check_question)
    assert unsure("not sure").startswith(KNOWLEDGE.urgent.heading)
    no = rest(servers, "e2e-danger-outside-no")
    assert no(UNSURE).rstrip().endswith(KNOWLEDGE.urgent.check_question)
    reply = no("no")
    assert reply.startswith(KNOWLEDGE.urgent.check_no) and KNOWLEDGE.urgent.heading not in reply
    assert "What would you like to do?" in reply
    # a yes that answers no check (the last reply was not the check) is an ordinary yes
    assert no("yes").startswith("What would you like to do?")
