"""Answers that can be given at any point: themes, toolkits, urgent help."""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import List, Optional, Tuple

from .content.knowledge import Knowledge
from bot.reading.text_input import Choice, ChoiceMatcher, Incoming


@dataclass
class Reply:
    text: str
    buttons: List[Tuple[str, str]] = field(default_factory=list)  # (title, payload)
    question: Optional[str] = None  # the id of the question this reply asks, for the client to send back
    multi: bool = False  # "all that apply": the page shows the choices as tick boxes


@dataclass
class Turn:
    """A mode's whole answer to one message."""
    replies: List[Reply] = field(default_factory=list)
    closed: bool = False  # the session is paused or finished: stop asking


def theme_matcher(knowledge: Knowledge) -> ChoiceMatcher:
    return ChoiceMatcher([Choice(t.id, t.title, tuple(t.also_known_as)) for t in knowledge.themes])


def toolkit_matcher(knowledge: Knowledge) -> ChoiceMatcher:
    return ChoiceMatcher([Choice(t.id, t.title, tuple(t.also_known_as)) for t in knowledge.toolkits])


def _find(items, matcher: ChoiceMatcher, entity: str, message: Incoming) -> Optional[str]:
    """NLU's entity when it names a known id, else the entity's words read as a name, else the whole message's."""
    value = message.entity(entity)
    if value in {item.id for item in items}:
        return value
    found = (matcher.find(value) if value else []) or matcher.find(message.text)
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
    saw = " ".join(knowledge.audit_words(f) for f in theme.findings[:2])
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
    for resource_id in theme.resources:
        resource = knowledge.resource(resource_id)
        lines.append(knowledge.link_line(resource.title, resource.url, resource.confirmed))
        if resource.stages:
            lines += [f"{n}. {stage}" for n, stage in enumerate(resource.stages, 1)]
    return Reply("\n".join(lines))


def show_toolkit(knowledge: Knowledge, toolkit_id: Optional[str]) -> Reply:
    if toolkit_id is None:
        return Reply(knowledge.prompt("which_toolkit"),
                     [(t.title, f'/ask_toolkit{{"toolkit":"{t.id}"}}') for t in knowledge.toolkits])
    toolkit = knowledge.toolkit(toolkit_id)
    finding = knowledge.finding(toolkit.audit_finding)
    lines = [toolkit.title, toolkit.when_to_use, f"From the audit, in its own words: \"{finding.poster_text}\""]
    for link in toolkit.links:  # a link's "note" is for maintainers: never shown
        about = f" {link.about}" if link.about else ""
        lines.append(f"- {knowledge.link_line(link.title, link.url, link.confirmed)}.{about}")
    return Reply("\n".join(lines))


MORE_LINKS_WORDS = ("more links", "all links", "show all links", "every link", "more links please")


def asks_for_more_links(text: str) -> bool:
    return " ".join((text or "").lower().strip(" ?.!").split()) in MORE_LINKS_WORDS


def all_links(knowledge: Knowledge) -> Reply:
    """Every toolkit link and other resource, each unconfirmed one with the caution."""
    lines = [knowledge.prompt("more_links")]
    for toolkit in knowledge.toolkits:
        lines.append(toolkit.title)
        lines += [f"- {knowledge.link_line(l.title, l.url, l.confirmed)}" for l in toolkit.links]
    lines.append("Procedures and guidance")
    lines += [f"- {knowledge.link_line(r.title, r.url, r.confirmed)}" for r in knowledge.other_resources]
    return Reply("\n".join(lines))


def toolkit_links(knowledge: Knowledge, toolkit_ids) -> str:
    """The links of these toolkits, one a line, for showing beside a question."""
    return "\n".join(f"- {knowledge.link_line(l.title, l.url, l.confirmed)}"
                     for t in toolkit_ids for l in knowledge.toolkit(t).links)


def urgent_help(knowledge: Knowledge) -> Reply:
    """999 first, then the local services; a number nobody has checked says so."""
    urgent = knowledge.urgent
    lines = [urgent.heading, urgent.message]
    for contact in urgent.contacts:
        caution = "" if contact.confirmed else f" ({urgent.unconfirmed_number})"
        lines.append(f"- {contact.name} ({contact.when}): {contact.phone}{caution}")
    return Reply("\n".join(lines))


def danger_check_question(knowledge: Knowledge) -> Reply:
    """The one short check when danger is possible but not clear."""
    return Reply(knowledge.urgent.check_question, [("Yes", "/immediate_risk"), ("No", "/deny")])


def escalation_route(k: Knowledge) -> str:
    """The escalation procedure, its address (with the caution if unconfirmed) and its stages."""
    resource = k.resource("escalation_procedures")
    lines = [k.link_line(resource.title, resource.url, resource.confirmed)]
    if resource.about:
        lines.append(resource.about)
    if resource.stages:
        lines.append(k.prompt("escalation_route", title=resource.title.split(":")[0]))
        lines += [f"{n}. {stage}" for n, stage in enumerate(resource.stages, 1)]
    return "\n".join(lines)
