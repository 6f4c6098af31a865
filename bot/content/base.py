"""What every knowledge schema shares: the ids and prompt names the code relies on, the error that stops
start-up naming a file and field, the checks the schemas reuse, and the strict base model (a misspelt field
is an error). bot/content/knowledge.py loads the files; the schemas are in audit.py and practice.py.
"""
from __future__ import annotations

import re
import string
from pathlib import Path
from typing import Dict, FrozenSet, List

from pydantic import BaseModel, validator

STAGES = ("experience", "reflection", "analysis", "action")
THEME_IDS = (
    "disguised_compliance", "over_optimism", "cumulative_harm", "escalation",
    "voice_of_child", "voice_of_father", "think_family", "multi_agency",
    "language_and_recording", "domestic_abuse", "neglect",
)
TOOLKIT_IDS = ("neglect", "domestic_abuse")
SESSION_KINDS = ("supervision", "stuck")
LANGUAGE_CHECKS = ("phrase", "label_without_behaviour", "unnamed_adult")
YES_NO_CASE_STEPS = ("case.father_involved", "case.several_parental_adults", "case.closure_considered")
SOURCE_FILE = Path("sources") / "audit-repeat-cp-plans-2025.yml"  # the poster's passages, beside its text
# The one caution shown with every address or number not yet checked by the partnership.
UNCONFIRMED_CAUTION = "check this link with your team before relying on it"
# Every prompt the conversation uses, with the {names} it may contain; conversation.yml must define
# each, and may use no other {name} (check_prompts).
PROMPT_FIELDS: Dict[str, FrozenSet[str]] = {
    "already_in_session": frozenset(),
    "case_reference_alone": frozenset(),
    "ask_action_more": frozenset(),
    "ask_action_owner": frozenset(),
    "ask_action_what": frozenset(),
    "ask_action_what_next": frozenset(),
    "ask_action_when": frozenset(),
    "ask_agencies": frozenset(),
    "ask_case_reference": frozenset(),
    "ask_child_age": frozenset(),
    "ask_child_views": frozenset(),
    "ask_closure_considered": frozenset(),
    "ask_concerns": frozenset(),
    "ask_day_in_life": frozenset(),
    "ask_decisions": frozenset(),
    "ask_escalation": frozenset(),
    "ask_escalation_detail": frozenset(),
    "ask_father_involved": frozenset(),
    "ask_months_since_last_plan": frozenset(),
    "ask_needs_to_happen": frozenset(),
    "ask_plan_category": frozenset(),
    "ask_previous_plans": frozenset(),
    "ask_safety_reason": frozenset(),
    "ask_safety_scale": frozenset(),
    "ask_several_parental_adults": frozenset(),
    "ask_supervisor": frozenset(),
    "ask_themes": frozenset({"suggested"}),
    # the next session on a case (bot/modes/supervision/cycle.py)
    "since_offer": frozenset({"case", "date", "ago", "then"}),
    "since_then_full": frozenset({"actions"}),
    "since_then_short": frozenset({"actions"}),
    "since_actions_one": frozenset(),
    "since_actions_many": frozenset({"count"}),
    "since_actions_none": frozenset(),
    "since_facts": frozenset({"date", "facts"}),
    "since_facts_need": frozenset({"high"}),
    "since_facts_kept": frozenset(),
    "since_facts_to_ask": frozenset({"items"}),
    "since_action": frozenset({"number", "total", "what", "owner", "by_when"}),
    "since_action_need": frozenset(),
    "since_action_example": frozenset(),
    "since_in_the_way": frozenset({"what"}),
    "since_in_the_way_late": frozenset({"what", "by_when"}),
    "since_flat_scale": frozenset({"count", "scales"}),
    "since_repeating_plans": frozenset({"count", "plans"}),
    "since_stuck_offer": frozenset({"why"}),
    "since_moved": frozenset({"date", "still", "new", "gone", "themes"}),
    "since_scale_then": frozenset({"date", "scale"}),
    "since_scale_moved": frozenset({"then", "now", "movement"}),
    "why_concern": frozenset({"concern"}),
    "why_voice_of_child": frozenset(),
    "voice_of_child_available": frozenset({"number"}),
    "left_for_time": frozenset({"items"}),
    "ask_toolkit_used": frozenset({"toolkit"}),
    "ask_worker": frozenset(),
    "did_you_mean": frozenset({"command"}),
    "earlier_question": frozenset(),
    "ask_working_well": frozenset(),
    "ask_family_strengths": frozenset(),
    "ask_worried": frozenset(),
    "added_list": frozenset({"items"}),
    "ask_short_theme": frozenset(),
    "audit_list": frozenset({"items"}),
    "escalation_route": frozenset({"title"}),
    "more_links": frozenset(),
    "short_chosen": frozenset(),
    "short_offer": frozenset(),
    "working_well_prompts": frozenset(),
    "back_to_question": frozenset(),
    "change_need_number": frozenset({"high"}),
    "change_which": frozenset(),
    "choose_session": frozenset(),
    "empty_message": frozenset(),
    "help_in_session": frozenset(),
    "need_number": frozenset({"high", "low"}),
    "need_yes_no": frozenset(),
    "no_session": frozenset(),
    "no_session_but_unfinished": frozenset(),
    "noted": frozenset({"what"}),
    "nothing_to_resume": frozenset(),
    "nothing_to_skip": frozenset(),
    "patterns_noticed": frozenset(),
    "paused": frozenset(),
    "privacy_prompt": frozenset({"what"}),
    "privacy_prompt_outside_session": frozenset({"what"}),
    "resumed": frozenset({"case"}),
    "review_help": frozenset(),
    "review_intro": frozenset(),
    "saved": frozenset({"file", "folder"}),
    "saved_early": frozenset({"file", "folder", "left"}),
    "record_not_written": frozenset({"why"}),
    "why_folder": frozenset(),
    "why_disk_full": frozenset(),
    "why_database": frozenset(),
    "why_other": frozenset(),
    "record_was_saved": frozenset({"file", "folder"}),
    "records_folder": frozenset(),
    "session_intro": frozenset(),
    "skipped": frozenset(),
    "stuck_intro": frozenset(),
    "summary_heading": frozenset(),
    "switched_to_stuck": frozenset(),
    "history_so_far": frozenset(),
    "stuck_offer": frozenset(),
    "themes_chosen": frozenset({"themes"}),
    "themes_question": frozenset(),
    "toolkit_for_theme": frozenset({"links", "toolkit"}),
    "themes_not_recognised": frozenset(),
    "urgent_answer_saved": frozenset(),
    "which_theme": frozenset(),
    "which_toolkit": frozenset(),
    "wording_kept": frozenset(),
    "wording_prompt": frozenset({"instead", "phrase", "reason"}),
}


