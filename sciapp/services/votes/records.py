"""Plain results of the motion and vote use cases."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from enum import StrEnum

from sciapp.domain.status import Status
from sciapp.domain.votes import Result, VoteOption, VoteRule


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

    @property
    def changes_adopted(self) -> bool:
        return self in (MotionKind.RESCIND, MotionKind.AMEND_ADOPTED)

    @property
    def label(self) -> str:
        return {
            "main": "Main motion",
            "amendment": "Amendment",
            "resolution": "Adopt a resolution",
            "minutes": "Approve minutes",
            "partnership": "Partnership action",
            "other": "Other",
            "rescind": "Rescind an adopted motion or resolution",
            "amend-adopted": "Amend something previously adopted",
        }[self.value]


class PartnershipAction(StrEnum):
    ESTABLISH = "establish"
    SUSPEND = "suspend"
    REINSTATE = "reinstate"
    TERMINATE = "terminate"

    @property
    def status(self) -> Status:
        return {
            "establish": Status.ACTIVE,
            "suspend": Status.SUSPENDED,
            "reinstate": Status.ACTIVE,
            "terminate": Status.TERMINATED,
        }[self.value]

    @property
    def label(self) -> str:
        return self.value.capitalize()


@dataclass(frozen=True)
class MotionDraft:
    text: str
    moved_at: dt.time
    kind: MotionKind = MotionKind.MAIN
    mover_id: int | None = None
    seconder_id: int | None = None
    rule: VoteRule | None = None  # None: the body's default
    agenda_item_id: int | None = None
    partnership_id: int | None = None
    action: PartnershipAction | None = None
    action_reason: str = ""
    action_condition: str = ""
    # For RESCIND and AMEND_ADOPTED: the earlier adopted motion, or a resolution's number.
    refers_to_motion_id: int | None = None
    refers_to_resolution: str = ""


@dataclass(frozen=True)
class VoteRecord:
    member_id: int
    name: str
    option: VoteOption
    counted: bool = True


@dataclass(frozen=True)
class RollCallSeat:
    """A voting member at the moment of the vote: present to vote, or recorded absent."""

    member_id: int
    name: str
    is_chair: bool
    present: bool


@dataclass(frozen=True)
class MotionRecord:
    id: int
    meeting_id: int
    meeting_date: dt.date
    body_id: int
    body_name: str
    agenda_item_id: int | None
    item_title: str
    text: str
    kind: MotionKind
    mover: str
    seconder: str
    rule: VoteRule
    moved_at: dt.time
    method: str | None
    yes: int
    no: int
    abstain: int
    present: int
    result: Result | None
    explanation: str
    partnership_id: int | None
    partnership_title: str
    action: PartnershipAction | None
    action_reason: str
    action_condition: str
    status_event_id: int | None
    votes: tuple[VoteRecord, ...]
    refers_to_motion_id: int | None = None
    refers_to_resolution: str = ""

    @property
    def voted(self) -> bool:
        return self.result is not None

    def names(self, option: VoteOption) -> list[str]:
        return [v.name for v in self.votes if v.option is option]
