"""Writing a checked import: the partnerships, their status histories and one audit entry,
in one transaction, without an ORM object per row (20,000 of them cost ten times the insert).

- The partnerships: one executemany of the columns a file gives; the columns every imported
  row shares (no signatories, no expiry, the stamp) are written by the statement itself.
- Their status events: derived in SQL from the rows just written, one statement per event
  position. An imported history is `csv_io.implied_history`: an active or proposed tie's one
  event on its `status_since`; a suspended or terminated tie active from its establishment,
  then its status on its `status_since`. `tests/services/partnerships/test_bulk.py` reads
  every history back against that function.
- The audit trail: ONE entry for the import (`safekeeping.audit.import_changes`): the file's
  name and SHA-256, how many rows and their numbers, linked into the trail's hash chain like
  any other. Each imported row's history shows it ("Imported from register.csv"); later
  changes to a row are audited by the ORM as always. The rows themselves are checked by
  `check` as every row is (row_rules, a history that matches its status).
"""

from __future__ import annotations

import json
import re
from itertools import chain
from typing import TYPE_CHECKING, Any

from sqlalchemy import func, insert, select, text

from sciapp.domain.status import Status
from sciapp.services.safekeeping.audit import import_changes
from sciapp.storage.audit_chain import append
from sciapp.storage.models import Partnership, StatusEvent
from sciapp.storage.types import stored_table, stored_value

if TYPE_CHECKING:
    import datetime as dt
    from collections.abc import Sequence

    from sqlalchemy.engine import Connection

    from sciapp.storage.database import Database

# What a file gives, in the order of each row's values (after its id).
GIVEN = (
    "kind",
    "local_jurisdiction",
    "partner_city",
    "partner_city_native",
    "partner_region",
    "partner_country",
    "established",
    "notes",
    "status",
    "status_since",
)
# What every imported row shares: no signatories, no expiry.
SHARED = {
    "local_signatory_name": "",
    "local_signatory_title": "",
    "partner_signatory_name": "",
    "partner_signatory_title": "",
    "no_expiry": True,
    "expires": None,
}
CHUNK = 200  # rows a statement: 2,000 values, well under SQLite's 32,766
_STAMP = re.compile(r"^[0-9T:.+-]+$")  # an ISO timestamp, safe to write into a statement
_JSON = json.JSONEncoder(ensure_ascii=False, separators=(",", ":"))


def write_import(
    db: Database,
    rows: Sequence[tuple[Any, ...]],
    now: dt.datetime,
    imported_reason: str,
    source: tuple[str, str],
) -> list[int]:
    """Insert `rows` (values as stored, in GIVEN's order) with their histories and the
    import's audit entry; `source` is the file's (name, SHA-256). The new ids, in order."""
    if not rows:
        return []
    stamp = stored_value(Partnership.__table__.c.created_at, now)
    with db.engine.begin() as conn:
        ids = _new_ids(conn, len(rows))
        _insert_many(conn, ids, rows, stamp)
        _insert_events(conn, ids, stamp, imported_reason)
        name, file_digest = source
        entry = {
            "at": stamp,
            "actor": db.audit.actor,
            "action": "create",
            "table_name": Partnership.__tablename__,
            "record_id": f"{ids[0]}-{ids[-1]}",
            "label": name,
            "changes": _JSON.encode(import_changes(name, file_digest, ids)),
        }
        append(conn, [entry])  # linked into the hash chain on this connection
    # Bulk inserts bypass the ORM, whose flushes report what a commit touched: say it here.
    db.changes.publish({Partnership.__tablename__: ids, StatusEvent.__tablename__: []})
    return ids


