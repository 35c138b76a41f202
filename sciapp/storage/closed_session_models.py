"""Closed (executive) sessions of a meeting (migration 0010): the motion that called each, its
purposes, when the body went in and came out, who stayed, and its own minutes, which are
never public (MCL 15.267(2); domain/closed_sessions.py)."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import ForeignKey, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from sciapp.storage.models import Base
from sciapp.storage.types import HourMinute, JsonText


class ClosedSession(Base):
    __tablename__ = "closed_session"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    meeting_id: Mapped[int] = mapped_column(
        ForeignKey("meeting.id", ondelete="CASCADE"), index=True
    )
    # The motion to close, recorded in the open minutes with its vote and purposes.
    motion_id: Mapped[int | None] = mapped_column(ForeignKey("motion.id", ondelete="SET NULL"))
    purposes: Mapped[list[str]] = mapped_column(JsonText)  # the statute's codes: ["e"]
    entered_at: Mapped[dt.time] = mapped_column(HourMinute(5))
    left_at: Mapped[dt.time | None] = mapped_column(HourMinute(5))
    stayed: Mapped[list[int]] = mapped_column(JsonText)  # member ids
    others_present: Mapped[str] = mapped_column(String(500), default="")  # staff, counsel
    minutes: Mapped[str] = mapped_column(Text, default="")  # the closed minutes: not public
