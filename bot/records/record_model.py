"""What a supervision record holds, independent of how it is written.

Everything here is what the practitioner typed or chose; the assistant adds
only headings, the questions it asked and links from knowledge/.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import List, Mapping, Optional, Tuple
from bot.config import Settings

# The usual marking for child protection material (Government Security Classifications).
DEFAULT_MARKING = "OFFICIAL-SENSITIVE"


def protective_marking(knowledge=None, env: Optional[Mapping[str, str]] = None) -> str:
    """The marking printed on every page: RECORD_MARKING if set, else knowledge/record.yml.

    The environment wins so a test or training server can mark its documents
    differently without editing knowledge/.
    """
    chosen = Settings.from_env(env).record_marking
    if chosen:
        return chosen
    settings = getattr(knowledge, "record", None)
    return settings.marking if settings is not None else DEFAULT_MARKING


@dataclass
class QuestionAnswer:
    question: str
    answer: Optional[str]  # None: the practitioner skipped it or never reached it
    source: Optional[str] = None  # e.g. the audit finding the question comes from
    skipped: bool = False


@dataclass
class ThemeSection:
    theme_id: str
    title: str
    items: List[QuestionAnswer] = field(default_factory=list)


@dataclass
class ActionItem:
    what: Optional[str]
    owner: Optional[str]
    by_when: Optional[str]


@dataclass
class ToolkitLink:
    title: str
    url: str
    caution: Optional[str] = None  # set when the address is not yet confirmed by the partnership


@dataclass
class ToolkitConsidered:
    toolkit_id: str
    title: str
    links: List[ToolkitLink] = field(default_factory=list)
    answer: Optional[str] = None  # what it showed, or what got in the way, as typed


@dataclass
class ChronologyRecord:
    """The plan history as read back to the practitioner, and what it shows."""

    entries_readback: str  # one entry a line, as confirmed by the practitioner
    flags: List[str] = field(default_factory=list)  # plain English, citing the audit
    image_png: Optional[bytes] = None  # the timeline picture, embedded when the record is saved
    alt_text: str = ""  # describes the picture for screen readers


@dataclass
class AgencyView:
    """One agency's view on closing the plan, exactly as typed."""
    agency: str
    view: Optional[str]  # as typed; None if skipped or not reached
    reads_as: Optional[str] = None  # "agrees", "disagrees" or "not yet asked" when the words say so
    who_asks: Optional[str] = None  # for "not yet asked": who will ask, and by when, as typed


@dataclass
class ClosureSection:
    """The closure check: today's reasons beside the earlier closures, each agency's view, any dissent."""
    reasons: Optional[QuestionAnswer] = None
    earlier: List[str] = field(default_factory=list)  # what the typed answers show about each earlier plan
    history: Optional[QuestionAnswer] = None  # what the earlier plans closed on, as typed
    agencies: List[AgencyView] = field(default_factory=list)
    questions: List[QuestionAnswer] = field(default_factory=list)  # future harm, the child, lasting change
    dissent: Optional[QuestionAnswer] = None
    route: List[str] = field(default_factory=list)  # how to disagree, with its caution while unconfirmed


@dataclass
class ActionFollowUp:
    """One of last time's actions, and what the practitioner said happened to it."""
    what: str
    owner: Optional[str]
    by_when: Optional[str]
    status: str  # "Done", "Partly done", "Not done", "No longer needed", or "Not asked"
    happened: Optional[str] = None  # as typed
    late: bool = False  # not done and its date has passed
    in_the_way: Optional[str] = None  # as typed


@dataclass
class SinceLast:
    """The movement since the last supervision on this case (bot/modes/supervision/cycle.py)."""
    last_date: str
    earlier_dates: List[str]  # every earlier saved session on the case, oldest first
    actions: List[ActionFollowUp] = field(default_factory=list)
    scale_then: Optional[int] = None
    scale_now: Optional[int] = None
    movement: str = ""
    still: List[str] = field(default_factory=list)  # the audit's patterns noticed then and now
    new: List[str] = field(default_factory=list)
    gone: List[str] = field(default_factory=list)
    themes_then: List[str] = field(default_factory=list)
    scales: List[Tuple[str, Optional[int]]] = field(default_factory=list)  # (date, scale) per session, now last
    image_png: Optional[bytes] = None  # the scale across sessions, when there are three or more
    alt_text: str = ""


@dataclass
class Record:
    created_at: datetime
    case_reference: Optional[str]
    worker: Optional[str] = None
    supervisor: Optional[str] = None
    # (label, value as typed or chosen), in the order asked
    case_context: List[Tuple[str, str]] = field(default_factory=list)
    themes: List[ThemeSection] = field(default_factory=list)
    lived_experience: List[QuestionAnswer] = field(default_factory=list)
    worried_about: Optional[QuestionAnswer] = None
    family_strengths: Optional[QuestionAnswer] = None
    working_well: Optional[QuestionAnswer] = None  # in the professional network (the audit's good practice)
    needs_to_happen: Optional[QuestionAnswer] = None
    actions: List[ActionItem] = field(default_factory=list)
    # when escalation is needed: the procedure (with its caution if unconfirmed) and its stages
    escalation_route: List[str] = field(default_factory=list)
    decisions: List[QuestionAnswer] = field(default_factory=list)
    safety_scale: Optional[QuestionAnswer] = None
    safety_reason: Optional[QuestionAnswer] = None
    escalation: List[QuestionAnswer] = field(default_factory=list)
    toolkits: List[ToolkitConsidered] = field(default_factory=list)
    patterns_noticed: List[str] = field(default_factory=list)
    # the short names of the patterns noticed, for the first-page summary
    pattern_titles: List[str] = field(default_factory=list)
    # the question each noticed pattern added, with the practitioner's answer
    pattern_questions: List[QuestionAnswer] = field(default_factory=list)
    # answers to questions no longer in the session (e.g. themes changed later): kept, never dropped
    other_answers: List[QuestionAnswer] = field(default_factory=list)
    recording_reminders: List[str] = field(default_factory=list)
    # (when, what was typed) for messages that raised immediate danger
    urgent_concerns: List[Tuple[datetime, str]] = field(default_factory=list)
    # set when the record is saved before every question was reached
    incomplete: bool = False
    # the stuck pathway: its questions and answers, and the plan history
    stuck_review: List[QuestionAnswer] = field(default_factory=list)
    chronology: Optional[ChronologyRecord] = None
    # printed at the top and bottom of every page
    marking: str = DEFAULT_MARKING
    # the closure check, when closing was considered or the check was asked for
    closure_check: Optional[ClosureSection] = None
    # the poster's question about lasting change (a third or later plan, or stuck)
    lasting_change: List[QuestionAnswer] = field(default_factory=list)
    # the next session on a case: last time's actions, the scale and patterns then and now
    since: Optional[SinceLast] = None