def _new_ids(conn: Connection, count: int) -> list[int]:
    """Ids for `count` new partnerships. A server hands them out from its sequence, so two
    clerks importing at once never take the same ones (max(id) + 1 would: neither sees the
    other's rows before they commit). SQLite has one writer at a time: max(id) + 1 holds."""
    if conn.dialect.name == "postgresql":
        query = text(
            "SELECT nextval(pg_get_serial_sequence('partnership', 'id')) "
            "FROM generate_series(1, :count)"
        )
        return sorted(int(value) for value in conn.execute(query, {"count": count}).scalars())
    start = conn.execute(select(func.coalesce(func.max(Partnership.id), 0))).scalar_one()
    return list(range(start + 1, start + count + 1))


def _insert_many(
    conn: Connection, ids: list[int], rows: Sequence[tuple[Any, ...]], stamp: str
) -> None:
    shared = {**SHARED, "created_at": stamp, "updated_at": stamp}
    if conn.dialect.name != "sqlite":
        # Through SQLAlchemy, with the ids the server's sequence handed out.
        stored = stored_table(Partnership.__table__)
        conn.execute(
            insert(stored),
            [
                {"id": new_id, **dict(zip(GIVEN, row, strict=True)), **shared}
                for new_id, row in zip(ids, rows, strict=True)
            ],
        )
        return
    # Straight to the driver, the shared values in the statement itself (binding them
    # 20,000 times costs more than SQLite's insert), CHUNK rows a statement. The status
    # check is four comparisons (migration 0013): `status IN (…)` made SQLite build a table
    # once a statement and search it for every row, as costly as the insert. SQLite numbers
    # each row one past the highest (no AUTOINCREMENT): the ids _new_ids counted, checked
    # below.
    if not _STAMP.match(stamp):
        raise ValueError(f"not a timestamp: {stamp!r}")
    literals = ", ".join(_literal(value) for value in shared.values())
    one = f"({', '.join('?' * len(GIVEN))}, {literals})"
    head = f"INSERT INTO partnership ({', '.join((*GIVEN, *shared))}) VALUES "
    for start in range(0, len(rows), CHUNK):
        chunk = rows[start : start + CHUNK]
        values = tuple(chain.from_iterable(chunk))
        conn.exec_driver_sql(head + ", ".join([one] * len(chunk)), values)
    last = conn.execute(select(func.max(Partnership.id))).scalar_one()
    if last != ids[-1]:
        raise RuntimeError(f"imported rows were numbered up to {last}, not {ids[-1]}")


def _literal(value: object) -> str:
    if value is None:
        return "NULL"
    if value is True or value is False:
        return "1" if value else "0"
    if value == "" or _STAMP.match(str(value)):
        return f"'{value}'"
    raise ValueError(f"not a constant for a statement: {value!r}")


def _insert_events(conn: Connection, ids: list[int], stamp: str, reason: str) -> None:
    """Each imported row's history (module docstring), from its own columns."""
    params: dict[str, object]
    if conn.dialect.name == "postgresql":
        imported, params = "id = ANY(:ids)", {"ids": ids}  # a sequence's ids need not touch
    else:
        imported, params = "id BETWEEN :low AND :high", {"low": ids[0], "high": ids[-1]}
    columns = "partnership_id, sequence, status, effective, decided_by, instrument, reason, "
    columns += "condition, recorded_at"
    ended = f"('{Status.SUSPENDED.value}', '{Status.TERMINATED.value}')"
    first = (
        f"INSERT INTO status_event ({columns}) "
        f"SELECT id, 1, CASE WHEN status IN {ended} THEN '{Status.ACTIVE.value}' ELSE status END, "
        f"CASE WHEN status IN {ended} THEN established ELSE status_since END, "
        f"NULL, '', '', '', :stamp FROM partnership WHERE {imported} ORDER BY id"
    )
    then = (
        f"INSERT INTO status_event ({columns}) "
        "SELECT id, 2, status, status_since, NULL, '', :reason, '', :stamp "
        f"FROM partnership WHERE {imported} AND status IN {ended} ORDER BY id"
    )
    conn.execute(text(first), {**params, "stamp": stamp})
    conn.execute(text(then), {**params, "stamp": stamp, "reason": reason})
