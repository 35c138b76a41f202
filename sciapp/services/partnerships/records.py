"""Plain results the partnership use cases hand to the GUI and the command line."""

from __future__ import annotations

from dataclasses import dataclass, fields
from typing import TYPE_CHECKING, Any, NamedTuple

from sciapp.domain.dates import PartialDate
from sciapp.domain.partnership import PartnershipData, PartnershipDraft
from sciapp.domain.status import Decider, Status, StatusChange, action_name

if TYPE_CHECKING:
    import datetime as dt


@dataclass(frozen=True)
class ImportReport:
    """What a CSV or workbook import wrote."""

    imported: int
    read_as: str = ""  # what the file was read as: "Read as Windows-1252, semicolon-separated"


class PartnershipRow(NamedTuple):
    """One line of the register, as listed (cheap to build for 20,000 rows): the stored
    text, the dates as ISO partial dates ("1968-05") for `domain.formats.partial_date` to show."""

    id: int
    kind: str
    partner_city: str
    partner_city_native: str
    partner_region: str
    partner_country: str
    local_jurisdiction: str
    established: str | None
    status: str
    status_since: str | None
    notes: str


@dataclass(frozen=True)
class EventRecord:
    sequence: int
    previous: Status | None
    change: StatusChange
    recorded_at: dt.datetime

    @property
    def action(self) -> str:
        return action_name(self.previous, self.change.status)

    def summary(self) -> str:
        """E.g. "Suspended by the City Council (Resolution 2022-14)"."""
        decider = self.change.decided_by
        text = self.action
        if decider is not None and decider is not Decider.OTHER:
            text += f" by {decider.phrase}"
        if self.change.instrument:
            text += f" ({self.change.instrument})"
        return text


@dataclass(frozen=True)
class PartnershipDetail:
    id: int
    data: PartnershipData
    status: Status
    status_since: PartialDate | None
    events: tuple[EventRecord, ...]
    created_at: dt.datetime
    updated_at: dt.datetime

    @property
    def history(self) -> list[StatusChange]:
        return [event.change for event in self.events]

    def title(self, country_name: str) -> str:
        return f"{self.data.partner_city}, {country_name}"

    def draft(self) -> PartnershipDraft:
        """The record as form text, for editing."""
        values: dict[str, Any] = {}  # each field's form text or flag, built per field below
        for f in fields(PartnershipDraft):
            value = getattr(self.data, f.name, None)
            if f.name == "kind":
                value = self.data.kind.value
            elif f.name == "no_expiry":
                value = self.data.expires is None
            elif isinstance(value, PartialDate):
                value = value.iso()
            values[f.name] = "" if value is None else value
        return PartnershipDraft(**values)
