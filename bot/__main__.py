"""Command line for maintainers and data protection duties.

    python -m bot check                      load knowledge/, check every rule the tests check, print the sign-off
                                             table (every text shown as the audit's, its passage and approval)
    python -m bot signoff [--out FILE]       the sign-off table as a Word document a partnership reads and signs
    python -m bot sessions list [--case REF] every session (supervision and workshop): id, status, dates; a
                                             case's sessions together (one practitioner's), oldest first
    python -m bot sessions show ID           one session's answers, or a workshop's points
    python -m bot sessions delete ID         its rows, record or pack files and conversation history
    python -m bot sessions purge [--days N]  delete sessions of both modes untouched for N days (RETENTION_DAYS),
                                             then conversation history older than N days (as history purge)
    python -m bot history list               conversation history that belongs to no session: one line per
                                             sender (a label, never the sender id), events, first and last
    python -m bot history delete LABEL       all of that sender's history (LABEL from history list)
    python -m bot history purge [--days N]   conversation history older than N days that no live session needs
    python -m bot records orphans            record files that no session refers to
    python -m bot report --from DATE --to DATE --out FOLDER
                                             the anonymised learning report for a period (dates as 2026-10-01):
                                             Word report, CSV and charts in an owner-only folder (bot/reporting/)

Everything shown that someone typed is shown without control characters, so it cannot act on your terminal.
"""
from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Dict, Optional

from .config import Settings
from .content.knowledge import KnowledgeError, load_knowledge
from .content.provenance import content_problems
from bot.modes.registry import spec_of
from bot.storage.retention import (
    NOT_WIPED, delete_history, delete_session, find_histories, find_sessions, histories, mode_of, orphan_records,
    purge, purge_history, record_files,
)
from bot.reading.safe_text import one_line, strip_controls
from bot.storage.store import Store, engine_for
from bot.content import signoff
from bot.content.workshop_content import load_workshop_content
from bot.modes.workshop.workshop_plan import check as check_workshop_plans


def _check(settings: Settings) -> int:
    try:
        knowledge = load_knowledge(settings.knowledge_dir)
        workshop = load_workshop_content(settings.knowledge_dir, knowledge)
        check_workshop_plans(settings.knowledge_dir, knowledge)  # every length and group makes a plan
    except KnowledgeError as error:
        print(f"Knowledge check failed: {error}", file=sys.stderr)
        return 1
    problems = content_problems(knowledge, settings.knowledge_dir)  # bot/content/provenance.py: the sign-off rules
    if problems:
        print(f"Knowledge check failed: {len(problems)} problem(s):", file=sys.stderr)
        for problem in problems:
            print(f"- {problem}", file=sys.stderr)
        return 1
    print(f"Knowledge OK: {len(knowledge.audit.findings)} findings, {len(knowledge.themes)} themes, "
          f"{len(knowledge.toolkits)} toolkits, {len(knowledge.patterns)} patterns, "
          f"{len(knowledge.language)} wording checks, {len(workshop.vignettes)} workshop vignettes.")
    print()
    print(signoff.as_text(signoff.table(knowledge, settings.knowledge_dir)))  # for a reviewer: what is the audit's
    return 0


def _signoff(settings: Settings, out: Path) -> int:
    """Write the sign-off table as a Word document for the partnership to read and sign."""
    try:
        knowledge = load_knowledge(settings.knowledge_dir)
    except KnowledgeError as error:
        print(f"Knowledge check failed: {error}", file=sys.stderr)
        return 1
    path = signoff.write_docx(knowledge, out, signoff.table(knowledge, settings.knowledge_dir))
    print(f"Sign-off document written to {path} (readable by you only).")
    return 0


