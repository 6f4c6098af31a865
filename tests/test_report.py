"""The learning report (bot/reporting/), from sessions and workshops seeded through the real engines.

Fourteen supervision sessions (ten full, two on the stuck pathway, two short) and six workshops are run
message by message, as practitioners and leads would type them, on SQLite and on PostgreSQL. The expected
counts are worked out here from what each session was told (and, for what the engine decided, from what
it showed or stored), never with the report's own code. All names, references and text are invented.
"""
from __future__ import annotations

import csv
import io
import re
import stat
import struct
import zipfile
from datetime import date, timedelta
from pathlib import Path
from typing import Dict, List

import pytest
from sqlalchemy import select

from bot.__main__ import main
from bot.modes.supervision.supervision import SupervisionEngine
from bot.modes.workshop.workshop_session import WorkshopEngine
from bot.reading.months import MONTH_NAMES
from bot.reading.text_input import Incoming
from bot.reporting.figures import Period, gather
from bot.reporting.suppression import FEWER_THAN_5, NOT_SHOWN, suppress
from bot.reporting.writing import CSV, DOCX, ReportFolderError, write_report
from bot.storage.store import Answer, Store, make_engine, utcnow
from tests.content import CONTENT, KNOWLEDGE
from tests.test_migrations import throwaway_schema

ROOT = Path(__file__).resolve().parent.parent
TODAY = utcnow().date()
# a period around the sessions whose first and last days are not today (no exact date of a session is shown)
PERIOD = Period(TODAY.replace(day=1) - timedelta(days=40), TODAY.replace(day=1) + timedelta(days=62))
EMPTY = Period(date(2020, 1, 1), date(2020, 3, 31))
FULL, STUCK, SHORT = range(1, 11), (11, 12), (13, 14)
PLANS = {1: 1, 2: 1, 3: 1, 4: 1, 5: 1, 6: 2, 7: 2, 8: 2, 9: 3, 10: 0, 11: 0, 12: 0}
GAP = {n: (3 if n in (1, 2, 3, 4, 6) else 8) for n in range(1, 10)}  # under 6 months: 5; 6 to 11: 4
CLOSING, IN_DANGER = range(2, 7), range(2, 8)
CONCERNS = {**{n: "domestic abuse" for n in range(1, 7)}, **{n: "neglect" for n in (7, 8, 9)},
            10: "parental self-neglect", 11: "parental mental health", 12: "parental mental health"}
ESCALATION = {**{n: "yes" for n in range(1, 5)}, **{n: "no" for n in range(5, 11)}, 11: "not sure", 12: "no"}
DANGER = "a child is in immediate danger right now"
SECRETS = ("MARKER", "Quillon", "Zephyrine", "CASE-RPT", "sender-rpt", "lead-rpt", "WSPOINT", DANGER,
           "not asked them yet", "police DA callout")


def free_text(n: int, key: str) -> str:
    return f"MARKER{n} thoughts on {key} from Quillon Zephyrine"


def recipe(n: int) -> Dict[str, str]:
    """What session n is told: a case built so that every figure has something in it."""
    answers = {"details.worker": f"Quillon Worker{n}", "details.supervisor": f"Zephyrine Lead{n}",
               "case.reference": f"CASE-RPT-{n:03d}", "case.age": "6", "case.category": "Emotional abuse",
               "themes.choice": "yes" if n <= 4 or n in SHORT else "voice of the child",
               "safety.scale": "5", "actions.0.more": "no"}
    if n in SHORT:
        return answers
    answers.update({
        "case.previous_plans": str(PLANS[n]), "case.concerns": CONCERNS[n],
        "case.agencies": "social care" if n == 10 else "school and police",
        "case.father_involved": "yes" if n == 10 else "no",
        "case.several_parental_adults": "yes" if n <= 3 else "no",
        "case.closure_considered": "yes" if n in CLOSING else "no",
        "escalation.needed": ESCALATION[n],
        "chronology.entries": "plan 1: March 2021 to December 2021, neglect\nNov 2021 police DA callout",
    })
    if n in GAP:
        answers["case.months_since_last_plan"] = f"{GAP[n]} months"
    if n in IN_DANGER:
        answers["mapping.worried"] = DANGER  # immediate danger raised, then the session carries on
    if n == 2:
        answers["closure.agency.education"] = "We have not asked them yet"
    if n in CLOSING:  # coded by the engine as "disagrees" (bot/modes/supervision/closure.py), never read as text
        answers["closure.agency.police"] = f"MARKER{n} the police disagree with closing"
    # coded by the engine as used (bot/reading/follow_up.py); the neglect toolkit's answer stays words only
    answers["toolkit.domestic_abuse"] = f"MARKER{n} we used the DASH with mum"
    return answers


