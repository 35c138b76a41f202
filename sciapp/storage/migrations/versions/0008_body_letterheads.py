"""Each body has its own letterhead and signers; a letter names the body that writes it.

Both columns are nullable: a body without its own letterhead, and every letter written
before, print on the register's general letterhead (the documents setting) as they did. The
body table gains a column only (no constraint): SQLite would otherwise rebuild it, and
dropping the old table would cascade to every member, meeting and resolution.

Revision ID: 0008
Revises: 0007
"""

import sqlalchemy as sa
from alembic import op

revision = "0008"
down_revision = "0007"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("body") as batch:
        batch.add_column(sa.Column("letterhead", sa.Text(), nullable=True))
    with op.batch_alter_table("letter") as batch:
        batch.add_column(sa.Column("body_id", sa.Integer(), nullable=True))
        batch.create_foreign_key(
            op.f("fk_letter_body_id_body"), "body", ["body_id"], ["id"], ondelete="SET NULL"
        )


def downgrade() -> None:
    with op.batch_alter_table("letter") as batch:
        batch.drop_constraint(op.f("fk_letter_body_id_body"), type_="foreignkey")
        batch.drop_column("body_id")
    with op.batch_alter_table("body") as batch:
        batch.drop_column("letterhead")
