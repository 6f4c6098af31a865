"""Tests for the Word writer: real files written to tmp_path and read back.

All names and references are invented.
"""
import os
import stat
import sys
from datetime import datetime
from pathlib import Path

import docx
import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bot.records import document_files  # noqa: E402
from bot.records.document_writer import xml_safe  # noqa: E402
from bot.records.record_docx import safe_reference, write_record  # noqa: E402
from bot.records.record_model import (  # noqa: E402
    ActionItem,
    QuestionAnswer,
    Record,
    ThemeSection,
    ToolkitConsidered,
    ToolkitLink,
)

WHEN = datetime(2026, 11, 27, 14, 5, 9)
NOTE = "Some characters could not be stored in Word and were replaced with \ufffd."
SECTIONS = [
    "At a glance",
    "Case context",
    "Themes discussed",
    "The child's lived experience",
    "Signs of Safety mapping",
    "Actions",
    "Decisions and rationale",
    "Safety scale",
    "Escalation and professional dissent",
    "Toolkits considered",
    "Patterns noticed",
    "Recording reminders",
    "Immediate danger raised during the session",
    "Sign-off",
]


def qa(question, answer, **kw):
    return QuestionAnswer(question=question, answer=answer, **kw)


def full_record(**overrides):
    record = Record(
        created_at=datetime(2026, 11, 27, 14, 5),
        case_reference="TEST-0001",
        worker="Sam Example",
        supervisor="Alex Sample",
        case_context=[("Stage", "Child in need"), ("Children", "Two, aged 4 and 9")],
        themes=[
            ThemeSection("voice", "Voice of the child", [
                qa("How did you hear from the child?", "Visited alone at school.",
                   source="Direct work was not always recorded."),
                qa("What did the child say?", None, skipped=True),
            ]),
            ThemeSection("drift", "Drift and delay", [
                qa("What has changed since the last plan?", None),
            ]),
        ],
        lived_experience=[qa("What is a day like for the child?",
                             "Gets self to school.\nOften hungry by lunch.")],
        worried_about=qa("Worried?", "Missed health appointments."),
        working_well=qa("Working well?", "Grandparent does the school run."),
        needs_to_happen=None,
        actions=[ActionItem("Book a health review", "Sam Example", "5 December 2026"),
                 ActionItem("Speak to the school nurse", None, None)],
        decisions=[qa("What did you decide and why?", "Stay at child in need for now.")],
        safety_scale=qa("Where on the scale?", "6"),
        safety_reason=qa("Why that number?", "Attendance has improved."),
        escalation=[qa("Do you disagree with any decision?", "No.")],
        toolkits=[
            ToolkitConsidered("neglect", "Neglect toolkit",
                              [ToolkitLink("Graded care profile", "https://example.org/gcp")],
                              "Used it at the last visit."),
            ToolkitConsidered("cse", "Exploitation toolkit", []),
        ],
        patterns_noticed=["Appointments missed in school holidays."],
        recording_reminders=["Record the child's words as said."],
        urgent_concerns=[(datetime(2026, 11, 27, 14, 20), "Parent said they would hurt the baby.")],
    )
    for key, value in overrides.items():
        setattr(record, key, value)
    return record


def read_back(path):
    """All text in document order: paragraphs, then every table cell."""
    document = docx.Document(str(path))
    paragraphs = [p.text for p in document.paragraphs]
    cells = [c.text for t in document.tables for row in t.rows for c in row.cells]
    return document, paragraphs, cells, "\n".join(paragraphs + cells)


def save_with_answer(tmp_path, answer):
    record = full_record(decisions=[qa("What did you decide?", answer)])
    return write_record(record, tmp_path / "out", now=WHEN)


