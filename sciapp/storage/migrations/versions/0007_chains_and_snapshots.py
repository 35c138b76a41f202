"""Seals get their place in the chain and a snapshot of what they print; the audit trail is
hash-chained; a motion can name what it rescinds or amends; a resolution the one it replaces.

Every new column is nullable: seals made before keep their digests. The audit entries already
written are chained here. Seals are re-made with snapshots after this script, in the same
transaction, by the services' upgrade step (storage knows nothing of printing).

Revision ID: 0007
Revises: 0006
"""

import sqlalchemy as sa
from alembic import op

from sciapp.storage.chain import GENESIS, audit_digest

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("audit_entry") as batch:
        batch.add_column(sa.Column("previous", sa.String(length=64), nullable=True))
        batch.add_column(sa.Column("digest", sa.String(length=64), nullable=True))
    with op.batch_alter_table("seal") as batch:
        batch.add_column(sa.Column("position", sa.Integer(), nullable=True))
        batch.add_column(sa.Column("snapshot", sa.Text(), nullable=True))
        batch.add_column(sa.Column("snapshot_digest", sa.String(length=64), nullable=True))
        batch.create_unique_constraint(op.f("uq_seal_position"), ["position"])
    # Columns only: a constraint would make SQLite rebuild the table, and dropping the old
    # motion table would cascade to its roll calls (foreign keys are on).
    with op.batch_alter_table("motion") as batch:
        batch.add_column(sa.Column("refers_to_motion_id", sa.Integer(), nullable=True))
        batch.add_column(sa.Column("refers_to_resolution", sa.String(length=40), nullable=True))
    with op.batch_alter_table("resolution") as batch:
        batch.add_column(sa.Column("supersedes", sa.String(length=40), nullable=True))
    _chain_audit_entries()


def _chain_audit_entries() -> None:
    entry = sa.table(
        "audit_entry",
        *(
            sa.column(name)
            for name in (
                "id",
                "at",
                "actor",
                "action",
                "table_name",
                "record_id",
                "label",
                "changes",
                "previous",
                "digest",
            )
        ),
    )
    bind = op.get_bind()
    rows = bind.execute(sa.select(entry).order_by(entry.c.id)).mappings().all()
    previous = GENESIS
    links = []
    for row in rows:
        digest = audit_digest(previous, dict(row))
        links.append({"entry_id": row["id"], "previous": previous, "digest": digest})
        previous = digest
    if links:
        bind.execute(
            entry.update()
            .where(entry.c.id == sa.bindparam("entry_id"))
            .values(previous=sa.bindparam("previous"), digest=sa.bindparam("digest")),
            links,
        )


def downgrade() -> None:
    with op.batch_alter_table("resolution") as batch:
        batch.drop_column("supersedes")
    with op.batch_alter_table("motion") as batch:
        batch.drop_column("refers_to_resolution")
        batch.drop_column("refers_to_motion_id")
    with op.batch_alter_table("seal") as batch:
        batch.drop_constraint(op.f("uq_seal_position"), type_="unique")
        batch.drop_column("snapshot_digest")
        batch.drop_column("snapshot")
        batch.drop_column("position")
    with op.batch_alter_table("audit_entry") as batch:
        batch.drop_column("digest")
        batch.drop_column("previous")
