"""The SQLite engine: WAL, foreign keys, a full sync, and transactions SQLAlchemy controls."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import sqlite3
    from pathlib import Path

    from sqlalchemy.engine import Connection, Engine
    from sqlalchemy.pool import ConnectionPoolEntry


def make_engine(path: Path, read_only: bool = False) -> Engine:
    from sqlalchemy import create_engine, event

    if read_only:
        from sciapp.storage.trouble import read_only_uri

        engine = create_engine(f"sqlite:///{read_only_uri(path)}&uri=true")
    else:
        engine = create_engine(f"sqlite:///{path}")

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_conn: sqlite3.Connection, _record: ConnectionPoolEntry) -> None:
        # Hand transaction control to SQLAlchemy so that BEGIN covers DDL too (pysqlite
        # otherwise commits implicitly before DDL, breaking all-or-nothing migrations).
        dbapi_conn.isolation_level = None
        cursor = dbapi_conn.cursor()
        cursor.execute("PRAGMA foreign_keys=ON")
        if not read_only:
            cursor.execute("PRAGMA journal_mode=WAL")
        cursor.execute("PRAGMA synchronous=FULL")  # survives a power cut, not only a crash
        cursor.execute("PRAGMA busy_timeout=5000")
        cursor.close()

    @event.listens_for(engine, "begin")
    def _on_begin(conn: Connection) -> None:
        conn.exec_driver_sql("BEGIN")

    return engine
