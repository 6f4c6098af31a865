"""Command line for maintainers and data protection duties.

    python -m bot check                      load knowledge/ and check every rule the tests check
    python -m bot sessions list              every session (supervision and workshop): id, status, dates
    python -m bot sessions show ID           one session's answers, or a workshop's points
    python -m bot sessions delete ID         its rows, record or pack files and conversation history
    python -m bot sessions purge [--days N]  delete sessions of both modes untouched for N days (RETENTION_DAYS)
    python -m bot records orphans            record files that no session refers to
"""
from __future__ import annotations

import argparse
import sys

from .config import Settings
from .knowledge import KnowledgeError, load_knowledge
from .provenance import content_problems
from .retention import delete_session, find_sessions, mode_of, orphan_records, purge, record_files
from .storage import Store, make_engine
from .workshop_content import load_workshop_content
from .workshop_plan import check as check_workshop_plans


def _check(settings: Settings) -> int:
    try:
        knowledge = load_knowledge(settings.knowledge_dir)
        workshop = load_workshop_content(settings.knowledge_dir, knowledge)
        check_workshop_plans(settings.knowledge_dir, knowledge)  # every length and group makes a plan
    except KnowledgeError as error:
        print(f"Knowledge check failed: {error}", file=sys.stderr)
        return 1
    problems = content_problems(knowledge, settings.knowledge_dir)  # bot/provenance.py: the sign-off rules
    if problems:
        print(f"Knowledge check failed: {len(problems)} problem(s):", file=sys.stderr)
        for problem in problems:
            print(f"- {problem}", file=sys.stderr)
        return 1
    print(f"Knowledge OK: {len(knowledge.audit.findings)} findings, {len(knowledge.themes)} themes, "
          f"{len(knowledge.toolkits)} toolkits, {len(knowledge.patterns)} patterns, "
          f"{len(knowledge.language)} wording checks, {len(workshop.vignettes)} workshop vignettes.")
    return 0


def _one(store: Store, prefix: str):
    matches = find_sessions(store, prefix)
    if len(matches) != 1:
        print(f"{'No' if not matches else 'More than one'} session matches '{prefix}'.", file=sys.stderr)
        return None
    return matches[0]


def _label(session) -> str:
    if mode_of(session) == "workshop":
        return f"{session.minutes or '?'} min, {session.group or 'group not set'}"
    return session.case_reference or "-"


def _size(session) -> str:
    if mode_of(session) == "workshop":
        return f"points {len(session.points)}"
    return f"answers {len(session.answers)}"


def _sessions(args, store: Store, settings: Settings) -> int:
    if args.action == "list":
        for s in find_sessions(store):
            print(f"{s.id}  {mode_of(s):11}  {s.status:8}  {_label(s):20}  started {s.created_at:%Y-%m-%d %H:%M}"
                  f"  updated {s.updated_at:%Y-%m-%d %H:%M}  {_size(s)}")
        return 0
    if args.action == "purge":
        days = args.days if args.days is not None else settings.retention_days
        if days <= 0:
            print("Retention is off (set RETENTION_DAYS or --days): nothing deleted.")
            return 0
        deleted = purge(store, days)
        print(f"Deleted {len(deleted)} session(s) untouched for {days} days.")
        return 0
    session = _one(store, args.id or "")
    if session is None:
        return 1
    if args.action == "show":
        if mode_of(session) == "workshop":
            print(f"Workshop {session.id} ({session.status}), {_label(session)}")
            for point in session.points:
                print(f"- {point.item_id}: {point.text}")
        else:
            print(f"Session {session.id} ({session.status}), case reference {session.case_reference or '-'}")
            for answer in session.answers:
                shown = "(skipped)" if answer.skipped else answer.text
                print(f"- {answer.step_key}: {shown}")
        for path in record_files(session):
            print(f"{'pack' if mode_of(session) == 'workshop' else 'record'}: {path}")
        return 0
    deleted = delete_session(store, session.id)
    saved = "pack" if mode_of(session) == "workshop" else "record"
    print(f"Deleted {mode_of(session)} session {deleted.session_id}: {deleted.files} {saved} file(s), "
          f"{deleted.conversation_events} conversation event(s).")
    return 0


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bot", description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    commands = parser.add_subparsers(dest="command", required=True)
    commands.add_parser("check", help="load and check the files in knowledge/")
    sessions = commands.add_parser("sessions", help="list, show or delete stored sessions")
    sessions.add_argument("action", choices=["list", "show", "delete", "purge"])
    sessions.add_argument("id", nargs="?", help="a session id, or its first characters")
    sessions.add_argument("--days", type=int, help="with purge: age in days (default RETENTION_DAYS)")
    records = commands.add_parser("records", help="record files that no session refers to")
    records.add_argument("action", choices=["orphans"])
    args = parser.parse_args(argv)
    settings = Settings.from_env()
    if args.command == "check":
        return _check(settings)
    if args.command == "records":
        for path in orphan_records(Store(make_engine(settings.database_url)), settings.records_dir):
            print(path)
        return 0
    if args.action in ("show", "delete") and not args.id:
        parser.error(f"sessions {args.action} needs a session id")
    return _sessions(args, Store(make_engine(settings.database_url)), settings)


if __name__ == "__main__":
    sys.exit(main())
