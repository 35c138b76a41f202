"""Reading the audit trail: who changed what, when, field by field."""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING, Any

from sqlalchemy import select

from sciapp.domain import display, labels
from sciapp.storage.audit_models import AuditEntry

if TYPE_CHECKING:
    from collections.abc import Mapping, Sequence

    from sqlalchemy.orm import Session

    from sciapp.storage.database import Database

# How the trail names its tables to a person (the domain's words).
TABLE_NAMES = display.TABLE_NAMES


# Kept in the trail, not worth a line on screen: the trail's own columns say when and which.
BOOKKEEPING = frozenset({"id", "created_at", "updated_at", "recorded_at", "notes_saved_at"})
ACTION_WORDS = {"create": "Created", "update": "Changed", "delete": "Deleted"}
# A bulk import's one entry (services/partnerships/bulk.py) holds these instead of a row's
# fields: the file's name and SHA-256, how many rows and their numbers. Its record id is the
# first and last number ("101-20100").
IMPORT_FIELDS = ("file", "file_sha256", "rows", "numbers")


def import_changes(name: str, file_digest: str, ids: Sequence[int]) -> dict[str, list[Any]]:
    values = (name, file_digest, len(ids), number_ranges(ids))
    return {key: [None, value] for key, value in zip(IMPORT_FIELDS, values, strict=True)}


def number_ranges(ids: Sequence[int]) -> str:
    """Sorted ids as runs: "101-20100", or "3-7,9" where a server's sequence skipped one."""
    runs: list[list[int]] = []
    for number in ids:
        if runs and number == runs[-1][1] + 1:
            runs[-1][1] = number
        else:
            runs.append([number, number])
    return ",".join(f"{a}-{b}" if a != b else str(a) for a, b in runs)


def _in_ranges(ranges: str, number: int) -> bool:
    for run in ranges.split(","):
        low, _, high = run.partition("-")
        try:
            if int(low) <= number <= int(high or low):
                return True
        except ValueError:
            return False
    return False


@dataclass(frozen=True)
class AuditRecord:
    id: int
    at: dt.datetime
    actor: str
    action: str
    table: str
    record_id: str
    label: str
    changes: dict[str, list[Any]]
    # The names of the records this entry refers to, by (table, record id), from the trail.
    names: Mapping[tuple[str, str], str] = field(default_factory=dict, compare=False, repr=False)
    owner: tuple[str, str] | None = None  # the record a record with no name belongs to

    @property
    def what(self) -> str:
        return self.what_in()

    @property
    def imported(self) -> bool:
        """The one entry of a bulk import (IMPORT_FIELDS), not one record's."""
        return self.action == "create" and all(key in self.changes for key in IMPORT_FIELDS)

    def covers(self, record_id: int | str) -> bool:
        """True for the record's own entries, and for the import that brought it in."""
        if self.record_id == str(record_id):
            return True
        numbers = self._imported("numbers")
        return self.imported and str(record_id).isdigit() and _in_ranges(numbers, int(record_id))

    def imported_from(self) -> str:
        """Within an imported record's history: "Imported from register.csv"."""
        return f"Imported from {self._imported('file') or 'a file'}"

    def _imported(self, key: str) -> str:
        value = self.changes.get(key, [None, None])[1]
        return "" if value is None else str(value)

    def what_in(self, locale: str = "en_US") -> str:
        """ "Changed partnership Otsu", "Created attendance of Grace Mensah"."""
        if self.imported:
            rows = self._imported("rows")
            count = f"{int(rows):,}" if rows.isdigit() else rows
            noun = display.TABLE_NAMES.get(self.table, self.table) + ("" if rows == "1" else "s")
            return f"Imported {count} {noun} from {self._imported('file') or 'a file'}"
        word = ACTION_WORDS.get(self.action, self.action.capitalize())
        return f"{word} {self.subject(locale)}"

    def subject(self, locale: str = "en_US") -> str:
        owner = ""
        if self.owner is not None and self.owner in self.names:
            owner = display.record_name(self.owner[0], self.names[self.owner], locale)
        return display.record_phrase(self.table, self.label, owner, locale)

    def fields(self) -> list[str]:
        """The fields a person sees change, by their labels."""
        if self.imported:
            return []
        return [
            labels.field_label(key, self.table)
            for key in sorted(self.changes, key=lambda k: labels.field_order(self.table, k))
            if key not in BOOKKEEPING
        ]

    def describe_changes(self, limit: int = 80, locale: str = "en_US") -> str:
        """Label: old → new, one per line (long values shortened), each value as the form
        shows it: "Country: Russia → Ukraine", "No expiry: Yes"."""

        def short(key: str, value: object) -> str:
            text = display.display_value(self.table, key, value, locale, self._names(locale))
            text = text.replace("\n", " ⏎ ")
            return text if len(text) <= limit else text[: limit - 1] + "…"

        if self.imported:
            return self._describe_import()
        lines = []
        for key in sorted(self.changes, key=lambda k: labels.field_order(self.table, k)):
            old, new = self.changes[key]
            if key in BOOKKEEPING:
                continue
            if self.action != "update" and (old if self.action == "delete" else new) in (
                "",
                None,
                [],
                "[]",
            ):
                continue  # an empty field created or deleted says nothing
            name = labels.field_label(key, self.table)
            if self.action == "create":
                lines.append(f"{name}: {short(key, new)}")
            elif self.action == "delete":
                lines.append(f"{name}: was {short(key, old)}")
            else:
                lines.append(f"{name}: {short(key, old)} → {short(key, new)}")
        return "\n".join(lines)

    def _describe_import(self) -> str:
        rows = self._imported("rows")
        count = f"{int(rows):,}" if rows.isdigit() else rows
        numbers = self._imported("numbers").replace("-", "–").replace(",", ", ")
        return "\n".join(
            (
                f"File: {self._imported('file') or '(not named)'}",
                f"File SHA-256: {self._imported('file_sha256')}",
                f"Rows: {count}, numbered {numbers}",
            )
        )

    def _names(self, locale: str) -> dict[tuple[str, str], str]:
        return {key: display.record_name(key[0], name, locale) for key, name in self.names.items()}


