"""Resolutions, letters and document settings (migration 0004). Lists of clauses, lines and
signers are JSON text: they are always read and written whole (storage/types.py)."""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import CheckConstraint, ForeignKey, Integer, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from sciapp.storage.models import Base
from sciapp.storage.types import IsoDate, IsoDateTime, JsonText, empty_list


class Resolution(Base):
    __tablename__ = "resolution"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    number: Mapped[str] = mapped_column(String(40), unique=True)
    year: Mapped[int] = mapped_column(Integer)
    seq: Mapped[int] = mapped_column(Integer)
    title: Mapped[str] = mapped_column(String(500))
    body_id: Mapped[int] = mapped_column(ForeignKey("body.id", ondelete="RESTRICT"), index=True)
    preamble: Mapped[list[str]] = mapped_column(JsonText, default=empty_list)
    operative: Mapped[list[str]] = mapped_column(JsonText, default=empty_list)
    distribution: Mapped[list[str]] = mapped_column(JsonText, default=empty_list)
    sections: Mapped[bool] = mapped_column(default=False)
    status: Mapped[str] = mapped_column(String(16), default="draft")
    adopted_on: Mapped[dt.date | None] = mapped_column(IsoDate(10))
    motion_id: Mapped[int | None] = mapped_column(ForeignKey("motion.id", ondelete="SET NULL"))
    votes: Mapped[dict[str, Any] | None] = mapped_column(JsonText)  # roll call given on import
    # The number of the adopted resolution this one replaces (0007); the old one stays as
    # it was sealed and is shown "superseded by" this one once this one is adopted.
    supersedes: Mapped[str | None] = mapped_column(String(40))
    created_at: Mapped[dt.datetime] = mapped_column(IsoDateTime(32))

    __table_args__ = (
        UniqueConstraint("year", "seq"),
        CheckConstraint(
            "status IN ('draft', 'adopted', 'failed', 'withdrawn')", name="status_valid"
        ),
    )


class Letter(Base):
    __tablename__ = "letter"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    date: Mapped[dt.date] = mapped_column(IsoDate(10))
    recipient: Mapped[list[str]] = mapped_column(JsonText, default=empty_list)  # address lines
    attention: Mapped[str] = mapped_column(String(300), default="")
    subject: Mapped[str] = mapped_column(String(500), default="")
    salutation: Mapped[str] = mapped_column(String(300))
    body: Mapped[list[str]] = mapped_column(JsonText, default=empty_list)
    closing: Mapped[str] = mapped_column(String(100), default="Sincerely,")
    signers: Mapped[list[dict[str, str]]] = mapped_column(JsonText, default=empty_list)
    initials: Mapped[str] = mapped_column(String(50), default="")
    enclosures: Mapped[list[str]] = mapped_column(JsonText, default=empty_list)
    cc: Mapped[list[str]] = mapped_column(JsonText, default=empty_list)
    created_at: Mapped[dt.datetime] = mapped_column(IsoDateTime(32))
    # The body that writes it (0008): its letterhead heads the letter; NULL: the general one.
    body_id: Mapped[int | None] = mapped_column(ForeignKey("body.id", ondelete="SET NULL"))


class Setting(Base):
    __tablename__ = "setting"

    key: Mapped[str] = mapped_column(String(100), primary_key=True)
    value: Mapped[Any] = mapped_column(JsonText)
