"""A meeting can be cancelled: the date it was called off and a note for the public.

Revision ID: 0006
Revises: 0005
"""

import sqlalchemy as sa
from alembic import op

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("meeting") as batch:
        batch.add_column(sa.Column("cancelled_on", sa.String(length=10), nullable=True))
        batch.add_column(sa.Column("cancellation_note", sa.String(length=500), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("meeting") as batch:
        batch.drop_column("cancellation_note")
        batch.drop_column("cancelled_on")
