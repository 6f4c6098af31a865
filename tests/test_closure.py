"""The closure check (issue 25), through bot.modes.supervision.supervision with a real database and real Word files.

The case is the audit's own kind: a third plan two months after the last ended, domestic abuse,
neglect and a parent's drinking, only social care involved, the father not involved, more than one
father figure, and closing the plan being considered. Every answer is invented.
"""
from __future__ import annotations

import textwrap
from pathlib import Path
from typing import Callable, Dict, List, Tuple

import docx
import pytest
from docx.table import Table
from docx.text.paragraph import Paragraph
from PIL import Image, ImageDraw, ImageFont

from bot.modes.supervision import closure as C
from bot.records.record_docx import glance_rows, write_record
from bot.records.record_model import AgencyView, ClosureSection, QuestionAnswer, Record
from bot.modes.supervision.steps import LEFT_FOR_TIME
from tests.content import KNOWLEDGE
from tests.session_driver import STRUCTURED_ANSWERS, docx_text, free_text_answer
from tests.test_supervision import core, db_url, saved_record, step_key, talk  # noqa: F401  (fixtures)

ROOT = Path(__file__).resolve().parent.parent
FONTS = Path("/usr/share/fonts/truetype/dejavu")

# The audit's own kind of case, as a practitioner would type it.
AUDIT_CASE: Dict[str, str] = {
    "details.worker": "Sam Example",
    "details.supervisor": "Alex Sample",
    "case.reference": "TEST-0025",
    "case.age": "6",
    "case.previous_plans": "2",
    "case.months_since_last_plan": "2",
    "case.category": "Neglect",
    "case.concerns": "DA, neglect and dad's drinking",
    "case.agencies": "social care",
    "case.father_involved": "no",
    "case.several_parental_adults": "yes",
    "case.closure_considered": "yes",
    "themes.choice": "yes",
    LEFT_FOR_TIME: "more",
    "closure.reasons": "Reasons typed: no police call-outs for four months and mum is attending her course.",
    "closure.history": "History typed: plan 1 closed when dad moved out; plan 2 closed on good school attendance.",
    "closure.agency.social_care": "Social care view typed: the team manager agrees, citing four quiet months.",
    "closure.agency.others": "Others view typed: the school has not yet been asked; the health visitor disagrees.",
    "closure.agency.others.who": "Who typed: Sam will ask the school's DSL by Friday, before the conference.",
    "actions.0.more": "no",
    "safety.scale": "5",
    "escalation.needed": "no",
}


def case_answer(key: str) -> str:
    if key == "check.danger":
        return "no"
    return AUDIT_CASE.get(key) or free_text_answer(key)


def play(say: Callable[[str], str], current: Callable[[], str], opening: str,
         max_turns: int = 150) -> Dict[str, str]:
    """Answer every question with `case_answer` until the summary, then save.

    Returns {step key: the question as shown}, and "__final__" for the reply to save.
    """
    shown: Dict[str, str] = {}
    reply = say(opening)
    for _ in range(max_turns):
        if "Say save to write the record" in reply:
            shown["__final__"] = say("save")
            return shown
        key = current()
        shown.setdefault(key, reply)
        reply = say(case_answer(key))
    raise AssertionError("The session did not reach the summary")


