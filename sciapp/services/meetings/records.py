"""Plain results of the body and meeting use cases."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import TYPE_CHECKING

from sciapp.domain.attendance import Attendance, Presence
from sciapp.domain.bodies import BodyKind, Office, Profile, QuorumRule

if TYPE_CHECKING:
    from sciapp.domain.minutes import MinutesStatus
    from sciapp.domain.motions import MotionKind, PartnershipAction
    from sciapp.domain.votes import Result, VoteOption, VoteRule
    from sciapp.services.documents.records import LetterheadSettings

DEFAULT_START = dt.time(19, 0)  # a new meeting's start when its body has no usual time


@dataclass(frozen=True)
class BodyRecord:
    id: int
    name: str
    kind: BodyKind
    seats: int
    quorum: QuorumRule
    profile: Profile
    usual_agenda: tuple[str, ...]
    default_rule: str = "majority-cast"
    chair_voting: str = "always"
    letterhead: LetterheadSettings | None = None  # None: the general letterhead
    time_zone: str | None = None  # IANA name; None: domain/time_zones.body_zone's default
    usual_time: dt.time | None = None  # when it usually meets (None: a new meeting's 19:00)
    usual_place: str = ""  # where it usually meets

    @property
    def usual(self) -> Usual:
        return Usual(self.usual_time, self.usual_place)


@dataclass(frozen=True)
class Usual:
    """When and where a body usually meets: a new meeting's defaults."""

    time: dt.time | None = None
    place: str = ""

    @property
    def start_time(self) -> dt.time:
        """A new meeting's start time: the usual one, else 19:00."""
        return self.time or DEFAULT_START


@dataclass(frozen=True)
class MemberRecord:
    id: int
    body_id: int
    name: str
    office: Office
    voting: bool
    appointed_by: str
    seat: int | None
    term_start: dt.date
    term_end: dt.date | None

    def in_office(self, day: dt.date) -> bool:
        return self.term_start <= day and (self.term_end is None or day <= self.term_end)


@dataclass(frozen=True)
class MemberDraft:
    name: str
    term_start: dt.date
    term_end: dt.date | None = None
    office: Office = Office.MEMBER
    voting: bool = True
    appointed_by: str = ""
    seat: int | None = None


@dataclass(frozen=True)
class MeetingDraft:
    body_id: int
    date: dt.date
    start_time: dt.time
    kind: str = "regular"
    place: str = ""
    remote_link: str = ""
    notice_posted: dt.datetime | None = None


@dataclass(frozen=True)
class MeetingRow:
    id: int
    body_id: int
    body_name: str
    kind: str
    date: dt.date
    start_time: dt.time
    place: str
    minutes_status: MinutesStatus
    cancelled: bool = False


@dataclass(frozen=True)
class ItemRecord:
    id: int
    position: int
    title: str
    notes: str


@dataclass(frozen=True)
class AttendanceRow:
    member_id: int
    name: str
    office: Office
    voting: bool
    presence: Presence
    arrived: dt.time | None
    departed: dt.time | None

    def to_domain(self) -> Attendance:
        return Attendance(self.name, self.presence, self.voting, self.arrived, self.departed)


@dataclass(frozen=True)
class GuestRecord:
    id: int
    name: str
    role: str


@dataclass(frozen=True)
class CommentRecord:
    id: int
    speaker: str
    topic: str
    summary: str


@dataclass(frozen=True)
class CorrectionRecord:
    id: int
    item_id: int | None
    item_title: str
    original_text: str
    corrected_text: str
    approved_on: dt.date


@dataclass(frozen=True)
class QuorumState:
    required: int
    voting_present: int
    rule: str

    @property
    def has_quorum(self) -> bool:
        return self.voting_present >= self.required

    def describe(self) -> str:
        verdict = "Quorum" if self.has_quorum else "No quorum"
        return f"{verdict}: {self.voting_present} voting members present, {self.required} needed"


@dataclass(frozen=True)
class MeetingDetail:
    id: int
    body: BodyRecord
    kind: str
    date: dt.date
    start_time: dt.time
    place: str
    remote_link: str
    notice_posted: dt.datetime | None
    notice_problem: str | None
    called_to_order: dt.time | None
    adjourned: dt.time | None
    minutes_status: MinutesStatus
    minutes_proposed_on: dt.date | None
    minutes_approved_on: dt.date | None
    proposed_due: dt.date | None
    approved_due: dt.date | None
    current_item_id: int | None
    items: tuple[ItemRecord, ...]
    attendance: tuple[AttendanceRow, ...]
    guests: tuple[GuestRecord, ...]
    comments: tuple[CommentRecord, ...]
    corrections: tuple[CorrectionRecord, ...]
    cancelled_on: dt.date | None = None
    cancellation_note: str = ""

    @property
    def cancelled(self) -> bool:
        return self.cancelled_on is not None

    @property
    def locked(self) -> bool:
        return self.minutes_status.locked

    @property
    def title(self) -> str:
        from sciapp.domain.formats import short_date

        return f"{self.body.name}, {self.kind} meeting of {short_date(self.date)}"


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
