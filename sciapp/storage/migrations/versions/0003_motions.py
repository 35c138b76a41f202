"""Motions and roll-call votes; each body's default vote rule and how its chair votes.

Revision ID: 0003
Revises: 0002
"""

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "motion",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("meeting_id", sa.Integer(), nullable=False),
        sa.Column("agenda_item_id", sa.Integer(), nullable=True),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("kind", sa.String(length=24), nullable=False),
        sa.Column("mover_id", sa.Integer(), nullable=True),
        sa.Column("seconder_id", sa.Integer(), nullable=True),
        sa.Column("rule", sa.String(length=24), nullable=False),
        sa.Column("moved_at", sa.String(length=5), nullable=False),
        sa.Column("method", sa.String(length=16), nullable=True),
        sa.Column("yes", sa.Integer(), nullable=False),
        sa.Column("no", sa.Integer(), nullable=False),
        sa.Column("abstain", sa.Integer(), nullable=False),
        sa.Column("present", sa.Integer(), nullable=False),
        sa.Column("result", sa.String(length=16), nullable=True),
        sa.Column("explanation", sa.Text(), nullable=False),
        sa.Column("partnership_id", sa.Integer(), nullable=True),
        sa.Column("action", sa.String(length=16), nullable=True),
        sa.Column("action_reason", sa.Text(), nullable=False),
        sa.Column("action_condition", sa.Text(), nullable=False),
        sa.Column("status_event_id", sa.Integer(), nullable=True),
        sa.CheckConstraint(
            "yes >= 0 AND no >= 0 AND abstain >= 0", name=op.f("ck_motion_counts_positive")
        ),
        sa.ForeignKeyConstraint(
            ["agenda_item_id"],
            ["agenda_item.id"],
            name=op.f("fk_motion_agenda_item_id_agenda_item"),
            ondelete="SET NULL",
        ),
        sa.ForeignKeyConstraint(
            ["meeting_id"],
            ["meeting.id"],
            name=op.f("fk_motion_meeting_id_meeting"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["mover_id"], ["member.id"], name=op.f("fk_motion_mover_id_member"), ondelete="SET NULL"
        ),
        sa.ForeignKeyConstraint(
            ["partnership_id"],
            ["partnership.id"],
            name=op.f("fk_motion_partnership_id_partnership"),
            ondelete="SET NULL",
        ),
        sa.ForeignKeyConstraint(
            ["seconder_id"],
            ["member.id"],
            name=op.f("fk_motion_seconder_id_member"),
            ondelete="SET NULL",
        ),
        sa.ForeignKeyConstraint(
            ["status_event_id"],
            ["status_event.id"],
            name=op.f("fk_motion_status_event_id_status_event"),
            ondelete="SET NULL",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_motion")),
    )
    with op.batch_alter_table("motion", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_motion_meeting_id"), ["meeting_id"], unique=False)
        batch_op.create_index(
            batch_op.f("ix_motion_partnership_id"), ["partnership_id"], unique=False
        )

    op.create_table(
        "roll_call_vote",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("motion_id", sa.Integer(), nullable=False),
        sa.Column("member_id", sa.Integer(), nullable=False),
        sa.Column("option", sa.String(length=16), nullable=False),
        sa.Column("counted", sa.Boolean(), nullable=False),
        sa.CheckConstraint(
            "option IN ('yes', 'no', 'abstain', 'recused', 'absent')",
            name=op.f("ck_roll_call_vote_option_valid"),
        ),
        sa.ForeignKeyConstraint(
            ["member_id"],
            ["member.id"],
            name=op.f("fk_roll_call_vote_member_id_member"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["motion_id"],
            ["motion.id"],
            name=op.f("fk_roll_call_vote_motion_id_motion"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_roll_call_vote")),
        sa.UniqueConstraint(
            "motion_id", "member_id", name=op.f("uq_roll_call_vote_motion_id_member_id")
        ),
    )
    with op.batch_alter_table("roll_call_vote", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_roll_call_vote_motion_id"), ["motion_id"], unique=False
        )

    with op.batch_alter_table("body", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column(
                "default_rule", sa.String(length=24), nullable=False, server_default="majority-cast"
            )
        )
        batch_op.add_column(
            sa.Column("chair_voting", sa.String(length=16), nullable=False, server_default="always")
        )


def downgrade() -> None:
    with op.batch_alter_table("body", schema=None) as batch_op:
        batch_op.drop_column("chair_voting")
        batch_op.drop_column("default_rule")

    with op.batch_alter_table("roll_call_vote", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_roll_call_vote_motion_id"))

    op.drop_table("roll_call_vote")
    with op.batch_alter_table("motion", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_motion_partnership_id"))
        batch_op.drop_index(batch_op.f("ix_motion_meeting_id"))

    op.drop_table("motion")
