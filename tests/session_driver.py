"""Drive a whole supervision session through bot.modes.supervision.supervision, as a practitioner would.

Shared by the engine tests and the end-to-end tests over REST, so both hold
the same invented case and check the same things in the record.
"""
from __future__ import annotations

from pathlib import Path
from typing import Callable, Dict, List

import docx

# Invented test data only.
STRUCTURED_ANSWERS: Dict[str, str] = {
    "details.worker": "Sam Example",
    "details.supervisor": "Alex Sample",
    "case.reference": "TEST-0001",
    "case.age": "7",
    "case.previous_plans": "2",
    "case.months_since_last_plan": "2 months",
    "case.category": "Neglect",
    "case.concerns": "DA, neglect and mum's MH",
    "case.agencies": "school, police and the health visitor",
    "case.father_involved": "no",
    "case.several_parental_adults": "yes",
    "case.closure_considered": "yes",
    "themes.choice": "yes",
    "actions.0.more": "yes",
    "actions.1.more": "no",
    "safety.scale": "4",
    "escalation.needed": "yes",
    # a stuck case's history, in the shorthand practitioners type
    "chronology.entries": ("plan 1: March 2021 to December 2021, neglect\n"
                           "plan 2: Feb 2022 - Oct 2022, emotional abuse\n"
                           "Nov 2021 police DA callout\n"
                           "Jan 2023 police DA callout; Mar 2023 police DA callout"),
}


def free_text_answer(step_key: str) -> str:
    """A distinct answer per question that also mentions command words in passing."""
    return (f"Answer for {step_key}: on the visit the kitchen was bare and dad said "
            f"we should stop worrying and skip the review; I need help from school to save time.")


def answer_for(step_key: str) -> str:
    if step_key == "check.danger":  # "Is a child in danger right now?"
        return "no"
    return STRUCTURED_ANSWERS.get(step_key) or free_text_answer(step_key)


def docx_text(path: Path) -> str:
    """Every paragraph and table cell of a Word file, as one string."""
    document = docx.Document(str(path))
    parts: List[str] = [p.text for p in document.paragraphs]
    for table in document.tables:
        for row in table.rows:
            parts += [cell.text for cell in row.cells]
    return "\n".join(parts)


def current_step_key(prompt_text: str, steps_by_prompt: Dict[str, str]) -> str:
    for prompt, key in steps_by_prompt.items():
        if prompt in prompt_text:
            return key
    raise AssertionError(f"Unknown question: {prompt_text[:200]}")


def run_whole_session(say: Callable[[str], str], step_for: Callable[[str], str],
                      max_turns: int = 120, opening: str = "I want to reflect on a case before supervision",
                      short: bool = False) -> Dict[str, str]:
    """Answer every question until the summary, then save. Returns {step key: answer sent}.

    `say` sends a message and returns all the assistant's reply text;
    `step_for` tells which step key the last question was. `short` chooses
    the short session at the first question, as the button does.
    """
    sent: Dict[str, str] = {}
    reply = say(opening)
    if short:
        reply = say("short session")
        assert "about 15 minutes" in reply, reply
    for _ in range(max_turns):
        if "Say save to write the record" in reply:
            final = say("save")
            assert "saved as" in final, final
            sent["__final__"] = final
            return sent
        key = step_for(reply)
        if key == "check.danger":
            reply = say(answer_for(key))
            continue
        sent[key] = answer_for(key)
        reply = say(sent[key])
        if key == "chronology.entries":  # the history stays open for more lines until "done"
            assert "Here's the history so far" in reply, reply
            reply = say("done")
    raise AssertionError("The session did not reach the summary")


def latest_saved(engine_or_store, sender: str, kind: str):
    """The newest record or pack this sender saved (bot.records.saved_files), as a path; None if none."""
    from bot.records.saved_files import saved_files
    from bot.storage.store import Store
    if not isinstance(engine_or_store, Store):  # a WorkshopEngine or an engine
        engine_or_store = Store(getattr(engine_or_store, "engine", engine_or_store))
    store = engine_or_store
    return next((f.path for f in saved_files(store, sender, kinds=(kind,))), None)