def run_session(core: SupervisionEngine, n: int, shown: Dict[int, List[str]]) -> None:
    sender = f"sender-rpt-{n}"
    answers = recipe(n)
    core.start(sender, "stuck" if n in STUCK else "supervision")
    if n in SHORT:
        core.handle(sender, Incoming("short session"))
    last = None
    for _ in range(250):
        step = core.current_step(sender)
        if step is None:
            return
        if step.kind == "danger_check":
            last = core.handle(sender, Incoming("no"))
            continue
        if step.kind == "review":
            if n != 10:  # session 10 is left unsaved: counted all the same
                core.handle(sender, Incoming("save"))
            return
        if step.key == "themes.choice":
            shown[n] = [label for label, _ in last.replies[-1].buttons[1:]]  # the suggested themes, as shown
        said = answers.get(step.key) or {"number": "5", "yes_no": "no", "choice": "Not now"}.get(
            step.kind, free_text(n, step.key))
        last = core.handle(sender, Incoming(said))
        if step.key == "chronology.entries":
            last = core.handle(sender, Incoming("done"))
    raise AssertionError(f"session {n} did not reach its summary")


def run_workshop(workshop: WorkshopEngine, n: int) -> None:
    lead = f"lead-rpt-{n}"
    workshop.start(lead)
    choices = (("90 minutes", "experienced", "yes") if n <= 5
               else ("an hour", "new workers", "voice of the child, neglect"))
    for said in choices + ("start",):
        workshop.handle(lead, Incoming(said))
    plan = workshop.current_plan(lead)
    for number, item in enumerate(plan.items):
        if item.kind == "theme":
            for point in range(2 if n <= 5 else 1):
                workshop.handle(lead, Incoming(f"WSPOINT{n}-{point} the group on {item.id}"))
        if number < len(plan.items) - 1:
            workshop.handle(lead, Incoming("next"))
    workshop.handle(lead, Incoming("save"))


def seed(url: str, records: Path) -> Dict[int, List[str]]:
    store = Store(make_engine(url))
    core = SupervisionEngine(KNOWLEDGE, store, records)
    shown: Dict[int, List[str]] = {}
    for n in list(FULL) + list(STUCK) + list(SHORT):
        run_session(core, n, shown)
    workshop = WorkshopEngine(KNOWLEDGE, CONTENT, store, records)
    for n in range(1, 7):
        run_workshop(workshop, n)
    return shown


@pytest.fixture(scope="module")
def pg_url():
    with throwaway_schema() as url:  # one schema for the module's seeded sessions
        yield url


class Seeded:
    def __init__(self, url: str, folder: Path):
        self.url, self.folder = url, folder
        self.shown = seed(url, folder / "records")
        self.out = folder / "report"
        self.files = write_report(suppress(gather(make_engine(url), KNOWLEDGE, PERIOD)), "OFFICIAL-SENSITIVE",
                                  self.out)
        self.csv = (self.out / CSV).read_text(encoding="utf-8")

    def rows(self) -> Dict[tuple, str]:
        return {(r["figure"], r["row"]): r["value"] for r in csv.DictReader(io.StringIO(self.csv))}

    def stored(self, key: str) -> Dict[str, object]:
        """{session id: coded value} of one question, read straight from the answers table."""
        with make_engine(self.url).connect() as db:
            return dict(db.execute(select(Answer.session_id, Answer.value).where(Answer.step_key == key)).all())


@pytest.fixture(scope="module")
def sqlite_seeded(tmp_path_factory):
    folder = tmp_path_factory.mktemp("sqlite")
    return Seeded(f"sqlite:///{folder / 'assistant.db'}", folder)


@pytest.fixture(scope="module")
def pg_seeded(pg_url, tmp_path_factory):
    return Seeded(pg_url, tmp_path_factory.mktemp("postgresql"))


@pytest.fixture(params=["sqlite", "postgresql"])
def seeded(request):
    return request.getfixturevalue(f"{'sqlite' if request.param == 'sqlite' else 'pg'}_seeded")


def shown_as(count: int) -> str:
    return FEWER_THAN_5 if 0 < count < 5 else str(count)


