"""What a seal keeps of the record it covers: the plain document model its PDF is rendered
from (and, for minutes, the text minutes), as canonical JSON. Printing a sealed record prints
this snapshot, so renaming a member or the commission later changes nothing already approved;
corrections approved afterwards are not part of it and print beside the original.

Safekeeping only stores and checks snapshots; taking one renders a document, which is the
reports' work above it. So sealing is handed a `SnapshotRenderer` (reports/sealed_copies.py
is the one the workspace passes in), and reading a sealed copy back (`sound_snapshot`) is
done by whoever prints it: reports/sealed_copies.py, meetings/sealed_text.py."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol

from sqlalchemy import select

from sciapp.services.errors import ServiceError
from sciapp.storage.audit_models import Seal
from sciapp.storage.chain import seal_digest, text_digest

if TYPE_CHECKING:
    from sqlalchemy.orm import Session


class SnapshotDamagedError(ServiceError):
    """A sealed copy that no longer matches its seal is not printed as if it were sound."""


class SnapshotRenderer(Protocol):
    """What sealing needs of the documents: the snapshot of a record about to be sealed."""

    def take(self, session: Session, kind: str, record_id: int) -> str:
        """The record (`kind` 'minutes' or 'resolution') as it prints now, canonical JSON."""
        ...


def seal_row(session: Session, kind: str, record_id: int) -> Seal | None:
    query = select(Seal).where(Seal.kind == kind, Seal.record_id == record_id)
    return session.scalars(query).first()


def sound_snapshot(seal: Seal | None) -> dict[str, Any] | None:
    """The seal's snapshot, None for a seal made before snapshots; refuses a damaged one."""
    if seal is None or seal.snapshot is None:
        return None
    expected = seal_digest(
        seal.previous,
        seal.kind,
        seal.record_id,
        seal.content_digest,
        seal.position,
        seal.snapshot_digest,
    )
    if text_digest(seal.snapshot) != seal.snapshot_digest or expected != seal.digest:
        raise SnapshotDamagedError(
            f"The sealed copy of {seal.label} no longer matches its seal: it was changed outside "
            "sciapp, so it is not printed. `sciapp verify` names what changed; restore a backup."
        )
    try:
        data = json.loads(seal.snapshot)
    except ValueError as exc:
        raise SnapshotDamagedError(f"The sealed copy of {seal.label} cannot be read.") from exc
    return data if isinstance(data, dict) else None


def image_digest(session: Session, stored: Path | None) -> str:
    path = _image_path(session, stored)
    try:
        return hashlib.sha256(path.read_bytes()).hexdigest() if path else ""
    except OSError:
        return ""


def _image_path(session: Session, stored: Path | None) -> Path | None:
    """A stored image path is relative to the database file's folder (services/attachments)."""
    if stored is None or str(stored) == "":
        return None
    if stored.is_absolute():
        return stored
    url = session.get_bind().engine.url
    if url.get_backend_name() != "sqlite" or not url.database or url.database == ":memory:":
        return None
    return Path(url.database).resolve().parent / stored
