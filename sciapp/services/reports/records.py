"""Plain results the reports hand to the GUI: the Start page's lines."""

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
