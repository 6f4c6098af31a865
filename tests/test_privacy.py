"""Identifying details get one reminder about case references; the answer is never blocked."""
from __future__ import annotations

import pytest
from sqlalchemy import select

from bot.reading.privacy import identifying_details
from bot.reading.safe_text import clean_reference, one_line, strip_controls
from bot.storage.store import Answer
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


# ----- text shown to a terminal or in a record: bot/reading/safe_text.py -----


@pytest.mark.parametrize("typed, shown", [
    ("AB-1234", "AB-1234"),
    ("\x1b[31mAB-1234\x1b[0m", "AB-1234"),  # colour (CSI), with nothing of it left
    ("\x1b]0;new title\x07AB-1", "AB-1"),  # a window title (OSC, ended by BEL)
    ("\x1b]8;;http://example.invalid\x1b\\AB-2", "AB-2"),  # a hyperlink (OSC, ended by ST)
    ("AB\x1b[2K\r-3", "AB -3"),  # erase the line, go back over it: the carriage return is a space
    ("\x9b31mAB-4", "AB-4"),  # 8-bit CSI
    ("AB-5\x85\x00\x7f", "AB-5"),  # C1 next line, NUL, DEL
    ("\u202eAB-6\u202c", "AB-6"),  # right-to-left override and its end
    ("\u2066\u2067\u2068AB-7\u2069\u200e\u200f\u061c", "AB-7"),  # isolates and direction marks
    ("Café  Ünïcode\tref 8", "Café Ünïcode ref 8"),  # letters from any script stay
])
def test_control_and_direction_characters_are_removed_and_nothing_visible_is(typed, shown):
    assert one_line(typed) == shown


def test_an_answer_keeps_its_lines_but_nothing_else_invisible():
    assert strip_controls("first\r\nsecond\x1b[1A\u202e\nthird", keep_lines=True) == "first\nsecond\nthird"


def test_a_reference_of_nothing_visible_is_none_and_a_long_line_is_shortened():
    assert clean_reference("\u202e\x1b[0m  ") is None and clean_reference(None) is None
    assert one_line("A" * 300, 200) == "A" * 199 + "…"
