"""Choosing themes, the same way in every mode: the numbered menu, its buttons, and reading the choice.

Supervision suggests themes from the case's patterns, a workshop from its
length and group; both then show all eleven themes numbered, offer "Use the
suggested themes" and a button per suggestion, and read the answer the same
way: yes or "the suggested ones" takes the suggestion, otherwise themes are
read by name (or alias) or by their numbers ("1, 3 and 5").
"""
from __future__ import annotations

from typing import List, Sequence

from bot.content.knowledge import Knowledge
from bot.responses import Reply
from bot.modes.supervision.steps import theme_choices
from bot.reading.text_input import ChoiceMatcher, normalise, parse_yes_no

USE_SUGGESTED = "Use the suggested themes"
# Whole messages that take the suggestion, as well as yes.
SUGGESTED_WORDS = frozenset({
    "suggested", "the suggested ones", "use the suggested themes", "suggested themes", "suggested mix",
    "use the suggested mix", "the suggested mix", "your suggestion", "use yours", "go with the suggestion",
})


def theme_menu(knowledge: Knowledge, lines: Sequence[str], suggested: Sequence[str]) -> Reply:
    """`lines` (what was noticed, the question), then every theme numbered; buttons for the suggestion."""
    shown = list(lines) + [f"{n}. {t.title}" for n, t in enumerate(knowledge.themes, 1)]
    buttons = [(USE_SUGGESTED, "yes")] + [(knowledge.theme(t).title, knowledge.theme(t).title) for t in suggested]
    return Reply("\n".join(shown), buttons)


def themes_chosen(knowledge: Knowledge, text: str, suggested: Sequence[str]) -> List[str]:
    """The theme ids a message chooses: the suggestion, or themes by name or number; [] if none."""
    if parse_yes_no(text) == "yes" or normalise(text) in SUGGESTED_WORDS:
        return list(suggested)
    matcher = ChoiceMatcher(theme_choices(knowledge))
    return matcher.find(text) or matcher.find_numbers(text)


def titles(knowledge: Knowledge, theme_ids: Sequence[str]) -> str:
    return ", ".join(knowledge.theme(t).title for t in theme_ids)