def test_full_record_saves_everything_verbatim(tmp_path):
    record = full_record()
    path = write_record(record, tmp_path / "records", now=WHEN)
    assert path.name == "supervision-TEST-0001-20261127-140509.docx"
    document, paragraphs, cells, text = read_back(path)

    answers = [i.answer for t in record.themes for i in t.items if i.answer]
    answers += [i.answer for i in record.lived_experience + record.decisions + record.escalation]
    answers += [record.worried_about.answer, record.working_well.answer,
                record.safety_scale.answer, record.safety_reason.answer]
    for answer in answers:
        assert answer in paragraphs
    action_rows = [[c.text for c in row.cells] for row in document.tables[3].rows]
    assert action_rows == [["Action", "Owner", "By when"],
                           ["Book a health review", "Sam Example", "5 December 2026"],
                           ["Speak to the school nurse", "Not given", "Not given"]]
    assert "Used it at the last visit." in paragraphs
    assert "Graded care profile: https://example.org/gcp" in paragraphs
    assert "Not discussed" in paragraphs
    assert "From the audit: Direct work was not always recorded." in paragraphs
    assert "Skipped" in paragraphs and "Not answered" in paragraphs
    assert "27 November 2026, 14:05" in cells
    for value in ("Sam Example", "Alex Sample", "TEST-0001", "Child in need"):
        assert value in cells
    assert "Parent said they would hurt the baby." in paragraphs
    assert "27 November 2026, 14:20" in paragraphs
    assert any("urgent action" in p for p in paragraphs)
    assert any(p.startswith("Worker signature") for p in paragraphs)
    assert any(p.startswith("Supervisor signature") for p in paragraphs)
    assert any("disclosed" in p and "court" in p for p in paragraphs)
    assert "Saved before every question was answered." not in text
    assert NOTE not in text


def test_headings_in_order_with_word_styles(tmp_path):
    path = write_record(full_record(), tmp_path, now=WHEN)
    document = docx.Document(str(path))
    level1 = [p.text for p in document.paragraphs if p.style.name == "Heading 1"]
    assert level1 == SECTIONS
    level2 = [p.text for p in document.paragraphs if p.style.name == "Heading 2"]
    assert level2 == ["Voice of the child", "Drift and delay", "What are we worried about?",
                      "The family's strengths and existing safety",
                      "What is working well in the professional network?", "What needs to happen?",
                      "Neglect toolkit", "Exploitation toolkit"]
    assert document.paragraphs[0].text == "Reflective supervision record"
    assert document.paragraphs[0].style.name == "Title"
    props = document.core_properties
    assert props.title == "Reflective supervision record"
    assert props.author == "Sam Example"  # the name the practitioner gave
    assert props.subject == "Case reference TEST-0001"
    assert props.category == "OFFICIAL-SENSITIVE"
    assert props.last_modified_by == "" and props.comments == "" and props.keywords == ""


def test_optional_sections_left_out_and_incomplete_shown(tmp_path):
    record = full_record(patterns_noticed=[], recording_reminders=[], urgent_concerns=[],
                         actions=[], incomplete=True, worker=None, case_reference=None)
    path = write_record(record, tmp_path, now=WHEN)
    assert path.name == "supervision-no-reference-20261127-140509.docx"
    document, paragraphs, cells, _ = read_back(path)
    headings = [p.text for p in document.paragraphs if p.style.name == "Heading 1"]
    assert "Patterns noticed" not in headings
    assert "Recording reminders" not in headings
    assert "Immediate danger raised during the session" not in headings
    assert "Saved before every question was answered." in paragraphs
    assert "No actions recorded" in cells
    assert "Not given" in cells


@pytest.mark.parametrize("answer", [
    "x" * 20_000,
    "Feeling 😀👶🏽 today ❤️",
    "مرحبا بالعالم — שלום עולם",
    "<script>alert(1)</script>",
    "Robert'); DROP TABLE students;--",
    "# Heading\n\n* **bold** _italic_ [link](http://example.org)\n\n| a | b |",
    "  leading and trailing spaces  \tand a tab",
])
def test_unusual_text_kept_verbatim(tmp_path, answer):
    _, paragraphs, _, text = read_back(save_with_answer(tmp_path, answer))
    assert answer in paragraphs
    assert NOTE not in text


