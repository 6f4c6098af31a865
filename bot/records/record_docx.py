"""Write a supervision Record to a Word document.

The document holds only what the practitioner typed or chose, plus headings,
the questions asked and toolkit links. It may be disclosed, so text is kept
exactly as typed; only characters Word cannot store are replaced.

The record's layout (the At a glance table, the sections in order) is here;
what goes in it is decided in bot/records/record_builder.py, how Word is
written (marking, page numbers, pictures) in bot/records/document_writer.py,
and saving the file in bot/records/document_files.py.
"""
from __future__ import annotations

import re
from datetime import datetime
from pathlib import Path
from typing import Optional

import docx
from docx.shared import Cm

from bot.records.document_files import reserve_name, private_folder, save_document, save_document_as
from bot.records.document_writer import REPLACED_NOTE, DocumentWriter, column_widths, format_when
from bot.records.record_model import ClosureSection, QuestionAnswer, Record
from bot.records.record_since import glance_rows_since, write_since
from bot.reading.safe_text import REFERENCE_IN_PROPERTIES, clean_reference, one_line

TITLE = "Reflective supervision record"
GLANCE_HEADING = "At a glance"
GLANCE_CLIP = 300  # characters of an answer shown in the summary; it is in full further on
_NOT_SAFE = re.compile(r"[^A-Za-z0-9_-]+")


def safe_reference(text: Optional[str]) -> str:
    """A case reference reduced to characters that are safe in a file name, at most 40 of them.

    Escape sequences go whole first (no "31m" left from a colour code), so any
    reference, however long or odd, gives a short name and a save never fails on it.
    """
    ref = _NOT_SAFE.sub("-", clean_reference(text) or "")
    ref = re.sub(r"-{2,}", "-", ref).strip("-")[:40].strip("-")
    return ref or "no-reference"


def _given(value: Optional[str]) -> str:
    return value if value and value.strip() else "Not given"


def _clip(text: str) -> str:
    text = " ".join((text or "").split())
    if len(text) <= GLANCE_CLIP:
        return text
    return text[:GLANCE_CLIP].rsplit(" ", 1)[0] + "… (in full below)"


def _answered(qa: Optional[QuestionAnswer]) -> Optional[str]:
    if qa is None or qa.skipped or not (qa.answer or "").strip():
        return None
    return qa.answer


def glance_rows(record: Record) -> list:
    """The first-page summary a supervisor reads first: (label, value) pairs.

    Every value is what the practitioner typed or chose (shortened if long,
    and then said so), or a plain note that nothing was recorded.
    """
    themes = "; ".join(t.title for t in record.themes) or "None"
    patterns = "; ".join(record.pattern_titles) or "None noticed"
    scale = _answered(record.safety_scale) or "Not given"
    decisions = [_clip(a) for a in map(_answered, record.decisions) if a]
    actions = []
    for action in record.actions:
        actions.append(f"{_clip(_given(action.what))} (owner: {_given(action.owner)}; "
                       f"by: {_given(action.by_when)})")
    escalation = [_clip(a) for a in map(_answered, record.escalation) if a]
    toolkits = []
    for toolkit in record.toolkits:
        said = (toolkit.answer or "").strip()
        toolkits.append(f"{toolkit.title}: {_clip(said) if said else 'not discussed'}")
    if record.urgent_concerns:
        danger = "\n".join(f"Yes, {format_when(when)}: {_clip(text)}" for when, text in record.urgent_concerns)
    else:
        danger = "None raised"
    rows = [
        ("Themes", themes),
        ("Patterns noticed", patterns),
        ("Safety scale (0 to 10)", scale),
        ("Decisions", "\n".join(decisions) or "None recorded"),
        ("Actions", "\n".join(actions) or "None recorded"),
        ("Escalation needed?", "\n".join(escalation) or "Not recorded"),
        ("Toolkits used or to use", "\n".join(toolkits) or "None recorded"),
        ("Immediate danger raised", danger),
    ]
    if record.closure_check is not None:
        rows.insert(2, (CLOSURE_HEADING, closure_glance(record.closure_check)))
    return glance_rows_since(record.since) + rows  # last time's actions come first, as in supervision