class AuditService:
    def __init__(self, db: Database) -> None:
        self._db = db

    @property
    def actor(self) -> str:
        return self._db.audit.actor

    def set_actor(self, name: str) -> None:
        self._db.audit.actor = name

    def entries(
        self,
        since: dt.date | None = None,
        table: str | None = None,
        record_id: int | str | None = None,
        limit: int | None = None,
    ) -> list[AuditRecord]:
        """Oldest first; for one record when `table` and `record_id` are given."""
        query = select(AuditEntry).order_by(AuditEntry.id)
        if since is not None:
            query = query.where(AuditEntry.at >= dt.datetime.combine(since, dt.time(), dt.UTC))
        if table is not None:
            query = query.where(AuditEntry.table_name == table)
        if record_id is not None:
            # and the import that brought it in: its record id is a range ("101-20100")
            query = query.where(
                (AuditEntry.record_id == str(record_id)) | AuditEntry.record_id.like("%-%")
            )
        if limit is not None and record_id is None:
            query = query.limit(limit)
        with self._db.session() as session:
            records = _named(session, list(session.scalars(query)))
        if record_id is not None:
            records = [r for r in records if r.covers(record_id)][:limit]
        return records

    def history(self, table: str, record_id: int) -> list[AuditRecord]:
        return self.entries(table=table, record_id=record_id)

    def meeting_history(self, meeting_id: int) -> list[AuditRecord]:
        """The meeting and everything recorded in it: items, attendance, guests, public
        comment, motions and their roll calls, minutes corrections."""
        from sqlalchemy import or_

        from sciapp.storage.meeting_models import (
            AgendaItem,
            AttendanceRecord,
            Guest,
            MinutesCorrection,
            PublicComment,
        )
        from sciapp.storage.vote_models import Motion, RollCallVote

        with self._db.session() as session:
            keys: list[tuple[str, str]] = [("meeting", str(meeting_id))]
            for model in (
                AgendaItem,
                AttendanceRecord,
                Guest,
                PublicComment,
                Motion,
                MinutesCorrection,
            ):
                ids = session.scalars(select(model.id).where(model.meeting_id == meeting_id))
                keys += [(model.__tablename__, str(i)) for i in ids]
            motions = select(Motion.id).where(Motion.meeting_id == meeting_id)
            votes = session.scalars(
                select(RollCallVote.id).where(RollCallVote.motion_id.in_(motions))
            )
            keys += [(RollCallVote.__tablename__, str(i)) for i in votes]
            by_table: dict[str, list[str]] = {}
            for table, record in keys:
                by_table.setdefault(table, []).append(record)
            query = (
                select(AuditEntry)
                .where(
                    or_(
                        *(
                            (AuditEntry.table_name == t) & AuditEntry.record_id.in_(ids)
                            for t, ids in by_table.items()
                        )
                    )
                )
                .order_by(AuditEntry.id)
            )
            return _named(session, list(session.scalars(query)))