def test_the_audits_own_case_gets_the_audits_sharpest_questions_and_a_closure_check(core):  # noqa: F811
    shown = play(talk(core), lambda: core.current_step("worker-1").key, "I want to reflect on a case")
    assert "saved as" in shown["__final__"]
    menu = shown["themes.choice"]
    # ranked by what was noticed, each with why; the voice of the child kept available
    assert "- Over-optimism: closing the plan is being considered: the audit found no evidence of dissent" in menu
    assert "- Voice of the father: the father or another significant adult not involved:" in menu
    assert "- Cumulative harm: repeat child protection plans:" in menu
    assert "The voice of the child (5) is always there to choose" in menu
    # the father asked about; what was left for time named, and taken with "more"
    assert "What do you know about the father" in shown["pattern.father_not_involved"]
    assert "Also noticed, left for time: Neglect among the concerns." in shown[LEFT_FOR_TIME]
    assert "pattern.neglect" in shown
    # the closure check, opened by what was noticed, and each part asked
    assert "\nI noticed: Closing the plan is being considered." in shown["closure.reasons"]
    assert KNOWLEDGE.closure.intro in shown["closure.reasons"]
    assert "Today's reasons, as you wrote them:\n" + AUDIT_CASE["closure.reasons"] in shown["closure.history"]
    assert "Earlier plans, as you said: 2." in shown["closure.history"]
    for key in ("closure.agency.social_care", "closure.agency.others", "closure.future_harm", "closure.child",
                "closure.lasting", "closure.dissent"):
        assert key in shown, key
    assert "safelives.org.uk" in shown["closure.future_harm"]  # the domestic abuse toolkit beside future harm
    assert KNOWLEDGE.closure.conference_route.title in shown["closure.dissent"]
    # the poster's question on a third plan
    assert KNOWLEDGE.stuck.lasting_change.intro in shown["lasting.timescale"]

    document = docx.Document(str(saved_record(core)))
    text = docx_text(saved_record(core))
    assert "Closure check" in [p.text for p in document.paragraphs if p.style.name == "Heading 1"]
    for key in ("closure.reasons", "closure.history", "closure.agency.social_care", "closure.agency.others",
                "closure.agency.others.who"):
        assert AUDIT_CASE[key] in text, key
    assert "Earlier plans, as you said: 2." in text
    assert "Who will ask each agency not yet asked for its view" in shown["closure.agency.others.who"]
    assert KNOWLEDGE.closure.conference_route.title in text and "check this link with your team" in text
    glance = {row.cells[0].text: row.cells[1].text for row in document.tables[1].rows}
    assert glance["Closure check"].startswith("Social Care: agrees; Other agencies that know the child: "
                                              "not yet asked")
    assert "Lasting change" in [p.text for p in document.paragraphs if p.style.name == "Heading 1"]
    picture = draw_section(document, "Closure check", ROOT / "results" / "closure-check.png")
    assert picture.stat().st_size > 10_000  # for people to look at: the section as the record holds it


def section_blocks(document, heading: str) -> List[Tuple[str, object]]:
    """("heading"|"text"|"table", content) for the body between a Heading 1 and the next, in order."""
    blocks, inside = [], False
    for element in document.element.body.iterchildren():
        if element.tag.endswith("}p"):
            paragraph = Paragraph(element, document)
            style = paragraph.style.name
            if style == "Heading 1":
                if inside:
                    break
                inside = paragraph.text == heading
            if inside and paragraph.text.strip():
                blocks.append(("heading" if style.startswith("Heading") else "text", paragraph.text))
        elif inside and element.tag.endswith("}tbl"):
            blocks.append(("table", [[cell.text for cell in row.cells] for row in Table(element, document).rows]))
    return blocks


