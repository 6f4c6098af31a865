"""Saving a supervision session's record, so that a file on disk always belongs to a session.

The file's name is stored (committed) before it is written and the file is
removed if the session cannot then be updated; a save with nothing changed
since the last one gives the same file; a failure says why in plain words and
every answer stays in the database for the next "save". A save whose reply
never reached the practitioner (a dropped connection) is named on their next
message.
"""
from __future__ import annotations

import errno
import hashlib
import json
import logging
from pathlib import Path
from typing import Callable, Dict, List, Optional

from sqlalchemy import select
from sqlalchemy.exc import SQLAlchemyError

from bot.records import record_builder
from bot.modes.supervision import steps as S
from bot.content.knowledge import Knowledge
from bot.records.record_docx import claim_record_path, write_record
from bot.responses import Reply, Turn
from bot.storage.store import COMPLETE, PAUSED, SessionNote, Store, SupervisionSession
from bot.config import Settings

logger = logging.getLogger(__name__)


class RecordSaver:
    def __init__(self, knowledge: Knowledge, store: Store, records_dir: Path,
                 write: Callable = write_record, records_label: Optional[str] = None):
        self.knowledge = knowledge
        self.store = store
        self.records_dir = Path(records_dir)
        self.write = write  # bot.records.record_docx.write_record; tests pass one that fails
        # how replies name the records folder (never its path on the server)
        self.records_label = records_label or Settings.from_env().records_label or None

    def save(self, db, session: SupervisionSession, steps: List[S.Step], answers: Dict) -> Turn:
        """Write the record so that a file on disk always belongs to a session.

        The file's name is stored (committed) before it is written and the file
        is removed if the session cannot then be updated; a save with nothing
        changed since the last one gives the same file. A failure says why, and
        every answer stays in the database for the next "save".
        """
        unanswered = [s for s in steps if not S.is_answered(s, answers) and s.kind != S.REVIEW]
        digest = _record_digest(session)
        path = self._unchanged(session, digest)
        if path is None:
            try:
                record = record_builder.build(self.knowledge, session, steps, answers, incomplete=bool(unanswered))
                path = self._write_claimed(db, session, record)
                session.record_path = str(path)
                self.store.add_note(db, session, "record_digest", f"{digest} {path}")
                self._finish_save(session, unanswered)
                self.store.add_note(db, session, "record_unseen", str(path))
                db.commit()
            except SaveFailed as failure:
                return Turn([self._not_written(failure.reason)])
            except SQLAlchemyError as error:
                db.rollback()
                if path is not None:
                    path.unlink(missing_ok=True)  # no session refers to it: it must not stay
                logger.warning("A record could not be stored (%s); its file was removed.", type(error).__name__)
                return Turn([self._not_written("database")])
        else:
            self._finish_save(session, unanswered)
            self.store.add_note(db, session, "record_unseen", str(path))
        where = self.records_label or self.knowledge.prompt("records_folder")
        if unanswered:
            text = self.knowledge.prompt("saved_early", file=path.name, folder=where, left=len(unanswered))
        else:
            text = self.knowledge.prompt("saved", file=path.name, folder=where)
        return Turn([Reply(text)], closed=True)

    @staticmethod
    def _finish_save(session, unanswered) -> None:
        session.stop_changing()
        session.status = PAUSED if unanswered else COMPLETE

    @staticmethod
    def _unchanged(session, digest: str) -> Optional[Path]:
        """The file saved last time, if nothing in the session has changed since and it is still there."""
        latest = next((n for n in reversed(session.notes) if n.kind == "record_digest"), None)
        if latest is None or not session.record_path or latest.text != f"{digest} {session.record_path}":
            return None
        path = Path(session.record_path)
        return path if path.is_file() else None

    def _write_claimed(self, db, session, record) -> Path:
        """Claim a name, store it with the session (committed), then write the file there."""
        for note in session.notes:  # a name claimed by a save that was cut short (a crash): still empty
            claimed = Path(note.text)
            if note.kind == "record" and str(claimed) != session.record_path and claimed.is_file() \
                    and claimed.stat().st_size == 0:
                claimed.unlink(missing_ok=True)
        try:
            path = claim_record_path(record, self.records_dir)
        except OSError as error:
            raise SaveFailed(_why(error)) from error
        try:
            self.store.add_note(db, session, "record", str(path))  # every file, so deletion finds them all
            db.commit()
        except SQLAlchemyError as error:
            db.rollback()
            path.unlink(missing_ok=True)
            logger.warning("A record's name could not be stored (%s).", type(error).__name__)
            raise SaveFailed("database") from error
        try:
            self.write(record, self.records_dir, path=path)
        except Exception as error:  # noqa: BLE001  any failure: no half-made file stays
            path.unlink(missing_ok=True)
            logger.warning("A record could not be written (%s).", type(error).__name__)
            raise SaveFailed(_why(error)) from error
        return path

    def _not_written(self, reason: str) -> Reply:
        return Reply(self.knowledge.prompt("record_not_written", why=self.knowledge.prompt(f"why_{reason}")))

    def unseen_record(self, db, sender_id: str) -> List[Reply]:
        """A save the practitioner never saw (the connection dropped): say where it went, once."""
        notes = db.execute(select(SessionNote).join(SupervisionSession)
                           .where(SupervisionSession.sender_id == sender_id, SessionNote.kind == "record_unseen")
                           .order_by(SessionNote.id)).scalars().all()
        for note in notes:
            db.delete(note)
        if not notes:
            return []
        where = self.records_label or self.knowledge.prompt("records_folder")
        return [Reply(self.knowledge.prompt("record_was_saved", file=Path(notes[-1].text).name, folder=where))]

    def record_seen(self, sender_id: str) -> None:
        """The save's reply reached the practitioner (the form closed normally)."""
        with self.store.transaction() as db:
            self.unseen_record(db, sender_id)



class SaveFailed(Exception):
    def __init__(self, reason: str):
        super().__init__(reason)
        self.reason = reason  # folder | disk_full | database | other


def _why(error: BaseException) -> str:
    if isinstance(error, OSError):
        if error.errno in (errno.EACCES, errno.EPERM, errno.EROFS):
            return "folder"
        if error.errno in (errno.ENOSPC, errno.EDQUOT):
            return "disk_full"
    return "other"


_RECORD_NOTES = ("record", "record_digest", "record_unseen")


def _record_digest(session: SupervisionSession) -> str:
    """What a record is made from: when this is unchanged, so is the record."""
    parts = [session.kind or "", session.case_reference or ""]
    parts += [json.dumps([a.step_key, a.text, a.value, a.skipped], sort_keys=True, default=str)
              for a in session.answers]
    parts += [f"{n.kind}|{n.text}" for n in session.notes if n.kind not in _RECORD_NOTES]
    return hashlib.sha256("\n".join(parts).encode("utf-8")).hexdigest()
