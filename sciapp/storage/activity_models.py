"""Activities on a partnership, their participants and files, gifts, contacts and the Sister
Cities International membership (migration 0011; vocabulary in domain/activities.py).

Money is whole cents with its ISO 4217 code. An activity's files are kept in the database
itself (name, media type, size, SHA-256 and the bytes), so a backup or an archive carries them.
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy import (
    Boolean,
    CheckConstraint,
    ForeignKey,
    Integer,
    LargeBinary,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import Mapped, deferred, mapped_column

from sciapp.storage.models import Base
from sciapp.storage.types import IsoDate, IsoDateTime, JsonText, empty_list


class Activity(Base):
    __tablename__ = "activity"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    partnership_id: Mapped[int] = mapped_column(
        ForeignKey("partnership.id", ondelete="CASCADE"), index=True
    )
    kind: Mapped[str] = mapped_column(String(32))
    title: Mapped[str] = mapped_column(String(300))
    starts_on: Mapped[dt.date] = mapped_column(IsoDate(10))
    ends_on: Mapped[dt.date | None] = mapped_column(IsoDate(10))
    place: Mapped[str] = mapped_column(String(300), default="")
    budget_cents: Mapped[int | None] = mapped_column(Integer)
    spent_cents: Mapped[int | None] = mapped_column(Integer)
    currency: Mapped[str] = mapped_column(String(3), default="USD")
    motion_id: Mapped[int | None] = mapped_column(ForeignKey("motion.id", ondelete="SET NULL"))
    notes: Mapped[str] = mapped_column(Text, default="")

    __table_args__ = (
        CheckConstraint("ends_on IS NULL OR ends_on >= starts_on", name="dates_in_order"),
    )


class ActivityParticipant(Base):
    __tablename__ = "activity_participant"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    activity_id: Mapped[int] = mapped_column(
        ForeignKey("activity.id", ondelete="CASCADE"), index=True
    )
    name: Mapped[str] = mapped_column(String(200))
    role: Mapped[str] = mapped_column(String(16))
    member_id: Mapped[int | None] = mapped_column(ForeignKey("member.id", ondelete="SET NULL"))
    # A student's chaperone: another participant of the same activity.
    chaperone_id: Mapped[int | None] = mapped_column(
        ForeignKey("activity_participant.id", ondelete="SET NULL")
    )


class ActivityFile(Base):
    __tablename__ = "activity_file"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    activity_id: Mapped[int] = mapped_column(
        ForeignKey("activity.id", ondelete="CASCADE"), index=True
    )
    name: Mapped[str] = mapped_column(String(200))
    media_type: Mapped[str] = mapped_column(String(100))
    size: Mapped[int] = mapped_column(Integer)
    sha256: Mapped[str] = mapped_column(String(64))
    # Loaded only when the file is opened: a list of files reads no bytes.
    content: Mapped[bytes] = deferred(mapped_column(LargeBinary, nullable=False))
    added_at: Mapped[dt.datetime] = mapped_column(IsoDateTime(32))


class Gift(Base):
    __tablename__ = "gift"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    direction: Mapped[str] = mapped_column(String(16))
    description: Mapped[str] = mapped_column(String(500))
    exchanged_on: Mapped[dt.date | None] = mapped_column(IsoDate(10))
    counterpart_name: Mapped[str] = mapped_column(String(200), default="")
    counterpart_office: Mapped[str] = mapped_column(String(200), default="")
    counterpart_city: Mapped[str] = mapped_column(String(200), default="")
    partnership_id: Mapped[int | None] = mapped_column(
        ForeignKey("partnership.id", ondelete="SET NULL"), index=True
    )
    activity_id: Mapped[int | None] = mapped_column(
        ForeignKey("activity.id", ondelete="SET NULL"), index=True
    )
    value_cents: Mapped[int | None] = mapped_column(Integer)
    currency: Mapped[str] = mapped_column(String(3), default="USD")
    city_property: Mapped[bool] = mapped_column(Boolean, default=True)
    custodian: Mapped[str] = mapped_column(String(200), default="")
    location: Mapped[str] = mapped_column(String(300), default="")  # where it is kept
    disposition: Mapped[str] = mapped_column(String(500), default="")
    disposed_on: Mapped[dt.date | None] = mapped_column(IsoDate(10))
    notes: Mapped[str] = mapped_column(Text, default="")


class Contact(Base):
    __tablename__ = "contact"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    # None: beyond any one tie (Sister Cities International, an embassy).
    partnership_id: Mapped[int | None] = mapped_column(
        ForeignKey("partnership.id", ondelete="CASCADE"), index=True
    )
    role: Mapped[str] = mapped_column(String(32))
    name: Mapped[str] = mapped_column(String(200))  # in its own script
    name_latin: Mapped[str] = mapped_column(String(200), default="")
    organisation: Mapped[str] = mapped_column(String(200), default="")
    address: Mapped[list[str]] = mapped_column(JsonText, default=empty_list)  # lines
    email: Mapped[str] = mapped_column(String(200), default="")
    phone: Mapped[str] = mapped_column(String(50), default="")
    language: Mapped[str] = mapped_column(String(100), default="")
    notes: Mapped[str] = mapped_column(Text, default="")


class SciMembership(Base):
    """One year of the commission's Sister Cities International membership."""

    __tablename__ = "sci_membership"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    year: Mapped[int] = mapped_column(Integer)
    dues_paid_on: Mapped[dt.date | None] = mapped_column(IsoDate(10))
    dues_cents: Mapped[int | None] = mapped_column(Integer)
    currency: Mapped[str] = mapped_column(String(3), default="USD")
    agreement_on_file: Mapped[bool] = mapped_column(Boolean, default=False)
    notes: Mapped[str] = mapped_column(Text, default="")

    __table_args__ = (UniqueConstraint("year"),)
