"""What the closed-session use cases take and return.

`ClosedSessionRecord.public` is always False: the session's own minutes (`minutes`) are kept
apart and never reach the public minutes, the Popolo export or a calendar feed. What the open
minutes say of it is the motion that called it (its purposes, their citations and the roll
call), which is a motion like any other.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import datetime as dt
    from collections.abc import Mapping

    from sciapp.domain.bodies import Profile
    from sciapp.domain.closed_sessions import Purpose
    from sciapp.domain.votes import VoteOption
    from sciapp.services.meetings.records import MotionRecord


@dataclass(frozen=True)
class ClosedSessionDraft:
    """The motion to close and its roll call, as the clerk takes them."""

    purposes: tuple[str, ...]  # the statute's codes ("e")
    moved_at: dt.time
    votes: Mapping[int, VoteOption] = field(default_factory=dict)  # member id → vote
    mover_id: int | None = None
    seconder_id: int | None = None
    agenda_item_id: int | None = None
    entered_at: dt.time | None = None  # None: when the motion was moved


@dataclass(frozen=True)
class ClosedSessionEdit:
    """What the clerk writes once the body is in (or back from) the closed session."""

    left_at: dt.time | None
    stayed: tuple[int, ...]  # member ids
    others_present: str = ""
    minutes: str = ""


@dataclass(frozen=True)
class ClosedSessionRecord:
    id: int
    meeting_id: int
    meeting_date: dt.date
    body_name: str
    profile: Profile
    name: str  # "closed session", "executive session"
    motion_id: int | None
    purposes: tuple[Purpose, ...]
    entered_at: dt.time
    left_at: dt.time | None
    stayed: tuple[tuple[int, str], ...]  # (member id, name)
    others_present: str
    minutes: str  # the closed minutes themselves: never public
    minutes_rule: str  # "a separate set of minutes, not available to the public (MCL …)"
    minutes_due: dt.date | None  # New York: within one week
    may_destroy_from: dt.date | None  # Michigan: 1 year and 1 day after the open minutes
    locked: bool  # the open minutes are approved
    public: bool = False  # the marker every public output filters on

    def holds(self, moment: dt.time) -> bool:
        """Whether the body was in this session at `moment` (a motion moved then)."""
        return self.entered_at <= moment and (self.left_at is None or moment < self.left_at)


@dataclass(frozen=True)
class ClosedSessionCall:
    """The motion to close as recorded, and the session it opened (None: it failed)."""

    motion: MotionRecord
    session: ClosedSessionRecord | None
