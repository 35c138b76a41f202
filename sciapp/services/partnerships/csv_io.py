"""The register as CSV: import all-or-nothing with every problem by line, export round-trips.

Format (README): a header row; any column order; columns kind, partner_city,
partner_city_native, partner_region, partner_country, local_jurisdiction, established, status,
status_since, notes. readers.py reads a CSV file (in its encoding and delimiter) or a workbook's
sheet into rows; cells.py reads US dates and quotes the value in every message.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from operator import itemgetter
from typing import TYPE_CHECKING, TextIO

from sqlalchemy import func, select
from sqlalchemy.exc import DBAPIError

from sciapp.domain.dates import FORMAT_HINT, PartialDate
from sciapp.domain.errors import InvalidInputError
from sciapp.domain.partnership import (
    PartnershipData,
    PartnershipDraft,
    identity_key,
    parse_partnership,
)
from sciapp.domain.status import Status, StatusChange, check_transition
from sciapp.services.clock import Clock, utc_now
from sciapp.services.errors import ImportRejectedError
from sciapp.services.exchange.csv_writer import CsvWriter, unescape_formula
from sciapp.services.partnerships.cells import DATE_COLUMNS, in_units, iso_date, quoted, told
from sciapp.services.partnerships.history import event_values, history_values, stamp
from sciapp.services.partnerships.records import ImportReport
from sciapp.storage.audit_chain import link
from sciapp.storage.audit_models import AuditEntry
from sciapp.storage.models import Partnership, StatusEvent
from sciapp.storage.types import stored_rows, stored_table, stored_value

if TYPE_CHECKING:
    import datetime as dt

    from sqlalchemy.engine import Connection

    from sciapp.storage.database import Database

COLUMNS = (
    "kind",
    "partner_city",
    "partner_city_native",
    "partner_region",
    "partner_country",
    "local_jurisdiction",
    "established",
    "status",
    "status_since",
    "notes",
)
REQUIRED = ("kind", "partner_city", "partner_country")
IMPORTED_REASON = "Not recorded (imported from a CSV file)"
# What json.dumps(..., ensure_ascii=False, sort_keys=True) writes, as the ORM's audit hook does.
_CHANGES_JSON = json.JSONEncoder(ensure_ascii=False, sort_keys=True)


@dataclass
class _Row:
    line: int
    data: PartnershipData
    history: list[StatusChange]

    @property
    def status(self) -> Status:
        return self.history[-1].status


def import_csv(
    db: Database, content: bytes, sheet: str | None = None, clock: Clock = utc_now
) -> ImportReport:
    """Check every row, then write all of them in one transaction, or none. `content` is a
    CSV file or a workbook (`sheet`, else its first): readers.py turns it into rows."""
    from sciapp.services.partnerships.readers import read_table

    table = read_table(content, sheet)
    problems: list[str] = []
    rows = _read_rows(table.rows, problems)
    _check_duplicates(db, rows, problems)  # in the same pass as every other problem
    if problems:
        told = [in_units(problem, table.unit) for problem in problems]
        raise ImportRejectedError(told, read_as=table.read_as)
    try:
        _write(db, rows, stamp(clock))
    except DBAPIError as exc:  # a server gone, a full disk: one sentence, nothing written
        from sciapp.services.safekeeping.failures import explain_failure

        problem = explain_failure(exc, db)
        if problem is None:
            raise
        raise problem from exc
    return ImportReport(imported=len(rows), read_as=table.read_as)


def export_csv(db: Database, out: TextIO, status: Status | None = None) -> int:
    """Write partnerships (all, or those with `status`) with the import's columns."""
    stored = stored_table(Partnership.__table__).c  # the text as kept
    query = select(*(stored[c] for c in COLUMNS)).order_by(stored.id)
    if status is not None:
        query = query.where(stored.status == status.value)
    writer = CsvWriter(out)
    writer.writerow(COLUMNS)
    count = 0
    with db.engine.connect() as conn:
        for record in conn.execute(query):
            # The kind as the README and import word it: "sister", not "sister_city".
            writer.writerow((record[0].removesuffix("_city"), *record[1:]))
            count += 1
    return count


def _read_rows(table: list[tuple[int, list[str]]], problems: list[str]) -> list[_Row]:
    if not table:
        problems.append("line 1: the file is empty; it needs a header row")
        return []
    columns = _check_header(table[0][1], problems)
    if problems:
        return []
    rows: list[_Row] = []
    standings: dict[tuple[object, ...], _Standing] = {}  # the few combinations a file repeats
    for line, cells in table[1:]:
        if not any(cell.strip() for cell in cells):
            continue  # spreadsheets leave blank lines at the end
        row = _parse_row(line, columns, cells, problems, standings)
        if row is not None:
            rows.append(row)
    return rows


