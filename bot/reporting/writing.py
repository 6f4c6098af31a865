"""Writing the learning report: a Word document, a CSV of the same figures and a PNG chart per figure.

Everything written comes from the suppressed Report (suppression.py): titles
and labels from knowledge/, counts as the rules allow them to be shown. The
folder is created owner-only (0700) and every file in it is owner-only (0600)
and never half-written, as records are (bot/records/document_files.py). The
Word document carries the protective marking on every page, as records do.
"""
from __future__ import annotations

import csv
import io
import os
import stat
from pathlib import Path
from typing import List, Tuple

from docx.enum.text import WD_BREAK
from docx.shared import Cm, Pt

from bot.records.document_files import write_private
from bot.records.document_writer import DocumentWriter
from bot.reporting.charts import alt_text, chart_png
from bot.reporting.planning import least_chosen, most_noticed
from bot.reporting.suppression import SMALLEST_PERIOD, SMALLEST_SHOWN, Report, ShownFigure

TITLE = "Learning report: reflective supervision and practice workshops"
DOCX, CSV = "learning-report.docx", "learning-report.csv"
CSV_HEADER = ("period", "figure", "row", "value", "share_of_total")
CHART_WIDTH, TABLE_WIDTH = Cm(9.0), Cm(7.5)
TABLE_FONT = Pt(8)
DOES_NOT_CONTAIN = (
    "What this report does not contain: anything typed in a session or a workshop (answers, notes, the group's "
    "points), case references, names of practitioners, supervisors, children or families, sender ids, or any "
    "date other than the month a session started. It counts coded answers only.")
SUPPRESSION_RULE = (
    f"Small numbers: a count from fewer than {SMALLEST_SHOWN} sessions (or workshops) is shown as \"fewer than "
    f"{SMALLEST_SHOWN}\", and a count from which one of those could be worked out by subtraction is \"not shown\". "
    f"A period with fewer than {SMALLEST_PERIOD} sessions shows no breakdowns.")
INTRO = ("Across all practitioners who used the reflective supervision assistant, and the practice workshops run "
         "with it. A session is counted in the month it started, whether or not it was finished or saved.")


class ReportFolderError(ValueError):
    """The folder named for the report cannot be used safely; the message says why."""


def write_report(report: Report, marking: str, out: Path) -> List[Path]:
    """Write the Word report, the CSV and the charts into `out`; returns the files written."""
    folder = _private_folder(Path(out))
    written: List[Path] = []
    charts = []
    for number, figure in enumerate(report.figures, 1):
        png = chart_png(figure)
        path = folder / f"chart-{number:02d}-{figure.key.replace('.', '-').replace('_', '-')}.png"
        written.append(_write_private(path, png))
        charts.append((figure, png))
    written.insert(0, _write_private(folder / CSV, report_csv(report).encode("utf-8")))
    buffer = io.BytesIO()
    build_document(report, marking, charts).save(buffer)
    written.insert(0, _write_private(folder / DOCX, buffer.getvalue()))
    return written