def draw_section(document, heading: str, path: Path, width: int = 1100) -> Path:
    """A picture of one section of a saved record, drawn from the Word file's own text and tables.

    This machine has no LibreOffice to lay the page out as Word would (tests/test_record_pdf.py
    does that where it is installed), so the picture shows the section's words and tables plainly.
    """
    regular = ImageFont.truetype(str(FONTS / "DejaVuSans.ttf"), 15)
    bold = ImageFont.truetype(str(FONTS / "DejaVuSans-Bold.ttf"), 17)
    lines: List[Tuple[int, object, str, bool]] = []  # (x, font, text, rule above)
    for kind, content in section_blocks(document, heading):
        if kind == "table":
            columns = len(content[0])
            chars = max(12, (width - 60) // columns // 9)
            for row in content:
                wrapped = [textwrap.wrap(cell, chars) or [""] for cell in row]
                for n in range(max(map(len, wrapped))):
                    for c, cell in enumerate(wrapped):
                        text = cell[n] if n < len(cell) else ""
                        lines.append((30 + c * (width - 60) // columns, regular, text, n == 0 and c == 0))
                    lines.append((0, None, "", False))  # the end of a printed line of the row
        else:
            font = bold if kind == "heading" else regular
            for text in textwrap.wrap(content, 120 if kind == "text" else 90) or [""]:
                lines += [(30, font, text, False), (0, None, "", False)]
    height = 40 + 22 * sum(1 for _, font, _, _ in lines if font is None)
    image = Image.new("RGB", (width, height), "white")
    draw = ImageDraw.Draw(image)
    y = 20
    for x, font, text, rule in lines:
        if font is None:
            y += 22
            continue
        if rule:
            draw.line((20, y - 3, width - 20, y - 3), fill=(170, 170, 170))
        draw.text((x, y), text, font=font, fill="black")
    path.parent.mkdir(exist_ok=True)
    image.save(path)
    return path


def test_closure_check_on_request_runs_now_and_then_comes_back(core):  # noqa: F811
    say = talk(core)
    say("I want to reflect on a case")
    for key in ("details.worker", "details.supervisor", "case.reference"):
        say(AUDIT_CASE[key])
    assert core.current_step("worker-1").key == "case.age"
    reply = say("Closure check")
    assert KNOWLEDGE.closure.added in reply and KNOWLEDGE.closure.intro in reply
    assert core.current_step("worker-1").key == "closure.reasons"
    say(AUDIT_CASE["closure.reasons"])
    assert core.current_step("worker-1").key == "closure.history"
    for _ in range(12):
        if core.current_step("worker-1").section not in ("closure", "check"):
            break
        say(case_answer(core.current_step("worker-1").key))
    assert core.current_step("worker-1").key == "case.age"  # back to the question open when it was asked for
    assert KNOWLEDGE.closure.already in say("closure check")


def test_the_stuck_pathway_sets_the_typed_history_beside_todays_reasons(core):  # noqa: F811
    say = talk(core)
    core.start("worker-1", kind="stuck")
    answers = dict(AUDIT_CASE, **{"chronology.entries": (
        "plan 1: March 2021 to December 2021, neglect\nplan 2: Feb 2022 - Oct 2022, emotional abuse\n"
        "Jan 2022 police DA callout\nJan 2023 police DA callout")})
    shown: Dict[str, str] = {}
    reply = ""
    for _ in range(80):
        step = core.current_step("worker-1")
        if step.key == "review":
            break
        shown.setdefault(step.key, reply)
        reply = say(answers.get(step.key) or free_text_answer(step.key))
        if step.key == "chronology.entries":
            reply = say("done")
    history = shown["closure.history"]
    assert KNOWLEDGE.closure.questions.history_typed in history
    assert "- Plan 1 (March 2021 to December 2021, neglect); 2 months to plan 2; domestic abuse incidents " \
           "typed in the 9 months after it ended: 1." in history
    assert "- Plan 2 (February 2022 to October 2022, emotional abuse); no later plan typed; domestic abuse " \
           "incidents typed in the 8 months after it ended: 1." in history
    assert "pattern.father_not_involved" in shown  # the father is asked about on the stuck pathway too
    assert "lasting.legal_planning" in shown


@pytest.mark.parametrize("typed, reads_as", [
    ("Agrees: attendance is up", C.AGREES),
    ("The school does not agree, she is still hungry at school", C.DISAGREES),
    ("Disagrees strongly", C.DISAGREES),
    ("Not yet asked, I will call on Monday", C.NOT_ASKED),
    ("Don't know, haven't asked them", C.NOT_ASKED),
    ("They are worried about closing so soon", C.DISAGREES),
    ("Police supports closing", C.AGREES),
    ("Attendance is up", None),
    ("", None),
])
def test_an_agencys_view_reads_only_as_its_words_say(typed, reads_as):
    assert C.stance(KNOWLEDGE, typed) == reads_as


@pytest.mark.parametrize("typed, asked", [
    ("closure check", True), ("Closure check.", True), ("CHECK CLOSURE", True), ("step-down check", True),
    ("we did a closure check last week", False), ("closure", False),
])
def test_only_a_whole_message_asks_for_the_check(typed, asked):
    assert C.asks_for_closure_check(KNOWLEDGE, typed) is asked


def test_the_records_closure_section_reads_back_from_the_word_file(tmp_path):
    from datetime import datetime
    closure = ClosureSection(
        reasons=QuestionAnswer("Today's reasons?", "Four quiet months."),
        earlier=["Plan 1 (March 2021 to December 2021, neglect); 2 months to plan 2."],
        history=QuestionAnswer("Earlier plans?", "Plan 1 closed when dad moved out."),
        agencies=[AgencyView("Education", "Disagrees: still hungry at school.", C.DISAGREES),
                  AgencyView("Police", "Not yet asked.", C.NOT_ASKED, "Sam, by Friday"),
                  AgencyView("GP", None)],
        questions=[QuestionAnswer("What might happen once the plan ends?", "Dad may move back.")],
        dissent=QuestionAnswer("How will disagreement be raised?", "Education will write to the chair."),
        route=C.conference_route(KNOWLEDGE))
    record = Record(created_at=datetime(2026, 12, 2, 23, 0), case_reference="TEST-0025", closure_check=closure)
    document = docx.Document(str(write_record(record, tmp_path)))
    headings = [p.text for p in document.paragraphs if p.style.name.startswith("Heading")]
    assert headings[headings.index("Closure check") + 1:][:3] == [
        "Today's reasons beside the earlier closures", "Each agency's view", "Dissent and the route for disagreeing"]
    tables = [[[c.text for c in row.cells] for row in t.rows] for t in document.tables]
    beside = next(t for t in tables if t[0][0] == "Today's reasons for closing")
    assert beside[1] == ["Four quiet months.", "Plan 1 (March 2021 to December 2021, neglect); 2 months to plan 2."
                         "\nAs typed: Plan 1 closed when dad moved out."]
    views = next(t for t in tables if t[0][0] == "Agency")
    assert views[1:] == [["Education", "Disagrees: still hungry at school.", "disagrees", ""],
                         ["Police", "Not yet asked.", "not yet asked", "Sam, by Friday"],
                         ["GP", "Not answered", "", ""]]
    text = docx_text(tmp_path / next(p.name for p in tmp_path.iterdir() if p.suffix == ".docx"))
    assert "Education will write to the chair." in text and KNOWLEDGE.closure.conference_route.timescales in text
    glance = dict(glance_rows(record))
    assert glance["Closure check"] == ("Education: disagrees; Police: not yet asked; GP: not answered\n"
                                       "Dissent: Education will write to the chair.")
    assert "Closure check" not in dict(glance_rows(Record(created_at=datetime(2026, 12, 2), case_reference=None)))


# ----- asked for by the message that opens the session ("closure check" outside a session) -------------------

@pytest.mark.parametrize("opening", ["closure check", "I need a closure check before conference"])
def test_a_session_opened_by_asking_for_the_closure_check_has_it_after_the_case_questions(tmp_path, opening):
    from bot.modes.supervision.supervision import SupervisionEngine
    from bot.storage.store import Store, make_engine
    from bot.reading.text_input import Incoming
    engine = SupervisionEngine(KNOWLEDGE, Store(make_engine(f"sqlite:///{tmp_path / 'a.db'}")), tmp_path / "r")
    replies = engine.start("closer", opening=Incoming(opening, "start_supervision"))
    text = "\n".join(r.text for r in replies)
    assert KNOWLEDGE.closure.added_at_start in text
    keys = []
    for _ in range(40):
        step = engine.current_step("closer")
        keys.append(step.key)
        if step.section == "closure" or step.key == "review":
            break
        engine.handle("closer", Incoming(STRUCTURED_ANSWERS.get(step.key) or "invented answer"))
    assert keys[-1] == "closure.reasons", keys  # the check comes, and it comes first after the case questions
    assert not any(k.startswith(("mapping.", "themes.", "decisions.")) for k in keys), keys


def test_an_ordinary_start_has_no_closure_check_asked_for(tmp_path):
    from bot.modes.supervision.supervision import SupervisionEngine
    from bot.storage.store import Store, make_engine
    from bot.reading.text_input import Incoming
    engine = SupervisionEngine(KNOWLEDGE, Store(make_engine(f"sqlite:///{tmp_path / 'a.db'}")), tmp_path / "r")
    text = "\n".join(r.text for r in engine.start("plain", opening=Incoming("reflect on a case", "start_supervision")))
    assert KNOWLEDGE.closure.added_at_start not in text
