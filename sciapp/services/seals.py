"""Seals: approved minutes and adopted resolutions get a SHA-256 digest of their stored
content, chained to the seal before them, so that a change made behind the app's back (another
tool editing the file) is named by `sciapp verify`."""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from sqlalchemy import inspect, select

from sciapp.services.partnerships import utc_now
from sciapp.storage.audit_models import Seal
from sciapp.storage.document_models import Resolution
from sciapp.storage.meeting_models import (
    AgendaItem,
    AttendanceRecord,
    Guest,
    Meeting,
    PublicComment,
)
from sciapp.storage.vote_models import Motion, RollCallVote

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

    from sciapp.storage.database import Database

GENESIS = "0" * 64
# Bookkeeping that changes without changing the record.
VOLATILE = {"current_item", "notes_saved_at", "created_at", "updated_at"}


@dataclass(frozen=True)
class SealRecord:
    kind: str
    record_id: int
    label: str
    digest: str
    sealed_at: str
    sealed_by: str


@dataclass(frozen=True)
class Problem:
    kind: str
    record_id: int
    label: str
    what: str

    def __str__(self) -> str:
        return f"{self.kind} {self.label} (id {self.record_id}): {self.what}"


def _columns(obj: object) -> dict[str, Any]:
    """Stored values, empty ones left out: a column added later (empty in old rows) leaves
    the digests of records sealed before it unchanged."""
    mapper = inspect(obj).mapper  # type: ignore[union-attr]
    values = {a.key: getattr(obj, a.key) for a in mapper.column_attrs if a.key not in VOLATILE}
    return {k: v for k, v in values.items() if v is not None}


def _rows(session: Session, model: type, *where: Any) -> list[dict[str, Any]]:
    query = select(model).where(*where).order_by(model.id)  # type: ignore[attr-defined]
    return [_columns(row) for row in session.scalars(query)]


def _motions(session: Session, *where: Any) -> list[dict[str, Any]]:
    motions = []
    for motion in session.scalars(select(Motion).where(*where).order_by(Motion.id)):
        content = _columns(motion)
        content["roll_call"] = _rows(session, RollCallVote, RollCallVote.motion_id == motion.id)
        motions.append(content)
    return motions


def minutes_content(session: Session, meeting_id: int) -> dict[str, Any] | None:
    meeting = session.get(Meeting, meeting_id)
    if meeting is None:
        return None
    of_meeting = meeting_id
    return {
        "meeting": _columns(meeting),
        "items": _rows(session, AgendaItem, AgendaItem.meeting_id == of_meeting),
        "attendance": _rows(session, AttendanceRecord, AttendanceRecord.meeting_id == of_meeting),
        "guests": _rows(session, Guest, Guest.meeting_id == of_meeting),
        "public_comment": _rows(session, PublicComment, PublicComment.meeting_id == of_meeting),
        "motions": _motions(session, Motion.meeting_id == of_meeting),
    }


def resolution_content(session: Session, resolution_id: int) -> dict[str, Any] | None:
    """The resolution's own text; the vote that adopted it is sealed with its minutes."""
    row = session.get(Resolution, resolution_id)
    return None if row is None else {"resolution": _columns(row)}


def content_digest(content: dict[str, Any]) -> str:
    canonical = json.dumps(content, sort_keys=True, ensure_ascii=False, default=str)
    return hashlib.sha256(canonical.encode("utf-8")).hexdigest()


def chain_digest(previous: str, kind: str, record_id: int, content: str) -> str:
    return hashlib.sha256(f"{previous}|{kind}|{record_id}|{content}".encode()).hexdigest()


CONTENT = {"minutes": minutes_content, "resolution": resolution_content}


def seal_due(session: Session, actor: str) -> list[SealRecord]:
    """Seal every approved minutes and adopted resolution not sealed yet (same transaction)."""
    sealed = {(s.kind, s.record_id) for s in session.scalars(select(Seal))}
    due: list[tuple[str, int, str]] = []
    for meeting in session.scalars(select(Meeting).where(Meeting.minutes_status == "approved")):
        due.append(("minutes", meeting.id, f"{meeting.date} meeting"))
    adopted_motions = select(Motion.id).where(Motion.result == "adopted")
    resolutions = select(Resolution).where(
        (Resolution.status == "adopted") | Resolution.motion_id.in_(adopted_motions)
    )
    for resolution in session.scalars(resolutions):
        due.append(("resolution", resolution.id, f"Resolution {resolution.number}"))
    made = []
    for kind, record_id, label in sorted(due, key=lambda d: (d[0], d[1])):
        if (kind, record_id) in sealed:
            continue
        made.append(_seal(session, kind, record_id, label, actor))
    return made


def _seal(session: Session, kind: str, record_id: int, label: str, actor: str) -> SealRecord:
    session.flush()  # the content read below must include this transaction's changes
    last = session.scalars(select(Seal).order_by(Seal.id.desc()).limit(1)).first()
    previous = last.digest if last else GENESIS
    content = content_digest(CONTENT[kind](session, record_id) or {})
    seal = Seal(
        kind=kind,
        record_id=record_id,
        label=label,
        content_digest=content,
        previous=previous,
        digest=chain_digest(previous, kind, record_id, content),
        sealed_at=utc_now().isoformat(timespec="seconds"),
        sealed_by=actor,
    )
    session.add(seal)
    session.flush()
    return _record(seal)


def _record(seal: Seal) -> SealRecord:
    return SealRecord(
        seal.kind, seal.record_id, seal.label, seal.digest, seal.sealed_at, seal.sealed_by
    )


class SealService:
    def __init__(self, db: Database) -> None:
        self._db = db

    def seal_all_due(self) -> list[SealRecord]:
        with self._db.session() as session, session.begin():
            return seal_due(session, self._db.audit.actor)

    def seal_of(self, kind: str, record_id: int) -> SealRecord | None:
        with self._db.session() as session:
            query = select(Seal).where(Seal.kind == kind, Seal.record_id == record_id)
            seal = session.scalars(query).first()
            return _record(seal) if seal else None

    def all(self) -> list[SealRecord]:
        with self._db.session() as session:
            return [_record(s) for s in session.scalars(select(Seal).order_by(Seal.id))]

    def verify(self) -> list[Problem]:
        """Recompute every seal and the chain; an empty list means all is intact."""
        problems = []
        with self._db.session() as session:
            previous = GENESIS
            for seal in session.scalars(select(Seal).order_by(Seal.id)):
                label = seal.label
                if seal.previous != previous:
                    problems.append(
                        Problem(seal.kind, seal.record_id, label, "the chain of seals is broken")
                    )
                expected = chain_digest(
                    seal.previous, seal.kind, seal.record_id, seal.content_digest
                )
                if expected != seal.digest:
                    problems.append(
                        Problem(seal.kind, seal.record_id, label, "the seal itself was altered")
                    )
                content = CONTENT[seal.kind](session, seal.record_id)
                if content is None:
                    problems.append(
                        Problem(seal.kind, seal.record_id, label, "the sealed record was deleted")
                    )
                elif content_digest(content) != seal.content_digest:
                    problems.append(
                        Problem(
                            seal.kind,
                            seal.record_id,
                            label,
                            "its content no longer matches its seal",
                        )
                    )
                previous = seal.digest
        return problems
