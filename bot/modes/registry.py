"""The modes the assistant offers, in one list: everything that loops over modes reads it.

A mode is a package under bot/modes/ with a `spec.py` that declares a
`ModeSpec`: the intents that start it, the tables it keeps, the kind of
file it saves and how to find them, its progress line for the page, and how
to build its engine. The router (bot/assistant.py), retention and deletion
(bot/storage/retention.py), the saved files the page offers
(bot/records/saved_files.py), the command line (python -m bot) and the page
(webchat/channel.py) all loop over `MODES`, so adding a mode is one new
package and one line below. The first mode is the default: it answers when
no session is open.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable, Dict, List, Mapping, Optional, Tuple

from bot.modes.mode import Mode


@dataclass(frozen=True)
class ModeSpec:
    """What one mode brings to the assistant, beside answering messages."""

    name: str
    starts: Mapping[str, str]  # starting intent -> the kind of session it opens
    session_table: Any  # the ORM model of its sessions: id, sender_id, status, created_at, updated_at
    tables: Tuple[str, ...]  # every table it keeps; rows beyond the sessions' go with their session (cascade)
    file_kind: str  # what the page calls the file a session saves ("record", "pack")
    file_column: str  # the session column naming the file it saved last (what the page offers)
    files_of: Callable[[Any], List[Path]]  # every file one session saved (deleted with it)
    build: Callable[..., Mode]  # build(knowledge, store, settings) -> its engine
    progress: Optional[Callable[[Any, str], Optional[str]]] = None  # (engine, sender) -> a line for the page
    # The command line's view (python -m bot sessions): typed text in these is cleaned by the caller.
    label: Callable[[Any], str] = field(default=lambda session: "-")  # what tells sessions apart in the list
    heading: Optional[Callable[[Any], str]] = None  # `sessions show`'s first line; else "<Name> <id> (<status>)"
    size: Callable[[Any], str] = field(default=lambda session: "")  # e.g. "answers 12"
    shown: Callable[[Any], List[Tuple[str, str]]] = field(default=lambda session: [])  # (key, text) per entry
    # which case a session is on, as (sender, case key), for `sessions list` to show a case's sessions together;
    # None for a mode without cases (a workshop). Never across senders: each practitioner's cases are their own.
    case_of: Callable[[Any], Optional[Tuple[str, str]]] = field(default=lambda session: None)


def _specs() -> List[ModeSpec]:
    from bot.modes.supervision.spec import SPEC as SUPERVISION
    from bot.modes.workshop.spec import SPEC as WORKSHOP
    return [SUPERVISION, WORKSHOP]  # one line per mode; the first is the default


def register(spec: ModeSpec) -> None:
    """Add a mode at run time (the tests' example mode does; a real one adds a line to `_specs`)."""
    if any(existing.name == spec.name for existing in MODES):
        raise ValueError(f"A mode called {spec.name!r} is registered already.")
    clashes = set(spec.starts) & set(start_intents())
    if clashes:
        raise ValueError(f"Mode {spec.name!r} would take starting intents another mode has: {sorted(clashes)}")
    MODES.append(spec)


def unregister(name: str) -> None:
    MODES[:] = [spec for spec in MODES if spec.name != name]


def start_intents() -> Dict[str, Tuple[str, str]]:
    """The one list of starting intents: intent -> (mode, kind of session). data/rules.yml is tested against it."""
    return {intent: (spec.name, kind) for spec in MODES for intent, kind in spec.starts.items()}


def mode_named(name: str) -> ModeSpec:
    return next(spec for spec in MODES if spec.name == name)


def spec_of(session: Any) -> ModeSpec:
    """The mode a stored session belongs to."""
    return next(spec for spec in MODES if isinstance(session, spec.session_table))


def session_tables() -> List[Any]:
    return [spec.session_table for spec in MODES]


MODES: List[ModeSpec] = _specs()  # last, so a mode's modules may import this module's functions
