"""Consistent copies of a live database through SQLite's online backup API."""

from __future__ import annotations

import datetime as dt
import os
import sqlite3
from contextlib import closing
from pathlib import Path


def backup_copy(source: Path, destination: Path) -> Path:
    """Copy `source` to `destination` consistently; a half-written copy never takes its name."""
    destination.parent.mkdir(parents=True, exist_ok=True)
    partial = destination.with_name(destination.name + ".part")
    partial.unlink(missing_ok=True)
    uri = source.resolve().as_uri() + "?mode=ro"
    with closing(sqlite3.connect(uri, uri=True)) as src, closing(sqlite3.connect(partial)) as dst:
        src.backup(dst)
        dst.execute("PRAGMA journal_mode=DELETE")
    with open(partial, "rb") as handle:
        os.fsync(handle.fileno())
    os.replace(partial, destination)
    return destination


def backup_before_migration(db_path: Path, from_revision: str | None) -> Path:
    """Keep the database as it was, beside it, before a migration touches it."""
    stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S")
    name = f"{db_path.stem}.before-migration-from-{from_revision or 'none'}-{stamp}{db_path.suffix}"
    return backup_copy(db_path, db_path.with_name(name))
