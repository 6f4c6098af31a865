"""The risk checklists practitioners name find their toolkit from the words alone (knowledge/toolkits.yml)."""
import pytest

from bot.responses import find_toolkit
from bot.reading.text_input import Incoming


@pytest.mark.parametrize("words, toolkit", [
    ("the DA risk checklist", "domestic_abuse"),
    ("where's the risk assessment checklist?", "domestic_abuse"),
    ("DASH", "domestic_abuse"),
    ("the DASH form please", "domestic_abuse"),
    ("domestic abuse risk checklist", "domestic_abuse"),
    ("GCP2", "neglect"),
    ("gcp 2 link", "neglect"),
    ("the graded care profile", "neglect"),
    ("graded care profile two", "neglect"),
])
def test_named_checklists_find_their_toolkit(knowledge, words, toolkit):
    assert find_toolkit(knowledge, Incoming(words)) == toolkit

