"""After a write, what changed: the areas of the app it touched and the records' ids.

Each screen decides for itself whether a change concerns it (as Anki's screens do with the
`OpChanges` an operation returns): the services only say what happened.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from collections.abc import Iterable, Mapping


class Area(StrEnum):
    PARTNERSHIPS = "partnerships"
    MEMBERS = "members"  # bodies and their members
    MEETINGS = "meetings"  # meetings, agendas, attendance, minutes
    VOTES = "votes"  # motions and roll calls
    DOCUMENTS = "documents"  # resolutions, letters, letterhead
    RECORDS = "records"  # seals and other record-keeping
    ACTIVITIES = "activities"  # activities on the ties, their participants and files; gifts
    CONTACTS = "contacts"  # contacts at partner cities and beyond; the SCI membership


TABLE_AREAS: dict[str, Area] = {
    "partnership": Area.PARTNERSHIPS,
    "status_event": Area.PARTNERSHIPS,
    "body": Area.MEMBERS,
    "member": Area.MEMBERS,
    "meeting": Area.MEETINGS,
    "agenda_item": Area.MEETINGS,
    "attendance": Area.MEETINGS,
    "guest": Area.MEETINGS,
    "public_comment": Area.MEETINGS,
    "minutes_correction": Area.MEETINGS,
    "closed_session": Area.MEETINGS,
    "motion": Area.VOTES,
    "roll_call_vote": Area.VOTES,
    "resolution": Area.DOCUMENTS,
    "letter": Area.DOCUMENTS,
    "setting": Area.DOCUMENTS,
    "activity": Area.ACTIVITIES,
    "activity_participant": Area.ACTIVITIES,
    "activity_file": Area.ACTIVITIES,
    "gift": Area.ACTIVITIES,
    "contact": Area.CONTACTS,
    "sci_membership": Area.CONTACTS,
}


@dataclass(frozen=True)
class Changes:
    """The tables one commit touched, each with the ids of its rows (empty when not known)."""

    records: Mapping[str, frozenset[int]] = field(default_factory=dict)

    @classmethod
    def of(cls, records: Mapping[str, Iterable[int]]) -> Changes:
        return cls({table: frozenset(ids) for table, ids in records.items()})

    @property
    def tables(self) -> frozenset[str]:
        return frozenset(self.records)

    @property
    def areas(self) -> frozenset[Area]:
        return frozenset(TABLE_AREAS.get(table, Area.RECORDS) for table in self.records)

    def touches(self, *areas: Area) -> bool:
        return not self.areas.isdisjoint(areas)

    def touches_tables(self, *tables: str) -> bool:
        return not self.tables.isdisjoint(tables)

    def ids(self, table: str) -> frozenset[int]:
        return self.records.get(table, frozenset())

    def merged(self, other: Changes) -> Changes:
        def ids(table: str) -> frozenset[int]:
            mine, theirs = self.records.get(table), other.records.get(table)
            if mine is None or theirs is None:
                return mine if mine is not None else (theirs or frozenset())
            return mine | theirs if mine and theirs else frozenset()  # unknown stays unknown

        return Changes({t: ids(t) for t in self.tables | other.tables})

    def __bool__(self) -> bool:
        return bool(self.records)
