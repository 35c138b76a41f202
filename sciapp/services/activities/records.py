"""What the activity and gift use cases take and return.

Amounts come in as the text a person typed ("1,250.00"), read by `domain.activities
.parse_amount`, the rule the form checks as it is typed; they go out as whole cents.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from sciapp.domain.activities import (
    DEFAULT_CURRENCY,
    ActivityKind,
    GiftDirection,
    ParticipantRole,
    money_text,
)

if TYPE_CHECKING:
    import datetime as dt


@dataclass(frozen=True)
class ActivityDraft:
    partnership_id: int
    kind: ActivityKind
    title: str
    starts_on: dt.date | None
    ends_on: dt.date | None = None
    place: str = ""
    budget: str = ""  # as typed: "4,500.00"; blank for none
    spent: str = ""
    currency: str = DEFAULT_CURRENCY
    motion_id: int | None = None
    notes: str = ""


@dataclass(frozen=True)
class ParticipantDraft:
    name: str
    role: ParticipantRole
    member_id: int | None = None
    chaperone_id: int | None = None  # a student's chaperone, a participant of the same activity


@dataclass(frozen=True)
class ParticipantRecord:
    id: int
    activity_id: int
    name: str
    role: ParticipantRole
    member_id: int | None
    chaperone_id: int | None
    chaperone_name: str


@dataclass(frozen=True)
class FileRecord:
    """An attached file without its bytes (`ActivityService.file_content` reads them)."""

    id: int
    activity_id: int
    name: str
    media_type: str
    size: int
    sha256: str
    added_at: dt.datetime


@dataclass(frozen=True)
class ActivityRecord:
    id: int
    partnership_id: int
    partner_city: str
    partner_country: str
    kind: ActivityKind
    title: str
    starts_on: dt.date
    ends_on: dt.date | None
    place: str
    budget_cents: int | None
    spent_cents: int | None
    currency: str
    motion_id: int | None
    motion_label: str  # "Motion of May 14, 2024: to fund …"; "" for none
    notes: str
    participants: tuple[ParticipantRecord, ...] = field(default_factory=tuple)
    files: tuple[FileRecord, ...] = field(default_factory=tuple)

    @property
    def budget_text(self) -> str:
        return money_text(self.budget_cents, self.currency)

    @property
    def spent_text(self) -> str:
        return money_text(self.spent_cents, self.currency)

    @property
    def spent_line(self) -> str:
        """What was spent, and by how much it is over the budget when it is ("" if unknown)."""
        if self.spent_cents is None:
            return ""
        if self.budget_cents is None or self.spent_cents <= self.budget_cents:
            return self.spent_text
        over = money_text(self.spent_cents - self.budget_cents, self.currency)
        return f"{self.spent_text} ({over} over budget)"

    def counts(self) -> dict[ParticipantRole, int]:
        found = dict.fromkeys(ParticipantRole, 0)
        for person in self.participants:
            found[person.role] += 1
        return found


@dataclass(frozen=True)
class GiftDraft:
    direction: GiftDirection
    description: str
    exchanged_on: dt.date | None = None
    counterpart_name: str = ""
    counterpart_office: str = ""
    counterpart_city: str = ""
    partnership_id: int | None = None
    activity_id: int | None = None  # its partnership is the gift's when none is given
    value: str = ""  # as typed; blank when not estimated
    currency: str = DEFAULT_CURRENCY
    city_property: bool = True
    custodian: str = ""
    location: str = ""
    disposition: str = ""
    disposed_on: dt.date | None = None
    notes: str = ""


@dataclass(frozen=True)
class GiftRecord:
    id: int
    direction: GiftDirection
    description: str
    exchanged_on: dt.date | None
    counterpart_name: str
    counterpart_office: str
    counterpart_city: str
    partnership_id: int | None
    partner_city: str  # "" when the gift belongs to no tie
    activity_id: int | None
    activity_title: str
    value_cents: int | None
    currency: str
    city_property: bool
    custodian: str
    location: str
    disposition: str
    disposed_on: dt.date | None
    notes: str

    @property
    def value_text(self) -> str:
        return money_text(self.value_cents, self.currency)

    @property
    def counterpart(self) -> str:
        """ "Mayor Naomi Sato, Office of the Mayor, Otsu": what is known, in that order."""
        parts = (self.counterpart_name, self.counterpart_office, self.counterpart_city)
        return ", ".join(part for part in parts if part)
