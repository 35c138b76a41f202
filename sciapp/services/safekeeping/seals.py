"""Seals: approved minutes and adopted resolutions get a SHA-256 digest of their stored
content and of a snapshot of what they print (taken by the `SnapshotRenderer` the caller
hands in, safekeeping/snapshots.py; the workspace passes reports/sealed_copies.py), chained
to the seal before them at a numbered position, so that a change made behind the app's back
(another tool editing the file) is named by `sciapp verify` (safekeeping/seal_verify.py)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from sqlalchemy import select

from sciapp.services.clock import utc_now
from sciapp.services.errors import ServiceError
from sciapp.services.safekeeping.seal_verify import (
    Problem,
    VerifyReport,
    chain_problems,
    verify_session,
)
from sciapp.services.safekeeping.sealed_content import CONTENT, content_digest, due_records
from sciapp.storage.audit_models import Seal
from sciapp.storage.chain import GENESIS, seal_digest, text_digest

if TYPE_CHECKING:
    from collections.abc import Callable

    from sqlalchemy.engine import Connection
    from sqlalchemy.orm import Session

    from sciapp.services.safekeeping.snapshots import SnapshotRenderer
    from sciapp.storage.database import Database

__all__ = ["GENESIS", "Problem", "SealRecord", "SealService", "VerifyReport", "seal_due"]


@dataclass(frozen=True)
class SealRecord:
    kind: str
    record_id: int
    label: str
    digest: str
    sealed_at: str
    sealed_by: str


def seal_due(session: Session, actor: str, snapshots: SnapshotRenderer) -> list[SealRecord]:
    """Seal every approved minutes and adopted resolution not sealed yet (same transaction)."""
    sealed = {(s.kind, s.record_id) for s in session.scalars(select(Seal))}
    return [
        _seal(session, kind, record_id, label, actor, snapshots)
        for kind, record_id, label in due_records(session)
        if (kind, record_id) not in sealed
    ]


def _seal(
    session: Session, kind: str, record_id: int, label: str, actor: str, snapshots: SnapshotRenderer
) -> SealRecord:
    session.flush()  # the content read below must include this transaction's changes
    last = session.scalars(select(Seal).order_by(Seal.id.desc()).limit(1)).first()
    count = len(session.scalars(select(Seal.id)).all())
    previous = last.digest if last else GENESIS
    # Its place in the chain, in its digest: a seal removed and made again shows.
    position = (last.position if last and last.position else count) + 1
    content = content_digest(CONTENT[kind](session, record_id) or {})
    snapshot = snapshots.take(session, kind, record_id)
    seal = Seal(
        kind=kind,
        record_id=record_id,
        label=label,
        content_digest=content,
        previous=previous,
        position=position,
        snapshot=snapshot,
        snapshot_digest=text_digest(snapshot),
        sealed_at=utc_now().isoformat(timespec="seconds"),
        sealed_by=actor,
    )
    seal.digest = seal_digest(previous, kind, record_id, content, position, seal.snapshot_digest)
    session.add(seal)
    session.flush()  # audited like any write: the trail shows every seal made
    return _record(seal)


def reseal_older_seals(session: Session, snapshots: SnapshotRenderer) -> bool:
    """Give seals made before positions and snapshots existed both, re-made in chain order;
    only when the chain as it stands verifies (a tampered record is never sealed anew).
    Returns whether it did."""
    older = session.scalars(select(Seal).where(Seal.position.is_(None))).first()
    if older is None or chain_problems(session):
        return False
    previous = GENESIS
    for position, seal in enumerate(session.scalars(select(Seal).order_by(Seal.id)), start=1):
        if seal.position is None:
            seal.snapshot = snapshots.take(session, seal.kind, seal.record_id)
            seal.snapshot_digest = text_digest(seal.snapshot)
            seal.position = position
        seal.previous = previous
        seal.digest = seal_digest(
            previous,
            seal.kind,
            seal.record_id,
            seal.content_digest,
            seal.position,
            seal.snapshot_digest,
        )
        previous = seal.digest
    session.flush()
    return True


def upgrade_step(actor: str, snapshots: SnapshotRenderer) -> Callable[[Connection], None]:
    """What the services add to a migration, inside its transaction (storage/migrate.py):
    older seals get their snapshots, and everything approved or adopted is sealed. A kill
    at any moment leaves either the old file or the new one, sealed."""
    from sciapp.storage.audit import session_on

    def step(connection: Connection) -> None:
        session = session_on(connection, actor)
        try:
            reseal_older_seals(session, snapshots)
            seal_due(session, actor, snapshots)
            session.commit()  # a savepoint: the migration's transaction commits it all
        finally:
            session.close()

    return step


def _record(seal: Seal) -> SealRecord:
    return SealRecord(
        seal.kind, seal.record_id, seal.label, seal.digest, seal.sealed_at, seal.sealed_by
    )


class SealService:
    def __init__(self, db: Database, snapshots: SnapshotRenderer | None = None) -> None:
        self._db = db
        self._snapshots = snapshots  # None: for verifying only (safekeeping/integrity.py)

    def seal_all_due(self) -> list[SealRecord]:
        if self._snapshots is None:
            raise ServiceError("Sealing needs the snapshot renderer (Workspace.seals has it).")
        with self._db.session() as session, session.begin():
            return seal_due(session, self._db.audit.actor, self._snapshots)

    def seal_of(self, kind: str, record_id: int) -> SealRecord | None:
        with self._db.session() as session:
            query = select(Seal).where(Seal.kind == kind, Seal.record_id == record_id)
            seal = session.scalars(query).first()
            return _record(seal) if seal else None

    def all(self) -> list[SealRecord]:
        with self._db.session() as session:
            return [_record(s) for s in session.scalars(select(Seal).order_by(Seal.id))]

    def verify(self) -> VerifyReport:
        """Seals, their chain and snapshots, the audit trail, and the heads last seen here
        (safekeeping/anchors.py); a clean result moves that anchor forward."""
        from sciapp.services.safekeeping import anchors

        with self._db.session() as session:
            found = verify_session(session)
        found.problems += anchors.check(self._db, found)
        if not found.problems:
            anchors.remember(self._db, found)
        return found.report()

    def remember_heads(self) -> None:
        """Move this database's anchor forward if the chains still extend it (at closing)."""
        from sciapp.services.safekeeping import anchors

        anchors.advance(self._db)
