"""The timeline picture, its alt text, and the record that carries them.

Every history here is invented. Pictures are written to tmp_path.
"""
import os
import stat
import subprocess
import sys
from datetime import date, datetime
from pathlib import Path

import docx
import pytest
from docx.oxml.ns import qn

from bot.modes.supervision.chronology import Chronology
from bot.reading.chronology_reading import Incident, read_entries
from bot.reading.months import Month
from bot.records.document_writer import TIMELINE_TITLE
from bot.records.record_docx import write_record
from bot.records.record_model import ChronologyRecord, QuestionAnswer, Record
from bot.modes.supervision.timeline import (
    MARKERS,
    NO_AGENCY_MARKER,
    agency_styles,
    chronology_record,
    describe_timeline,
    timeline_figure,
    timeline_png,
)

ROOT = Path(__file__).resolve().parents[1]
TODAY = date(2025, 6, 15)
PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"
HISTORY = """plan 1: Mar 2021 to Dec 2021, neglect
plan 2: Feb 2022 to Oct 2022, emotional abuse
plan 3 from Feb 2025 to now, neglect
Jun 2021 police DA callout
Jan 2022 police DA callout
Mar 2022 school reported bruising
Nov 2022 police DA callout
Dec 2022 GP - mum disclosed low mood
Dec 2022 police DA callout
Feb 2023 HV: home conditions poor
Oct 2024 neighbour reported shouting"""


@pytest.fixture(scope="module")
def chronology(knowledge):
    entries, problems = read_entries(HISTORY, knowledge.case_options.agencies, today=TODAY)
    assert problems == []
    return Chronology.from_entries(entries, knowledge.case_options.agencies)


def legend_markers(figure):
    legend = figure.legends[0]
    handles = getattr(legend, "legend_handles", None) or legend.legendHandles  # renamed in 3.7
    return {text.get_text(): handle.get_marker() for text, handle in zip(legend.get_texts(), handles)}


# --------------------------------------------------------------------------
# The picture
# --------------------------------------------------------------------------

def test_draws_a_png_of_the_right_size_in_memory(tmp_path, chronology, monkeypatch):
    import io
    import matplotlib.image

    monkeypatch.chdir(tmp_path)
    data = timeline_png(chronology, today=TODAY)
    assert data[:8] == PNG_SIGNATURE and len(data) > 5_000
    height, width = matplotlib.image.imread(io.BytesIO(data)).shape[:2]
    # 16 x 7 cm at 150 dpi
    assert abs(width - 16 / 2.54 * 150) <= 2 and abs(height - 7 / 2.54 * 150) <= 2
    assert os.listdir(tmp_path) == []  # no file written anywhere near


def test_each_agency_has_its_own_shape_for_greyscale_print(chronology):
    markers = legend_markers(timeline_figure(chronology, today=TODAY))
    assert set(markers) == {"Police", "Education", "GP", "Sirona", "agency not given"}
    assert len(set(markers.values())) == len(markers)
    assert markers["agency not given"] == NO_AGENCY_MARKER


def test_shapes_stay_distinct_with_every_agency(knowledge):
    agencies = knowledge.case_options.agencies
    incidents = [Incident(Month(2024, 1).plus(n), "concern", a.id, "typed") for n, a in enumerate(agencies)]
    incidents.append(Incident(Month(2025, 3), "concern", None, "typed"))
    c = Chronology([], incidents, {a.id: a.label.split(" (")[0] for a in agencies})
    styles = agency_styles(c)
    assert len(styles) == len(agencies) + 1
    assert len({marker for _, marker in styles.values()}) == len(styles)
    assert len(MARKERS) >= len(agencies)
    markers = legend_markers(timeline_figure(c, today=TODAY))
    assert len(set(markers.values())) == len(agencies) + 1


def test_gaps_are_labelled_and_short_ones_stand_out(chronology):
    figure = timeline_figure(chronology, today=TODAY)
    texts = {t.get_text(): t for t in figure.axes[0].texts}
    assert "2 months" in texts and "28 months" in texts
    assert texts["2 months"].get_fontweight() == "bold"
    assert texts["28 months"].get_fontweight() == "normal"
    assert "still open" in texts
    assert any(t.startswith("Plan 1") for t in texts)
    for text in figure.axes[0].texts + figure.axes[0].get_xticklabels():
        assert text.get_fontsize() >= 6


def test_empty_chronology_still_draws():
    assert timeline_png(Chronology(), today=TODAY)[:8] == PNG_SIGNATURE
    assert describe_timeline(Chronology(), today=TODAY) == "Timeline: no plans or incidents were given."


def test_short_history_draws(tmp_path, knowledge):
    entries, _ = read_entries("plan 1 Jan 2025 - Mar 2025 neglect\nFeb 2025 police callout\n"
                              "Feb 2025 school concern\nFeb 2025 GP letter\nFeb 2025 HV visit\n"
                              "Feb 2025 police again", knowledge.case_options.agencies, today=TODAY)
    c = Chronology.from_entries(entries, knowledge.case_options.agencies)
    assert timeline_png(c, today=TODAY)[:8] == PNG_SIGNATURE


def test_importing_bot_does_not_import_matplotlib():
    code = ("import sys, bot.modes.supervision.timeline, bot.modes.supervision.chronology; "
            "print('matplotlib' in sys.modules)")
    result = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True,
                            check=True)
    assert result.stdout.strip() == "False"


