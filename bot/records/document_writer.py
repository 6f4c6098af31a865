"""Writing a Word document the partnership's way: A4 with margins, headings for the navigation pane, the
protective marking and "Page X of Y" on every page, tables, bullet lists and pictures with alt text, and text
kept as typed except characters Word cannot store. Used by the supervision record (record_docx.py), the
workshop pack (bot/modes/workshop/workshop_pack.py) and the learning report (bot/reporting/writing.py).
"""
from __future__ import annotations

import io
import re
from datetime import datetime
from typing import Iterable, Optional

import docx
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.image.exceptions import UnrecognizedImageError
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Mm, Pt, RGBColor

from bot.reading.months import MONTH_NAMES  # spelled out, whatever the server's locale
from bot.records.record_model import DEFAULT_MARKING, ChronologyRecord, QuestionAnswer

A4_WIDTH, A4_HEIGHT = Mm(210), Mm(297)
MARGIN = Cm(2.25)
TIMELINE_WIDTH = Cm(16)  # narrowed to the page's text width if that is less
TIMELINE_TITLE = "Timeline of child protection plans and incidents"
REPLACEMENT = "\ufffd"
REPLACED_NOTE = (
    "Some characters could not be stored in Word and were replaced with \ufffd."
)
# XML 1.0 forbids these; python-docx raises ValueError/UnicodeEncodeError on them.
_XML_ILLEGAL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def xml_safe(text: str) -> tuple[str, bool]:
    """Replace characters Word cannot store with U+FFFD; say if any were."""
    cleaned, count = _XML_ILLEGAL.subn(REPLACEMENT, text)
    return cleaned, count > 0


def format_when(when: datetime) -> str:
    return f"{when.day} {MONTH_NAMES[when.month - 1]} {when.year}, {when:%H:%M}"


