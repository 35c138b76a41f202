"""Bodies, members, meetings, agendas, attendance, public comment and minutes corrections.

Revision ID: 0002
Revises: 0001
"""

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "body",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("kind", sa.String(length=16), nullable=False),
        sa.Column("seats", sa.Integer(), nullable=False),
        sa.Column("quorum_fixed", sa.Integer(), nullable=True),
        sa.Column("quorum_counts_seats", sa.Boolean(), nullable=False),
        sa.Column("profile", sa.String(length=16), nullable=False),
        sa.Column("usual_agenda", sa.Text(), nullable=False),
        sa.CheckConstraint("seats >= 1", name=op.f("ck_body_seats_positive")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_body")),
        sa.UniqueConstraint("name", name=op.f("uq_body_name")),
    )
    op.create_table(
        "meeting",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("body_id", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(length=16), nullable=False),
        sa.Column("date", sa.String(length=10), nullable=False),
        sa.Column("start_time", sa.String(length=5), nullable=False),
        sa.Column("place", sa.String(length=300), nullable=False),
        sa.Column("remote_link", sa.String(length=500), nullable=False),
        sa.Column("notice_posted", sa.String(length=19), nullable=True),
        sa.Column("called_to_order", sa.String(length=5), nullable=True),
        sa.Column("adjourned", sa.String(length=5), nullable=True),
        sa.Column("minutes_status", sa.String(length=16), nullable=False),
        sa.Column("minutes_proposed_on", sa.String(length=10), nullable=True),
        sa.Column("minutes_approved_on", sa.String(length=10), nullable=True),
        sa.Column("current_item", sa.Integer(), nullable=True),
        sa.CheckConstraint(
            "minutes_status IN ('draft', 'proposed', 'approved')",
            name=op.f("ck_meeting_minutes_status_valid"),
        ),
        sa.ForeignKeyConstraint(
            ["body_id"], ["body.id"], name=op.f("fk_meeting_body_id_body"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_meeting")),
    )
    with op.batch_alter_table("meeting", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_meeting_body_id"), ["body_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_meeting_date"), ["date"], unique=False)

    op.create_table(
        "member",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("body_id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("office", sa.String(length=16), nullable=False),
        sa.Column("voting", sa.Boolean(), nullable=False),
        sa.Column("appointed_by", sa.String(length=200), nullable=False),
        sa.Column("seat", sa.Integer(), nullable=True),
        sa.Column("term_start", sa.String(length=10), nullable=False),
        sa.Column("term_end", sa.String(length=10), nullable=True),
        sa.ForeignKeyConstraint(
            ["body_id"], ["body.id"], name=op.f("fk_member_body_id_body"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_member")),
    )
    with op.batch_alter_table("member", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_member_body_id"), ["body_id"], unique=False)

    op.create_table(
        "agenda_item",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("meeting_id", sa.Integer(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("title", sa.String(length=300), nullable=False),
        sa.Column("notes", sa.Text(), nullable=False),
        sa.Column("notes_saved_at", sa.String(length=32), nullable=True),
        sa.ForeignKeyConstraint(
            ["meeting_id"],
            ["meeting.id"],
            name=op.f("fk_agenda_item_meeting_id_meeting"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_agenda_item")),
    )
    with op.batch_alter_table("agenda_item", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_agenda_item_meeting_id"), ["meeting_id"], unique=False)

    op.create_table(
        "attendance",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("meeting_id", sa.Integer(), nullable=False),
        sa.Column("member_id", sa.Integer(), nullable=False),
        sa.Column("presence", sa.String(length=16), nullable=False),
        sa.Column("arrived", sa.String(length=5), nullable=True),
        sa.Column("departed", sa.String(length=5), nullable=True),
        sa.ForeignKeyConstraint(
            ["meeting_id"],
            ["meeting.id"],
            name=op.f("fk_attendance_meeting_id_meeting"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["member_id"],
            ["member.id"],
            name=op.f("fk_attendance_member_id_member"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_attendance")),
        sa.UniqueConstraint(
            "meeting_id", "member_id", name=op.f("uq_attendance_meeting_id_member_id")
        ),
    )
    with op.batch_alter_table("attendance", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_attendance_meeting_id"), ["meeting_id"], unique=False)

    op.create_table(
        "guest",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("meeting_id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("role", sa.String(length=100), nullable=False),
        sa.ForeignKeyConstraint(
            ["meeting_id"],
            ["meeting.id"],
            name=op.f("fk_guest_meeting_id_meeting"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_guest")),
    )
    with op.batch_alter_table("guest", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_guest_meeting_id"), ["meeting_id"], unique=False)

    op.create_table(
        "public_comment",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("meeting_id", sa.Integer(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("speaker", sa.String(length=200), nullable=False),
        sa.Column("topic", sa.String(length=300), nullable=False),
        sa.Column("summary", sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(
            ["meeting_id"],
            ["meeting.id"],
            name=op.f("fk_public_comment_meeting_id_meeting"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_public_comment")),
    )
    with op.batch_alter_table("public_comment", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_public_comment_meeting_id"), ["meeting_id"], unique=False
        )

    op.create_table(
        "minutes_correction",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("meeting_id", sa.Integer(), nullable=False),
        sa.Column("agenda_item_id", sa.Integer(), nullable=True),
        sa.Column("original_text", sa.Text(), nullable=False),
        sa.Column("corrected_text", sa.Text(), nullable=False),
        sa.Column("approved_on", sa.String(length=10), nullable=False),
        sa.Column("recorded_at", sa.String(length=32), nullable=False),
        sa.ForeignKeyConstraint(
            ["agenda_item_id"],
            ["agenda_item.id"],
            name=op.f("fk_minutes_correction_agenda_item_id_agenda_item"),
            ondelete="SET NULL",
        ),
        sa.ForeignKeyConstraint(
            ["meeting_id"],
            ["meeting.id"],
            name=op.f("fk_minutes_correction_meeting_id_meeting"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_minutes_correction")),
    )
    with op.batch_alter_table("minutes_correction", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_minutes_correction_meeting_id"), ["meeting_id"], unique=False
        )


def downgrade() -> None:
    with op.batch_alter_table("minutes_correction", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_minutes_correction_meeting_id"))

    op.drop_table("minutes_correction")
    with op.batch_alter_table("public_comment", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_public_comment_meeting_id"))

    op.drop_table("public_comment")
    with op.batch_alter_table("guest", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_guest_meeting_id"))

    op.drop_table("guest")
    with op.batch_alter_table("attendance", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_attendance_meeting_id"))

    op.drop_table("attendance")
    with op.batch_alter_table("agenda_item", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_agenda_item_meeting_id"))

    op.drop_table("agenda_item")
    with op.batch_alter_table("member", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_member_body_id"))

    op.drop_table("member")
    with op.batch_alter_table("meeting", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_meeting_date"))
        batch_op.drop_index(batch_op.f("ix_meeting_body_id"))

    op.drop_table("meeting")
    op.drop_table("body")
