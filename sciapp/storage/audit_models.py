"""The audit trail and the seals on approved records (migration 0005; chained in 0007)."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import CheckConstraint, Index, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from sciapp.storage.models import Base
from sciapp.storage.types import IsoDateTime


class AuditEntry(Base):
    """One create, change or delete, written in the transaction that made it."""

    __tablename__ = "audit_entry"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    # UTC, ISO 8601 to the second. The chain hashes the stored text (storage/audit_chain.py).
    at: Mapped[dt.datetime] = mapped_column(IsoDateTime(32))
    actor: Mapped[str] = mapped_column(String(200))
    action: Mapped[str] = mapped_column(String(8))
    table_name: Mapped[str] = mapped_column(String(64))
    record_id: Mapped[str] = mapped_column(String(100))
    label: Mapped[str] = mapped_column(String(300), default="")
    changes: Mapped[str] = mapped_column(Text, default="{}")  # JSON {field: [old, new]}
    # Hash-chained like the seals (storage/chain.py): a deleted, edited or inserted entry
    # breaks the chain at that point.
    previous: Mapped[str | None] = mapped_column(String(64))
    digest: Mapped[str | None] = mapped_column(String(64))

    __table_args__ = (
        CheckConstraint("action IN ('create', 'update', 'delete')", name="action_valid"),
        Index("ix_audit_entry_record", "table_name", "record_id"),
        Index("ix_audit_entry_at", "at"),
    )


class Seal(Base):
    """A SHA-256 digest of an approved record's content, chained to the seal before it."""

    __tablename__ = "seal"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    kind: Mapped[str] = mapped_column(String(16))
    record_id: Mapped[int] = mapped_column(Integer)
    label: Mapped[str] = mapped_column(String(300))
    content_digest: Mapped[str] = mapped_column(String(64))
    previous: Mapped[str] = mapped_column(String(64))  # the chain digest before this one
    digest: Mapped[str] = mapped_column(String(64))  # storage/chain.seal_digest
    sealed_at: Mapped[str] = mapped_column(String(32))
    sealed_by: Mapped[str] = mapped_column(String(200))
    # From 0007: the seal's place in the chain (1, 2 …) and what the record printed when it
    # was sealed (canonical JSON), both covered by the digest. NULL in seals made before.
    position: Mapped[int | None] = mapped_column(Integer)
    snapshot: Mapped[str | None] = mapped_column(Text)
    snapshot_digest: Mapped[str | None] = mapped_column(String(64))

    __table_args__ = (
        UniqueConstraint("kind", "record_id"),
        UniqueConstraint("position"),
        CheckConstraint("kind IN ('minutes', 'resolution')", name="kind_valid"),
    )
