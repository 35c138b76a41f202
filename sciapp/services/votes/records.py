"""Plain results of the motion and vote use cases."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from sciapp.domain.motions import MotionKind, PartnershipAction
from sciapp.domain.rollcall import Seat as RollCallSeat
from sciapp.services.meetings.records import MotionRecord, VoteRecord  # a meeting's motions

if TYPE_CHECKING:
    import datetime as dt

    from sciapp.domain.votes import VoteRule

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