def _report(settings: Settings, args) -> int:
    """The learning report for a period: coded figures only, small numbers hidden (bot/reporting/)."""
    from bot.records.record_model import protective_marking
    from bot.reporting.figures import Period, gather
    from bot.reporting.suppression import suppress
    from bot.reporting.writing import ReportFolderError, write_report

    if args.end < args.start:
        print("The period ends before it starts: --to must be on or after --from.", file=sys.stderr)
        return 1
    try:
        knowledge = load_knowledge(settings.knowledge_dir)
    except KnowledgeError as error:
        print(f"Knowledge check failed: {error}", file=sys.stderr)
        return 1
    report = suppress(gather(engine_for(settings), knowledge, Period(args.start, args.end)))
    try:
        files = write_report(report, protective_marking(knowledge), args.out)
    except ReportFolderError as error:
        print(f"Report not written: {error}", file=sys.stderr)
        return 1
    print(f"Learning report for {report.period}: {report.sessions.text} sessions, {report.workshops.text} workshops"
          f"{' (too few sessions for any breakdown)' if report.too_few else ''}.")
    print(f"Written to {one_line(str(args.out))} (readable by you only): "
          f"{', '.join(path.name for path in files)}")
    return 0


def _date(text: str):
    from datetime import date
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a date such as 2026-10-01") from None


def _one(store: Store, prefix: str):
    matches = find_sessions(store, prefix)
    if len(matches) != 1:
        print(f"{'No' if not matches else 'More than one'} session matches '{prefix}'.", file=sys.stderr)
        return None
    return matches[0]


def _label(session) -> str:
    """What the list shows to tell sessions apart: typed by someone, so cleaned and cut to fit its column."""
    return one_line(spec_of(session).label(session), 30) or "-"


def _typed(text) -> str:
    """An answer or point as typed, without control characters; its later lines indented under it."""
    return strip_controls(text, keep_lines=True).replace("\n", "\n    ")


def _wiped(deleted) -> None:
    if not deleted.wiped:
        print(NOT_WIPED)


def _days(args, settings: Settings) -> int:
    return args.days if args.days is not None else settings.retention_days


def _line(s) -> str:
    return (f"{s.id}  {mode_of(s):11}  {s.status:8}  {_label(s):30}  started {s.created_at:%Y-%m-%d %H:%M}"
            f"  updated {s.updated_at:%Y-%m-%d %H:%M}  {spec_of(s).size(s)}")


def _list(store: Store, case: Optional[str]) -> int:
    """Each case's sessions together, oldest first (a case is one practitioner's reference), then the rest."""
    from bot.storage.store import case_key

    cases: Dict[tuple, list] = {}
    others = []
    for s in find_sessions(store):  # the latest touched first: the busiest cases lead
        on = spec_of(s).case_of(s)
        if on is None:
            others.append(s)
        else:
            cases.setdefault(on, []).append(s)
    if case is not None:
        cases = {on: found for on, found in cases.items() if on[1] == case_key(case)}
        others = []
        if not cases:
            print(f"No session is on the case '{one_line(case, 30)}'.", file=sys.stderr)
            return 1
    for found in cases.values():
        found.sort(key=lambda s: s.created_at)
        print(f"Case {_label(found[-1])}: {len(found)} session{'s' if len(found) != 1 else ''}")
        for s in found:
            print(_line(s))
    if others and cases:
        print("Not on a case:")
    for s in others:
        print(_line(s))
    return 0


def _sessions(args, store: Store, settings: Settings) -> int:
    if args.action == "list":
        return _list(store, args.case)
    if args.action == "purge":
        days = _days(args, settings)
        if days <= 0:
            print("Retention is off (set RETENTION_DAYS or --days): nothing deleted.")
            return 0
        print(purge(store, days).summary(days))
        return 0
    session = _one(store, args.id or "")
    if session is None:
        return 1
    if args.action == "show":
        spec = spec_of(session)
        heading = spec.heading(session) if spec.heading else f"{spec.name.capitalize()} {session.id} ({session.status})"
        print(one_line(heading))  # typed text in it (a case reference) is cleaned
        for key, text in spec.shown(session):
            print(f"- {key}: {_typed(text)}")
        for path in record_files(session):
            print(f"{spec.file_kind}: {one_line(str(path))}")
        return 0
    deleted = delete_session(store, session.id)
    if deleted is None:  # deleted by someone else since it was found
        print(f"No session matches '{session.id}'.", file=sys.stderr)
        return 1
    saved = spec_of(session).file_kind
    print(f"Deleted {mode_of(session)} session {deleted.session_id}: {deleted.files} {saved} file(s), "
          f"{deleted.conversation_events} conversation event(s).")
    _wiped(deleted)
    return 0


