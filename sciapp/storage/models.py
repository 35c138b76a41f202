"""Tables. Every constraint is named through the naming convention: SQLite batch migrations
rebuild tables and silently drop unnamed constraints."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import (
    Boolean,
    CheckConstraint,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship

from sciapp.domain.dates import PartialDate
from sciapp.storage.types import IsoDateTime, PartialDateText

NAMING_CONVENTION = {
    "ix": "ix_%(table_name)s_%(column_0_N_name)s",
    "uq": "uq_%(table_name)s_%(column_0_N_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}

# The statuses a row may hold, as comparisons (0013): SQLite checks `status IN (…)` of four
# values through a table it builds and searches for every row written, which cost a
# 20,000-row import as much as writing the column; four comparisons cost nothing.
STATUS_VALID = " OR ".join(
    f"status = '{value}'" for value in ("proposed", "active", "suspended", "terminated")
)


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING_CONVENTION)


class Partnership(Base):
    __tablename__ = "partnership"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    kind: Mapped[str] = mapped_column(String(32))
    local_jurisdiction: Mapped[str] = mapped_column(String(200), default="")
    partner_city: Mapped[str] = mapped_column(String(200))
    partner_city_native: Mapped[str] = mapped_column(String(200), default="")
    partner_region: Mapped[str] = mapped_column(String(200), default="")
    partner_country: Mapped[str] = mapped_column(String(2))
    # Partial ISO dates ("1968", "1968-05", "1968-05-03") sort correctly as text.
    established: Mapped[PartialDate | None] = mapped_column(PartialDateText(10))
    local_signatory_name: Mapped[str] = mapped_column(String(200), default="")
    local_signatory_title: Mapped[str] = mapped_column(String(200), default="")
    partner_signatory_name: Mapped[str] = mapped_column(String(200), default="")
    partner_signatory_title: Mapped[str] = mapped_column(String(200), default="")
    no_expiry: Mapped[bool] = mapped_column(Boolean, default=True)
    expires: Mapped[PartialDate | None] = mapped_column(PartialDateText(10))
    notes: Mapped[str] = mapped_column(Text, default="")
    # Derived from the status history and kept in step by the services in the same
    # transaction, so that listing 20,000 partnerships needs no join.
    status: Mapped[str] = mapped_column(String(16))
    status_since: Mapped[PartialDate | None] = mapped_column(PartialDateText(10))
    created_at: Mapped[dt.datetime] = mapped_column(IsoDateTime(32))
    updated_at: Mapped[dt.datetime] = mapped_column(IsoDateTime(32))

    events: Mapped[list[StatusEvent]] = relationship(
        back_populates="partnership",
        order_by="StatusEvent.sequence",
        cascade="all, delete-orphan",
        passive_deletes=True,
    )

    __table_args__ = (
        CheckConstraint(STATUS_VALID, name="status_valid"),
        Index("ix_partnership_partner_city", "partner_city"),  # (no index on status: 0014)
    )


class StatusEvent(Base):
    __tablename__ = "status_event"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    # No index of its own: the unique (partnership_id, sequence) one begins with it (0012).
    partnership_id: Mapped[int] = mapped_column(ForeignKey("partnership.id", ondelete="CASCADE"))
    sequence: Mapped[int] = mapped_column(Integer)
    status: Mapped[str] = mapped_column(String(16))
    effective: Mapped[PartialDate | None] = mapped_column(PartialDateText(10))
    decided_by: Mapped[str | None] = mapped_column(String(32))
    instrument: Mapped[str] = mapped_column(String(200), default="")
    reason: Mapped[str] = mapped_column(Text, default="")
    condition: Mapped[str] = mapped_column(Text, default="")
    recorded_at: Mapped[dt.datetime] = mapped_column(IsoDateTime(32))

    partnership: Mapped[Partnership] = relationship(back_populates="events")

    __table_args__ = (
        UniqueConstraint("partnership_id", "sequence"),
        CheckConstraint(STATUS_VALID, name="status_valid"),
        CheckConstraint("sequence >= 1", name="sequence_positive"),
    )
