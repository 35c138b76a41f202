"""Plain results the reports hand to the GUI: the Start page's lines, the dormant ties."""

from __future__ import annotations

from dataclasses import dataclass

DUE_SOON_DAYS = 7  # a deadline this near is listed on the Start page


@dataclass(frozen=True)
class DashboardLine:
    """One line of the start page and the record it opens ("meeting", 12)."""

    text: str
    target: str
    target_id: int
    urgent: bool = False


@dataclass(frozen=True)
class DormantTie:
    """A live partnership nothing on record has named for the commission's number of years."""

    id: int
    partner_city: str
    partner_country: str  # ISO alpha-2
    last_recorded: str | None  # ISO partial date ("1994"); None: nothing dated names it
    last_what: str | None  # "letter", "meeting", "motion", "status", "activity"
