"""The partnerships' index on status dropped. Nothing needs it: the register is read whole
into the table (20,000 rows in a fraction of a second), and the few queries by status (the
CSV export of one status, the Start page's counts) scan a table of that size in a few
milliseconds; while every row written paid to keep it (a 20,000-row CSV import about 14 ms
of its ~220). An index only: no table is rebuilt.

Revision ID: 0014
Revises: 0013
"""

from alembic import op

revision = "0014"
down_revision = "0013"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.drop_index("ix_partnership_status", table_name="partnership")


def downgrade() -> None:
    op.create_index("ix_partnership_status", "partnership", ["status"])
