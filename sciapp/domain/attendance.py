"""Who is in the room when: quorum changes with late arrivals and early departures."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import datetime as dt
    from collections.abc import Sequence


class Presence(StrEnum):
    PRESENT = "present"
    ABSENT = "absent"
    EXCUSED = "excused"

    @property
    def label(self) -> str:
        return self.value.capitalize()


@dataclass(frozen=True)
class Attendance:
    member: str
    presence: Presence
    voting: bool = True
    arrived: dt.time | None = None  # None: there from the start
    departed: dt.time | None = None  # None: stayed to the end

    def present_at(self, moment: dt.time) -> bool:
        if self.presence is not Presence.PRESENT:
            return False
        if self.arrived is not None and moment < self.arrived:
            return False
        return self.departed is None or moment < self.departed


def present_at(attendance: Sequence[Attendance], moment: dt.time) -> list[Attendance]:
    return [a for a in attendance if a.present_at(moment)]


def voting_present_at(attendance: Sequence[Attendance], moment: dt.time) -> int:
    return sum(1 for a in attendance if a.voting and a.present_at(moment))


@dataclass(frozen=True)
class QuorumChange:
    at: dt.time
    voting_present: int
    has_quorum: bool


def quorum_timeline(
    attendance: Sequence[Attendance], required: int, start: dt.time
) -> list[QuorumChange]:
    """Each moment the count of voting members present changes, from `start` on."""
    moments = {start}
    for a in attendance:
        moments.update(t for t in (a.arrived, a.departed) if t is not None and t >= start)
    timeline: list[QuorumChange] = []
    for moment in sorted(moments):
        count = voting_present_at(attendance, moment)
        if not timeline or timeline[-1].voting_present != count:
            timeline.append(QuorumChange(moment, count, count >= required))
    return timeline