def expected(seeded: Seeded) -> Dict[tuple, int]:
    """Every count, worked out from the recipes (and, for the engine's own choices, what it showed or stored)."""
    k = KNOWLEDGE
    case = [n for n in PLANS]
    counts: Dict[tuple, int] = {
        ("Sessions held", "Full supervision sessions"): 10, ("Sessions held", "Stuck pathway sessions"): 2,
        ("Sessions held", "Short sessions (about 15 minutes)"): 2, ("Sessions held", "Total: Sessions held"): 14,
        ("Immediate danger raised", "Sessions in which immediate danger was raised"): 6,
    }
    patterns = {"father_not_involved": sum(1 for n in case if n != 10), "repeat_plans": 9, "domestic_abuse": 6,
                "neglect": 3, "closure_considered": 5, "short_gap_between_plans": 5, "parent_care_needs": 1,
                "several_parental_adults": 3, "social_care_only": 1, "feeling_stuck": 2}
    titles = {x.id: x.title for x in k.patterns}
    counts.update({("The audit's patterns noticed", titles[p]): c for p, c in patterns.items()})
    plans = {"No earlier plan": 3, "1 earlier plan": 5, "2 earlier plans": 3, "3 or more earlier plans": 1,
             "Not asked or not given": 2}
    counts.update({("Repeat plans: earlier child protection plans", r): c for r, c in plans.items()})
    gaps = {"Under 6 months": 5, "6 to 11 months": 4, "12 to 23 months": 0, "2 years or more": 0, "Not given": 0,
            "Total: Sessions with an earlier plan": 9}
    counts.update({("Gap between the last plan ending and this one", r): c for r, c in gaps.items()})
    escalation = {"Yes": 4, "No": 7, "Not sure": 1, "Not asked, skipped or not a yes or no": 2}
    counts.update({("Escalation or professional dissent felt needed", r): c for r, c in escalation.items()})
    closure = {"Closure or stepping down considered": 5, "Closure checks held": 5,
               "Closure checks with any agency disagreeing (when recorded as such)": len(CLOSING),
               "Closure checks with an agency not yet asked": 1}
    counts.update({("Closing the plan or stepping down", r): c for r, c in closure.items()})
    chosen = {t.id: 0 for t in k.themes}
    for value in seeded.stored("themes.choice").values():
        for theme_id in value or []:
            chosen[theme_id] += 1
    counts.update({("Themes chosen", k.theme(t).title): c for t, c in chosen.items()})
    passed_over = {t.title: 0 for t in k.themes}
    for n, titles in seeded.shown.items():
        taken = k.theme("voice_of_child").title if recipe(n)["themes.choice"] == "voice of the child" else None
        for title in titles:  # "yes" took every suggestion; a theme named took only itself
            if taken is not None and title != taken:
                passed_over[title] += 1
    counts.update({("Themes suggested but not chosen", t): c for t, c in passed_over.items()})
    for toolkit_id in ("neglect", "domestic_abuse"):
        offered = len(seeded.stored(f"toolkit.{toolkit_id}"))
        used = offered if toolkit_id == "domestic_abuse" else 0  # every DA toolkit answer says it was used
        assert toolkit_id == "neglect" or used >= 5, "too few DA toolkit answers to show a count"
        title = k.toolkit(toolkit_id).title
        counts.update({(title, "Used"): used, (title, "Not used"): 0,
                       (title, "Total: Offered (its question asked)"): offered,
                       (title, "Not recorded as used or not (answered in words, or skipped)"): offered - used})
    ran = {"over_optimism": 5, "cumulative_harm": 5, "escalation": 5, "voice_of_child": 1, "neglect": 1}
    for t in k.themes:
        counts[("Workshops: themes run", t.title)] = ran.get(t.id, 0)
    counts[("Workshops: themes run", "Total: Workshops run")] = 6
    return counts


def test_the_csv_matches_counts_worked_out_from_what_each_session_was_told(seeded):
    rows = seeded.rows()
    for (figure, row), count in expected(seeded).items():
        assert (figure, row) in rows, (figure, row)
        if (figure, row) in LEAKS:
            continue
        assert rows[(figure, row)] == shown_as(count), (figure, row, count)
    points = "Workshops: group points noted under each theme (counts only)"
    for theme_id in ("over_optimism", "cumulative_harm", "escalation"):  # 5 workshops, 2 points each
        assert rows[(points, KNOWLEDGE.theme(theme_id).title)] == "10"
    assert rows[(points, KNOWLEDGE.theme("neglect").title)] == "from fewer than 5 workshops"
    assert rows[("Sessions held", "Total")] == "14" and rows[("Workshops run", "Total")] == "6"


