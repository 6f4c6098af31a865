"""Changing an answer is kept in two columns with one meaning each.

`focus` held either the key of a question being asked again or a marker for
the list of answers to change ("review.change"). It becomes `choosing_change`
(the list is shown) and `changing_step` (the question asked again).

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-29
"""
import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None

PICKER = "review.change"  # what `focus` held while the list was shown


def upgrade() -> None:
    columns = {c["name"] for c in sa.inspect(op.get_bind()).get_columns("supervision_sessions")}
    if "choosing_change" in columns:  # a database made by create_all already has both
        return
    # ALTER TABLE ... ADD COLUMN, never a batch copy: SQLite would drop the old table to copy it
    op.add_column("supervision_sessions", sa.Column("choosing_change", sa.Boolean(), nullable=False,
                                                    server_default=sa.false()))
    op.add_column("supervision_sessions", sa.Column("changing_step", sa.String(120)))
    op.execute(sa.text("UPDATE supervision_sessions SET choosing_change = TRUE WHERE focus = :picker")
               .bindparams(picker=PICKER))
    op.execute(sa.text("UPDATE supervision_sessions SET changing_step = focus "
                       "WHERE focus IS NOT NULL AND focus <> :picker").bindparams(picker=PICKER))
    op.drop_column("supervision_sessions", "focus")  # SQLite 3.35 and later drop a column in place


def downgrade() -> None:
    op.add_column("supervision_sessions", sa.Column("focus", sa.String(120)))
    op.execute(sa.text("UPDATE supervision_sessions SET focus = CASE WHEN choosing_change THEN :picker "
                       "ELSE changing_step END").bindparams(picker=PICKER))
    op.drop_column("supervision_sessions", "changing_step")
    op.drop_column("supervision_sessions", "choosing_change")
