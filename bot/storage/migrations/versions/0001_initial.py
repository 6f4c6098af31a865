"""Sessions, answers and notes; workshop sessions and the group's points.

Revision ID: 0001
Revises:
Create Date: 2026-11-27
"""
import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def _session_fk() -> sa.Column:
    return sa.Column("session_id", sa.String(36),
                     sa.ForeignKey("supervision_sessions.id", ondelete="CASCADE"), nullable=False)


def upgrade() -> None:
    op.create_table(
        "supervision_sessions",
        sa.Column("id", sa.String(36), primary_key=True),
        sa.Column("sender_id", sa.String(255), nullable=False),
        sa.Column("kind", sa.String(20), nullable=False),
        sa.Column("status", sa.String(20), nullable=False),
        sa.Column("case_reference", sa.String(255)),
        sa.Column("focus", sa.String(120)),
        sa.Column("record_path", sa.Text()),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
    )
    op.create_index("ix_supervision_sessions_sender_id", "supervision_sessions", ["sender_id"])
    op.create_table(
        "answers",
        sa.Column("id", sa.Integer(), primary_key=True),
        _session_fk(),
        sa.Column("step_key", sa.String(120), nullable=False),
        sa.Column("question", sa.Text(), nullable=False),
        sa.Column("text", sa.Text()),
        sa.Column("value", sa.JSON()),
        sa.Column("skipped", sa.Boolean(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.UniqueConstraint("session_id", "step_key"),
    )
    op.create_index("ix_answers_session_id", "answers", ["session_id"])
    op.create_table(
        "session_notes",
        sa.Column("id", sa.Integer(), primary_key=True),
        _session_fk(),
        sa.Column("kind", sa.String(40), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
    )
    op.create_index("ix_session_notes_session_id", "session_notes", ["session_id"])
    op.create_table(
        "workshop_sessions",
        sa.Column("id", sa.String(36), primary_key=True),
        sa.Column("sender_id", sa.String(255), nullable=False),
        sa.Column("status", sa.String(20), nullable=False),
        sa.Column("minutes", sa.Integer()),
        sa.Column("group", sa.String(40)),
        sa.Column("themes", sa.JSON()),
        sa.Column("current_item", sa.Integer()),
        sa.Column("privacy_reminded", sa.Boolean(), nullable=False),
        sa.Column("pack_path", sa.Text()),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
    )
    op.create_index("ix_workshop_sessions_sender_id", "workshop_sessions", ["sender_id"])
    op.create_table(
        "workshop_points",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("session_id", sa.String(36),
                  sa.ForeignKey("workshop_sessions.id", ondelete="CASCADE"), nullable=False),
        sa.Column("item_id", sa.String(120), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
    )
    op.create_index("ix_workshop_points_session_id", "workshop_points", ["session_id"])


def downgrade() -> None:
    for table in ("workshop_points", "workshop_sessions", "session_notes", "answers", "supervision_sessions"):
        op.drop_table(table)
