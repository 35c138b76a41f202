"""Plain data the renderers take: no database, no Qt."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path

from sciapp.domain.votes import VoteOption


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
    recused: tuple[str, ...] = ()

    def by_option(self) -> dict[VoteOption, tuple[str, ...]]:
        """The names under each answer, for the one roll-call formatter (minutes_words)."""
        return {
            VoteOption.YES: self.ayes,
            VoteOption.NO: self.nays,
            VoteOption.ABSTAIN: self.abstain,
            VoteOption.RECUSED: self.recused,
            VoteOption.ABSENT: self.absent,
        }


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
    roll_call: tuple[tuple[str, str], ...]  # ("Ayes", "names") … or ("Voice vote", counts)
    outcome: str


@dataclass(frozen=True)
class MinutesItem:
    number: int  # 0: a section of its own, not an agenda item (public comment)
    title: str
    notes: str = ""
    motions: tuple[MotionLines, ...] = ()
    corrections: tuple[tuple[str, str, str], ...] = ()  # (approved on, original, corrected)
    comments: tuple[str, ...] = ()  # public comment, under the agenda's own item for it


@dataclass(frozen=True)
class MinutesDoc:
    letterhead: Letterhead
    body_name: str
    heading: str  # "Minutes of the regular meeting, Wednesday, March 16, 2022"
    status: str
    facts: tuple[tuple[str, str], ...]  # ("Status", …), ("Time", "7:02 p.m."), ("Place", …) …
    items: tuple[MinutesItem, ...]
    public_comment: tuple[str, ...] = ()  # minutes sealed before comments went under their item
    closing: str = ""
    seal_digest: str = ""
    opening: str = ""  # "Called to order at 7:02 p.m."


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
