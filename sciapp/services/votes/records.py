"""Plain results of the motion and vote use cases."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from sciapp.domain.motions import MotionKind, PartnershipAction
from sciapp.domain.rollcall import Seat as RollCallSeat

if TYPE_CHECKING:
    import datetime as dt

    from sciapp.domain.votes import Result, VoteOption, VoteRule

__all__ = [
    "MotionDraft",
    "MotionKind",
    "MotionRecord",
    "PartnershipAction",
    "RollCallSeat",
    "VoteRecord",
]


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
    mover_id: int | None = None  # the member who moved it (the exports name people by id)
    seconder_id: int | None = None

    @property
    def voted(self) -> bool:
        return self.result is not None

    def names(self, option: VoteOption) -> list[str]:
        return [v.name for v in self.votes if v.option is option]
