"""A session knows its case by a key, so the next session on the same case can start from it (issue 28).

`case_key` is the case reference as typed, lower-cased with everything but
letters and digits taken out ("CP-2024/17" and "cp 2024 17" are one case).
Existing sessions get theirs from their stored reference. The rule is copied
here, not imported, so that this migration does what it did when it was
written whatever bot/ becomes.

Revision ID: 0005
Revises: 0004
Create Date: 2026-12-03
"""
import re

import sqlalchemy as sa
from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None


def _key(reference):
    return re.sub(r"[^0-9a-z]", "", (reference or "").casefold())[:255] or None


def upgrade() -> None:
    bind = op.get_bind()
    columns = {c["name"] for c in sa.inspect(bind).get_columns("supervision_sessions")}
    if "case_key" not in columns:  # a database made by create_all already has it
        # ALTER TABLE ... ADD COLUMN, never a batch copy: SQLite would drop the old table to copy it
        op.add_column("supervision_sessions", sa.Column("case_key", sa.String(255), nullable=True))
    indexes = {i["name"] for i in sa.inspect(bind).get_indexes("supervision_sessions")}
    if "ix_supervision_sessions_sender_case" not in indexes:
        op.create_index("ix_supervision_sessions_sender_case", "supervision_sessions", ["sender_id", "case_key"])
    sessions = sa.table("supervision_sessions", sa.column("id", sa.String), sa.column("case_reference", sa.Text),
                        sa.column("case_key", sa.String))
    rows = bind.execute(sa.select(sessions.c.id, sessions.c.case_reference)
                        .where(sessions.c.case_reference.isnot(None), sessions.c.case_key.is_(None))).all()
    for session_id, reference in rows:
        bind.execute(sessions.update().where(sessions.c.id == session_id).values(case_key=_key(reference)))


def downgrade() -> None:
    op.drop_index("ix_supervision_sessions_sender_case", table_name="supervision_sessions")
    op.drop_column("supervision_sessions", "case_key")
