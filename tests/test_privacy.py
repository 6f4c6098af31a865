"""Identifying details get one reminder about case references; the answer is never blocked."""
from __future__ import annotations

import pytest
from sqlalchemy import select

from bot.privacy import identifying_details
from bot.storage import Answer
from tests.test_supervision import core, db_url, talk  # noqa: F401  (fixtures)


@pytest.mark.parametrize("text, kind", [
    ("Jo Example DOB 03/04/2015 lives with her mother", "a full name with a date of birth"),
    ("Jo Example (3/4/2015)", "a full name with a date of birth"),
    ("Jo Example, born 3 March 2015", "a full name with a date of birth"),
    ("NHS number 943 476 5919", "an NHS number"),
    ("943-476-5919", "an NHS number"),
    ("they moved to BS16 1AB last year", "a postcode"),
    ("mum's mobile is 07700 900123", "a phone number"),
    ("ring 01454 866000", "a phone number"),
])
def test_identifying_details_are_noticed(text, kind):
    assert kind in identifying_details(text)


@pytest.mark.parametrize("text", [
    "She is 7 and this is her third plan.",
    "The plan ran from 2023 to 2024.",
    "We met on 3/4/2025 at school.",
    "Sam Example said on 03/04/2025 that things were better.",  # a name and a date, but not a birth date
    "1234567890 is not a valid NHS number",
    "the child was bruised on 3 occasions",
])
def test_ordinary_reflection_is_not_flagged(text):
    assert identifying_details(text) == []


def test_the_reminder_is_given_once_and_the_answer_is_kept(core):  # noqa: F811
    say = talk(core)
    say("I want to reflect on a case before supervision")
    first = say("Jo Example DOB 03/04/2015")
    assert "A note on privacy" in first and "a full name with a date of birth" in first
    second = say("NHS number 943 476 5919")
    assert "A note on privacy" not in second
    with core.store.transaction() as db:
        texts = [a.text for a in db.execute(select(Answer).order_by(Answer.id)).scalars()]
    assert texts == ["Jo Example DOB 03/04/2015", "NHS number 943 476 5919"]
