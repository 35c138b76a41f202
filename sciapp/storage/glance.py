"""A look at a sciapp file with sqlite3 alone, for what needs no ORM (`sciapp info`).

Only a file that lies quiet is read this way: one at this version's schema that no session
holds or left behind (no lock file, no write-ahead log, no half-written copy beside it).
Anything else is for `open_database`, which creates, migrates, reads beside the session
that has the file, tidies what a killed one left, or says what is wrong.
"""

from __future__ import annotations

import sqlite3
from contextlib import closing
from dataclasses import dataclass
from pathlib import Path

from sciapp.storage.errors import StorageError
from sciapp.storage.schema import HEAD


@dataclass(frozen=True)
class Glance:
    revision: str
    partnerships: int


def glance(path: Path) -> Glance | None:
    """The revision and the number of partnerships, changing nothing; None when the file
    must be opened properly."""
    from sciapp.storage.backup import has_leftovers
    from sciapp.storage.lock import identity_lock_path, lock_path, real_path
    from sciapp.storage.trouble import quiet_uri

    try:
        real = real_path(path)
        if not real.is_file() or real.stat().st_size == 0:
            return None
        held = [lock_path(path), identity_lock_path(path), Path(f"{real}-wal")]
        if any(p is not None and p.exists() for p in held) or has_leftovers(real):
            return None
        with closing(sqlite3.connect(quiet_uri(path), uri=True)) as conn:
            row = conn.execute("SELECT version_num FROM alembic_version").fetchone()
            if row is None or row[0] != HEAD:
                return None
            (count,) = conn.execute("SELECT count(*) FROM partnership").fetchone()
    except (sqlite3.Error, OSError, StorageError):
        return None
    return Glance(row[0], int(count))


@dataclass(frozen=True)
class StartFacts:
    """What the window shows before the ORM is loaded: the commission's name as the
    documents setting has it (None: not set) and the number of partnerships."""

    commission_name: str | None
    partnerships: int


def start_facts(path: Path) -> StartFacts | None:
    """Read with sqlite3 alone from a file this session has opened (locked, at this version's
    schema); None when it cannot be read so, and the ORM should open it at once."""
    import json

    from sciapp.storage.trouble import quiet_uri

    try:
        with closing(sqlite3.connect(quiet_uri(path), uri=True)) as conn:
            row = conn.execute("SELECT value FROM setting WHERE key = 'documents'").fetchone()
            (count,) = conn.execute("SELECT count(*) FROM partnership").fetchone()
        value = json.loads(row[0]) if row and row[0] else {}
    except (sqlite3.Error, OSError, ValueError):
        return None
    name = value.get("name") if isinstance(value, dict) else None
    return StartFacts(name if isinstance(name, str) else None, int(count))