def test_alt_text_describes_plans_gaps_and_incidents(chronology):
    text = describe_timeline(chronology, today=TODAY)
    assert text.startswith("Timeline from March 2021 to June 2025.")
    assert ("3 child protection plans: plan 1, March 2021 to December 2021 (neglect); "
            "plan 2, February 2022 to October 2022 (emotional abuse); "
            "plan 3, from February 2025, still open (neglect).") in text
    assert "Gaps: 2 months between plan 1 and plan 2; 28 months between plan 2 and plan 3." in text
    assert "8 incidents (4 Police, 1 Education, 1 GP, 1 Sirona, 1 with no agency given): " \
           "2 during a plan, 6 outside a plan." in text


# --------------------------------------------------------------------------
# The record
# --------------------------------------------------------------------------

STUCK = [
    QuestionAnswer("What has been tried, when, and did the change last?",
                   "Parenting course 2021, finished.\nChange lasted about 3 months."),
    QuestionAnswer("What would have to be different this time?", "Dad's voice \u2014 not heard yet; "
                   "ask \"him\" directly <not via mum>."),
    QuestionAnswer("How are you feeling about this case?", None, skipped=True),
]


def record_with(chronology_record_, stuck=STUCK):
    return Record(created_at=datetime(2026, 11, 27, 14, 5), case_reference="TEST-0002",
                  stuck_review=list(stuck), chronology=chronology_record_)


def test_record_holds_the_picture_with_alt_text_and_the_stuck_answers(tmp_path, chronology):
    summary = chronology_record(chronology, today=TODAY)
    assert summary.entries_readback == chronology.readback()
    assert summary.flags == [f.text for f in chronology.flags(today=TODAY)]
    picture_bytes = summary.image_png

    path = write_record(record_with(summary), tmp_path / "records",
                        now=datetime(2026, 11, 27, 14, 5, 9))
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert os.listdir(path.parent) == [path.name]

    document = docx.Document(str(path))
    assert len(document.inline_shapes) == 1
    doc_pr = document.inline_shapes[0]._inline.docPr
    assert doc_pr.get("descr") == summary.alt_text
    assert doc_pr.get("title") == TIMELINE_TITLE
    blip = document.inline_shapes[0]._inline.graphic.graphicData.pic.blipFill.blip
    assert document.part.related_parts[blip.get(qn("r:embed"))].blob == picture_bytes
    section = document.sections[0]
    assert document.inline_shapes[0].width <= section.page_width - section.left_margin - section.right_margin

    paragraphs = [p.text for p in document.paragraphs]
    for qa in STUCK[:2]:
        assert qa.question in paragraphs
        assert qa.answer in paragraphs
    assert "Skipped" in paragraphs
    assert chronology.readback() in paragraphs  # one entry a line, in one paragraph
    bullets = [p.text for p in document.paragraphs if p.style.name == "List Bullet"]
    assert bullets == summary.flags
    assert any(f.startswith("Only 2 months between plan 1") for f in bullets)


def test_new_sections_come_after_themes(tmp_path, chronology):
    summary = chronology_record(chronology, today=TODAY)
    path = write_record(record_with(summary), tmp_path / "records")
    document = docx.Document(str(path))
    level1 = [p.text for p in document.paragraphs if p.style.name == "Heading 1"]
    at = level1.index("Themes discussed")
    assert level1[at + 1:at + 4] == ["Stuck case review", "Chronology", "The child's lived experience"]
    level2 = [p.text for p in document.paragraphs if p.style.name == "Heading 2"]
    assert level2[:2] == ["What the history shows", "Timeline"]


def test_an_unreadable_picture_does_not_stop_the_save(tmp_path):
    summary = ChronologyRecord("Incident: May 2024, callout (Police).", ["A flag."],
                               b"not a picture", "Timeline from May 2024 to May 2024.")
    path = write_record(record_with(summary, stuck=[]), tmp_path / "records")
    document = docx.Document(str(path))
    paragraphs = [p.text for p in document.paragraphs]
    assert len(document.inline_shapes) == 0
    assert "The timeline picture could not be added." in paragraphs
    assert "Incident: May 2024, callout (Police)." in paragraphs
    assert "A flag." in paragraphs
    assert "Stuck case review" not in paragraphs


def test_chronology_without_picture(tmp_path):
    summary = ChronologyRecord("", [], None, "")
    document = docx.Document(str(write_record(record_with(summary, stuck=[]), tmp_path)))
    paragraphs = [p.text for p in document.paragraphs]
    assert "Chronology" in paragraphs and "Timeline" not in paragraphs
    assert "No plans or incidents were recorded." in paragraphs


def test_alt_text_with_characters_word_cannot_store(tmp_path, chronology):
    summary = chronology_record(chronology, today=TODAY)
    summary.alt_text = "Timeline\x00 with a control character"
    document = docx.Document(str(write_record(record_with(summary), tmp_path / "records")))
    assert document.inline_shapes[0]._inline.docPr.get("descr") == "Timeline\ufffd with a control character"


def test_alt_text_for_incidents_with_no_plans():
    entries, _ = read_entries("May 2024 police DA callout\nJun 2024 school reported bruising",
                              [("police", ["police"]), ("education", ["school"])])
    text = describe_timeline(Chronology.from_entries(entries))
    assert "incident" in text.lower() and "2024" in text
