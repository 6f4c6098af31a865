"""The risk checklists practitioners name find their toolkit from the words alone (knowledge/toolkits.yml)."""
import pytest

from bot.responses import find_theme, find_toolkit, show_toolkit
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



@pytest.mark.parametrize("words, entity, value, found", [
    ("which domestic abuse tools should I use", "toolkit", "domestic abuse tools", "domestic_abuse"),
    ("can I see the DA tools", "toolkit", "DA tools", "domestic_abuse"),
])
def test_a_named_toolkit_is_shown_at_once_whatever_the_words_the_entity_holds(knowledge, words, entity, value,
                                                                                 found):
    """The raw words of an entity (not an id) still name the toolkit: the toolkit, not 'which toolkit?'."""
    message = Incoming(words, intent="ask_toolkit", entities=[{"entity": entity, "value": value}])
    assert find_toolkit(knowledge, message) == found
    reply = show_toolkit(knowledge, find_toolkit(knowledge, message)).text
    assert reply.startswith(knowledge.toolkit(found).title) and knowledge.prompt("which_toolkit") not in reply


def test_a_named_theme_is_explained_at_once(knowledge):
    message = Incoming("tell me about the father's voice", intent="explain_theme",
                       entities=[{"entity": "theme", "value": "father's voice"}])
    assert find_theme(knowledge, message) == "voice_of_father"
