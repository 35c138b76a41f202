"""Bodies (the commission, the council, a committee), their members, terms and quorum."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from enum import StrEnum
from typing import TYPE_CHECKING

from sciapp.domain.errors import InvalidInputError

if TYPE_CHECKING:
    from collections.abc import Sequence

TERM_WARNING_DAYS = 90


class BodyKind(StrEnum):
    COMMISSION = "commission"
    COUNCIL = "council"
    COMMITTEE = "committee"

    @property
    def label(self) -> str:
        return {"commission": "Commission", "council": "City council", "committee": "Committee"}[
            self.value
        ]


class Profile(StrEnum):
    """Which open-meetings law governs the body's minutes (a per-body, local question)."""

    MICHIGAN = "michigan"
    NEW_YORK = "new_york"
    NORTH_CAROLINA = "north_carolina"
    NONE = "none"

    @property
    def label(self) -> str:
        return {
            "michigan": "Michigan (OMA)",
            "new_york": "New York (POL §106)",
            "north_carolina": "North Carolina (G.S. 143-318)",
            "none": "None",
        }[self.value]


class Office(StrEnum):
    CHAIR = "chair"
    VICE_CHAIR = "vice_chair"
    SECRETARY = "secretary"
    MEMBER = "member"

    @property
    def label(self) -> str:
        return self.value.replace("_", " ").capitalize()


@dataclass(frozen=True)
class QuorumRule:
    """Majority of the entire membership (Robert's default) unless a fixed number is set.

    The membership is the members in office (vacancies not counted) unless the bylaws fix it
    at the number of seats (`count_seats`).
    """

    fixed: int | None = None
    count_seats: bool = False

    def required(self, seats: int, voting_in_office: int) -> int:
        if self.fixed:
            return self.fixed
        base = seats if self.count_seats else voting_in_office
        return base // 2 + 1

    def describe(self) -> str:
        if self.fixed:
            return f"a fixed quorum of {self.fixed}"
        return "a majority of the seats" if self.count_seats else "a majority of members in office"


@dataclass(frozen=True)
class Term:
    person: str
    start: dt.date
    end: dt.date | None  # None: open-ended
    seat: int | None = None
    voting: bool = True

    def holds_on(self, day: dt.date) -> bool:
        return self.start <= day and (self.end is None or day <= self.end)

    def overlaps(self, other: Term) -> bool:
        self_end = self.end or dt.date.max
        other_end = other.end or dt.date.max
        return self.start <= other_end and other.start <= self_end


def check_term(term: Term, others: Sequence[Term], seats: int) -> None:
    """A seat is not held twice at once; one person's terms in a body do not overlap."""
    errors: dict[str, str] = {}
    if not term.person.strip():
        errors["name"] = "enter the member's name"
    if term.end is not None and term.end < term.start:
        errors["term_end"] = "the term cannot end before it starts"
    if term.seat is not None and not 1 <= term.seat <= seats:
        errors["seat"] = f"the body has seats 1 to {seats}"
    if not errors:
        person = " ".join(term.person.split()).casefold()
        for other in others:
            if not term.overlaps(other):
                continue
            if " ".join(other.person.split()).casefold() == person:
                errors["term_start"] = f"overlaps {other.person}'s term from {other.start}"
            elif term.seat is not None and other.seat == term.seat:
                errors["seat"] = f"seat {term.seat} is held by {other.person} at that time"
    if errors:
        raise InvalidInputError(errors)


@dataclass(frozen=True)
class Roster:
    seats: int
    in_office: int
    voting_in_office: int
    vacancies: int
    ending_soon: tuple[Term, ...]


def roster(terms: Sequence[Term], seats: int, on: dt.date) -> Roster:
    current = [t for t in terms if t.holds_on(on)]
    voting = [t for t in current if t.voting]
    horizon = on + dt.timedelta(days=TERM_WARNING_DAYS)
    ending = tuple(
        sorted((t for t in current if t.end and t.end <= horizon), key=lambda t: t.end or horizon)
    )
    return Roster(seats, len(current), len(voting), max(0, seats - len(voting)), ending)
