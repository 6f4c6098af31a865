"""`python -m bot signoff` writes the sign-off table a partnership signs; `python -m bot check` prints it.

Run as a maintainer would (a subprocess), and the Word document read back:
every text shown as the audit's and every question's cited passage must be in
it, so nothing reaches a practitioner as the audit's without a line to sign.
"""
import os
import stat
import subprocess
import sys
from pathlib import Path

from docx import Document

from bot.content import signoff

ROOT = Path(__file__).resolve().parent.parent
ENV = {**os.environ, "PYTHONPATH": str(ROOT), "SQLALCHEMY_SILENCE_UBER_WARNING": "1"}


def run(*args):
    return subprocess.run([sys.executable, "-m", "bot", *args], cwd=ROOT, env=ENV, capture_output=True, text=True,
                          timeout=300)


def cells(path):
    table = Document(str(path)).tables[0]
    return [[cell.text for cell in row.cells] for row in table.rows]


def test_the_document_holds_every_shown_audit_text_and_question_citation(tmp_path, knowledge):
    out = tmp_path / "review" / "signoff.docx"
    result = run("signoff", "--out", str(out))
    assert result.returncode == 0, result.stderr
    assert stat.S_IMODE(out.stat().st_mode) == 0o600  # a draft for review: owner-only
    rows = cells(out)
    assert rows[0][-1] == "Reviewer's initials and date"
    shown = {row[2] for row in rows[1:]}
    passages = {row[2]: row[3] for row in rows[1:]}
    for finding in knowledge.audit.findings:
        assert finding.summary in shown and finding.poster_text in shown
        assert passages[finding.summary] == f"{knowledge.passage_of(finding.id)}: {finding.poster_text}"
    for pattern in knowledge.patterns:
        assert passages[pattern.why].startswith(knowledge.passage_of(pattern.finding) + ":")
    for headline in knowledge.audit.headlines:
        assert passages[headline.text].startswith(headline.paraphrase_of + ":")
    for theme in knowledge.themes:
        for question in theme.questions:  # each question beside the finding it cites
            assert passages[question.ask].startswith(knowledge.passage_of(question.finding) + ":")
    for text in knowledge.signoff.python_texts:
        assert text.text in shown
    unapproved = [row for row in rows[1:] if row[1].startswith(signoff.PARAPHRASE)]
    assert unapproved and all("shown as the assistant's own wording" in row[4] for row in unapproved)
    paragraphs = "\n".join(p.text for p in Document(str(out)).paragraphs)
    assert "Reviewed for the partnership by" in paragraphs and "Signature" in paragraphs


def test_the_knowledge_check_prints_the_table_for_a_reviewer(knowledge):
    result = run("check")
    assert result.returncode == 0, result.stderr
    assert "Sign-off table" in result.stdout
    for finding in knowledge.audit.findings:
        assert f"audit.yml: findings.{finding.id}.summary" in result.stdout
        assert finding.summary in result.stdout
    assert "status: not approved: shown as the assistant's own wording" in result.stdout
