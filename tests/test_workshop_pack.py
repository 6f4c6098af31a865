"""The workshop pack: real Word files written to tmp_path and read back with python-docx."""
from __future__ import annotations

import os
import shutil
import stat
import subprocess
from datetime import datetime
from pathlib import Path
from typing import List, Tuple

import docx
import pytest
from docx.oxml.ns import qn
from docx.text.paragraph import Paragraph
from hypothesis import HealthCheck, given, settings, strategies as st

from bot.records import document_files
from bot.records.document_writer import xml_safe
from bot.modes.workshop.workshop_plan import plan_workshop
from bot.modes.workshop.workshop_pack import write_pack
from tests.content import CONTENT, KNOWLEDGE

ROOT = Path(__file__).resolve().parent.parent
WHEN = datetime(2026, 3, 4, 9, 30, 5)
PLAN = plan_workshop(CONTENT, KNOWLEDGE, 120, "multi_agency")  # four themes and a break


def points_for(plan) -> dict:
    """Invented points, each different, some with awkward characters and command words in passing."""
    return {item.id: [f"Point A for {item.id}: the group felt the plan closed too soon; next time ask school.",
                      f"Point B for {item.id} – “quotes”, émigré, 50% & <tags>\nsecond line; save the chronology."]
            for item in plan.items if item.kind != "break"}


def paragraphs_around_page_break(path: Path) -> Tuple[List[str], List[str]]:
    """(facilitator notes, handout): paragraph and table text before and after the page break."""
    document = docx.Document(str(path))
    before: List[str] = []
    after: List[str] = []
    target = before
    for block in document.element.body.iterchildren():
        if block.tag == qn("w:p"):
            if any(br.get(qn("w:type")) == "page" for br in block.iter(qn("w:br"))):
                target = after
                continue
            target.append(Paragraph(block, document).text)
        elif block.tag == qn("w:tbl"):
            target += ["".join(t.text or "" for t in cell.iter(qn("w:t"))) for cell in block.iter(qn("w:tc"))]
    return before, after


def full_text(path: Path) -> str:
    document = docx.Document(str(path))
    parts = [p.text for p in document.paragraphs]
    for table in document.tables:
        for row in table.rows:
            parts += [cell.text for cell in row.cells]
    return "\n".join(parts)


def test_the_pack_holds_every_point_verbatim_with_the_timings(tmp_path):
    points = points_for(PLAN)
    path = write_pack(PLAN, points, tmp_path, now=WHEN)
    text = full_text(path)
    for item_points in points.values():
        for point in item_points:
            assert point in text
    for item in PLAN.items:
        assert f"{item.title}" in text
        assert f"({item.minutes} minutes)" in text
    assert "0:00 to 0:14" in text and "1:46 to 2:00" in text  # opening and close of two hours
    assert "4 March 2026, 09:30" in text


def test_facilitator_notes_then_a_handout_after_a_page_break(tmp_path):
    points = points_for(PLAN)
    notes, handout = paragraphs_around_page_break(write_pack(PLAN, points, tmp_path, now=WHEN))
    notes_text, handout_text = "\n".join(notes), "\n".join(handout)
    assert "Facilitator notes" in notes_text and "What the group said" in notes_text
    assert handout and handout[0] == "Learning from repeat child protection plans"
    for item in PLAN.theme_items():
        assert item.key_message in handout_text
        assert item.vignette.text in notes_text and item.vignette.text not in handout_text
        for question in item.questions:
            assert question not in handout_text
    for toolkit in PLAN.toolkits():
        for link in toolkit.links:
            assert link.url in handout_text
    for item_points in points.values():
        for point in item_points:
            assert point.splitlines()[0] not in handout_text
    for facilitator_only in ("For the facilitator", "What the group said", "Vignette", "minutes"):
        assert facilitator_only not in handout_text
    for headline in KNOWLEDGE.headline_texts:  # approved paraphrases, else the poster passages
        assert headline in handout_text


def test_the_handout_is_short_enough_for_one_page(tmp_path):
    _, handout = paragraphs_around_page_break(write_pack(PLAN, {}, tmp_path, now=WHEN))
    assert len(" ".join(handout).split()) < 500


