"""The status events' index on partnership_id dropped: the unique (partnership_id, sequence)
index begins with it and answers the same look-ups (a tie's history, the cascade on delete,
on SQLite and on a server alike), while every new event paid to keep both (a 20,000-row CSV
import's 24,000 events). An index only: no table is rebuilt.

Revision ID: 0012
Revises: 0011
"""

from alembic import op

revision = "0012"
down_revision = "0011"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.drop_index("ix_status_event_partnership_id", table_name="status_event")


def downgrade() -> None:
    op.create_index("ix_status_event_partnership_id", "status_event", ["partnership_id"])
