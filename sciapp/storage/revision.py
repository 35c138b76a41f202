"""What a database file says about itself (its schema revision), read without changing it."""

from __future__ import annotations

import sqlite3
from contextlib import closing
from typing import TYPE_CHECKING

from sciapp.storage import schema
from sciapp.storage.errors import NotADatabaseError, SchemaTooNewError

if TYPE_CHECKING:
    from pathlib import Path


def read_revision(path: Path) -> str | None:
    """The Alembic revision stamped in the file, without changing the file in any way.

    Opened read-write but only read: a read-only connection to a WAL database would leave
    -wal and -shm files behind, which the last read-write connection removes on closing.
    Where the file cannot be written it is read as immutable (trouble.read_only_uri).
    """
    from sciapp.storage.trouble import explain, quiet_uri

    uri = quiet_uri(path)
    try:
        with closing(sqlite3.connect(uri, uri=True)) as conn:
            query = "SELECT name FROM sqlite_master WHERE type='table'"
            tables = {row[0] for row in conn.execute(query)}
            if "alembic_version" not in tables:
                if tables:
                    raise NotADatabaseError(
                        f"{path} is an SQLite database, but not one of sciapp's; "
                        "open or create a sciapp database instead."
                    )
                return None
            row = conn.execute("SELECT version_num FROM alembic_version").fetchone()
            return row[0] if row else None
    except sqlite3.Error as exc:
        problem = explain(exc, path)
        if problem is None:
            problem = NotADatabaseError(f"{path} is not a database sciapp can read ({exc}).")
        raise problem from exc


def refuse_newer(path: Path | str, revision: str | None) -> None:
    """A file written by a newer sciapp is refused and left untouched."""
    if revision is not None and revision not in schema.KNOWN_REVISIONS:
        raise SchemaTooNewError(
            f"{path} was written by a newer version of sciapp (schema {revision}; this version "
            f"knows up to {schema.HEAD}). Install the newer sciapp to open it; the file was not "
            "changed."
        )