CLOSURE_HEADING = "Closure check"


def closure_glance(closure: ClosureSection) -> str:
    """One cell: each agency's view as it reads (or "see below"), and any dissent as typed."""
    views = [f"{view.agency}: {view.reads_as or ('see its view below' if view.view else 'not answered')}"
             for view in closure.agencies]
    dissent = _answered(closure.dissent)
    lines = ["; ".join(views) or "No agency views recorded"]
    lines.append(f"Dissent: {_clip(dissent)}" if dissent else "Dissent: not recorded")
    return "\n".join(lines)


def closure_section(w: DocumentWriter, closure: ClosureSection) -> None:
    """Earlier closures beside today's reasons, each agency's view as typed, then dissent and the route."""
    w.heading(CLOSURE_HEADING)
    w.heading("Today's reasons beside the earlier closures", level=2)
    earlier = "\n".join(closure.earlier) or "No earlier plans typed."
    if closure.history is not None and _answered(closure.history):
        earlier += f"\nAs typed: {closure.history.answer}"
    w.table([(_answered(closure.reasons) or "Not answered", earlier)],
            header=("Today's reasons for closing", "Earlier plans: what they closed on and what followed"))
    w.heading("Each agency's view", level=2)
    rows = [(view.agency, view.view or "Not answered", view.reads_as or "",
             view.who_asks or "") for view in closure.agencies] or [("No agency views recorded", "", "", "")]
    w.table(rows, header=("Agency", "View, as typed", "Reads as", "Who will ask, and by when"))
    w.questions(closure.questions)
    w.heading("Dissent and the route for disagreeing", level=2)
    w.answer(closure.dissent)
    if closure.route:
        w.para(closure.route[0])
        w.bullets(closure.route[1:])


