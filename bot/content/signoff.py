"""The sign-off table: every text shown as the audit's, the passage it comes from, and its approval.

A partnership signs the assistant's content line by line. Each row is one text a
practitioner or a record can show as the audit's (a finding's summary, a
pattern's reason, a workshop headline, a wording reason, a quotation, a text
built in the code) or one question and the finding it cites, with the single
poster passage behind it. A paraphrase is shown as the audit's only once a
reviewer has approved its exact words in knowledge/signoff.yml (see
Knowledge.audit_words); the table says which are approved and which are still
shown as the assistant's own wording.

`make knowledge-check` prints the table; `python -m bot signoff` writes it as a
Word document a partnership can read and sign.
"""
from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path
from typing import List, Optional

from bot.content.knowledge import Knowledge, collapse

QUOTE, PARAPHRASE, CITATION, CODE = "quotes the poster", "paraphrase", "question cites", "built in the code"


@dataclass(frozen=True)
class Row:
    key: str  # where the text lives; an approval in signoff.yml names it
    kind: str  # QUOTE, PARAPHRASE, CITATION or CODE
    text: str
    passage: str  # the passage id (sources/), or "" for a text built in the code
    passage_words: str
    status: str


def _status(knowledge: Knowledge, key: str, text: str, passage: str, kind: str) -> str:
    if kind == QUOTE:
        return "the poster's own words: no approval needed"
    approval = next((a for a in knowledge.signoff.approvals if a.key == key), None)
    if approval and collapse(approval.text) == collapse(text) and approval.passage == passage:
        return f"approved by {approval.reviewer} on {approval.date}"
    if kind == CITATION:
        return "to be checked: does the question follow from this finding?"
    return "not approved: shown as the assistant's own wording, beside the poster's words"


def table(knowledge: Knowledge, directory: Optional[Path] = None) -> List[Row]:
    """Every row, in the order a reviewer reads them: findings, patterns, headlines, questions, the rest.

    directory (knowledge/) adds the sentences in other files that quote the poster.
    """
    passages = knowledge.source.passages
    rows: List[Row] = []

    def add(key: str, kind: str, text: str, passage: str) -> None:
        rows.append(Row(key, kind, collapse(text), passage, passages.get(passage, ""),
                        _status(knowledge, key, text, passage, kind)))

    for finding in knowledge.audit.findings:
        pid = knowledge.passage_of(finding.id)
        add(f"audit.yml: findings.{finding.id}.poster_text", QUOTE, finding.poster_text, pid)
        add(f"audit.yml: findings.{finding.id}.summary", PARAPHRASE, finding.summary, pid)
    for n, words in enumerate(knowledge.audit.good_practice, 1):
        pid = next(p for p, t in passages.items() if collapse(t) == collapse(words))
        add(f"audit.yml: good_practice.{n}", QUOTE, words, pid)
    for n, headline in enumerate(knowledge.audit.headlines, 1):
        add(f"audit.yml: headlines.{n}", PARAPHRASE, headline.text, headline.paraphrase_of)
    for pattern in knowledge.patterns:
        pid = knowledge.passage_of(pattern.finding)
        add(f"patterns.yml: {pattern.id}.why", PARAPHRASE, pattern.why, pid)
        if pattern.question:
            add(f"patterns.yml: {pattern.id}.question", CITATION, pattern.question, pid)
    for entry in knowledge.language:
        if entry.paraphrase_of:
            add(f"language.yml: {entry.id}.reason", PARAPHRASE, entry.reason, entry.paraphrase_of)
    for theme in knowledge.themes:
        for n, question in enumerate(theme.questions, 1):
            add(f"themes.yml: {theme.id}.questions.{n}", CITATION, question.ask, knowledge.passage_of(question.finding))
    for toolkit in knowledge.toolkits:
        add(f"toolkits.yml: {toolkit.id}.audit_finding", QUOTE, knowledge.finding(toolkit.audit_finding).poster_text,
            knowledge.passage_of(toolkit.audit_finding))
    if directory is not None:
        rows += _quoted_claims(knowledge, Path(directory))
    for text in knowledge.signoff.python_texts:
        rows.append(Row(f"{text.file}: {text.text!r}", CODE, text.text, "", text.shows,
                        "a reviewer checks what it fills in: " + text.shows))
    return rows