def _record(entry: AuditEntry) -> AuditRecord:
    try:
        changes = json.loads(entry.changes)
    except ValueError:
        changes = {}
    return AuditRecord(
        id=entry.id,
        at=entry.at,
        actor=entry.actor,
        action=entry.action,
        table=entry.table_name,
        record_id=entry.record_id,
        label=entry.label,
        changes=changes if isinstance(changes, dict) else {},
    )


def _named(session: Session, entries: list[AuditEntry]) -> list[AuditRecord]:
    """The entries, each knowing the names of the records it refers to (a motion's mover,
    the member an attendance is of), as the trail last labelled them."""
    records = [_record(e) for e in entries]
    owners: dict[tuple[str, str], tuple[str, str]] = {}
    wanted: set[tuple[str, str]] = set()
    for r in records:
        owner_field = display.OWNERS.get(r.table)
        for key, values in r.changes.items():
            target = display.REFERENCES.get(key)
            if target is None:
                continue
            for value in values:
                if value is not None:
                    wanted.add((target, str(value)))
                    if key == owner_field:
                        owners[(r.table, r.record_id)] = (target, str(value))
    # An update alone does not say whose attendance it is: the record's first entry does.
    unowned = {
        (r.table, r.record_id)
        for r in records
        if r.table in display.OWNERS and (r.table, r.record_id) not in owners
    }
    for table, record_id, changes in _entries_of(session, unowned, creations=True):
        value = changes.get(display.OWNERS[table], [None, None])[1]
        if value is not None:
            owner = (display.REFERENCES[display.OWNERS[table]], str(value))
            owners[(table, record_id)] = owner
            wanted.add(owner)
    names = {(table, record_id): label for table, record_id, label in _labels_of(session, wanted)}
    names.update(_imported_names(session, wanted - names.keys()))
    return [replace(r, names=names, owner=owners.get((r.table, r.record_id))) for r in records]


def _imported_names(session: Session, keys: set[tuple[str, str]]) -> dict[tuple[str, str], str]:
    """Partnerships a bulk import brought in have no entry of their own to name them: their
    name as the register holds it."""
    from sciapp.storage.models import Partnership

    ids = [
        int(record_id)
        for table, record_id in keys
        if table == "partnership" and record_id.isdigit()
    ]
    found: dict[tuple[str, str], str] = {}
    for start in range(0, len(ids), 500):
        query = select(Partnership.id, Partnership.partner_city).where(
            Partnership.id.in_(ids[start : start + 500])
        )
        found.update({("partnership", str(i)): city for i, city in session.execute(query)})
    return found


def _chunks(keys: set[tuple[str, str]], size: int = 500) -> list[tuple[str, list[str]]]:
    by_table: dict[str, list[str]] = {}
    for table, record_id in sorted(keys):
        by_table.setdefault(table, []).append(record_id)
    return [
        (table, ids[i : i + size])
        for table, ids in by_table.items()
        for i in range(0, len(ids), size)
    ]


def _entries_of(
    session: Session, keys: set[tuple[str, str]], creations: bool
) -> list[tuple[str, str, dict[str, list[Any]]]]:
    found = []
    for table, ids in _chunks(keys):
        query = select(AuditEntry.table_name, AuditEntry.record_id, AuditEntry.changes).where(
            (AuditEntry.table_name == table) & AuditEntry.record_id.in_(ids)
        )
        if creations:
            query = query.where(AuditEntry.action == "create")
        for name, record_id, text in session.execute(query.order_by(AuditEntry.id)):
            try:
                changes = json.loads(text)
            except ValueError:
                continue
            if isinstance(changes, dict):
                found.append((name, record_id, changes))
    return found


def _labels_of(session: Session, keys: set[tuple[str, str]]) -> list[tuple[str, str, str]]:
    """(table, record id, label) for each record's newest labelled entry, oldest first."""
    found: list[tuple[str, str, str]] = []
    for table, ids in _chunks(keys):
        query = (
            select(AuditEntry.table_name, AuditEntry.record_id, AuditEntry.label)
            .where((AuditEntry.table_name == table) & AuditEntry.record_id.in_(ids))
            .where(AuditEntry.label != "")
            .order_by(AuditEntry.id)
        )
        found.extend((t, r, label) for t, r, label in session.execute(query))
    return found