def _check_header(header: list[str], problems: list[str]) -> list[str]:
    columns = [cell.strip().lower().replace(" ", "_") for cell in header]
    for index, name in enumerate(columns, start=1):
        if not name:
            problems.append(f"line 1: column {index}: the header cell is empty")
        elif name not in COLUMNS:
            problems.append(f"line 1: {name}: unknown column (known: {', '.join(COLUMNS)})")
        elif columns.index(name) != index - 1:
            problems.append(f"line 1: {name}: the column appears twice")
    problems.extend(
        f"line 1: {name}: required column is missing" for name in REQUIRED if name not in columns
    )
    return columns


# A row's status, status_since and implied history, as checked: the same for every row with
# the same status, status_since and established, so each combination is checked once a file.
_Standing = tuple[Status, PartialDate | None, tuple[StatusChange, ...]]


def _parse_row(
    line: int,
    columns: list[str],
    cells: list[str],
    problems: list[str],
    standings: dict[tuple[object, ...], _Standing],
) -> _Row | None:
    if len(cells) > len(columns):
        problems.append(f"line {line}: has {len(cells)} cells but the header has {len(columns)}")
        return None
    values = {}
    for name, cell in zip(columns, cells, strict=False):
        text = cell.strip()
        values[name] = unescape_formula(text) if text.startswith("'") else text
    given = dict(values)  # as written, for the messages
    for name in DATE_COLUMNS:
        if name in values:
            values[name] = iso_date(values[name])  # a US spreadsheet's 3/14/2022 too
    before = len(problems)
    for name in REQUIRED:
        if not values.get(name):
            problems.append(f"line {line}: {name}: required")
    draft = PartnershipDraft(
        **{k: v for k, v in values.items() if k not in ("status", "status_since")},
        no_expiry=True,
    )
    data = None
    try:
        data = parse_partnership(draft)
    except InvalidInputError as exc:
        problems.extend(
            f"line {line}: {field}: {told(field, given.get(field, ''), message)}"
            for field, message in exc.errors.items()
            if not (field in REQUIRED and not values.get(field))
        )
    key = (values.get("status", ""), given.get("status_since", ""))
    if data is not None and len(problems) == before:
        known = standings.get((*key, data.established))
        if known is not None:
            return _Row(line, data, list(known[2]))
    status = _parse_status(line, key[0], problems)
    since = _parse_since(line, key[1], problems)
    if data is None or status is None or len(problems) > before:
        return None
    history = _implied_history(data, status, since)
    errors = {}
    for index, change in enumerate(history):
        errors.update(check_transition(history[:index], change))
    if data.established and since and since.surely_before(data.established):
        errors["effective"] = f"is before established ({data.established.iso()})"
    if errors:
        written = given.get("status_since", "")
        problems.extend(
            f"line {line}: status_since: {told('status_since', written, msg)}"
            for msg in errors.values()
        )
        return None
    standings[(*key, data.established)] = (status, since, tuple(history))
    return _Row(line, data, history)


def _parse_status(line: int, text: str, problems: list[str]) -> Status | None:
    try:
        return Status(text.lower()) if text else Status.ACTIVE
    except ValueError:
        allowed = ", ".join(s.value for s in Status)
        problems.append(f"line {line}: status: {text!r} is not one of {allowed}")
        return None


def _parse_since(line: int, text: str, problems: list[str]) -> PartialDate | None:
    try:
        return PartialDate.parse_optional(iso_date(text))
    except ValueError as exc:
        message = str(exc) if "use" in str(exc) else f"{exc} (use {FORMAT_HINT})"
        problems.append(f"line {line}: status_since: {told('status_since', text, message)}")
        return None


def _implied_history(
    data: PartnershipData, status: Status, since: PartialDate | None
) -> list[StatusChange]:
    """A file gives only the current status; the tie was active (from its establishment)
    before it was suspended or terminated."""
    if status is Status.PROPOSED:
        return [StatusChange(Status.PROPOSED, since)]
    if status is Status.ACTIVE:
        return [StatusChange(Status.ACTIVE, since or data.established)]
    return [
        StatusChange(Status.ACTIVE, data.established),
        StatusChange(status, since, reason=IMPORTED_REASON),
    ]


def _conflict(a_status: Status, a_est: object, b_status: Status, b_est: object) -> bool:
    """Same tie twice, unless one ended and the other is a later, new tie."""
    live = Status.TERMINATED not in (a_status, b_status)
    return live or a_est == b_est


def _check_duplicates(db: Database, rows: list[_Row], problems: list[str]) -> None:
    seen: dict[tuple[str, str, str, str], list[_Row]] = {}
    for row in rows:
        key = row.data.identity()
        for other in seen.get(key, []):
            if _conflict(row.status, row.data.established, other.status, other.data.established):
                problems.append(
                    f"line {row.line}: partner_city: {quoted(row.data.partner_city)} "
                    f"duplicates line {other.line} "
                    "(same kind, partner city, country and local jurisdiction)"
                )
                break
        seen.setdefault(key, []).append(row)
    if not seen:
        return
    # Plain rows, not ORM objects: a national register holds tens of thousands.
    columns = ("id", "kind", "partner_city", "partner_country", "local_jurisdiction")
    query = select(*(getattr(Partnership, c) for c in (*columns, "established", "status")))
    with db.engine.connect() as conn:
        for number, kind, city, country, local, established, status in conn.execute(query):
            for row in seen.get(identity_key(kind, city, country, local), []):
                if _conflict(row.status, row.data.established, Status(status), established):
                    problems.append(
                        f"line {row.line}: partner_city: {quoted(row.data.partner_city)} "
                        "is already in the register "
                        f"(number {number}, {city})"
                    )
    problems.sort(key=lambda p: int(p.split(":")[0].removeprefix("line ")))