def _history(args, store: Store, settings: Settings) -> int:
    """Conversation history that belongs to no session, named by label: the sender id is never shown."""
    if args.action == "list":
        found = histories(store)
        for h in found:
            print(f"{h.label}  events {h.events:5}  first {h.first:%Y-%m-%d %H:%M}  last {h.last:%Y-%m-%d %H:%M}")
        if not found:
            print("No conversation history without a session.")
        return 0
    if args.action == "purge":
        days = _days(args, settings)
        if days <= 0:
            print("Retention is off (set RETENTION_DAYS or --days): nothing deleted.")
            return 0
        deleted = purge_history(store, days)
        print(f"Deleted {deleted.events} conversation event(s) older than {days} days "
              f"({deleted.senders} sender(s) with no session left).")
        _wiped(deleted)
        return 0
    matches = find_histories(store, args.label or "")
    if len(matches) != 1:
        print(f"{'No' if not matches else 'More than one'} history without a session matches "
              f"'{one_line(args.label, 20)}': `python -m bot history list` shows the labels.", file=sys.stderr)
        return 1
    deleted = delete_history(store, matches[0])
    if not deleted.events:
        print("Nothing deleted: that sender now has a session (delete it with `python -m bot sessions delete`).",
              file=sys.stderr)
        return 1
    print(f"Deleted the history labelled {matches[0].label}: {deleted.events} conversation event(s).")
    _wiped(deleted)
    return 0


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bot", description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    commands = parser.add_subparsers(dest="command", required=True)
    commands.add_parser("check", help="load and check the files in knowledge/, and print the sign-off table")
    sign = commands.add_parser("signoff", help="write the sign-off table as a Word document for the partnership")
    sign.add_argument("--out", type=Path, default=Path("results") / "content-signoff.docx",
                      help="where to write it (default results/content-signoff.docx)")
    sessions = commands.add_parser("sessions", help="list, show, delete or purge stored sessions")
    sessions.add_argument("action", choices=["list", "show", "delete", "purge"])
    sessions.add_argument("id", nargs="?", help="a session id, or its first characters")
    sessions.add_argument("--days", type=int, help="with purge: age in days (default RETENTION_DAYS)")
    sessions.add_argument("--case", help="with list: only the sessions on this case reference")
    history = commands.add_parser("history", help="list or delete conversation history that belongs to no session")
    history.add_argument("action", choices=["list", "delete", "purge"])
    history.add_argument("label", nargs="?", help="with delete: a label from history list, or its first characters")
    history.add_argument("--days", type=int, help="with purge: age in days (default RETENTION_DAYS)")
    records = commands.add_parser("records", help="record files that no session refers to")
    records.add_argument("action", choices=["orphans"])
    report = commands.add_parser("report", help="write the anonymised learning report for a period")
    report.add_argument("--from", dest="start", type=_date, required=True, help="first day, e.g. 2026-10-01")
    report.add_argument("--to", dest="end", type=_date, required=True, help="last day, e.g. 2026-12-31")
    report.add_argument("--out", type=Path, required=True, help="a new folder for the report (made owner-only)")
    args = parser.parse_args(argv)
    settings = Settings.from_env()
    if args.command == "check":
        return _check(settings)
    if args.command == "signoff":
        return _signoff(settings, args.out)
    if args.command == "report":
        return _report(settings, args)
    if args.command == "records":
        for path in orphan_records(Store(engine_for(settings)), settings.records_dir):
            print(one_line(str(path)))  # an old file's name may hold an odd case reference
        return 0
    if args.command == "history":
        if args.action == "delete" and not args.label:
            parser.error("history delete needs a label from `python -m bot history list`")
        return _history(args, Store(engine_for(settings)), settings)
    if args.action in ("show", "delete") and not args.id:
        parser.error(f"sessions {args.action} needs a session id")
    return _sessions(args, Store(engine_for(settings)), settings)


if __name__ == "__main__":
    sys.exit(main())
