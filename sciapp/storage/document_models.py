"""Resolutions, letters and document settings (migration 0004). Lists of clauses, lines and
signers are JSON text: they are always read and written whole."""

from __future__ import annotations

from sqlalchemy import CheckConstraint, ForeignKey, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from sciapp.storage.models import Base


class Resolution(Base):
    __tablename__ = "resolution"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    number: Mapped[str] = mapped_column(String(40), unique=True)
    year: Mapped[int] = mapped_column(Integer)
    seq: Mapped[int] = mapped_column(Integer)
    title: Mapped[str] = mapped_column(String(500))
    body_id: Mapped[int] = mapped_column(ForeignKey("body.id", ondelete="RESTRICT"), index=True)
    preamble: Mapped[str] = mapped_column(Text, default="[]")
    operative: Mapped[str] = mapped_column(Text, default="[]")
    distribution: Mapped[str] = mapped_column(Text, default="[]")
    sections: Mapped[bool] = mapped_column(default=False)
    status: Mapped[str] = mapped_column(String(16), default="draft")
    adopted_on: Mapped[str | None] = mapped_column(String(10))
    motion_id: Mapped[int | None] = mapped_column(ForeignKey("motion.id", ondelete="SET NULL"))
    votes: Mapped[str | None] = mapped_column(Text)  # JSON roll call given on import
    # The number of the adopted resolution this one replaces (0007); the old one stays as
    # it was sealed and is shown "superseded by" this one once this one is adopted.
    supersedes: Mapped[str | None] = mapped_column(String(40))
    created_at: Mapped[str] = mapped_column(String(32))

    __table_args__ = (
        UniqueConstraint("year", "seq"),
        CheckConstraint(
            "status IN ('draft', 'adopted', 'failed', 'withdrawn')", name="status_valid"
        ),
    )


class Letter(Base):
    __tablename__ = "letter"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    date: Mapped[str] = mapped_column(String(10))
    recipient: Mapped[str] = mapped_column(Text, default="[]")  # inside address lines
    attention: Mapped[str] = mapped_column(String(300), default="")
    subject: Mapped[str] = mapped_column(String(500), default="")
    salutation: Mapped[str] = mapped_column(String(300))
    body: Mapped[str] = mapped_column(Text, default="[]")
    closing: Mapped[str] = mapped_column(String(100), default="Sincerely,")
    signers: Mapped[str] = mapped_column(Text, default="[]")
    initials: Mapped[str] = mapped_column(String(50), default="")
    enclosures: Mapped[str] = mapped_column(Text, default="[]")
    cc: Mapped[str] = mapped_column(Text, default="[]")
    created_at: Mapped[str] = mapped_column(String(32))


class Setting(Base):
    __tablename__ = "setting"

    key: Mapped[str] = mapped_column(String(100), primary_key=True)
    value: Mapped[str] = mapped_column(Text)  # JSON
