"""A workshop keeps "Is a child in danger right now?" open until it is answered, as supervision does.

Supervision keeps the open check as a note; a workshop has no notes, so its
session gets a flag. A typed "yes" to the check then gives the urgent reply
instead of being stored as one of the group's points.

Revision ID: 0004
Revises: 0003
Create Date: 2026-12-02
"""
import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    columns = {c["name"] for c in sa.inspect(op.get_bind()).get_columns("workshop_sessions")}
    if "danger_check" not in columns:  # a database made by create_all already has it
        # ALTER TABLE ... ADD COLUMN, never a batch copy: SQLite would drop the old table to copy it
        op.add_column("workshop_sessions", sa.Column("danger_check", sa.Boolean(), nullable=False,
                                                     server_default=sa.false()))


def downgrade() -> None:
    op.drop_column("workshop_sessions", "danger_check")
