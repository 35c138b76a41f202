"""Minutes go from draft to proposed (public) to approved, after which they are locked.

A correction after approval is a new entry beside the original; nothing is overwritten
(MCL 15.269: corrected minutes show both the original entry and the correction).
"""

from __future__ import annotations

import datetime as dt
from enum import StrEnum

from sciapp.domain.errors import InvalidInputError


class MinutesStatus(StrEnum):
    DRAFT = "draft"
    PROPOSED = "proposed"
    APPROVED = "approved"

    @property
    def label(self) -> str:
        return self.value.capitalize()

    @property
    def locked(self) -> bool:
        return self is MinutesStatus.APPROVED


NEXT = {
    MinutesStatus.DRAFT: (MinutesStatus.PROPOSED, MinutesStatus.APPROVED),
    MinutesStatus.PROPOSED: (MinutesStatus.DRAFT, MinutesStatus.APPROVED),
    MinutesStatus.APPROVED: (),
}


def check_minutes_change(
    current: MinutesStatus,
    new: MinutesStatus,
    meeting_day: dt.date,
    on: dt.date,
) -> None:
    if new not in NEXT[current]:
        message = (
            "approved minutes are locked; record a correction instead"
            if current.locked
            else f"minutes cannot go from {current.value} to {new.value}"
        )
        raise InvalidInputError({"status": message})
    if new is MinutesStatus.APPROVED and on <= meeting_day:
        raise InvalidInputError(
            {"approved_on": "minutes are approved at a later meeting, after the meeting day"}
        )


def check_editable(status: MinutesStatus) -> None:
    if status.locked:
        raise InvalidInputError(
            {"minutes": "the minutes are approved and locked; record a correction instead"}
        )
