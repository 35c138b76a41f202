"""Minutes go from draft to proposed (public) to approved, after which they are locked.

A correction after approval is a new entry beside the original; nothing is overwritten
(MCL 15.269: corrected minutes show both the original entry and the correction).
"""

from __future__ import annotations

from enum import StrEnum
from typing import TYPE_CHECKING

from sciapp.domain.errors import InvalidInputError

if TYPE_CHECKING:
    import datetime as dt


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
    if new is MinutesStatus.PROPOSED and on < meeting_day:
        raise InvalidInputError(
            {"proposed_on": "the meeting has not taken place yet; minutes follow the meeting"}
        )
    if new is MinutesStatus.APPROVED and on <= meeting_day:
        raise InvalidInputError(
            {"approved_on": "minutes are approved at a later meeting, after the meeting day"}
        )


def check_editable(status: MinutesStatus) -> None:
    if status.locked:
        raise InvalidInputError(
            {"minutes": "the minutes are approved and locked; record a correction instead"}
        )


def held(status: MinutesStatus, called_to_order: bool, motions: int, notes: bool) -> str:
    """Why a meeting counts as held (its record is kept for good), or "" if it does not yet:
    minutes beyond the first draft, a call to order, a motion, or notes taken."""
    if status is not MinutesStatus.DRAFT:
        return f"its minutes are {status.value}"
    if motions:
        return f"it has {motions} {'motion' if motions == 1 else 'motions'} recorded"
    if called_to_order:
        return "it was called to order"
    if notes:
        return "minutes notes have been taken in it"
    return ""


def check_deletable(
    status: MinutesStatus, called_to_order: bool, motions: int, notes: bool
) -> None:
    """Only a meeting entered by mistake is deleted; one that was held is part of the record."""
    reason = held(status, called_to_order, motions, notes)
    if reason:
        raise InvalidInputError(
            {
                "meeting": f"it cannot be deleted: {reason}. A meeting that did not take place "
                "can be cancelled instead."
            }
        )


def check_cancellable(
    status: MinutesStatus, called_to_order: bool, motions: int, notes: bool
) -> None:
    reason = held(status, called_to_order, motions, notes)
    if reason:
        raise InvalidInputError({"meeting": f"it cannot be cancelled: {reason}"})