def test_line_breaks_preserved(tmp_path):
    _, paragraphs, _, _ = read_back(save_with_answer(tmp_path, "one\r\ntwo\rthree\nfour"))
    assert "one\ntwo\nthree\nfour" in paragraphs


def test_control_characters_replaced_and_noted(tmp_path):
    answer = "before\x00a\x07b\x1bc\ud800after"
    record = full_record(decisions=[qa("What did you decide?", answer)],
                         worker="Sam\x0bExample")
    _, paragraphs, cells, _ = read_back(write_record(record, tmp_path, now=WHEN))
    assert "before\ufffda\ufffdb\ufffdc\ufffdafter" in paragraphs
    assert "Sam\ufffdExample" in cells
    assert paragraphs[-1] == NOTE


def test_xml_safe():
    assert xml_safe("tab\tnew\nline\r ok 😀 \u202e") == ("tab\tnew\nline\r ok 😀 \u202e", False)
    assert xml_safe("a\x00b\ufffe\uffff\udfff") == ("a\ufffdb\ufffd\ufffd\ufffd", True)


@pytest.mark.parametrize("given, expected", [
    ("TEST-0001", "TEST-0001"),
    ("../../etc/passwd", "etc-passwd"),
    ("a/b\\c:d", "a-b-c-d"),
    ("  ", "no-reference"),
    (None, "no-reference"),
    ("...", "no-reference"),
    ("Café 12", "Caf-12"),
    ("A" * 60, "A" * 40),
    ("\x1b[31mAB-1234\x1b[0m", "AB-1234"),  # a colour code goes whole, no "31m" left in the name
    ("AB\u202e4321-", "AB4321"),
    ("9" * 255, "9" * 40),
])
def test_safe_reference(given, expected):
    assert safe_reference(given) == expected


@pytest.mark.parametrize("reference", ["../../etc/passwd", "a/b\\c:d", "/abs/path", ".."])
def test_reference_cannot_escape_folder(tmp_path, reference):
    folder = tmp_path / "records"
    path = write_record(full_record(case_reference=reference), folder, now=WHEN)
    assert path.parent == folder
    assert path.resolve().parent == folder.resolve()
    assert os.listdir(folder) == [path.name]


def test_permissions(tmp_path):
    folder = tmp_path / "new" / "records"
    path = write_record(full_record(), folder, now=WHEN)
    assert stat.S_IMODE(folder.stat().st_mode) == 0o700
    assert stat.S_IMODE(path.stat().st_mode) == 0o600


def test_same_second_gets_new_name(tmp_path):
    first = write_record(full_record(), tmp_path, now=WHEN)
    second = write_record(full_record(), tmp_path, now=WHEN)
    third = write_record(full_record(), tmp_path, now=WHEN)
    assert first.name == "supervision-TEST-0001-20261127-140509.docx"
    assert second.name == "supervision-TEST-0001-20261127-140509-2.docx"
    assert third.name == "supervision-TEST-0001-20261127-140509-3.docx"
    assert sorted(os.listdir(tmp_path)) == sorted([first.name, second.name, third.name])


def test_failed_save_leaves_nothing(tmp_path, monkeypatch):
    def broken_save(self, target):
        target.write(b"partial")
        raise OSError("disk full")

    monkeypatch.setattr(docx.document.Document, "save", broken_save)
    folder = tmp_path / "records"
    with pytest.raises(OSError):
        write_record(full_record(), folder, now=WHEN)
    assert os.listdir(folder) == []


def test_failed_rename_leaves_nothing(tmp_path, monkeypatch):
    def broken_replace(src, dst):
        raise OSError("rename failed")

    monkeypatch.setattr(document_files.os, "replace", broken_replace)
    with pytest.raises(OSError):
        write_record(full_record(), tmp_path, now=WHEN)
    assert os.listdir(tmp_path) == []


# ----- marking, page numbers, properties and the first-page summary ---------------


