"""The minutes of a meeting as plain data: built once by the meetings service from the meeting,
its motions and their votes, and read by everything that prints or exports them (the text
minutes, the minutes PDF, the Popolo export). What they say is worded in `minutes_words.py`."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from sciapp.domain.votes import Result, VoteOption, VoteRule

if TYPE_CHECKING:
    import datetime as dt

    from sciapp.domain.attendance import Presence
    from sciapp.domain.bodies import Office
    from sciapp.domain.minutes import MinutesStatus
    from sciapp.domain.motions import MotionKind, PartnershipAction


@dataclass(frozen=True)
class Attendee:
    member_id: int
    name: str
    office: Office
    voting: bool
    presence: Presence
    arrived: dt.time | None = None
    departed: dt.time | None = None


@dataclass(frozen=True)
class Guest:
    name: str
    role: str = ""


@dataclass(frozen=True)
class Comment:
    speaker: str
    topic: str = ""
    summary: str = ""


@dataclass(frozen=True)
class CastVote:
    member_id: int
    name: str
    option: VoteOption
    counted: bool = True


@dataclass(frozen=True)
class PartnershipMove:
    """The partnership action an adopted motion takes."""

    action: PartnershipAction
    partnership: str  # "St. Petersburg, Russia"
    reason: str = ""
    condition: str = ""


@dataclass(frozen=True)
class MotionEntry:
    id: int
    text: str
    kind: MotionKind
    rule: VoteRule
    moved_at: dt.time
    agenda_item_id: int | None = None
    mover: str = ""
    seconder: str = ""
    method: str | None = None  # "roll_call", "voice", or None: not voted on
    yes: int = 0  # the votes that counted
    no: int = 0
    abstain: int = 0
    present: int = 0
    result: Result | None = None
    explanation: str = ""
    votes: tuple[CastVote, ...] = ()  # a roll call, by name; a voice vote has none
    action: PartnershipMove | None = None
    mover_id: int | None = None  # the member who moved it (the Popolo export's creator_id)

    def names(self, option: VoteOption) -> list[str]:
        return [v.name for v in self.votes if v.option is option]

    def names_by_option(self) -> dict[VoteOption, list[str]]:
        return {option: self.names(option) for option in VoteOption}


@dataclass(frozen=True)
class Item:
    id: int
    position: int
    title: str
    notes: str = ""


@dataclass(frozen=True)
class Correction:
    """Approved after the minutes, printed beside the item it corrects."""

    item_id: int | None
    approved_on: dt.date
    original: str
    corrected: str


@dataclass(frozen=True)
class Minutes:
    meeting_id: int
    body_id: int
    body_name: str
    kind: str  # "regular", "special" …
    date: dt.date
    start_time: dt.time
    status: MinutesStatus
    approved_on: dt.date | None = None
    place: str = ""
    remote_link: str = ""
    called_to_order: dt.time | None = None
    adjourned: dt.time | None = None
    attendance: tuple[Attendee, ...] = ()
    guests: tuple[Guest, ...] = ()
    items: tuple[Item, ...] = ()
    motions: tuple[MotionEntry, ...] = ()  # every motion, on an agenda item or not
    comments: tuple[Comment, ...] = ()
    corrections: tuple[Correction, ...] = ()

    def motions_of(self, item_id: int | None) -> tuple[MotionEntry, ...]:
        return tuple(m for m in self.motions if m.agenda_item_id == item_id)

    def corrections_of(self, item_id: int | None) -> tuple[Correction, ...]:
        return tuple(c for c in self.corrections if c.item_id == item_id)
