"""The vocabulary of motions, in one place for services, GUI, CLI and printed documents: the
kinds of motion, the partnership actions a motion can carry, who decides when a body adopts
one, and the wording of the instrument the partnership's history records."""

from __future__ import annotations

from enum import StrEnum
from typing import TYPE_CHECKING

from sciapp.domain.bodies import BodyKind
from sciapp.domain.dates import PartialDate
from sciapp.domain.status import Decider, Status, StatusChange, allowed_next
from sciapp.domain.text import NAME
from sciapp.domain.votes import Result, counts_phrase

if TYPE_CHECKING:
    import datetime as dt


class MotionKind(StrEnum):
    MAIN = "main"
    AMENDMENT = "amendment"
    RESOLUTION = "resolution"
    MINUTES = "minutes"
    PARTNERSHIP = "partnership"
    OTHER = "other"
    # Changing a decision already adopted is a recorded act of its own, naming what it changes.
    RESCIND = "rescind"
    AMEND_ADOPTED = "amend-adopted"
    # To meet in closed (executive) session: its purpose and vote go into the open minutes
    # (MCL 15.267(1), POL §105(1), G.S. 143-318.11(c)); domain/closed_sessions.py.
    CLOSED_SESSION = "closed-session"

    @property
    def changes_adopted(self) -> bool:
        return self in (MotionKind.RESCIND, MotionKind.AMEND_ADOPTED)

    @property
    def label(self) -> str:
        return _KIND_LABELS[self]


_KIND_LABELS = {
    MotionKind.MAIN: "Main motion",
    MotionKind.AMENDMENT: "Amendment",
    MotionKind.RESOLUTION: "Adopt a resolution",
    MotionKind.MINUTES: "Approve minutes",
    MotionKind.PARTNERSHIP: "Partnership action",
    MotionKind.OTHER: "Other",
    MotionKind.RESCIND: "Rescind an adopted motion or resolution",
    MotionKind.AMEND_ADOPTED: "Amend something previously adopted",
    MotionKind.CLOSED_SESSION: "Meet in closed session",
}

# The motions that undo an adopted decision (a rescinded resolution is noted beside it).
RESCINDING = (MotionKind.RESCIND,)


class PartnershipAction(StrEnum):
    ESTABLISH = "establish"
    SUSPEND = "suspend"
    REINSTATE = "reinstate"
    TERMINATE = "terminate"

    @property
    def status(self) -> Status:
        return _ACTION_STATUS[self]

    @property
    def label(self) -> str:
        return self.value.capitalize()


_ACTION_STATUS = {
    PartnershipAction.ESTABLISH: Status.ACTIVE,
    PartnershipAction.SUSPEND: Status.SUSPENDED,
    PartnershipAction.REINSTATE: Status.ACTIVE,
    PartnershipAction.TERMINATE: Status.TERMINATED,
}


def actions_for(status: Status | None) -> tuple[PartnershipAction, ...]:
    """What a motion can do to a partnership now: a suspended tie is reinstated or terminated,
    an active one suspended or terminated, a proposed one established or terminated."""
    return tuple(
        action
        for action in PartnershipAction
        if action.status in allowed_next(status)
        and (
            (action is PartnershipAction.REINSTATE) == (status is Status.SUSPENDED)
            or action.status is not Status.ACTIVE
        )
    )


_DECIDERS = {
    BodyKind.COUNCIL: Decider.CITY_COUNCIL,
    BodyKind.COMMISSION: Decider.COMMISSION,
    BodyKind.COMMITTEE: Decider.COMMITTEE,
}


def decider_for(kind: BodyKind) -> Decider:
    """Who decided, in the partnership's history, when a body of this kind adopts a motion."""
    return _DECIDERS.get(kind, Decider.OTHER)


def instrument(
    body_name: str, day: dt.date, result: Result, yes: int, no: int, abstain: int = 0
) -> str:
    """The instrument an adopted action enters the partnership's history with:
    "Lansing City Council motion of March 14, 2022, adopted 5–1"."""
    verdict = "adopted" if result is Result.ADOPTED else result.value
    text = f"{body_name} motion of {day:%B} {day.day}, {day.year}, {verdict} "
    return (text + counts_phrase(yes, no, abstain))[:NAME]


def action_change(
    action: PartnershipAction,
    day: dt.date,
    decider: Decider,
    instrument: str,
    reason: str,
    condition: str,
) -> StatusChange:
    """The status event a motion's action makes, taking effect on the meeting's day."""
    return StatusChange(
        status=action.status,
        effective=PartialDate.from_date(day),
        decided_by=decider,
        instrument=instrument,
        reason=reason,
        condition=condition if action is PartnershipAction.SUSPEND else "",
    )