def header_footer(document):
    section = document.sections[0]
    header = [p.text for p in section.header.paragraphs]
    footer_xml = section.footer._element.xml
    footer = [p.text for p in section.footer.paragraphs]
    return header, footer, footer_xml


def test_every_page_carries_the_marking_reference_date_and_page_fields(tmp_path):
    document = docx.Document(str(write_record(full_record(), tmp_path, now=WHEN)))
    header, footer, footer_xml = header_footer(document)
    assert header[0] == "OFFICIAL-SENSITIVE"
    assert header[1] == "Case reference: TEST-0001    Date: 27 November 2026, 14:05"
    assert footer[-1] == "OFFICIAL-SENSITIVE"
    # "Page X of Y" as Word fields, so Word and LibreOffice number the pages themselves
    assert footer[0].startswith("Page ") and " of " in footer[0]
    assert "PAGE" in footer_xml and "NUMPAGES" in footer_xml
    assert footer_xml.count('w:fldCharType="begin"') == 2
    assert footer_xml.index(" PAGE ") < footer_xml.index(" NUMPAGES ")


def test_marking_comes_from_the_record(tmp_path):
    record = full_record(marking="OFFICIAL")
    document = docx.Document(str(write_record(record, tmp_path, now=WHEN)))
    header, footer, _ = header_footer(document)
    assert header[0] == "OFFICIAL" and footer[-1] == "OFFICIAL"
    assert document.core_properties.category == "OFFICIAL"


BIDI_AND_CONTROLS = "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\u200e\u200f\u061c\x1b\x9b\x85"


@pytest.mark.parametrize("reference, shown", [
    ("\x1b[31mAB-\u202e1234\x1b[0m\u2066", "AB-1234"),  # ANSI colour, right-to-left override, isolate
    ("\u200fCASE\x07 \x9b2J77\u061c", "CASE 77"),  # direction mark, BEL, 8-bit CSI, Arabic letter mark
])
def test_control_and_direction_characters_never_reach_the_header_or_properties(tmp_path, reference, shown):
    """A right-to-left override would make the header and File > Info show the reference reversed;
    escape codes are noise there. The record says the reference without them."""
    document = docx.Document(str(write_record(full_record(case_reference=reference), tmp_path, now=WHEN)))
    header, _, _ = header_footer(document)
    assert header[1] == f"Case reference: {shown}    Date: 27 November 2026, 14:05"
    assert document.core_properties.subject == f"Case reference {shown}"
    table = document.tables[0]
    assert [c.text for c in table.rows[3].cells] == ["Case reference", shown]
    every_text = "\n".join(header + [document.core_properties.subject] + [p.text for p in document.paragraphs])
    assert not any(ch in every_text for ch in BIDI_AND_CONTROLS)


def test_a_255_character_reference_and_name_still_give_a_record(tmp_path):
    """Word's properties hold at most 255 characters: a longest reference (or name) once failed every save."""
    reference, worker = "AB-" + "9" * 252, "Sam " + "Example" * 40
    path = write_record(full_record(case_reference=reference, worker=worker), tmp_path, now=WHEN)
    assert len(path.name) <= len("supervision-") + 40 + len("-20261127-140509.docx")
    document = docx.Document(str(path))
    header, _, _ = header_footer(document)
    props = document.core_properties
    assert props.subject.startswith("Case reference AB-999") and props.subject.endswith("…")
    assert len(props.subject) <= 255 and len(props.author) <= 255 and props.author.startswith("Sam Example")
    assert header[1].startswith("Case reference: AB-999") and "…    Date: 27 November 2026" in header[1]
    assert [c.text for c in document.tables[0].rows[3].cells] == ["Case reference", reference]  # whole in the body


def test_no_reference_or_name_given_leaves_properties_plain(tmp_path):
    record = full_record(worker=None, case_reference=None)
    document = docx.Document(str(write_record(record, tmp_path, now=WHEN)))
    header, _, _ = header_footer(document)
    assert header[1].startswith("Case reference: Not given")
    assert document.core_properties.author == ""
    assert document.core_properties.subject == "Reflective supervision"