@pytest.mark.skipif(not (shutil.which("soffice") and shutil.which("pdftotext")),
                    reason="LibreOffice and pdftotext are needed to count pages")
def test_the_handout_fits_on_one_page_in_libreoffice(tmp_path):
    path = write_pack(PLAN, points_for(PLAN), tmp_path, now=WHEN)
    subprocess.run(["soffice", "--headless", f"-env:UserInstallation=file://{tmp_path}/lo",
                    "--convert-to", "pdf", "--outdir", str(tmp_path), str(path)],
                   check=True, capture_output=True, timeout=120)
    pages = subprocess.run(["pdftotext", "-layout", str(path.with_suffix(".pdf")), "-"], check=True,
                           capture_output=True, text=True).stdout.split("\f")
    pages = [p for p in pages if p.strip()]
    handout_pages = [n for n, page in enumerate(pages) if "Learning from repeat child protection plans" in page
                     and "Key messages" in page]
    assert handout_pages == [len(pages) - 1], "the handout should be the last page, and one page"


def test_items_without_points_say_so(tmp_path):
    text = full_text(write_pack(PLAN, {}, tmp_path, now=WHEN))
    assert text.count("No points noted.") == len(PLAN.items)


def test_points_for_unknown_parts_are_kept(tmp_path):
    text = full_text(write_pack(PLAN, {"theme.gone": ["a point from a part no longer planned"]}, tmp_path,
                                now=WHEN))
    assert "Other points" in text and "a point from a part no longer planned" in text


def test_characters_word_cannot_store_are_replaced_and_noted(tmp_path):
    text = full_text(write_pack(PLAN, {"opening": ["bell\x07 and nul\x00 here"]}, tmp_path, now=WHEN))
    assert "bell\ufffd and nul\ufffd here" in text
    assert "could not be stored in Word" in text


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.text(min_size=1, max_size=300))
def test_any_text_reaches_the_pack(tmp_path, point):
    folder = tmp_path / f"any-{abs(hash(point))}"
    path = write_pack(PLAN, {"close": [point]}, folder, now=WHEN)
    kept = xml_safe(point)[0].replace("\r\n", "\n").replace("\r", "\n")
    assert kept in full_text(path)


def test_file_name_permissions_and_no_overwriting(tmp_path):
    folder = tmp_path / "packs"
    first = write_pack(PLAN, {}, folder, now=WHEN)
    second = write_pack(PLAN, {}, folder, now=WHEN)
    assert first.name == "workshop-pack-20260304-093005.docx"
    assert second.name == "workshop-pack-20260304-093005-2.docx"
    assert stat.S_IMODE(folder.stat().st_mode) == 0o700
    assert stat.S_IMODE(first.stat().st_mode) == 0o600
    assert sorted(os.listdir(folder)) == sorted([first.name, second.name])


def test_no_names_in_the_files_metadata(tmp_path):
    props = docx.Document(str(write_pack(PLAN, {}, tmp_path, now=WHEN))).core_properties
    assert props.author == "" and props.last_modified_by == "" and props.title == "Workshop pack"


def test_a_failed_save_leaves_nothing(tmp_path, monkeypatch):
    def broken_replace(src, dst):
        raise OSError("rename failed")

    monkeypatch.setattr(document_files.os, "replace", broken_replace)
    with pytest.raises(OSError):
        write_pack(PLAN, {}, tmp_path, now=WHEN)
    assert os.listdir(tmp_path) == []


def test_unconfirmed_addresses_carry_the_one_caution_and_notes_stay_out(tmp_path):
    plan = plan_workshop(CONTENT, KNOWLEDGE, 90, "new_workers", ["domestic_abuse", "neglect"])
    text = full_text(write_pack(plan, {}, tmp_path, now=WHEN))
    unconfirmed = [l for t in KNOWLEDGE.toolkits for l in t.links if not l.confirmed]
    assert unconfirmed
    for link in unconfirmed:
        assert f"{link.title}: {link.url} (check this link with your team before relying on it)" in text
    notes = [l.note for t in KNOWLEDGE.toolkits for l in t.links if l.note]
    assert not any(note in text for note in notes)