class KnowledgeError(Exception):
    """A knowledge file is missing, unreadable or fails its checks."""


def unique_ids(field: str, what: str):
    """A validator: the items of `field` have different ids (what: e.g. "finding id")."""
    def check(cls, items):
        check_unique([item.id for item in items], what)
        return items
    return validator(field, allow_reuse=True)(check)


def every_id(field: str, required, what: str):
    """A validator: the items of `field` have different ids and include every one of `required`."""
    def check(cls, items):
        ids = [item.id for item in items]
        check_unique(ids, f"{what} id")
        missing = set(required) - set(ids)
        if missing:
            raise ValueError(f"missing {what}s: {', '.join(sorted(missing))}")
        return items
    return validator(field, allow_reuse=True)(check)


def one_of(field: str, allowed, what: str):
    """A validator: each item of `field` (or the field itself) is one of `allowed`; None passes."""
    def check(cls, value):
        if value is not None and value not in allowed:
            raise ValueError(f"unknown {what} '{value}': use one of {', '.join(allowed)}")
        return value
    return validator(field, each_item=True, allow_reuse=True)(check)


def valid_patterns(field: str):
    """A validator: each item of `field` is a regular expression Python can compile."""
    def check(cls, pattern):
        try:
            re.compile(pattern)
        except re.error as exc:
            raise ValueError(f"'{pattern}' is not a valid pattern: {exc}") from exc
        return pattern
    return validator(field, each_item=True, allow_reuse=True)(check)


def check_prompts(prompts: Dict[str, str], fields: Dict[str, FrozenSet[str]]) -> None:
    """Every prompt there, none unknown, and each using only the {names} the code fills in.

    One checker for the conversation's prompts and the workshop's: a typo in a
    {name} would otherwise stop a practitioner's session with an error.
    """
    missing = set(fields) - set(prompts)
    if missing:
        raise ValueError(f"missing {', '.join(sorted(missing))}")
    for name, text in prompts.items():
        allowed = fields.get(name)
        if allowed is None:
            raise ValueError(f"unknown prompt '{name}'")
        try:
            used = {f for _, f, _, _ in string.Formatter().parse(text) if f is not None}
        except ValueError as exc:
            raise ValueError(f"{name}: {exc} (use {{name}} for what the assistant fills in)") from exc
        wrong = used - allowed
        if wrong:
            can = ", ".join("{" + f + "}" for f in sorted(allowed)) or "none"
            raise ValueError(f"{name}: unknown {', '.join('{' + w + '}' for w in sorted(wrong))} "
                             f"(this prompt can use: {can})")


def check_unique(ids: List[str], what: str) -> None:
    seen = set()
    for item in ids:
        if item in seen:
            raise ValueError(f"duplicate {what} '{item}'")
        seen.add(item)


class StrictModel(BaseModel):
    class Config:
        extra = "forbid"  # a misspelt field name is an error, not silently ignored
        anystr_strip_whitespace = True
        min_anystr_length = 1