def build_document(record: Record) -> docx.document.Document:
    w = DocumentWriter()
    w.doc.add_heading(TITLE, level=0)
    w.para("Prepared with the reflective supervision assistant. It holds only "
           "what the practitioner wrote or chose. This record may be disclosed, "
           "for example in court, so check it carefully before it is signed.")
    if record.incomplete:
        w.para("Saved before every question was answered.", bold=True)

    reference = clean_reference(record.case_reference)  # bot/reading/safe_text.py: no control or direction characters
    w.table([("Date", format_when(record.created_at)),
             ("Worker", _given(record.worker)),
             ("Supervisor", _given(record.supervisor)),
             ("Case reference", _given(reference))])

    w.heading(GLANCE_HEADING)
    w.table(glance_rows(record))
    column_widths(w.doc.tables[-1], (Cm(4.5), w.text_width() - Cm(4.5)))  # short labels, room for answers

    if record.since is not None:
        write_since(w, record.since)

    w.heading("Case context")
    if record.case_context:
        w.table([(label, value) for label, value in record.case_context])
    else:
        w.para("Nothing recorded.", italic=True)

    w.heading("Themes discussed")
    if not record.themes:
        w.para("No themes were discussed.", italic=True)
    for theme in record.themes:
        w.heading(theme.title, level=2)
        w.questions(theme.items)

    if record.stuck_review:
        w.heading("Stuck case review")
        w.questions(record.stuck_review)
    if record.chronology is not None:
        w.heading("Chronology")
        w.chronology(record.chronology)

    if record.closure_check is not None:
        closure_section(w, record.closure_check)
    if record.lasting_change:
        w.heading("Lasting change")
        w.questions(record.lasting_change)

    w.heading("The child's lived experience")
    w.questions(record.lived_experience)

    w.heading("Signs of Safety mapping")
    for title, qa in (("What are we worried about?", record.worried_about),
                      ("The family's strengths and existing safety", record.family_strengths),
                      ("What is working well in the professional network?", record.working_well),
                      ("What needs to happen?", record.needs_to_happen)):
        w.heading(title, level=2)
        w.answer(qa)

    w.heading("Actions")
    rows = [(_given(a.what), _given(a.owner), _given(a.by_when))
            for a in record.actions] or [("No actions recorded", "", "")]
    w.table(rows, header=("Action", "Owner", "By when"))
    if record.escalation_route:
        w.para("Escalation: the procedure to follow", bold=True)
        w.para(record.escalation_route[0])
        w.bullets(record.escalation_route[1:])

    w.heading("Decisions and rationale")
    w.questions(record.decisions)

    w.heading("Safety scale")
    w.para("0 means the children cannot live at home; 10 means everyone agrees "
           "the children are safe enough for the case to close (Signs of Safety).",
           italic=True)
    for label, qa in (("Scale", record.safety_scale), ("Reason", record.safety_reason)):
        w.para(qa.question if qa else label, bold=True)
        w.answer(qa)

    w.heading("Escalation and professional dissent")
    w.questions(record.escalation)

    w.heading("Toolkits considered")
    if not record.toolkits:
        w.para("Nothing recorded.", italic=True)
    for toolkit in record.toolkits:
        w.heading(toolkit.title, level=2)
        for link in toolkit.links:
            w.para(f"{link.title}: {link.url}" + (f" ({link.caution})" if link.caution else ""))
        if toolkit.answer and toolkit.answer.strip():
            w.para(toolkit.answer)
        else:
            w.para("Not discussed", italic=True)

    if record.patterns_noticed or record.pattern_questions:
        w.heading("Patterns noticed")
        w.bullets(record.patterns_noticed)
        w.questions(record.pattern_questions)
    if record.other_answers:
        w.heading("Other answers given during the session")
        w.questions(record.other_answers)
    if record.recording_reminders:
        w.heading("Recording reminders")
        w.bullets(record.recording_reminders)
    if record.urgent_concerns:
        w.heading("Immediate danger raised during the session")
        for when, text in record.urgent_concerns:
            w.para(format_when(when), bold=True)
            w.para(text)
        w.para("Advice to take urgent action was given at the time.", italic=True)

    w.heading("Sign-off")
    for who in ("Worker", "Supervisor"):
        w.para(f"{who} signature: ______________________    Date: ____________")
    if w.replaced:
        w.para(REPLACED_NOTE, italic=True)

    w.mark_pages(record.marking, f"Case reference: {_given(one_line(reference, 80))}    "
                                 f"Date: {format_when(record.created_at)}")
    # What Word shows under File > Info: the practitioner's name as they gave it
    # (blank if not given), never python-docx's defaults.
    props = w.doc.core_properties
    props.title = TITLE
    props.subject = w.clean(f"Case reference {one_line(reference, REFERENCE_IN_PROPERTIES)}" if reference
                            else "Reflective supervision")  # Word allows 255 characters here
    props.author = w.clean(one_line(record.worker, REFERENCE_IN_PROPERTIES))  # a long name must not fail the save
    props.last_modified_by, props.comments, props.keywords = "", "", ""
    props.category = w.clean(record.marking)
    return w.doc


def write_record(record: Record, directory: Path, now: Optional[datetime] = None,
                 path: Optional[Path] = None) -> Path:
    """Write the record; to `path` when its name was claimed (and stored) beforehand."""
    directory = Path(directory)
    private_folder(directory)
    document = build_document(record)
    if path is not None:
        return save_document_as(document, Path(path), temp_prefix=".supervision-")
    return save_document(document, directory, record_stem(record, now), temp_prefix=".supervision-")


def record_stem(record: Record, now: Optional[datetime] = None) -> str:
    return f"supervision-{safe_reference(record.case_reference)}-{(now or datetime.now()):%Y%m%d-%H%M%S}"


def claim_record_path(record: Record, directory: Path, now: Optional[datetime] = None) -> Path:
    """Claim a free name for the record (an empty owner-only file), so it can be stored first.

    The caller stores the name with the session before writing, so a file on
    disk always belongs to a session; it removes the empty file if that fails.
    """
    directory = Path(directory)
    private_folder(directory)
    return reserve_name(directory, record_stem(record, now))
