"""Turn a session's stored answers into a Record: every answer, verbatim."""
from __future__ import annotations

import re
from datetime import datetime, timezone
from typing import Dict, List, Optional


from bot.modes.supervision import steps as S
from bot.modes.supervision.chronology import Chronology
from bot.reading.chronology_reading import read_entry
from bot.modes.supervision.timeline import chronology_record
from bot.content.knowledge import UNCONFIRMED_CAUTION, Knowledge
from bot.modes.supervision import closure as C
from bot.modes.supervision.checks import DANGER_NOTE
from bot.modes.supervision.cycle import PREVIOUS_KEY
from bot.records.record_model import (
    ActionItem, AgencyView, ClosureSection, QuestionAnswer, Record, ThemeSection, ToolkitConsidered, ToolkitLink,
    protective_marking,
)
from bot.records.record_since import build_since
from bot.responses import escalation_route
from bot.reading.months import in_england
from bot.reading.safe_text import clean_reference
from bot.storage.store import SupervisionSession, utcnow
from bot.modes.supervision.suggestions import noticed_patterns, relevant_toolkits, suggest_themes


def _qa(step: S.Step, answers: Dict) -> QuestionAnswer:
    answer = answers.get(step.key)
    text = answer.text if answer else None
    if text and step.kind == S.TEXT and step.choices and re.fullmatch(r"[\d,;\s]*(and\s*)?[\d,;\s]+", text):
        # prompts picked by number ("1, 4"): kept as typed, with what the numbers stand for
        picked = [c.label for c in step.choices if c.id in re.findall(r"\d+", text)]
        if picked:
            text = f"{text} (recorded as: {'; '.join(picked)})"
    return QuestionAnswer(
        question=answer.question if answer else step.prompt,
        answer=text,
        source=step.source if step.section == "theme" else None,
        skipped=bool(answer and answer.skipped),
    )


def _context_value(step: S.Step, answer) -> str:
    if answer.skipped:
        return "Skipped"
    text = answer.text or ""
    if step.kind in (S.CHOICE, S.MULTI, S.THEMES) and answer.value:
        labels = "; ".join(c.label for c in step.choices if c.id in answer.value)
        if labels.lower() != text.strip().lower():
            return f"{text} (recorded as: {labels})"
    return text