def report_csv(report: Report) -> str:
    """One line per row shown, each figure's total after its rows; the same words and numbers as the document."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(CSV_HEADER)
    writer.writerow((report.period, "Sessions held", "Total", report.sessions.text, ""))
    writer.writerow((report.period, "Workshops run", "Total", report.workshops.text, ""))
    for figure in report.figures:
        for row in figure.rows:
            writer.writerow((report.period, figure.title, row.label, row.text, row.share))
        if figure.total is not None:
            writer.writerow((report.period, figure.title, f"Total: {figure.total.label}", figure.total.text, ""))
    return out.getvalue()


def build_document(report: Report, marking: str, charts):
    w = DocumentWriter()
    w.doc.add_heading(TITLE, level=0)
    w.para(f"Period: {report.period}. {INTRO}")
    w.heading("Summary")
    if report.too_few:
        w.para(f"This period has fewer than {SMALLEST_PERIOD} sessions, so the report shows no breakdowns: "
               f"with so few, a count could point to one practitioner or one case. Choose a longer period.",
               bold=True)
        w.table([("Sessions held", report.sessions.text)])
    else:
        w.table(_summary_rows(report))
    w.para(DOES_NOT_CONTAIN, italic=True)
    w.para(SUPPRESSION_RULE, italic=True)
    if charts:  # the summary is page 1 on its own
        w.doc.add_paragraph().add_run().add_break(WD_BREAK.PAGE)
    for figure, png in charts:
        _figure(w, figure, png)
    w.mark_pages(marking, f"Learning report: {report.period}")
    props = w.doc.core_properties  # no names, nothing python-docx put there
    props.title, props.subject = TITLE, f"Learning report, {report.period}"
    props.author, props.last_modified_by, props.comments, props.keywords = "", "", "", ""
    props.category = w.clean(marking)
    return w.doc


def _summary_rows(report: Report):
    noticed = most_noticed(report)
    rare = least_chosen(report)
    return [
        ("Sessions held", report.sessions.text),
        ("Workshops run", report.workshops.text),
        ("The three patterns most often noticed",
         "\n".join(f"{r.label}: {r.text} sessions ({r.share})" for r in noticed)
         or f"No pattern was noticed in {SMALLEST_SHOWN} or more sessions."),
        ("The themes least chosen", "\n".join(f"{r.label}: {r.text}" for r in rare)),
    ]


def _figure(w: DocumentWriter, figure: ShownFigure, png: bytes) -> None:
    """The chart with its alt text, and beside it the table of the same figures."""
    w.heading(figure.title)
    layout = w.doc.add_table(rows=1, cols=2)
    layout.autofit = False
    left, right = layout.rows[0].cells
    left.width, right.width = CHART_WIDTH, TABLE_WIDTH
    picture = left.paragraphs[0].add_run().add_picture(io.BytesIO(png), width=CHART_WIDTH)
    picture._inline.docPr.set("descr", w.clean(alt_text(figure)))  # what Word and screen readers read
    picture._inline.docPr.set("title", w.clean(figure.title))
    table = right.add_table(rows=0, cols=3 if _has_shares(figure) else 2)
    table.style = "Table Grid"
    header = ("", figure.column, "Share") if _has_shares(figure) else ("", figure.column)
    body: List[Tuple[str, ...]] = [(r.label, r.text, r.share) if _has_shares(figure) else (r.label, r.text)
                                   for r in figure.rows]
    if figure.total is not None:
        body.append((f"Total: {figure.total.label}", figure.total.text) + (("",) if _has_shares(figure) else ()))
    widths = (Cm(4.4), Cm(1.8), Cm(1.3))[:len(header)]
    table.autofit = False
    for column, width in zip(table._tbl.tblGrid.gridCol_lst, widths):  # LibreOffice reads the grid
        column.w = width
    for index, values in enumerate([header] + body):
        for cell, value, width in zip(table.add_row().cells, values, widths):
            cell.width = width
            run = cell.paragraphs[0].add_run(w.clean(value))
            run.bold, run.font.size = index == 0 or None, TABLE_FONT
    if figure.note:
        w.para(figure.note, small=True)
    details = [(r.label, r.detail) for r in figure.rows if r.detail]
    if details:
        w.heading("What the audit found, in the poster's words", level=2)
        w.table(details, header=("Pattern", "The audit's finding (poster text)"))


def _has_shares(figure: ShownFigure) -> bool:
    return any(r.share for r in figure.rows)


def _private_folder(folder: Path) -> Path:
    """Create the folder owner-only; an existing one must be a folder no one else can read."""
    if folder.is_symlink():
        raise ReportFolderError(f"{folder} is a symbolic link: name a real folder")
    if not folder.exists():
        folder.mkdir(mode=0o700, parents=True)
        os.chmod(folder, 0o700)  # mkdir's mode is reduced by the umask
    elif not folder.is_dir():
        raise ReportFolderError(f"{folder} is not a folder")
    elif stat.S_IMODE(folder.stat().st_mode) & 0o077:
        raise ReportFolderError(f"{folder} can be opened by others: name a new folder, or make it owner-only "
                                f"(chmod 700) first")
    return folder


def _write_private(path: Path, data: bytes) -> Path:
    """Owner-only (0600), never half-written (bot/records/document_files.py)."""
    return write_private(path, lambda handle: handle.write(data), ".learning-report-")
