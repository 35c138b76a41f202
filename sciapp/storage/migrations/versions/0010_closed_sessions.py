"""Closed sessions: a table of its own, one row per closed (executive) session of a meeting.

The closed minutes live here, apart from every table the public minutes are built from, so
no export reads them by accident. A new table only: nothing existing is rebuilt or resealed.

Revision ID: 0010
Revises: 0009
"""

import sqlalchemy as sa
from alembic import op

revision = "0010"
down_revision = "0009"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "closed_session",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("meeting_id", sa.Integer(), nullable=False),
        sa.Column("motion_id", sa.Integer(), nullable=True),
        sa.Column("purposes", sa.Text(), nullable=False),
        sa.Column("entered_at", sa.String(length=5), nullable=False),
        sa.Column("left_at", sa.String(length=5), nullable=True),
        sa.Column("stayed", sa.Text(), nullable=False),
        sa.Column("others_present", sa.String(length=500), nullable=False),
        sa.Column("minutes", sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(
            ["meeting_id"],
            ["meeting.id"],
            name=op.f("fk_closed_session_meeting_id_meeting"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["motion_id"],
            ["motion.id"],
            name=op.f("fk_closed_session_motion_id_motion"),
            ondelete="SET NULL",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_closed_session")),
    )
    with op.batch_alter_table("closed_session") as batch:
        batch.create_index(batch.f("ix_closed_session_meeting_id"), ["meeting_id"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("closed_session") as batch:
        batch.drop_index(batch.f("ix_closed_session_meeting_id"))
    op.drop_table("closed_session")
