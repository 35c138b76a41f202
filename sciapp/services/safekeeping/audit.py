"""Reading the audit trail: who changed what, when, field by field."""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from sqlalchemy import select

from sciapp.storage.audit_models import AuditEntry

if TYPE_CHECKING:
    from sciapp.storage.database import Database

# How the trail names its tables to a person.
TABLE_NAMES = {
    "partnership": "partnership",
    "status_event": "status change",
    "body": "body",
    "member": "member",
    "meeting": "meeting",
    "agenda_item": "agenda item",
    "attendance": "attendance",
    "guest": "guest",
    "public_comment": "public comment",
    "minutes_correction": "minutes correction",
    "motion": "motion",
    "roll_call_vote": "roll-call vote",
    "resolution": "resolution",
    "letter": "letter",
    "setting": "setting",
}


# Kept in the trail, not worth a line on screen: the trail's own columns say when and which.
BOOKKEEPING = frozenset({"id", "created_at", "updated_at", "recorded_at", "notes_saved_at"})


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

    @property
    def what(self) -> str:
        name = TABLE_NAMES.get(self.table, self.table)
        label = f" {self.label}" if self.label else ""
        return f"{self.action} {name} {self.record_id}{label}"

    def describe_changes(self, limit: int = 80) -> str:
        """Field: old → new, one per line (long values shortened)."""

        def short(value: object) -> str:
            text = "—" if value is None else str(value)
            text = text.replace("\n", " ⏎ ")
            return text if len(text) <= limit else text[: limit - 1] + "…"

        lines = []
        for key, (old, new) in sorted(self.changes.items()):
            if key in BOOKKEEPING:
                continue
            if self.action != "update" and (old if self.action == "delete" else new) == "":
                continue  # an empty field created or deleted says nothing
            field = key.replace("_", " ")
            if self.action == "create":
                lines.append(f"{field}: {short(new)}")
            elif self.action == "delete":
                lines.append(f"{field}: was {short(old)}")
            else:
                lines.append(f"{field}: {short(old)} → {short(new)}")
        return "\n".join(lines)


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
            query = query.where(AuditEntry.record_id == str(record_id))
        if limit is not None:
            query = query.limit(limit)
        with self._db.session() as session:
            return [_record(e) for e in session.scalars(query)]

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
            return [_record(e) for e in session.scalars(query)]


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