class DocumentWriter:
    """Builds a Word document (the record, the workshop pack); remembers whether any text had to be changed."""

    def __init__(self) -> None:
        self.doc = docx.Document()
        for section in self.doc.sections:  # python-docx's template is US Letter; English councils print A4
            section.page_width, section.page_height = A4_WIDTH, A4_HEIGHT
            section.left_margin = section.right_margin = MARGIN
            section.top_margin = section.bottom_margin = MARGIN
        self.replaced = False

    def clean(self, text: Optional[str]) -> str:
        cleaned, changed = xml_safe(text or "")
        self.replaced = self.replaced or changed
        # python-docx turns each "\n" into a line break; "\r\n" would give two.
        return cleaned.replace("\r\n", "\n").replace("\r", "\n")

    def heading(self, text: str, level: int = 1) -> None:
        self.doc.add_heading(self.clean(text), level=level)

    def para(self, text: str, bold=False, italic=False, small=False, style=None):
        paragraph = self.doc.add_paragraph(style=style)
        run = paragraph.add_run(self.clean(text))
        run.bold, run.italic = bold or None, italic or None
        if small:
            run.font.size = Pt(8)
            run.font.color.rgb = RGBColor(0x66, 0x66, 0x66)
        return paragraph

    def answer(self, qa: Optional[QuestionAnswer], missing="Not answered") -> None:
        """The answer as typed, or an italic note saying why there is none."""
        if qa is not None and qa.skipped:
            self.para("Skipped", italic=True)
        elif qa is None or not (qa.answer or "").strip():
            self.para(missing, italic=True)
        else:
            self.para(qa.answer or "")
        if qa is not None and qa.source:
            self.para(f"From the audit: {qa.source}", italic=True, small=True)

    def questions(self, items: Iterable[QuestionAnswer]) -> None:
        items = list(items)
        if not items:
            self.para("Nothing recorded.", italic=True)
        for qa in items:
            self.para(qa.question, bold=True)
            self.answer(qa)

    def table(self, rows, header=None) -> None:
        width = len(header or rows[0])
        table = self.doc.add_table(rows=0, cols=width)
        table.style = "Table Grid"
        for index, row in enumerate(([header] if header else []) + list(rows)):
            is_header = header is not None and index == 0
            for cell, value in zip(table.add_row().cells, row):
                cell.paragraphs[0].add_run(self.clean(value)).bold = is_header or None

    def bullets(self, items: Iterable[str]) -> None:
        for item in items:
            self.para(item, style="List Bullet")

    def text_width(self) -> int:
        """The width between the margins (set for every section in __init__)."""
        return int(A4_WIDTH - 2 * MARGIN)

    def picture(self, png: bytes, alt_text: str, title: str = "") -> None:
        """The picture, embedded, with alt text.

        python-docx has no alt-text API: Word and screen readers read the
        `descr` (and `title`) attributes of the picture's wp:docPr element.
        """
        text_width = self.text_width()
        shape = self.doc.add_paragraph().add_run().add_picture(
            io.BytesIO(png), width=min(TIMELINE_WIDTH, text_width))
        doc_pr = shape._inline.docPr
        doc_pr.set("descr", self.clean(alt_text))
        doc_pr.set("title", title or TIMELINE_TITLE)

    def chronology(self, chronology: ChronologyRecord) -> None:
        """Read-back, flags and the timeline picture."""
        lines = [line for line in (chronology.entries_readback or "").splitlines() if line.strip()]
        if lines:
            self.para("\n".join(lines))  # one entry a line, kept together
        else:
            self.para("No plans or incidents were recorded.", italic=True)
        if chronology.flags:
            self.heading("What the history shows", level=2)
            self.bullets(chronology.flags)
        if chronology.image_png is not None:
            self.heading("Timeline", level=2)
            try:
                self.picture(chronology.image_png, chronology.alt_text)
            except (OSError, ValueError, UnrecognizedImageError):
                # an unreadable picture must not stop the record being saved
                self.para("The timeline picture could not be added.", italic=True)
            if chronology.alt_text:
                self.para(chronology.alt_text, small=True)


    def mark_pages(self, marking: str, header_detail: str = "") -> None:
        """The protective marking at the top and bottom of every page, and "Page X of Y".

        A printed page on its own can then be placed: its marking, the case
        reference and date (header_detail) and where it falls in the document.
        Page numbers are Word fields (PAGE, NUMPAGES), so Word and LibreOffice
        fill them in as they lay the pages out.
        """
        marking = self.clean(marking) or DEFAULT_MARKING
        for section in self.doc.sections:
            header = section.header.paragraphs[0]
            header.alignment = WD_ALIGN_PARAGRAPH.CENTER
            header.add_run(marking).bold = True
            if header_detail:
                detail = section.header.add_paragraph()
                detail.alignment = WD_ALIGN_PARAGRAPH.CENTER
                _small_run(detail.add_run(self.clean(header_detail)))
            footer = section.footer.paragraphs[0]
            footer.alignment = WD_ALIGN_PARAGRAPH.CENTER
            for part in ("Page ", "PAGE", " of ", "NUMPAGES"):
                if part.isupper():
                    _field(footer, part)
                else:
                    _small_run(footer.add_run(part))
            footer_marking = section.footer.add_paragraph()
            footer_marking.alignment = WD_ALIGN_PARAGRAPH.CENTER
            footer_marking.add_run(marking).bold = True


def _small_run(run):
    run.font.size = Pt(9)
    return run


def _field(paragraph, instruction: str) -> None:
    """A Word field (e.g. PAGE) as begin / instruction / separate / "1" / end runs.

    The "1" is what shows until the field is updated; Word and LibreOffice
    update PAGE and NUMPAGES when they lay the document out.
    """
    def run_with(element):
        run = _small_run(paragraph.add_run())
        run._r.append(element)
        return run

    begin = OxmlElement("w:fldChar")
    begin.set(qn("w:fldCharType"), "begin")
    run_with(begin)
    instr = OxmlElement("w:instrText")
    instr.set(qn("xml:space"), "preserve")
    instr.text = f" {instruction} "
    run_with(instr)
    separate = OxmlElement("w:fldChar")
    separate.set(qn("w:fldCharType"), "separate")
    run_with(separate)
    _small_run(paragraph.add_run("1"))
    end = OxmlElement("w:fldChar")
    end.set(qn("w:fldCharType"), "end")
    run_with(end)


def column_widths(table, widths) -> None:
    """Fixed column widths (Word and LibreOffice read each cell's width)."""
    table.autofit = False
    for column, width in zip(table._tbl.tblGrid.gridCol_lst, widths):  # LibreOffice reads the grid
        column.w = width
    for row in table.rows:
        for cell, width in zip(row.cells, widths):
            cell.width = width
