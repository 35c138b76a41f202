"""What a seal covers: the stored rows of approved minutes and adopted resolutions (their
text as written, bookkeeping and empty values left out), their digest, and which records are
due a seal. Shared by sealing (seals.py) and checking (seal_verify.py)."""

from __future__ import annotations

import hashlib
import json
from typing import TYPE_CHECKING, Any

from sqlalchemy import String, select, type_coerce

from sciapp.domain.minutes import MinutesStatus
from sciapp.domain.resolutions import ResolutionStatus
from sciapp.domain.votes import Result
from sciapp.storage.document_models import Resolution
from sciapp.storage.meeting_models import (
    AgendaItem,
    AttendanceRecord,
    Guest,
    Meeting,
    PublicComment,
)
from sciapp.storage.types import stored_table
from sciapp.storage.vote_models import Motion, RollCallVote

if TYPE_CHECKING:
    from collections.abc import Mapping

    from sqlalchemy.orm import Session

    from sciapp.storage.models import Base

# Bookkeeping that changes without changing the record.
VOLATILE = {"current_item", "notes_saved_at", "created_at", "updated_at"}


def _columns(row: Mapping[Any, Any]) -> dict[str, Any]:
    """Stored values, empty ones left out: a column added later (empty in old rows) leaves
    the digests of records sealed before it unchanged."""
    return {k: v for k, v in row.items() if k not in VOLATILE and v is not None}


def _rows(session: Session, model: type[Base], **equal: Any) -> list[dict[str, Any]]:
    """The rows as stored: a date is its text, as written then (storage/types.py), so a
    date respelled by another tool no longer matches its seal."""
    table = stored_table(model.__table__)
    where = (table.c[name] == value for name, value in equal.items())
    query = select(table).where(*where).order_by(table.c.id)
    return [_columns(row) for row in session.execute(query).mappings()]


def _motions(session: Session, meeting_id: int) -> list[dict[str, Any]]:
    motions = _rows(session, Motion, meeting_id=meeting_id)
    for content in motions:
        content["roll_call"] = _rows(session, RollCallVote, motion_id=content["id"])
    return motions


def minutes_content(session: Session, meeting_id: int) -> dict[str, Any] | None:
    meeting = _rows(session, Meeting, id=meeting_id)
    if not meeting:
        return None
    return {
        "meeting": meeting[0],
        "items": _rows(session, AgendaItem, meeting_id=meeting_id),
        "attendance": _rows(session, AttendanceRecord, meeting_id=meeting_id),
        "guests": _rows(session, Guest, meeting_id=meeting_id),
        "public_comment": _rows(session, PublicComment, meeting_id=meeting_id),
        "motions": _motions(session, meeting_id),
    }


def resolution_content(session: Session, resolution_id: int) -> dict[str, Any] | None:
    """The resolution's own text; the vote that adopted it is sealed with its minutes."""
    row = _rows(session, Resolution, id=resolution_id)
    return {"resolution": row[0]} if row else None


def content_digest(content: dict[str, Any]) -> str:
    canonical = json.dumps(content, sort_keys=True, ensure_ascii=False, default=str)
    return hashlib.sha256(canonical.encode("utf-8")).hexdigest()


CONTENT = {"minutes": minutes_content, "resolution": resolution_content}


def due_records(session: Session) -> list[tuple[str, int, str]]:
    """Every record that must be sealed: approved minutes, adopted resolutions (the states
    that lock them: `MinutesStatus.locked`, `domain.resolutions.is_locked`)."""
    due: list[tuple[str, int, str]] = []
    approved = Meeting.minutes_status == MinutesStatus.APPROVED.value
    stored_date = type_coerce(Meeting.date, String)  # as stored: an unreadable one shows too
    for meeting_id, day in session.execute(select(Meeting.id, stored_date).where(approved)):
        due.append(("minutes", meeting_id, f"{day} meeting"))
    adopted_motions = select(Motion.id).where(Motion.result == Result.ADOPTED.value)
    resolutions = select(Resolution).where(
        (Resolution.status == ResolutionStatus.ADOPTED.value)
        | Resolution.motion_id.in_(adopted_motions)
    )
    for resolution_id, number in session.execute(
        resolutions.with_only_columns(Resolution.id, Resolution.number)
    ):
        due.append(("resolution", resolution_id, f"Resolution {number}"))
    return sorted(due, key=lambda d: (d[0], d[1]))