def _write(db: Database, rows: list[_Row], now: dt.datetime) -> None:
    """Bulk inserts: one executemany per table, not one ORM flush per row. `now` (from the
    caller's clock) stamps the rows, their events and the audit entries."""
    if not rows:
        return
    with db.engine.begin() as conn:
        ids = _new_ids(conn, len(rows))
        partnerships = [
            {"id": new_id, **_partnership_values(row, now)}
            for new_id, row in zip(ids, rows, strict=True)
        ]
        events = [
            {"partnership_id": new_id, **event_values(sequence, change, now)}
            for new_id, row in zip(ids, rows, strict=True)
            for sequence, change in enumerate(row.history, start=1)
        ]
        # Straight to the table: the values as the typed columns store them, by hand here.
        stored_rows(Partnership.__table__, partnerships)
        stored_rows(StatusEvent.__table__, events)
        _insert_many(conn, Partnership.__tablename__, partnerships)
        _insert_many(conn, StatusEvent.__tablename__, events)
        # Bulk inserts bypass the ORM's audit hook: their entries are written here, in
        # the same transaction, extending the trail's hash chain (of the stored text).
        at = stored_value(AuditEntry.__table__.c.at, now)
        entries = link(conn, _audit_rows(db, at, partnerships))
        _insert_many(conn, AuditEntry.__tablename__, entries)
    # Bulk inserts bypass the ORM, whose flushes report what a commit touched: say it here.
    db.changes.publish(
        {
            Partnership.__tablename__: [int(str(r["id"])) for r in partnerships],
            StatusEvent.__tablename__: [],
        }
    )


def _audit_rows(
    db: Database, now: str, records: list[dict[str, object]]
) -> list[dict[str, object]]:
    actor = db.audit.actor
    encode = _CHANGES_JSON.encode  # one encoder for all: json.dumps makes one per call
    return [
        {
            "at": now,
            "actor": actor,
            "action": "create",
            "table_name": Partnership.__tablename__,
            "record_id": str(r["id"]),
            "label": r["partner_city"],
            "changes": encode({k: [None, v] for k, v in r.items() if v is not None and k != "id"}),
        }
        for r in records
    ]


def _new_ids(conn: Connection, count: int) -> list[int]:
    """Ids for `count` new partnerships. A server hands them out from its sequence, so two
    clerks importing at once never take the same ones (max(id) + 1 would: neither sees the
    other's rows before they commit). SQLite has one writer at a time: max(id) + 1 holds."""
    if conn.dialect.name == "postgresql":
        from sqlalchemy import text

        query = text(
            "SELECT nextval(pg_get_serial_sequence('partnership', 'id')) "
            "FROM generate_series(1, :count)"
        )
        return sorted(int(value) for value in conn.execute(query, {"count": count}).scalars())
    start = conn.execute(select(func.coalesce(func.max(Partnership.id), 0))).scalar_one()
    return list(range(start + 1, start + count + 1))


def _insert_many(conn: Connection, table: str, records: list[dict[str, object]]) -> None:
    if conn.dialect.name != "sqlite":
        from sqlalchemy import insert

        from sciapp.storage.tables import metadata

        # Ids the rows lack come from the server's sequences; nothing to move afterwards.
        conn.execute(insert(stored_table(metadata.tables[table])), records)
        return
    # Straight to the driver's executemany: SQLAlchemy's per-row parameter processing
    # costs more than SQLite's insert itself at 20,000 rows.
    columns = list(records[0])
    sql = f"INSERT INTO {table} ({', '.join(columns)}) VALUES ({', '.join('?' * len(columns))})"
    conn.exec_driver_sql(sql, list(map(itemgetter(*columns), records)))


def _partnership_values(row: _Row, now: dt.datetime) -> dict[str, object]:
    data = row.data
    return {
        "kind": data.kind.value,
        "partner_city": data.partner_city,
        "partner_city_native": data.partner_city_native,
        "partner_region": data.partner_region,
        "partner_country": data.partner_country,
        "local_jurisdiction": data.local_jurisdiction,
        "established": data.established,
        "local_signatory_name": "",
        "local_signatory_title": "",
        "partner_signatory_name": "",
        "partner_signatory_title": "",
        "no_expiry": True,
        "expires": None,
        "notes": data.notes,
        "created_at": now,
        **history_values(row.history, now),  # status, status_since, updated_at
    }
