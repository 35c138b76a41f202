"""Motions and votes (migration 0003): one row per member per roll-call vote, as the Brown Act
asks (domain notes), not just a tally."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import CheckConstraint, ForeignKey, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from sciapp.storage.models import Base
from sciapp.storage.types import HourMinute


class Motion(Base):
    __tablename__ = "motion"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    meeting_id: Mapped[int] = mapped_column(
        ForeignKey("meeting.id", ondelete="CASCADE"), index=True
    )
    agenda_item_id: Mapped[int | None] = mapped_column(
        ForeignKey("agenda_item.id", ondelete="SET NULL")
    )
    text: Mapped[str] = mapped_column(Text)
    kind: Mapped[str] = mapped_column(String(24))
    mover_id: Mapped[int | None] = mapped_column(ForeignKey("member.id", ondelete="SET NULL"))
    seconder_id: Mapped[int | None] = mapped_column(ForeignKey("member.id", ondelete="SET NULL"))
    rule: Mapped[str] = mapped_column(String(24))
    moved_at: Mapped[dt.time] = mapped_column(HourMinute(5))
    method: Mapped[str | None] = mapped_column(String(16))  # roll_call | voice; None: not voted
    yes: Mapped[int] = mapped_column(Integer, default=0)
    no: Mapped[int] = mapped_column(Integer, default=0)
    abstain: Mapped[int] = mapped_column(Integer, default=0)
    present: Mapped[int] = mapped_column(Integer, default=0)
    result: Mapped[str | None] = mapped_column(String(16))
    explanation: Mapped[str] = mapped_column(Text, default="")
    partnership_id: Mapped[int | None] = mapped_column(
        ForeignKey("partnership.id", ondelete="SET NULL"), index=True
    )
    action: Mapped[str | None] = mapped_column(String(16))
    action_reason: Mapped[str] = mapped_column(Text, default="")
    action_condition: Mapped[str] = mapped_column(Text, default="")
    status_event_id: Mapped[int | None] = mapped_column(
        ForeignKey("status_event.id", ondelete="SET NULL")
    )
    # A motion to rescind or amend something adopted earlier names it (migration 0007): the
    # earlier motion, or a resolution by its number. No foreign key: adding one would make
    # SQLite rebuild the table, and dropping the old one would cascade to the roll calls.
    refers_to_motion_id: Mapped[int | None] = mapped_column(Integer)
    refers_to_resolution: Mapped[str | None] = mapped_column(String(40))

    __table_args__ = (
        CheckConstraint("yes >= 0 AND no >= 0 AND abstain >= 0", name="counts_positive"),
    )


class RollCallVote(Base):
    __tablename__ = "roll_call_vote"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    motion_id: Mapped[int] = mapped_column(ForeignKey("motion.id", ondelete="CASCADE"), index=True)
    member_id: Mapped[int] = mapped_column(ForeignKey("member.id", ondelete="CASCADE"))
    option: Mapped[str] = mapped_column(String(16))
    counted: Mapped[bool] = mapped_column(default=True)  # False: a chair's vote set aside

    __table_args__ = (
        UniqueConstraint("motion_id", "member_id"),
        CheckConstraint(
            "option IN ('yes', 'no', 'abstain', 'recused', 'absent')", name="option_valid"
        ),
    )
