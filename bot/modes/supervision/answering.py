"""Taking an answer to the open question: reading it for its kind of question, storing it as typed with what
was understood, and what follows (an acknowledgement, the privacy reminder, a wording prompt, the plan
history read back, the cycle's follow-ups). Which question is open, and whether the message is an answer at
all, is decided in supervision.py; this module only takes it.
"""
from __future__ import annotations

import re
from typing import Any, Dict, List, Optional, Tuple

from bot.content.knowledge import Knowledge
from bot.modes.supervision import closure as C, cycle, steps as S
from bot.reading import follow_up
from bot.modes.supervision.chronology import Chronology
from bot.modes.supervision.suggestions import suggest_themes
from bot.modes.theme_picker import themes_chosen
from bot.reading.chronology_reading import Incident, read_entries, read_entry
from bot.reading.language import check_language
from bot.reading.privacy import privacy_reminder
from bot.reading.text_input import ChoiceMatcher, normalise, parse_number, parse_yes_no
from bot.responses import Reply
from bot.storage.store import Store


class Answerer:
    """Reads and stores answers for one body of knowledge and one store."""

    def __init__(self, knowledge: Knowledge, store: Store, follow_ups: cycle.Cycle):
        self.knowledge, self.store, self.cycle = knowledge, store, follow_ups

    def parse(self, step: S.Step, text: str, answers: Dict, kind: str) -> Tuple[Any, Optional[str]]:
        """(value understood, problem to tell the practitioner or None)."""
        k = self.knowledge
        value: Any
        if step.kind == S.NUMBER:
            low, high = step.number_range
            value = parse_number(text, low, high)
            return value, None if value is not None else k.prompt("need_number", low=low, high=high)
        if step.kind == S.YES_NO:
            value = parse_yes_no(text)  # other words are kept as typed, unless a yes/no decides what follows
            return value, k.prompt("need_yes_no") if value is None and step.needs_yes_or_no else None
        if step.kind in (S.CHOICE, S.MULTI):
            matcher = ChoiceMatcher(step.choices)
            value = matcher.find(text) or matcher.find_numbers(text)
            return (value[:1] if step.kind == S.CHOICE else value), None  # unlisted answers kept as typed
        if step.kind == S.FACTS:
            facts = (cycle.previous(answers) or cycle.Previous({})).facts
            changed = follow_up.facts_changed(text, facts)
            return changed, None if changed is not None else k.prompt("since_facts_need", high=len(facts))
        if step.kind == S.ACTION_REVIEW:
            status = follow_up.action_status(text)
            return status, None if status else k.prompt("since_action_need")
        if step.kind == S.THEMES:
            value = self._themes_from(text, answers, kind)
            value = value[:1] if kind == S.SHORT else value  # a short session has one theme
            return value, None if value else k.prompt("themes_not_recognised")
        return self._coded(step, text), None

    def _coded(self, step: S.Step, text: str) -> Optional[str]:
        """A free-text answer's coded reading, kept beside it for the learning report (bot/reporting/), which
        never reads what was typed: whether a toolkit was used, how an agency's view on closing reads."""
        if step.key.startswith("toolkit."):
            return follow_up.toolkit_use(text)
        if step.key.startswith("closure.agency.") and not step.key.endswith(".who"):
            return C.stance(self.knowledge, text)
        return None

    def accept(self, db, session, step: S.Step, text: str, answers: Dict) -> List[Reply]:
        if step.kind == S.CHRONOLOGY:
            return self._history(db, session, step, text, answers)
        k = self.knowledge
        value, problem = self.parse(step, text, answers, session.kind)
        if problem:
            return [Reply(problem)]
        acknowledgement = None
        if step.kind in (S.CHOICE, S.MULTI) and value:
            acknowledgement = k.prompt("noted", what="; ".join(ChoiceMatcher(step.choices).labels(value)))
        elif step.kind == S.ACTION_REVIEW:
            acknowledgement = k.prompt("noted", what=follow_up.STATUS_LABELS[value])
        elif step.kind == S.THEMES:
            acknowledgement = k.prompt("themes_chosen", themes="; ".join(k.theme(t).title for t in value))
        self.store.save_answer(db, session, step.key, step.prompt, text, value=value)
        if step.key == "case.reference":
            session.set_case_reference(text)
            self.cycle.recognise(db, session)
        if session.changing_step == step.key:
            session.stop_changing()
        replies = [Reply(acknowledgement)] if acknowledgement else []
        replies += [Reply(line) for line in self.cycle.answered(db, session, step.key, value, answers)]
        if step.kind == S.TEXT:
            replies += self._privacy_prompt(session, text) + self._wording_prompts(db, session, text, answers)
        return replies

    def _privacy_prompt(self, session, text: str) -> List[Reply]:
        """Said once per session: why a case reference is safer than identifying details."""
        reminder = privacy_reminder(session, text, self.knowledge.prompt)
        return [Reply(reminder)] if reminder else []

    def _wording_prompts(self, db, session, text: str, answers: Dict) -> List[Reply]:
        """One kind prompt per wording concern per session; the answer itself is never changed."""
        several = answers.get("case.several_parental_adults")
        already = {n.text.split("|", 1)[0] for n in session.notes if n.kind == "language"}
        lines = []
        for flag in check_language(self.knowledge, text, several_adults=bool(several and several.value == "yes")):
            if flag.entry.id in already:
                continue
            already.add(flag.entry.id)
            self.store.add_note(db, session, "language", f"{flag.entry.id}|{flag.phrase}")
            lines.append(self.knowledge.prompt("wording_prompt", phrase=flag.phrase, reason=flag.entry.reason,
                                       instead=flag.entry.instead))
        if not lines:
            return []
        return [Reply("\n".join(lines + [self.knowledge.prompt("wording_kept")]))]

    def _history(self, db, session, step: S.Step, text: str, answers: Dict) -> List[Reply]:
        """Lines of plan history and incidents, added over several messages until "done"."""
        k = self.knowledge
        agencies = k.case_options.agencies
        existing = answers.get(step.key)
        old = (existing.value or {}) if existing is not None else {}
        # a fresh copy: the JSON column only notices a new value, not one changed in place
        lines: List[str] = list(old.get("lines", []))
        value: Dict[str, Any] = {"lines": lines, "done": bool(old.get("done"))}
        typed = f"{existing.text}\n{text}" if existing is not None and existing.text else text
        said = normalise(text)
        replies: List[Reply] = []
        removal = re.fullmatch(r"(remove|delete) (\d+)", said)
        if said in ("done", "that's all", "thats all", "that is all", "finished", "no more") or \
                parse_yes_no(text) in ("yes", "no"):
            value["done"] = True
        elif removal:
            ordered = _in_date_order(value["lines"], agencies)
            number = int(removal.group(2))
            if 1 <= number <= len(ordered):
                value["lines"].remove(ordered[number - 1])
        else:
            entries, problems = read_entries(text, agencies)
            value["lines"] += [entry.text for entry in entries]
            replies += [Reply(problem.message) for problem in problems]
        self.store.save_answer(db, session, step.key, step.prompt, typed, value=value)
        if value["done"]:
            if session.changing_step == step.key:
                session.stop_changing()
            return replies
        chronology = Chronology.from_entries(_read_lines(value["lines"], agencies), agencies)
        if value["lines"]:
            shown = [k.prompt("history_so_far"), chronology.readback(numbered=True)]
            shown += [f"- {flag.text}" for flag in chronology.flags(audit=k.finding_summaries)]
            replies.insert(0, Reply("\n".join(shown)))
        return replies

    def _themes_from(self, text: str, answers: Dict, kind: str) -> List[str]:
        return themes_chosen(self.knowledge, text, suggest_themes(self.knowledge, answers, kind))


def _read_lines(lines: List[str], agencies) -> list:
    return [entry for entry in (read_entry(line, agencies) for line in lines)
            if not hasattr(entry, "message")]


def _in_date_order(lines: List[str], agencies) -> List[str]:
    """The lines in the order Chronology.readback numbers them: by month, plans before incidents."""
    entries = _read_lines(lines, agencies)
    ordered = sorted(entries, key=lambda e: (e.month, 1) if isinstance(e, Incident) else (e.start, 0))
    return [e.text for e in ordered]
