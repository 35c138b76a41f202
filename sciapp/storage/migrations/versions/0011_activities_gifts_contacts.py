"""Activities on a partnership (with participants and files kept in the database), gifts,
contacts and the Sister Cities International membership by year. New tables only: nothing
existing is rebuilt or resealed.

Revision ID: 0011
Revises: 0010
"""

import sqlalchemy as sa
from alembic import op

revision = "0011"
down_revision = "0010"
branch_labels = None
depends_on = None


def _fk(table: str, column: str, parent: str, ondelete: str) -> sa.ForeignKeyConstraint:
    return sa.ForeignKeyConstraint(
        [column],
        [f"{parent}.id"],
        name=op.f(f"fk_{table}_{column}_{parent}"),
        ondelete=ondelete,
    )


def _index(table: str, column: str) -> None:
    with op.batch_alter_table(table) as batch:
        batch.create_index(batch.f(f"ix_{table}_{column}"), [column], unique=False)


def upgrade() -> None:
    op.create_table(
        "sci_membership",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("year", sa.Integer(), nullable=False),
        sa.Column("dues_paid_on", sa.String(length=10), nullable=True),
        sa.Column("dues_cents", sa.Integer(), nullable=True),
        sa.Column("currency", sa.String(length=3), nullable=False),
        sa.Column("agreement_on_file", sa.Boolean(), nullable=False),
        sa.Column("notes", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_sci_membership")),
        sa.UniqueConstraint("year", name=op.f("uq_sci_membership_year")),
    )
    op.create_table(
        "contact",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("partnership_id", sa.Integer(), nullable=True),
        sa.Column("role", sa.String(length=32), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("name_latin", sa.String(length=200), nullable=False),
        sa.Column("organisation", sa.String(length=200), nullable=False),
        sa.Column("address", sa.Text(), nullable=False),
        sa.Column("email", sa.String(length=200), nullable=False),
        sa.Column("phone", sa.String(length=50), nullable=False),
        sa.Column("language", sa.String(length=100), nullable=False),
        sa.Column("notes", sa.Text(), nullable=False),
        _fk("contact", "partnership_id", "partnership", "CASCADE"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_contact")),
    )
    _index("contact", "partnership_id")
    op.create_table(
        "activity",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("partnership_id", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(length=32), nullable=False),
        sa.Column("title", sa.String(length=300), nullable=False),
        sa.Column("starts_on", sa.String(length=10), nullable=False),
        sa.Column("ends_on", sa.String(length=10), nullable=True),
        sa.Column("place", sa.String(length=300), nullable=False),
        sa.Column("budget_cents", sa.Integer(), nullable=True),
        sa.Column("spent_cents", sa.Integer(), nullable=True),
        sa.Column("currency", sa.String(length=3), nullable=False),
        sa.Column("motion_id", sa.Integer(), nullable=True),
        sa.Column("notes", sa.Text(), nullable=False),
        sa.CheckConstraint(
            "ends_on IS NULL OR ends_on >= starts_on", name=op.f("ck_activity_dates_in_order")
        ),
        _fk("activity", "motion_id", "motion", "SET NULL"),
        _fk("activity", "partnership_id", "partnership", "CASCADE"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_activity")),
    )
    _index("activity", "partnership_id")
    op.create_table(
        "activity_file",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("activity_id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("media_type", sa.String(length=100), nullable=False),
        sa.Column("size", sa.Integer(), nullable=False),
        sa.Column("sha256", sa.String(length=64), nullable=False),
        sa.Column("content", sa.LargeBinary(), nullable=False),
        sa.Column("added_at", sa.String(length=32), nullable=False),
        _fk("activity_file", "activity_id", "activity", "CASCADE"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_activity_file")),
    )
    _index("activity_file", "activity_id")
    op.create_table(
        "activity_participant",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("activity_id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("role", sa.String(length=16), nullable=False),
        sa.Column("member_id", sa.Integer(), nullable=True),
        sa.Column("chaperone_id", sa.Integer(), nullable=True),
        _fk("activity_participant", "activity_id", "activity", "CASCADE"),
        _fk("activity_participant", "chaperone_id", "activity_participant", "SET NULL"),
        _fk("activity_participant", "member_id", "member", "SET NULL"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_activity_participant")),
    )
    _index("activity_participant", "activity_id")
    op.create_table(
        "gift",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("direction", sa.String(length=16), nullable=False),
        sa.Column("description", sa.String(length=500), nullable=False),
        sa.Column("exchanged_on", sa.String(length=10), nullable=True),
        sa.Column("counterpart_name", sa.String(length=200), nullable=False),
        sa.Column("counterpart_office", sa.String(length=200), nullable=False),
        sa.Column("counterpart_city", sa.String(length=200), nullable=False),
        sa.Column("partnership_id", sa.Integer(), nullable=True),
        sa.Column("activity_id", sa.Integer(), nullable=True),
        sa.Column("value_cents", sa.Integer(), nullable=True),
        sa.Column("currency", sa.String(length=3), nullable=False),
        sa.Column("city_property", sa.Boolean(), nullable=False),
        sa.Column("custodian", sa.String(length=200), nullable=False),
        sa.Column("location", sa.String(length=300), nullable=False),
        sa.Column("disposition", sa.String(length=500), nullable=False),
        sa.Column("disposed_on", sa.String(length=10), nullable=True),
        sa.Column("notes", sa.Text(), nullable=False),
        _fk("gift", "activity_id", "activity", "SET NULL"),
        _fk("gift", "partnership_id", "partnership", "SET NULL"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_gift")),
    )
    _index("gift", "activity_id")
    _index("gift", "partnership_id")


def downgrade() -> None:
    for table, columns in (
        ("gift", ("partnership_id", "activity_id")),
        ("activity_participant", ("activity_id",)),
        ("activity_file", ("activity_id",)),
        ("activity", ("partnership_id",)),
        ("contact", ("partnership_id",)),
        ("sci_membership", ()),
    ):
        if columns:
            with op.batch_alter_table(table) as batch:
                for column in columns:
                    batch.drop_index(batch.f(f"ix_{table}_{column}"))
        op.drop_table(table)
