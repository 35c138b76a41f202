"""The hash chains that make the record tamper-evident: seals on approved records and the
audit trail. Plain hashing, shared by the app, its migrations and `verify`; changing a formula
here would break every digest already printed on paper, so new forms get a new version."""

from __future__ import annotations

import hashlib
import json
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from collections.abc import Mapping

GENESIS = "0" * 64
AUDIT_FIELDS = ("at", "actor", "action", "table_name", "record_id", "label", "changes")


# json.dumps(parts, ensure_ascii=False, separators=(",", ":")), without a new encoder a call.
_JSON = json.JSONEncoder(ensure_ascii=False, separators=(",", ":"))


def _sha(parts: list[Any]) -> str:
    # A JSON list: no separator inside a value can make two different entries hash alike.
    payload = _JSON.encode(parts)
    return hashlib.sha256(payload.encode("utf-8")).hexdigest()


def audit_digest(previous: str, entry: Mapping[str, Any]) -> str:
    """An audit entry's link: the digest before it and its own fields (not its id)."""
    values = [previous] + ["" if entry.get(f) is None else str(entry[f]) for f in AUDIT_FIELDS]
    return _sha(["sciapp-audit-1", *values])


def seal_digest(
    previous: str,
    kind: str,
    record_id: int,
    content: str,
    position: int | None = None,
    snapshot_digest: str | None = None,
) -> str:
    """A seal's link. Seals made before positions and snapshots existed (position None)
    keep their first formula, so their printed digests still verify."""
    if position is None:
        return hashlib.sha256(f"{previous}|{kind}|{record_id}|{content}".encode()).hexdigest()
    return _sha(["sciapp-seal-2", previous, kind, record_id, content, position, snapshot_digest])


def text_digest(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()
