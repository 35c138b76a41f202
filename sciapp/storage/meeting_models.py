"""Tables for bodies, members, meetings, agendas, attendance and minutes (migration 0002).

Dates are ISO text ("2022-03-08"), times "HH:MM", timestamps ISO with seconds, typed at the
column (storage/types.py).
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import Boolean, CheckConstraint, ForeignKey, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from sciapp.storage.models import Base
from sciapp.storage.types import HourMinute, IsoDate, IsoDateTime, JsonText


class Body(Base):
    __tablename__ = "body"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    name: Mapped[str] = mapped_column(String(200), unique=True)
    kind: Mapped[str] = mapped_column(String(16))
    seats: Mapped[int] = mapped_column(Integer)
    quorum_fixed: Mapped[int | None] = mapped_column(Integer)
    quorum_counts_seats: Mapped[bool] = mapped_column(Boolean, default=False)
    profile: Mapped[str] = mapped_column(String(16))
    usual_agenda: Mapped[str] = mapped_column(Text, default="")
    default_rule: Mapped[str] = mapped_column(String(24), default="majority-cast")
    chair_voting: Mapped[str] = mapped_column(String(16), default="always")
    # Its own letterhead and signers (0008), in the form of the documents setting; NULL: the
    # register's general letterhead. A resolution prints on its adopting body's.
    letterhead: Mapped[dict[str, Any] | None] = mapped_column(JsonText)
    # Where and when it usually meets (0009): a new meeting's defaults; NULL: 19:00, no place.
    usual_time: Mapped[dt.time | None] = mapped_column(HourMinute(5))
    usual_place: Mapped[str | None] = mapped_column(String(300))
    # The IANA zone it meets in (0009), for UTC offsets in exports; NULL: this computer's.
    time_zone: Mapped[str | None] = mapped_column(String(64))

    __table_args__ = (CheckConstraint("seats >= 1", name="seats_positive"),)


class Member(Base):
    __tablename__ = "member"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    body_id: Mapped[int] = mapped_column(ForeignKey("body.id", ondelete="CASCADE"), index=True)
    name: Mapped[str] = mapped_column(String(200))
    office: Mapped[str] = mapped_column(String(16))
    voting: Mapped[bool] = mapped_column(Boolean, default=True)
    appointed_by: Mapped[str] = mapped_column(String(200), default="")
    seat: Mapped[int | None] = mapped_column(Integer)
    term_start: Mapped[dt.date] = mapped_column(IsoDate(10))
    term_end: Mapped[dt.date | None] = mapped_column(IsoDate(10))


class Meeting(Base):
    __tablename__ = "meeting"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    body_id: Mapped[int] = mapped_column(ForeignKey("body.id", ondelete="CASCADE"), index=True)
    kind: Mapped[str] = mapped_column(String(16))
    date: Mapped[dt.date] = mapped_column(IsoDate(10), index=True)
    start_time: Mapped[dt.time] = mapped_column(HourMinute(5))
    place: Mapped[str] = mapped_column(String(300), default="")
    remote_link: Mapped[str] = mapped_column(String(500), default="")
    notice_posted: Mapped[dt.datetime | None] = mapped_column(IsoDateTime(19, "minutes"))
    called_to_order: Mapped[dt.time | None] = mapped_column(HourMinute(5))
    adjourned: Mapped[dt.time | None] = mapped_column(HourMinute(5))
    minutes_status: Mapped[str] = mapped_column(String(16), default="draft")
    minutes_proposed_on: Mapped[dt.date | None] = mapped_column(IsoDate(10))
    minutes_approved_on: Mapped[dt.date | None] = mapped_column(IsoDate(10))
    current_item: Mapped[int | None] = mapped_column(Integer)
    # A meeting called off keeps its record (it was noticed to the public); NULL while it is
    # on, so that seals made before these columns existed still verify.
    cancelled_on: Mapped[dt.date | None] = mapped_column(IsoDate(10))
    cancellation_note: Mapped[str | None] = mapped_column(String(500))

    items: Mapped[list[AgendaItem]] = relationship(
        order_by="AgendaItem.position", cascade="all, delete-orphan", passive_deletes=True
    )

    __table_args__ = (
        CheckConstraint(
            "minutes_status IN ('draft', 'proposed', 'approved')", name="minutes_status_valid"
        ),
    )


class AgendaItem(Base):
    __tablename__ = "agenda_item"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    meeting_id: Mapped[int] = mapped_column(
        ForeignKey("meeting.id", ondelete="CASCADE"), index=True
    )
    position: Mapped[int] = mapped_column(Integer)
    title: Mapped[str] = mapped_column(String(300))
    notes: Mapped[str] = mapped_column(Text, default="")
    notes_saved_at: Mapped[dt.datetime | None] = mapped_column(IsoDateTime(32, "milliseconds"))


class AttendanceRecord(Base):
    __tablename__ = "attendance"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    meeting_id: Mapped[int] = mapped_column(
        ForeignKey("meeting.id", ondelete="CASCADE"), index=True
    )
    member_id: Mapped[int] = mapped_column(ForeignKey("member.id", ondelete="CASCADE"))
    presence: Mapped[str] = mapped_column(String(16))
    arrived: Mapped[dt.time | None] = mapped_column(HourMinute(5))
    departed: Mapped[dt.time | None] = mapped_column(HourMinute(5))

    __table_args__ = (UniqueConstraint("meeting_id", "member_id"),)


class Guest(Base):
    __tablename__ = "guest"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    meeting_id: Mapped[int] = mapped_column(
        ForeignKey("meeting.id", ondelete="CASCADE"), index=True
    )
    name: Mapped[str] = mapped_column(String(200))
    role: Mapped[str] = mapped_column(String(100), default="")


class PublicComment(Base):
    __tablename__ = "public_comment"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    meeting_id: Mapped[int] = mapped_column(
        ForeignKey("meeting.id", ondelete="CASCADE"), index=True
    )
    position: Mapped[int] = mapped_column(Integer)
    speaker: Mapped[str] = mapped_column(String(200))
    topic: Mapped[str] = mapped_column(String(300), default="")
    summary: Mapped[str] = mapped_column(Text, default="")


class MinutesCorrection(Base):
    __tablename__ = "minutes_correction"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    meeting_id: Mapped[int] = mapped_column(
        ForeignKey("meeting.id", ondelete="CASCADE"), index=True
    )
    agenda_item_id: Mapped[int | None] = mapped_column(
        ForeignKey("agenda_item.id", ondelete="SET NULL")
    )
    original_text: Mapped[str] = mapped_column(Text)
    corrected_text: Mapped[str] = mapped_column(Text)
    approved_on: Mapped[dt.date] = mapped_column(IsoDate(10))
    recorded_at: Mapped[dt.datetime] = mapped_column(IsoDateTime(32))
