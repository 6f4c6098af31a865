"""The saved record and workshop pack as a reader sees them: opened in LibreOffice.

Each document is converted to PDF by LibreOffice (as a practitioner opening it
would lay it out), then poppler reads page 1 back. Page 1 must place a printed
page on its own: the protective marking, the case reference, "Page 1 of N",
and the first-page "At a glance" summary. A picture of page 1 is kept in
results/ for people to look at.

Without LibreOffice and poppler these tests are skipped on a developer's machine
(`make office` installs them, as root) and fail in CI.
"""
from __future__ import annotations

import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest

from bot.records.record_docx import write_record
from bot.modes.workshop.workshop_pack import write_pack
from tests.test_record_docx import WHEN, full_record
from tests.test_workshop_pack import PLAN, WHEN as PACK_WHEN, points_for

ROOT = Path(__file__).resolve().parent.parent
TOOLS = ("soffice", "pdftotext", "pdfinfo", "pdftoppm")


@pytest.fixture(scope="module", autouse=True)
def need_office():
    missing = [tool for tool in TOOLS if not shutil.which(tool)]
    if not missing:
        return
    why = f"{', '.join(missing)} missing: `make office` installs LibreOffice Writer and poppler-utils."
    if os.environ.get("CI") == "true":
        pytest.fail(why)
    pytest.skip(why)


def as_pdf(document: Path, workdir: Path) -> Path:
    # a profile of its own, so a desktop LibreOffice or another test run never gets in the way
    subprocess.run(["soffice", "--headless", f"-env:UserInstallation=file://{workdir}/lo-profile",
                    "--convert-to", "pdf", "--outdir", str(workdir), str(document)],
                   check=True, capture_output=True, timeout=180)
    pdf = workdir / (document.stem + ".pdf")
    assert pdf.is_file(), "LibreOffice did not write a PDF"
    return pdf


def pdf_info(pdf: Path) -> str:
    return subprocess.run(["pdfinfo", str(pdf)], check=True, capture_output=True, text=True).stdout


def page_count(pdf: Path) -> int:
    return int(re.search(r"^Pages:\s+(\d+)", pdf_info(pdf), re.MULTILINE).group(1))


def is_a4(pdf: Path) -> bool:
    """pdfinfo names the paper size ("... pts (A4)"); A4 is what English councils print on."""
    return re.search(r"^Page size:.*\(A4\)", pdf_info(pdf), re.MULTILINE) is not None


def page_text(pdf: Path, page: int) -> str:
    """A page's words in reading order, on one line: a table cell's text wraps, its words do not."""
    text = subprocess.run(["pdftotext", "-f", str(page), "-l", str(page), str(pdf), "-"],
                          check=True, capture_output=True, text=True).stdout
    return " ".join(text.split())


def keep_picture(pdf: Path, name: str) -> Path:
    """Page 1 as a small PNG in results/, as the web test keeps a screenshot."""
    results = ROOT / "results"
    results.mkdir(exist_ok=True)
    subprocess.run(["pdftoppm", "-png", "-r", "60", "-f", "1", "-l", "1", "-singlefile", str(pdf),
                    str(results / name)], check=True, capture_output=True, timeout=60)
    picture = results / f"{name}.png"
    assert picture.is_file() and picture.stat().st_size > 1000
    return picture


def test_the_record_opens_in_libreoffice_marked_numbered_and_summarised_on_page_1(tmp_path):
    record = full_record(pattern_titles=["Repeat plans"])
    pdf = as_pdf(write_record(record, tmp_path / "records", now=WHEN), tmp_path)
    pages = page_count(pdf)
    assert pages >= 2 and is_a4(pdf), pdf_info(pdf)
    first = page_text(pdf, 1)
    assert "OFFICIAL-SENSITIVE" in first
    assert "Case reference: TEST-0001" in first
    assert "27 November 2026" in first
    assert re.search(rf"Page 1 of {pages}\b", first), first
    assert "At a glance" in first
    for summary in ("Safety scale (0 to 10)", "Escalation needed?", "Immediate danger raised",
                    "Book a health review", "Repeat plans"):
        assert summary in first, summary
    last = page_text(pdf, pages)
    assert f"Page {pages} of {pages}" in last and "OFFICIAL-SENSITIVE" in last
    keep_picture(pdf, "record-page-1")


def test_the_workshop_pack_carries_the_same_marking_and_page_numbers(tmp_path):
    pdf = as_pdf(write_pack(PLAN, points_for(PLAN), tmp_path / "packs", now=PACK_WHEN), tmp_path)
    pages = page_count(pdf)
    assert pages >= 2 and is_a4(pdf), pdf_info(pdf)
    for number in (1, pages):
        text = page_text(pdf, number)
        assert "OFFICIAL-SENSITIVE" in text
        assert f"Page {number} of {pages}" in text
    assert "4 March 2026" in page_text(pdf, 1)
    keep_picture(pdf, "workshop-pack-page-1")
