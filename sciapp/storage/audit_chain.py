"""The audit trail as a hash chain: every entry carries the digest of the one before it and
of its own fields, so a deleted, edited or inserted entry is named by `verify`.

Entries are appended only through `link` (`append` links and inserts), on the connection of
the transaction that writes them, their fields as stored text; on PostgreSQL a transaction-level
advisory lock is taken first, so two clerks writing at once cannot both extend the same head
(SQLite has one writer at a time already).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import func, insert, select

from sciapp.storage.audit_models import AuditEntry
from sciapp.storage.chain import GENESIS, audit_digest
from sciapp.storage.types import stored_table

ADVISORY_KEY = 0x5C1A_A0D1  # "sciapp audit": any constant all sciapp writers agree on
# The entries as stored: the chain covers their text ("at" as written), never a value read back.
_table = stored_table(AuditEntry.__table__)


def lock_chain(conn: Any) -> None:
    """Held until the transaction ends; a second writer waits here, then sees the new head."""
    if conn.dialect.name == "postgresql":
        conn.exec_driver_sql(f"SELECT pg_advisory_xact_lock({ADVISORY_KEY})")


def head(conn: Any) -> str:
    row = conn.execute(select(_table.c.digest).order_by(_table.c.id.desc()).limit(1)).first()
    return row[0] if row is not None and row[0] else GENESIS


def link(conn: Any, rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Give `rows` (to be inserted in this order, in this transaction, their fields as the
    stored text: `append` does both) their links."""
    if not rows:
        return rows
    lock_chain(conn)
    previous = head(conn)
    for row in rows:
        row["previous"] = previous
        row["digest"] = previous = audit_digest(previous, row)
    return rows


def append(conn: Any, rows: list[dict[str, Any]]) -> None:
    """Link `rows` (their fields as stored text) and insert them, in this transaction."""
    if rows:
        conn.execute(insert(_table), link(conn, rows))


@dataclass
class ChainReport:
    """The trail as `verify` found it: each problem is (entry id, what is wrong)."""

    count: int = 0
    head: str = GENESIS
    problems: list[tuple[int, str]] = field(default_factory=list)
    position: dict[str, int] = field(default_factory=dict)  # digest → 1-based place


def verify_chain(conn: Any) -> ChainReport:
    report = ChainReport()
    expected = GENESIS
    last_id: int | None = None
    seen: dict[str, int] = {GENESIS: 0}  # digest → entry id (0: the start of the trail)
    for row in conn.execute(select(_table).order_by(_table.c.id)).mappings():
        report.count += 1
        entry_id = row["id"]
        if not row["digest"]:
            report.problems.append((entry_id, "is not part of the chain (written by another tool)"))
            continue
        if row["previous"] != expected:
            report.problems.append((entry_id, _break(row["previous"], seen, last_id)))
        if audit_digest(row["previous"] or "", row) != row["digest"]:
            report.problems.append((entry_id, "was changed after it was written"))
        expected = row["digest"]
        seen[expected] = entry_id
        report.position[expected] = report.count
        last_id = entry_id
    report.head = expected
    return report


def _break(previous: str | None, seen: dict[str, int], last_id: int | None) -> str:
    if previous in seen:
        after = seen[previous]
        start = f"entry {after}" if after else "the start of the trail"
        return f"was written after {start}: the entries between were inserted"
    before = f"entry {last_id}" if last_id is not None else "the start of the trail"
    return f"does not follow {before}: an entry between them was deleted"


def count_through(conn: Any, digest: str) -> int | None:
    """How many entries the trail holds up to the one with `digest`; None if none has it."""
    if digest == GENESIS:
        return 0
    found = conn.execute(select(_table.c.id).where(_table.c.digest == digest)).first()
    if found is None:
        return None
    return int(conn.execute(select(func.count()).where(_table.c.id <= found[0])).scalar_one())
