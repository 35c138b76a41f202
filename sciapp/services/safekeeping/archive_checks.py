"""An archive is checked as a register before any of it is written: its rows go into a
scratch database in memory, where the rules of `check` (status histories, tallies against
roll calls, real dates, ISO countries) and of `verify` (every approved or adopted record
sealed, seals and snapshots intact, chains whole, the audit trail's chain whole) run on them.
Each problem names the archive's table and row."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from sqlalchemy import create_engine, event, insert
from sqlalchemy.exc import DBAPIError
from sqlalchemy.orm import Session

from sciapp.services.safekeeping.integrity import rule_findings
from sciapp.services.safekeeping.seal_verify import Problem, verify_session
from sciapp.storage.tables import metadata
from sciapp.storage.types import stored_table

if TYPE_CHECKING:
    import sqlite3

    from sqlalchemy.pool import ConnectionPoolEntry

Tables = dict[str, list[dict[str, Any]]]
SEALED_TABLE = {"minutes": "meeting", "resolution": "resolution"}


def archive_problems(tables: Tables, limit: int = 50) -> list[str]:
    engine = create_engine("sqlite://")  # one connection, in memory, gone afterwards

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_conn: sqlite3.Connection, _record: ConnectionPoolEntry) -> None:
        dbapi_conn.execute("PRAGMA foreign_keys=ON")

    try:
        metadata.create_all(engine)
        where = _Where(tables)
        with engine.begin() as conn:
            problems = _load(conn, tables, where, limit)
        if problems:
            return problems
        with Session(engine) as session:
            found = [where.name(f.table, f.row_id, f.what) for f in rule_findings(session)]
            found += [where.problem(p) for p in verify_session(session).problems]
        return found[:limit]
    finally:
        engine.dispose()


class _Where:
    """Names a row as the archive holds it: tables.meeting[2] (id 3)."""

    def __init__(self, tables: Tables) -> None:
        self._index = {
            name: {row.get("id", row.get("key")): i for i, row in enumerate(rows)}
            for name, rows in tables.items()
        }

    def name(self, table: str, row_id: Any, what: str) -> str:
        index = self._index.get(table, {}).get(row_id)
        at = f"[{index}]" if index is not None else ""
        return f"tables.{table}{at} (id {row_id}): {what}"

    def problem(self, problem: Problem) -> str:
        if problem.kind == "audit entry":
            return self.name("audit_entry", problem.record_id, problem.what)
        table = SEALED_TABLE.get(problem.kind)
        if table is None or problem.record_id is None:
            return f"tables.seal: {problem}"
        return self.name(table, problem.record_id, f"{problem.label}: {problem.what}")


def _load(conn: Any, tables: Tables, where: _Where, limit: int) -> list[str]:
    """Insert table by table; where a table's rows do not fit (a foreign key, a duplicate),
    find the rows that do not, one by one."""
    problems: list[str] = []
    for table in metadata.sorted_tables:
        rows = tables.get(table.name, [])
        if not rows:
            continue
        stored = stored_table(table)  # the archive's text as it is, checked as `check` does
        savepoint = conn.begin_nested()
        try:
            conn.execute(insert(stored), rows)
            savepoint.commit()
            continue
        except DBAPIError:
            savepoint.rollback()
        for row in rows:
            one = conn.begin_nested()
            try:
                conn.execute(insert(stored), [row])
                one.commit()
            except DBAPIError as exc:
                one.rollback()
                detail = str(exc.orig) if exc.orig is not None else str(exc)
                key = row.get("id", row.get("key"))
                problems.append(
                    where.name(table.name, key, f"the records do not fit together: {detail}")
                )
                if len(problems) >= limit:
                    return problems
    return problems