GAP_FIGURE = "Gap between the last plan ending and this one"
LEAKS = {(GAP_FIGURE, "Under 6 months"), ("The audit's patterns noticed", "A short gap between plans")}


def test_a_count_of_four_is_hidden_and_cannot_be_worked_out_by_subtraction(seeded):
    rows = seeded.rows()
    assert rows[(GAP_FIGURE, "6 to 11 months")] == FEWER_THAN_5  # 4 sessions
    assert rows[(GAP_FIGURE, "Total: Sessions with an earlier plan")] == "9"
    # 9 - 5 would give the 4 back: so the 5 is not shown, nor the pattern counting the same sessions
    for leak in LEAKS:
        assert rows[leak] == NOT_SHOWN, leak
    by_figure: Dict[str, List[str]] = {}
    for (figure, _), value in rows.items():
        by_figure.setdefault(figure, []).append(value)
    for figure in ("Sessions held", GAP_FIGURE, "Repeat plans: earlier child protection plans",
                   "Escalation or professional dissent felt needed"):
        hidden = [v for v in by_figure[figure] if not v.isdigit()]
        assert len(hidden) != 1, (figure, by_figure[figure])  # one hidden in a sum is one subtraction away


def test_nothing_typed_and_no_name_reference_sender_or_exact_date_is_in_any_file(seeded):
    files = sorted(seeded.out.iterdir())
    assert {f.name for f in files} >= {DOCX, CSV} and sum(f.suffix == ".png" for f in files) >= 12
    forbidden = list(SECRETS) + [TODAY.isoformat(), f"{TODAY.day} {MONTH_NAMES[TODAY.month - 1]} {TODAY.year}"]
    for path in files:
        blobs = [path.read_bytes()]
        if path.suffix == ".docx":
            with zipfile.ZipFile(path) as docx:
                blobs = [docx.read(name) for name in docx.namelist()]
                assert any(b'descr="Bar chart' in blob for blob in blobs)  # alt text on every chart
        if path.suffix == ".png":
            assert png_chunks(path.read_bytes()) <= {b"IHDR", b"pHYs", b"IDAT", b"IEND"}, path.name
        for blob in blobs:
            said = blob.decode("utf-8", errors="ignore")
            for secret in forbidden:
                assert secret.lower() not in said.lower(), (path.name, secret)
    assert stat.S_IMODE(seeded.out.stat().st_mode) == 0o700
    assert all(stat.S_IMODE(f.stat().st_mode) == 0o600 for f in files)


def png_chunks(data: bytes) -> set:
    """The chunk types of a PNG: a text chunk (tEXt, iTXt, zTXt) or a time (tIME) could carry anything."""
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    kinds, at = set(), 8
    while at < len(data):
        length, kind = struct.unpack(">I4s", data[at:at + 8])
        kinds.add(kind)
        at += 12 + length
    return kinds


def test_sqlite_and_postgresql_give_the_same_figures(sqlite_seeded, pg_seeded):
    assert sqlite_seeded.csv == pg_seeded.csv


def test_the_document_is_marked_summarised_first_and_says_what_it_leaves_out(sqlite_seeded):
    import docx
    document = docx.Document(str(sqlite_seeded.out / DOCX))
    header = document.sections[0].header.paragraphs[0].text
    assert header == "OFFICIAL-SENSITIVE"
    body = "\n".join(p.text for p in document.paragraphs)
    summary = "\n".join(c.text for c in document.tables[0]._cells)
    assert "The father or another significant adult not involved: 11 sessions" in summary
    assert body.index("What this report does not contain") < body.index("The audit's patterns noticed")
    assert len(document.inline_shapes) >= 12


def test_a_period_with_fewer_than_ten_sessions_says_so_and_shows_no_breakdown(sqlite_seeded, tmp_path):
    few = suppress(gather(make_engine(sqlite_seeded.url), KNOWLEDGE, EMPTY))
    assert few.too_few and few.figures == ()
    files = write_report(few, "OFFICIAL-SENSITIVE", tmp_path / "few")
    assert [f.name for f in files] == [DOCX, CSV]
    import docx
    text = "\n".join(p.text for p in docx.Document(str(files[0])).paragraphs)
    assert "fewer than 10 sessions, so the report shows no breakdowns" in text
    assert list(csv.reader(io.StringIO(files[1].read_text())))[1][3] == "fewer than 10"


