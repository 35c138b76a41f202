"""Plain data the renderers take: no database, no Qt."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path


@dataclass(frozen=True)
class Signer:
    name: str
    title: str


@dataclass(frozen=True)
class Letterhead:
    name: str
    address: tuple[str, ...] = ()
    phone: str = ""
    web: str = ""
    seal: Path | None = None
    paper: str = "letter"  # or "a4"


@dataclass(frozen=True)
class Votes:
    ayes: tuple[str, ...] = ()
    nays: tuple[str, ...] = ()
    abstain: tuple[str, ...] = ()
    absent: tuple[str, ...] = ()


@dataclass(frozen=True)
class ResolutionDoc:
    number: str
    title: str
    body_name: str
    preamble: tuple[str, ...]
    operative: tuple[str, ...]
    letterhead: Letterhead
    status: str = "draft"  # draft, adopted, failed, withdrawn
    distribution: tuple[str, ...] = ()
    adopted_on: dt.date | None = None
    votes: Votes | None = None
    presiding: Signer = Signer("", "Mayor")
    clerk: Signer = Signer("", "City Clerk")
    attorney: Signer | None = None
    sections: bool = False  # SECTION 1, 2 … instead of BE IT RESOLVED
    seal_digest: str = ""
    notice: str = ""  # what happened since it was sealed ("Superseded by Resolution 2023-04.")
    # Where the vote was taken, for the clerk's certificate ("regular", 2022-03-14).
    meeting_kind: str = ""
    meeting_date: dt.date | None = None


@dataclass(frozen=True)
class LetterDoc:
    letterhead: Letterhead
    date: dt.date
    to: tuple[str, ...]
    salutation: str
    body: tuple[str, ...]  # paragraphs: **bold**, *italic*, lines starting "- " are bullets
    closing: str = "Sincerely,"
    signers: tuple[Signer, ...] = ()
    subject: str = ""
    attention: str = ""
    initials: str = ""
    enclosures: tuple[str, ...] = ()
    cc: tuple[str, ...] = ()
    title: str = "Letter"


@dataclass(frozen=True)
class MotionLines:
    text: str
    moved_by: str
    roll_call: tuple[tuple[str, str], ...]  # ("Ayes", "names") …
    outcome: str


@dataclass(frozen=True)
class MinutesItem:
    number: int
    title: str
    notes: str = ""
    motions: tuple[MotionLines, ...] = ()
    corrections: tuple[tuple[str, str, str], ...] = ()  # (approved on, original, corrected)


@dataclass(frozen=True)
class MinutesDoc:
    letterhead: Letterhead
    body_name: str
    heading: str  # "Minutes of the regular meeting, Wednesday, March 16, 2022"
    status: str
    facts: tuple[tuple[str, str], ...]  # ("Time", "19:02"), ("Place", …), ("Present", …)
    items: tuple[MinutesItem, ...]
    public_comment: tuple[str, ...] = ()
    closing: str = ""
    seal_digest: str = ""


@dataclass(frozen=True)
class AgendaDoc:
    letterhead: Letterhead
    body_name: str
    heading: str
    facts: tuple[tuple[str, str], ...]
    items: tuple[str, ...]
    notice: str = ""


@dataclass(frozen=True)
class Rendered:
    pdf: bytes
    pages: int
    missing: frozenset[str] = field(default_factory=frozenset)  # no font has these
