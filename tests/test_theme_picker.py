"""Choosing themes reads the same in supervision and in a workshop (bot/modes/theme_picker.py)."""
from __future__ import annotations

import pytest

from bot.modes.theme_picker import USE_SUGGESTED, theme_menu, themes_chosen

SUGGESTED = ["voice_of_child", "neglect"]


@pytest.mark.parametrize("said", ["yes", "Use the suggested themes", "the suggested ones", "use yours",
                                  "go with the suggestion"])
def test_the_suggestion_is_taken_in_any_of_its_words(knowledge, said):
    assert themes_chosen(knowledge, said, SUGGESTED) == SUGGESTED


def test_themes_by_name_alias_or_number(knowledge):
    assert themes_chosen(knowledge, "neglect and the father's voice", SUGGESTED) == ["neglect", "voice_of_father"]
    first, third = knowledge.themes[0].id, knowledge.themes[2].id
    assert themes_chosen(knowledge, "1 and 3", SUGGESTED) == [first, third]
    assert themes_chosen(knowledge, "no idea", SUGGESTED) == []


def test_the_menu_lists_every_theme_and_offers_the_suggestion(knowledge):
    reply = theme_menu(knowledge, ["Which themes?"], SUGGESTED)
    assert reply.text.splitlines()[0] == "Which themes?"
    assert len(reply.text.splitlines()) == 1 + len(knowledge.themes)
    assert reply.buttons[0] == (USE_SUGGESTED, "yes")
    assert [title for title, _ in reply.buttons[1:]] == [knowledge.theme(t).title for t in SUGGESTED]


def test_both_modes_use_the_one_picker():
    import bot.modes.supervision.answering
    import bot.modes.supervision.asking
    import bot.modes.workshop.workshop_asking
    import bot.modes.workshop.workshop_session
    for module in (bot.modes.supervision.answering, bot.modes.workshop.workshop_session):  # reading the choice
        assert module.themes_chosen is themes_chosen
    for module in (bot.modes.supervision.asking, bot.modes.workshop.workshop_asking):  # the menu's wording
        assert module.theme_menu is theme_menu