def test_the_command_writes_the_report_and_refuses_a_folder_others_can_open(sqlite_seeded, tmp_path, monkeypatch,
                                                                             capsys):
    monkeypatch.setenv("DATABASE_URL", sqlite_seeded.url)
    out = tmp_path / "cli"
    assert main(["report", "--from", PERIOD.start.isoformat(), "--to", PERIOD.end.isoformat(),
                 "--out", str(out)]) == 0
    assert (out / CSV).read_text() == sqlite_seeded.csv
    assert "14 sessions, 6 workshops" in capsys.readouterr().out
    shared = tmp_path / "shared"
    shared.mkdir(mode=0o755)
    shared.chmod(0o755)
    with pytest.raises(ReportFolderError):
        write_report(suppress(gather(make_engine(sqlite_seeded.url), KNOWLEDGE, EMPTY)), "X", shared)


def test_a_workshop_planned_from_the_report_suggests_the_most_noticed_patterns_theme(sqlite_seeded, tmp_path):
    workshop = WorkshopEngine(KNOWLEDGE, CONTENT, make_engine(sqlite_seeded.url), tmp_path / "packs")
    workshop.start("lead-plan")
    for said in ("90 minutes", "experienced"):
        workshop.handle("lead-plan", Incoming(said))
    period = f"{PERIOD.start.isoformat()} to {PERIOD.end.isoformat()}"
    reply = "\n".join(r.text for r in workshop.handle("lead-plan", Incoming(
        f"use the learning report for {period}")).replies)
    plan = workshop.current_plan("lead-plan")
    assert plan.theme_ids[0] == "voice_of_father"  # the father not involved: noticed in 11 of 14 sessions
    assert '"The father or another significant adult not involved", one of the patterns noticed most often ' \
           '(11 sessions)' in reply
    assert "one of the themes practitioners chose least (0 sessions)" in reply
    assert "Your plan (90 minutes" in reply


def test_a_workshop_asking_for_a_quiet_period_keeps_choosing(sqlite_seeded, tmp_path):
    workshop = WorkshopEngine(KNOWLEDGE, CONTENT, make_engine(sqlite_seeded.url), tmp_path / "packs")
    workshop.start("lead-quiet")
    for said in ("an hour", "multi-agency"):
        workshop.handle("lead-quiet", Incoming(said))
    reply = "\n".join(r.text for r in workshop.handle(
        "lead-quiet", Incoming("use the learning report for January to March 2020")).replies)
    assert "fewer than 10 sessions" in reply and workshop.stage("lead-quiet") == "themes"
    reply = "\n".join(r.text for r in workshop.handle(
        "lead-quiet", Incoming("learning report for next tuesday")).replies)
    assert "couldn't read a period" in reply


def test_pictures_for_people_to_look_at(sqlite_seeded):
    """results/learning-report-chart.png (one chart) and results/learning-report-page1.png (page 1 as LibreOffice
    lays it out; skipped without LibreOffice and poppler, as the record's picture is)."""
    results = ROOT / "results"
    results.mkdir(exist_ok=True)
    chart = next(f for f in sorted(sqlite_seeded.out.iterdir()) if "patterns" in f.name)
    (results / "learning-report-chart.png").write_bytes(chart.read_bytes())
    from tests.test_record_pdf import TOOLS, as_pdf, keep_picture, page_text
    import shutil
    if any(not shutil.which(tool) for tool in TOOLS):
        pytest.skip("LibreOffice and poppler are missing: `make office` installs them")
    pdf = as_pdf(sqlite_seeded.out / DOCX, sqlite_seeded.folder)
    first = page_text(pdf, 1)
    assert "OFFICIAL-SENSITIVE" in first and "Summary" in first and "Page 1 of" in first
    assert re.search(r"does not contain", first)
    keep_picture(pdf, "learning-report-page1")


@pytest.mark.parametrize("typed, coded", [
    ("we used the DASH with mum", "used"), ("GCP2 completed in May, it showed poor supervision", "used"),
    ("done", "used"), ("not used yet", "not_used"), ("haven't used it", "not_used"), ("no", "not_used"),
    ("I need to read up on it first", None),
])
def test_a_toolkit_answer_is_coded_used_or_not_only_when_its_words_say(typed, coded):
    from bot.reading.follow_up import toolkit_use
    assert toolkit_use(typed) == coded
