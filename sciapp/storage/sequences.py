"""Rows written with their ids given (bulk imports, archives) leave a server's id sequences
behind; this moves them past the highest id. SQLite needs nothing: it uses max(id) + 1."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from collections.abc import Iterable


def sync_sequences(conn: Any, tables: Iterable[str]) -> None:
    if conn.dialect.name != "postgresql":
        return
    for table in tables:
        conn.exec_driver_sql(
            f"SELECT setval(pg_get_serial_sequence('{table}', 'id'), "
            f"COALESCE((SELECT MAX(id) FROM {table}), 0) + 1, false)"
        )
