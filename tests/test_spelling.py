"""People's spelling of the words the danger check reads (bot/safety/spelling.py, knowledge/urgent_help.yml)."""
from __future__ import annotations

import pytest

from bot.safety.danger import danger_check
from bot.safety.spelling import Spelling


@pytest.fixture(scope="module")
def check(knowledge):
    return danger_check(knowledge)


@pytest.fixture(scope="module")
def spelling():
    return Spelling({"tonight": ["tonite", "to nite"], "knife": ["nife"]},
                    {"screaming", "hiding", "cousin", "begin", "bleeding"}, kept=["bleedin"])


@pytest.mark.parametrize("typed, read", [
    ("he's got a nife", "he's got a knife"),
    ("coming round to  nite", "coming round tonight"),  # two words, however spaced
    ("Tonite!", "tonight!"),
    ("screamin and hidin'", "screaming and hiding"),  # a dropped g put back where the word is known
    ("the sixteen month old", "the 16 month old"),  # an age in words, as voice-to-text gives it, read in figures
    ("a Nine-year-old and two eleven year olds", "a 9-year-old and two 11 year olds"),
])
def test_words_typed_as_they_sound_are_read_in_standard_spelling(spelling, typed, read):
    assert spelling.standard(typed) == read


@pytest.mark.parametrize("typed", [
    "my cousin will begin on Monday",  # words that end in "in" of their own
    "a bleedin nightmare of a panel",  # swearing is not "bleeding"
    "the knifes edge of a decision",  # only whole words, and only the ways listed
    "a nifer",
    "tonites",
    "one year on, nine of them are old friends",  # a number that is no age is left in words
])
def test_ordinary_words_and_swearing_are_left_as_typed(spelling, typed):
    assert spelling.standard(typed) == typed


# Invented, in no set and not in the training sentences: one got the check, one neither reply, before the respelling.
@pytest.mark.parametrize("text", [
    "my lad's just tuk a load of his nan's tablits, hes 15 an wont let me ring no1",
    "me mam's fella is hittin her wiv a belt in the kichen, the bairns are watchin",
])
def test_danger_in_peoples_spelling_is_the_urgent_reply(check, text):
    assert check.read(text).clear, text


@pytest.mark.parametrize("text", [
    "it was a bleedin nightmare at panel, the chair went on and on",
    "she sez the nife crime awareness session was really good, wen is the next one",
])
def test_reflection_in_peoples_spelling_is_not_the_urgent_reply(check, text):
    assert not check.read(text).clear, text

