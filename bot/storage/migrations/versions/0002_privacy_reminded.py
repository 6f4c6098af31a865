"""The privacy reminder is kept one way in every mode: a flag on the session.

Supervision sessions kept it as a "privacy" note row and workshops as a
column; both now have the column. A note row becomes the flag and goes.

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-28
"""
import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    columns = {c["name"] for c in sa.inspect(op.get_bind()).get_columns("supervision_sessions")}
    if "privacy_reminded" not in columns:  # a database made by create_all already has it
        # ALTER TABLE ... ADD COLUMN, never a batch copy: SQLite would drop the old table to copy it
        op.add_column("supervision_sessions", sa.Column("privacy_reminded", sa.Boolean(), nullable=False,
                                                        server_default=sa.false()))
    op.execute("UPDATE supervision_sessions SET privacy_reminded = TRUE WHERE id IN "
               "(SELECT session_id FROM session_notes WHERE kind = 'privacy')")
    op.execute("DELETE FROM session_notes WHERE kind = 'privacy'")


def downgrade() -> None:
    op.execute("INSERT INTO session_notes (session_id, kind, text, created_at) "
               "SELECT id, 'privacy', '', updated_at FROM supervision_sessions WHERE privacy_reminded")
    op.drop_column("supervision_sessions", "privacy_reminded")  # SQLite 3.35 and later drop a column in place