def glance(document):
    """The 'At a glance' table: the one straight after the heading of that name."""
    from docx.text.paragraph import Paragraph
    body = list(document.element.body.iterchildren())
    heading = next(i for i, el in enumerate(body) if el.tag.endswith("}p")
                   and Paragraph(el, document).text == "At a glance")
    table_el = next(el for el in body[heading:] if el.tag.endswith("}tbl"))
    table = next(t for t in document.tables if t._tbl is table_el)
    return {row.cells[0].text: row.cells[1].text for row in table.rows}


def test_at_a_glance_summarises_what_a_supervisor_looks_for_first(tmp_path):
    record = full_record(pattern_titles=["Repeat plans"],
                         escalation=[qa("Is escalation needed?", "yes"),
                                     qa("Say more", "Challenge health's decision to close by Friday.")])
    document = docx.Document(str(write_record(record, tmp_path, now=WHEN)))
    rows = glance(document)
    assert list(rows) == ["Themes", "Patterns noticed", "Safety scale (0 to 10)", "Decisions", "Actions",
                          "Escalation needed?", "Toolkits used or to use", "Immediate danger raised"]
    assert rows["Themes"] == "Voice of the child; Drift and delay"
    assert rows["Patterns noticed"] == "Repeat plans"
    assert rows["Safety scale (0 to 10)"] == "6"
    assert rows["Decisions"] == "Stay at child in need for now."
    assert rows["Actions"] == ("Book a health review (owner: Sam Example; by: 5 December 2026)\n"
                               "Speak to the school nurse (owner: Not given; by: Not given)")
    assert rows["Escalation needed?"] == "yes\nChallenge health's decision to close by Friday."
    assert rows["Toolkits used or to use"] == ("Neglect toolkit: Used it at the last visit.\n"
                                               "Exploitation toolkit: not discussed")
    assert rows["Immediate danger raised"] == \
        "Yes, 27 November 2026, 14:20: Parent said they would hurt the baby."


def test_at_a_glance_says_plainly_when_nothing_was_recorded(tmp_path):
    record = full_record(themes=[], decisions=[], actions=[], escalation=[], toolkits=[],
                         urgent_concerns=[], safety_scale=qa("Scale?", None, skipped=True))
    rows = glance(docx.Document(str(write_record(record, tmp_path, now=WHEN))))
    assert rows == {"Themes": "None", "Patterns noticed": "None noticed", "Safety scale (0 to 10)": "Not given",
                    "Decisions": "None recorded", "Actions": "None recorded", "Escalation needed?": "Not recorded",
                    "Toolkits used or to use": "None recorded", "Immediate danger raised": "None raised"}


def test_a_long_answer_is_shortened_in_the_summary_and_kept_whole_below(tmp_path):
    long_answer = "We agreed to keep the plan. " * 30
    record = full_record(decisions=[qa("What did you decide?", long_answer)])
    path = write_record(record, tmp_path, now=WHEN)
    document, paragraphs, _, _ = read_back(path)
    shown = glance(document)["Decisions"]
    assert shown.endswith("\u2026 (in full below)") and len(shown) < 330
    assert long_answer in paragraphs


def test_marking_set_in_knowledge_or_environment():
    from types import SimpleNamespace

    from bot.records.record_model import DEFAULT_MARKING, protective_marking
    knowledge = SimpleNamespace(record=SimpleNamespace(marking="OFFICIAL"))
    assert protective_marking(knowledge, env={}) == "OFFICIAL"
    assert protective_marking(knowledge, env={"RECORD_MARKING": "  OFFICIAL-SENSITIVE  PERSONAL "}) == \
        "OFFICIAL-SENSITIVE PERSONAL"
    assert protective_marking(None, env={}) == DEFAULT_MARKING == "OFFICIAL-SENSITIVE"


def test_knowledge_marks_records_official_sensitive(knowledge):
    assert knowledge.record.marking == "OFFICIAL-SENSITIVE"
