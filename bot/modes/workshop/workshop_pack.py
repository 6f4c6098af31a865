"""Write a workshop pack: facilitator notes, then a one-page handout for participants.

Everything in the pack comes from the plan (knowledge/ and the lead's choices)
and the points the group made, kept exactly as typed; only characters Word
cannot store are replaced. It holds no case data and nothing from any
supervision session. Files are written the same way as supervision records:
owner-only, never half-written, never overwriting (bot/records/record_docx.py).
"""
from __future__ import annotations

from datetime import datetime
from pathlib import Path
from typing import List, Mapping, Optional, Sequence

from docx.enum.text import WD_BREAK
from docx.shared import Pt

from bot.records.document_files import save_document
from bot.records.document_writer import REPLACED_NOTE, DocumentWriter, format_when
from bot.modes.workshop.workshop_plan import PlanItem, WorkshopPlan, clock, describe_length

FILE_PREFIX = "workshop-pack"
HANDOUT_FONT = Pt(10)


def pack_name(now: datetime) -> str:
    return f"{FILE_PREFIX}-{now:%Y%m%d-%H%M%S}"


def write_pack(plan: WorkshopPlan, points_by_item: Mapping[str, Sequence[str]], directory: Path,
               now: Optional[datetime] = None) -> Path:
    """The pack as workshop-pack-<YYYYmmdd-HHMMSS>.docx in directory; returns its path."""
    now = now or datetime.now()
    document = build_pack(plan, points_by_item, now)
    return save_document(document, Path(directory), pack_name(now), temp_prefix=f".{FILE_PREFIX}-")


def build_pack(plan: WorkshopPlan, points_by_item: Mapping[str, Sequence[str]], now: datetime):
    w = DocumentWriter()
    wording = plan.pack

    # ----- facilitator notes -----
    w.doc.add_heading(w.clean(f"{wording.title}: {plan.title}"), level=0)
    w.heading(wording.notes_heading)
    w.para(wording.notes_intro, italic=True)
    w.table([("Date", format_when(now)),
             ("Length", describe_length(plan.minutes)),
             ("Group", plan.group_label),
             ("Themes", "; ".join(i.title for i in plan.theme_items())),
             ("Audit", plan.audit_title)])

    w.heading(wording.plan_heading, level=2)
    w.table([(f"{clock(i.start)} to {clock(i.end)}", i.title, f"{i.minutes} minutes") for i in plan.items],
            header=("Time", "Part", "Minutes"))
    for note in plan.notes:
        w.para(note, italic=True)

    for number, item in enumerate(plan.items, 1):
        _item_notes(w, plan, item, number, list(points_by_item.get(item.id, ())))

    known = {i.id for i in plan.items}
    other = [(item_id, points) for item_id, points in points_by_item.items() if item_id not in known and points]
    if other:
        w.heading(wording.other_points_heading)
        for _, points in other:
            _points(w, plan, points)
    if w.replaced:
        w.para(REPLACED_NOTE, italic=True)

    # ----- the handout, on a page of its own: key messages and toolkit links only -----
    w.doc.add_paragraph().add_run().add_break(WD_BREAK.PAGE)
    _handout(w, plan)

    w.mark_pages(plan.marking, f"{plan.title}    Date: {format_when(now)}")
    props = w.doc.core_properties
    props.title, props.author, props.last_modified_by = wording.title, "", ""
    props.comments, props.subject, props.keywords = "", plan.title, ""
    props.category = w.clean(plan.marking)
    return w.doc


def _item_notes(w: DocumentWriter, plan: WorkshopPlan, item: PlanItem, number: int,
                points: List[str]) -> None:
    labels, wording = plan.labels, plan.pack
    w.heading(f"{number}. {item.title}", level=2)
    w.para(f"{clock(item.start)} to {clock(item.end)} ({item.minutes} minutes)", bold=True)
    if item.parts:
        w.bullets(f"{part.minutes} minutes: {part.label}" for part in item.parts)
    for text in item.text:
        w.para(text)
    for heading, lines in item.lists:
        w.para(heading, bold=True)
        w.bullets(lines)
    if item.vignette:
        w.heading(f"{labels.vignette}: {item.vignette.title}", level=3)
        w.para(item.vignette.text)
        w.para(labels.illustrates, italic=True, small=True)
        for finding in item.vignette.findings:
            w.para(f"- {finding}", italic=True, small=True)
    if item.questions:
        w.heading(labels.questions, level=3)
        for n, question in enumerate(item.questions, 1):
            w.para(f"{n}. {question}")
    if item.key_message:
        w.heading(labels.key_message, level=3)
        w.para(item.key_message, bold=True)
    if item.toolkit:
        w.heading(f"{labels.toolkit}: {item.toolkit.title}", level=3)
        w.para(item.toolkit.when_to_use)
        w.bullets(plan.link_text(link) for link in item.toolkit.links)
    if item.read_more:
        w.para(labels.read_more, bold=True)
        w.bullets(plan.link_text(link) for link in item.read_more)
    if item.facilitator_note:
        w.para(f"{labels.facilitator_note}: {item.facilitator_note}", italic=True)
    w.heading(wording.group_heading, level=3)
    _points(w, plan, points)


def _points(w: DocumentWriter, plan: WorkshopPlan, points: Sequence[str]) -> None:
    if not points:
        w.para(plan.pack.no_points, italic=True)
    for point in points:
        w.para(point)  # exactly as typed


def _handout(w: DocumentWriter, plan: WorkshopPlan) -> None:
    wording = plan.pack
    w.doc.add_heading(w.clean(wording.handout_title), level=1)
    _small(w.para(wording.handout_intro))
    if plan.headlines:
        _small(w.para(wording.handout_findings_heading, bold=True))
        for line in plan.headlines:
            _small(w.para(line, style="List Bullet"))
    w.heading(wording.handout_messages_heading, level=2)
    for item in plan.theme_items():
        paragraph = w.para(f"{item.title}: ", bold=True)
        paragraph.add_run(w.clean(item.key_message or ""))
        _small(paragraph)
    toolkits = plan.toolkits()
    if toolkits:
        w.heading(wording.handout_toolkits_heading, level=2)
        for toolkit in toolkits:
            _small(w.para(toolkit.title, bold=True))
            for link in toolkit.links:
                _small(w.para(plan.link_text(link), style="List Bullet"))
    _small(w.para(wording.handout_footer, italic=True))


def _small(paragraph):
    """Handout text a little smaller, so it fits on one page."""
    for run in paragraph.runs:
        run.font.size = HANDOUT_FONT
    paragraph.paragraph_format.space_after = Pt(2)
    return paragraph
