"""Partnerships and their status history.

Revision ID: 0001
Revises:
"""

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None

STATUS_VALUES = "('proposed', 'active', 'suspended', 'terminated')"


def upgrade() -> None:
    op.create_table(
        "partnership",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(32), nullable=False),
        sa.Column("local_jurisdiction", sa.String(200), nullable=False),
        sa.Column("partner_city", sa.String(200), nullable=False),
        sa.Column("partner_city_native", sa.String(200), nullable=False),
        sa.Column("partner_region", sa.String(200), nullable=False),
        sa.Column("partner_country", sa.String(2), nullable=False),
        sa.Column("established", sa.String(10), nullable=True),
        sa.Column("local_signatory_name", sa.String(200), nullable=False),
        sa.Column("local_signatory_title", sa.String(200), nullable=False),
        sa.Column("partner_signatory_name", sa.String(200), nullable=False),
        sa.Column("partner_signatory_title", sa.String(200), nullable=False),
        sa.Column("no_expiry", sa.Boolean(), nullable=False),
        sa.Column("expires", sa.String(10), nullable=True),
        sa.Column("notes", sa.Text(), nullable=False),
        sa.Column("status", sa.String(16), nullable=False),
        sa.Column("status_since", sa.String(10), nullable=True),
        sa.Column("created_at", sa.String(32), nullable=False),
        sa.Column("updated_at", sa.String(32), nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_partnership"),
        sa.CheckConstraint(f"status IN {STATUS_VALUES}", name="ck_partnership_status_valid"),
    )
    op.create_index("ix_partnership_partner_city", "partnership", ["partner_city"])
    op.create_index("ix_partnership_status", "partnership", ["status"])
    op.create_table(
        "status_event",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("partnership_id", sa.Integer(), nullable=False),
        sa.Column("sequence", sa.Integer(), nullable=False),
        sa.Column("status", sa.String(16), nullable=False),
        sa.Column("effective", sa.String(10), nullable=True),
        sa.Column("decided_by", sa.String(32), nullable=True),
        sa.Column("instrument", sa.String(200), nullable=False),
        sa.Column("reason", sa.Text(), nullable=False),
        sa.Column("condition", sa.Text(), nullable=False),
        sa.Column("recorded_at", sa.String(32), nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_status_event"),
        sa.ForeignKeyConstraint(
            ["partnership_id"],
            ["partnership.id"],
            name="fk_status_event_partnership_id_partnership",
            ondelete="CASCADE",
        ),
        sa.UniqueConstraint(
            "partnership_id", "sequence", name="uq_status_event_partnership_id_sequence"
        ),
        sa.CheckConstraint(f"status IN {STATUS_VALUES}", name="ck_status_event_status_valid"),
        sa.CheckConstraint("sequence >= 1", name="ck_status_event_sequence_positive"),
    )
    op.create_index("ix_status_event_partnership_id", "status_event", ["partnership_id"])


def downgrade() -> None:
    op.drop_table("status_event")
    op.drop_table("partnership")
