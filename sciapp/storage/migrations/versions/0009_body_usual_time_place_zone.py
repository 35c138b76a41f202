"""Each body's usual meeting time and place, and the time zone it meets in.

A new meeting starts from the body's usual time and place; the time zone (an IANA name
such as "America/Detroit") gives stored local times their UTC offset in exports and
calendar feeds. All three are nullable: a body set up before keeps the old defaults
(19:00, no place) and the computer's own time zone. Columns only, as in 0008: SQLite would
otherwise rebuild the body table, and dropping it would cascade.

Revision ID: 0009
Revises: 0008
"""

import sqlalchemy as sa
from alembic import op

revision = "0009"
down_revision = "0008"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("body") as batch:
        batch.add_column(sa.Column("usual_time", sa.String(5), nullable=True))
        batch.add_column(sa.Column("usual_place", sa.String(300), nullable=True))
        batch.add_column(sa.Column("time_zone", sa.String(64), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("body") as batch:
        batch.drop_column("time_zone")
        batch.drop_column("usual_place")
        batch.drop_column("usual_time")