def _quoted_claims(knowledge: Knowledge, directory: Path) -> List[Row]:
    """Sentences elsewhere in knowledge/ that quote the poster as the audit's (vignettes, workshop notes)."""
    from bot.content.provenance import audit_claims, quote_traces
    rows = []
    for name, where, _, sentence in audit_claims(directory):
        pid = quote_traces(sentence, knowledge.source.passages)
        if pid and name not in ("audit.yml", "patterns.yml", "language.yml"):
            key = f"{name}: {'.'.join(map(str, where))}"
            rows.append(Row(key, QUOTE, collapse(sentence), pid, knowledge.source.passages[pid],
                            "the poster's own words: no approval needed"))
    return rows


def as_text(rows: List[Row]) -> str:
    """The table for a reviewer reading the terminal (make knowledge-check)."""
    lines = ["Sign-off table: every text shown as the audit's, the poster passage it comes from, and its approval.",
             f"{sum(r.kind == PARAPHRASE for r in rows)} paraphrases "
             f"({sum(r.kind == PARAPHRASE and r.status.startswith('approved') for r in rows)} approved), "
             f"{sum(r.kind == CITATION for r in rows)} question citations, {sum(r.kind == QUOTE for r in rows)} "
             f"quotations, {sum(r.kind == CODE for r in rows)} texts built in the code.", ""]
    for n, row in enumerate(rows, 1):
        lines.append(f"{n}. [{row.kind}] {row.key}")
        lines.append(f"   shown: {row.text}")
        if row.passage:
            lines.append(f"   poster {row.passage}: {row.passage_words}")
        lines.append(f"   status: {row.status}")
    return "\n".join(lines)


def write_docx(knowledge: Knowledge, path: Path, rows: Optional[List[Row]] = None) -> Path:
    """The table as a Word document a partnership reads and signs, owner-only (it is a draft for review)."""
    from docx import Document
    from docx.shared import Pt

    rows = table(knowledge) if rows is None else rows
    document = Document()
    document.styles["Normal"].font.size = Pt(10)
    document.add_heading("Sign-off: what the assistant shows as the audit's", level=1)
    source = knowledge.audit.source
    document.add_paragraph(
        f"Source: {source.title}, {source.partnership}, {source.date}. Each row is a text a practitioner or a "
        "record can show as the audit's, or a question and the finding it cites, with the one poster passage "
        "behind it. Please read each row against the poster's words, and initial and date the rows you approve. "
        "Approved paraphrases are then entered in knowledge/signoff.yml (reviewer and date); until then the "
        "assistant shows the poster's own words, with the paraphrase marked as its own wording.")
    grid = document.add_table(rows=1, cols=6)
    grid.style = "Table Grid"
    for cell, title in zip(grid.rows[0].cells, ("No.", "Kind and place", "Text shown", "Poster passage",
                                                 "Status", "Reviewer's initials and date")):
        cell.text = title
        for run in cell.paragraphs[0].runs:
            run.bold = True
    for n, row in enumerate(rows, 1):
        cells = grid.add_row().cells
        cells[0].text = str(n)
        cells[1].text = f"{row.kind}: {row.key}"
        cells[2].text = row.text
        cells[3].text = f"{row.passage}: {row.passage_words}" if row.passage else row.passage_words
        cells[4].text = row.status
        cells[5].text = ""
    document.add_paragraph("")
    for line in ("Reviewed for the partnership by (name and role): ", "Signature: ", "Date: "):
        document.add_paragraph(line + "_" * 40)
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "wb") as handle:
        document.save(handle)
    os.chmod(path, 0o600)
    return path
