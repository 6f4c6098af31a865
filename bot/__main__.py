"""Command line for maintainers: python -m bot check."""
from __future__ import annotations

import argparse
import sys

from .config import Settings
from .knowledge import KnowledgeError, load_knowledge


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bot")
    commands = parser.add_subparsers(dest="command", required=True)
    commands.add_parser("check", help="load and check the files in knowledge/")
    args = parser.parse_args(argv)
    settings = Settings.from_env()
    if args.command == "check":
        try:
            knowledge = load_knowledge(settings.knowledge_dir)
        except KnowledgeError as error:
            print(f"Knowledge check failed: {error}", file=sys.stderr)
            return 1
        print(f"Knowledge OK: {len(knowledge.audit.findings)} findings, {len(knowledge.themes)} themes, "
              f"{len(knowledge.toolkits)} toolkits, {len(knowledge.patterns)} patterns.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
