"""Plain records for resolutions, letters and document settings."""

from __future__ import annotations

from dataclasses import dataclass, field, fields
from typing import TYPE_CHECKING

from sciapp.domain.resolutions import is_locked

if TYPE_CHECKING:
    import datetime as dt


@dataclass(frozen=True)
class Person:
    name: str
    title: str


@dataclass(frozen=True)
class LetterheadSettings:
    """A letterhead and the usual signers of what prints on it: a body's own, or the
    register's general one (documents/letterheads.py)."""

    name: str = "Sister Cities Commission"
    address: tuple[str, ...] = ()
    phone: str = ""
    web: str = ""
    seal: str = ""  # path to an image
    paper: str = "letter"
    presiding: Person = Person("", "Mayor")
    clerk: Person = Person("", "City Clerk")
    attorney: Person | None = None


@dataclass(frozen=True)
class DocumentSettings(LetterheadSettings):
    """The general letterhead (for a body without its own, and letters from no body) and
    the resolution numbering."""

    numbering: str = "{year}-{seq:02}"

    @property
    def letterhead(self) -> LetterheadSettings:
        return LetterheadSettings(
            **{f.name: getattr(self, f.name) for f in fields(LetterheadSettings)}
        )


@dataclass(frozen=True)
class RollCallNames:
    ayes: tuple[str, ...] = ()
    nays: tuple[str, ...] = ()
    abstain: tuple[str, ...] = ()
    absent: tuple[str, ...] = ()
    recused: tuple[str, ...] = ()

    def as_data(self) -> dict[str, list[str]]:
        """As the documents file writes it; recusals only where there are any (older files
        have none)."""
        data = {
            "ayes": list(self.ayes),
            "nays": list(self.nays),
            "abstain": list(self.abstain),
            "absent": list(self.absent),
        }
        return data | ({"recused": list(self.recused)} if self.recused else {})


@dataclass(frozen=True)
class ResolutionDraft:
    title: str
    body_id: int
    preamble: tuple[str, ...] = ()
    operative: tuple[str, ...] = ()
    distribution: tuple[str, ...] = ()
    sections: bool = False
    supersedes: str = ""  # the number of the adopted resolution this one replaces


@dataclass(frozen=True)
class ResolutionRecord:
    id: int
    number: str
    title: str
    body_id: int
    body_name: str
    preamble: tuple[str, ...]
    operative: tuple[str, ...]
    distribution: tuple[str, ...]
    sections: bool
    status: str
    adopted_on: dt.date | None
    motion_id: int | None
    votes: RollCallNames | None
    supersedes: str = ""
    superseded_by: str = ""  # the adopted resolution that replaced this one
    rescinded_by: int | None = None  # the adopted motion that rescinded it
    sealed: bool = False

    @property
    def locked(self) -> bool:
        """Sealed means locked: changing it is a new motion or a new resolution."""
        return is_locked(self.status, self.sealed)


@dataclass(frozen=True)
class LetterDraft:
    date: dt.date
    to: tuple[str, ...]
    salutation: str
    body: tuple[str, ...]
    closing: str = "Sincerely,"
    signers: tuple[Person, ...] = ()
    subject: str = ""
    attention: str = ""
    initials: str = ""
    enclosures: tuple[str, ...] = ()
    cc: tuple[str, ...] = field(default_factory=tuple)
    body_id: int | None = None  # the body that writes it: its letterhead heads the letter


@dataclass(frozen=True)
class LetterRecord:
    id: int
    draft: LetterDraft
