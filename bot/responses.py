"""Answers that can be given at any point: themes, toolkits, urgent help."""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from typing import List, Optional, Tuple

from .knowledge import Knowledge
from .text_input import Choice, ChoiceMatcher, Incoming


@dataclass
class Reply:
    text: str
    buttons: List[Tuple[str, str]] = field(default_factory=list)  # (title, payload)
    multi: bool = False  # "all that apply": the page shows the choices as tick boxes


def theme_matcher(knowledge: Knowledge) -> ChoiceMatcher:
    return ChoiceMatcher([Choice(t.id, t.title, tuple(t.also_known_as)) for t in knowledge.themes])


def toolkit_matcher(knowledge: Knowledge) -> ChoiceMatcher:
    return ChoiceMatcher([Choice(t.id, t.title, tuple(t.also_known_as)) for t in knowledge.toolkits])


def _find(items, matcher: ChoiceMatcher, entity: str, message: Incoming) -> Optional[str]:
    """NLU's entity when it names a known id, else our own matching of the words."""
    value = message.entity(entity)
    if value in {item.id for item in items}:
        return value
    found = matcher.find(message.text)
    return found[0] if found else None


def find_theme(knowledge: Knowledge, message: Incoming) -> Optional[str]:
    return _find(knowledge.themes, theme_matcher(knowledge), "theme", message)


def find_toolkit(knowledge: Knowledge, message: Incoming) -> Optional[str]:
    return _find(knowledge.toolkits, toolkit_matcher(knowledge), "toolkit", message)


def explain_theme(knowledge: Knowledge, theme_id: Optional[str]) -> Reply:
    if theme_id is None:
        return Reply(knowledge.prompt("which_theme"),
                     [(t.title, f'/explain_theme{{"theme":"{t.id}"}}') for t in knowledge.themes])
    theme = knowledge.theme(theme_id)
    saw = " ".join(knowledge.finding(f).summary for f in theme.findings[:2])
    question = next(q.ask for q in theme.questions if q.stage == "reflection")
    lines = [
        f"{theme.title}",
        f"What the audit saw: {saw}",
        f"Why it matters for the child: {theme.why_it_matters}",
        f"A question to take into supervision: {question}",
    ]
    if theme.read_more:
        lines.append("Read more: " + "; ".join(f"{link.title}: {link.url}" for link in theme.read_more))
    if theme.toolkits:
        lines.append("Toolkit: " + ", ".join(knowledge.toolkit(t).title for t in theme.toolkits)
                     + " (ask me for the toolkit to see the links).")
    return Reply("\n".join(lines))


def show_toolkit(knowledge: Knowledge, toolkit_id: Optional[str]) -> Reply:
    if toolkit_id is None:
        return Reply(knowledge.prompt("which_toolkit"),
                     [(t.title, f'/ask_toolkit{{"toolkit":"{t.id}"}}') for t in knowledge.toolkits])
    toolkit = knowledge.toolkit(toolkit_id)
    lines = [toolkit.title, toolkit.when_to_use, f"From the audit: {toolkit.audit_says}"]
    for link in toolkit.links:
        note = f" ({link.note})" if link.note else ""
        lines.append(f"- {link.title}: {link.url}{note}")
    return Reply("\n".join(lines))


def urgent_help(knowledge: Knowledge) -> Reply:
    urgent = knowledge.urgent
    lines = [urgent.heading, urgent.message]
    for contact in urgent.contacts:
        lines.append(f"- {contact.name} ({contact.when}): {contact.phone}")
    return Reply("\n".join(lines))


@lru_cache(maxsize=8)
def _danger_pattern(phrases: Tuple[str, ...]) -> re.Pattern:
    return re.compile("|".join(rf"\b(?:{p})\b" for p in phrases), re.IGNORECASE)


def describes_immediate_danger(knowledge: Knowledge, text: str) -> bool:
    return bool(_danger_pattern(tuple(knowledge.urgent.danger_phrases)).search(text or ""))