def build(knowledge: Knowledge, session: SupervisionSession, steps: List[S.Step],
          answers: Dict, incomplete: bool = False) -> Record:
    k = knowledge
    by_section: Dict[str, List[S.Step]] = {}
    for step in steps:
        by_section.setdefault(step.section, []).append(step)

    def qa(key: str) -> Optional[QuestionAnswer]:
        step = next((s for s in steps if s.key == key), None)
        return _qa(step, answers) if step else None

    def text(key: str) -> Optional[str]:
        answer = answers.get(key)
        return None if answer is None or answer.skipped else answer.text

    record = Record(
        created_at=in_england(utcnow()),
        case_reference=clean_reference(text("case.reference")),  # no control or direction characters
        worker=text("details.worker"),
        supervisor=text("details.supervisor"),
        incomplete=incomplete,
        marking=protective_marking(k),
    )
    for step in by_section.get("case", []):
        if step.key != "case.reference" and step.key in answers:
            record.case_context.append((step.label, _context_value(step, answers[step.key])))
    # only what is in the plan now: a stuck session has no themes (earlier ones go to other answers)
    themes_step = next((s for s in steps if s.key == "themes.choice"), None)
    themes_answer = answers.get("themes.choice") if themes_step else None
    if themes_answer is not None:
        record.case_context.append(("Themes chosen", _context_value(themes_step, themes_answer)))

    for theme_id in dict.fromkeys(s.theme_id for s in by_section.get("theme", [])):
        section = ThemeSection(theme_id, k.theme(theme_id).title)
        section.items = [_qa(s, answers) for s in by_section.get("theme", []) if s.theme_id == theme_id]
        record.themes.append(section)

    record.stuck_review = [_qa(s, answers) for s in by_section.get("stuck", [])]
    history = answers.get("chronology.entries")
    if history is not None and not history.skipped:
        agencies = k.case_options.agencies
        lines = (history.value or {}).get("lines", [])
        entries = [e for e in (read_entry(line, agencies) for line in lines) if not hasattr(e, "message")]
        chronology = Chronology.from_entries(entries, agencies)
        record.chronology = chronology_record(chronology, audit=k.finding_summaries)
        if history.text:
            record.stuck_review.insert(0, QuestionAnswer(history.question, history.text))
    if by_section.get("closure"):
        record.closure_check = closure_section(k, by_section["closure"], answers)
    record.lasting_change = [_qa(s, answers) for s in by_section.get("lasting", [])]
    record.since = build_since(k, answers, session.kind)
    record.lived_experience = [_qa(s, answers) for s in by_section.get("child", [])]
    record.worried_about = qa("mapping.worried")
    record.family_strengths = qa("mapping.family_strengths")
    record.working_well = qa("mapping.working_well")
    record.needs_to_happen = qa("mapping.needs_to_happen")
    number = 0
    while f"actions.{number}.what" in answers:
        if text(f"actions.{number}.what") is not None:
            record.actions.append(ActionItem(text(f"actions.{number}.what"), text(f"actions.{number}.owner"),
                                             text(f"actions.{number}.by_when")))
        number += 1
    record.decisions = [_qa(s, answers) for s in by_section.get("decisions", [])]
    record.safety_scale = qa("safety.scale")
    record.safety_reason = qa("safety.reason")
    record.escalation = [_qa(s, answers) for s in by_section.get("escalation", [])]

    record.escalation_route = escalation_route(k).split("\n") if S.escalation_needed(answers) else []

    # every toolkit the session brought, with the answer to whichever question asked about it
    themes_now = S.chosen_themes(k, answers, session.kind)
    for toolkit_id in relevant_toolkits(k, answers, themes_now, session.kind):
        toolkit = k.toolkit(toolkit_id)
        asked = next((s for s in steps if s.topic == f"toolkit.{toolkit_id}"), None)
        record.toolkits.append(ToolkitConsidered(
            toolkit.id, toolkit.title,
            [ToolkitLink(l.title, l.url, None if l.confirmed else UNCONFIRMED_CAUTION) for l in toolkit.links],
            answer=text(asked.key) if asked is not None else None,
        ))

    patterns = noticed_patterns(k, answers, session.kind)
    record.patterns_noticed = [f"{p.title}: {p.why}" for p in patterns]
    record.pattern_titles = [p.title for p in patterns]
    if themes_answer is not None:
        suggested = ", ".join(k.theme(t).title for t in suggest_themes(k, answers, session.kind))
        chosen = ", ".join(k.theme(t).title for t in S.chosen_themes(k, answers, session.kind))
        record.patterns_noticed.append(f"Themes suggested: {suggested}. Themes chosen: {chosen}.")
    record.pattern_questions = [_qa(s, answers) for s in by_section.get("pattern", [])]
    planned = {s.key for s in steps}
    record.other_answers = [QuestionAnswer(a.question, a.text, skipped=a.skipped)
                            for key, a in answers.items()
                            if key not in planned and key not in (C.REQUEST_KEY, PREVIOUS_KEY) and not a.skipped]
    entries = {e.id: e for e in k.language}
    for note in session.notes:
        if note.kind == "language":
            entry_id, phrase = note.text.split("|", 1)
            if entry_id in entries:
                record.recording_reminders.append(
                    f"\"{phrase}\": {entries[entry_id].reason} {entries[entry_id].instead}")
    record.urgent_concerns = [(in_england(n.created_at), n.text) for n in session.notes
                              if n.kind == DANGER_NOTE]
    return record


def closure_section(k: Knowledge, steps: List[S.Step], answers: Dict) -> ClosureSection:
    """The closure check as typed: earlier closures beside today's reasons, each agency's view, the route."""
    by_key = {s.key: s for s in steps}

    def qa(key: str) -> Optional[QuestionAnswer]:
        return _qa(by_key[key], answers) if key in by_key else None

    section = ClosureSection(reasons=qa("closure.reasons"), earlier=C.earlier_plans(k, answers),
                             history=qa("closure.history"), dissent=qa("closure.dissent"),
                             route=[escalation_route(k).split("\n")[0]] + C.conference_route(k))
    for step in steps:
        if step.key.startswith("closure.agency.") and not step.key.endswith(".who"):
            answer = answers.get(step.key)
            view = None if answer is None or answer.skipped else answer.text
            who = answers.get(f"{step.key}.who")
            section.agencies.append(AgencyView(
                step.label.rsplit(": view on closing", 1)[0], view, C.stance(k, view),
                None if who is None or who.skipped else who.text))
    section.questions = [q for q in (qa("closure.future_harm"), qa("closure.child"), qa("closure.lasting")) if q]
    return section
