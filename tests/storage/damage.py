"""Damage one page of a copy of a database, as a failing disk or a bad copy would."""

from __future__ import annotations

import sqlite3
from contextlib import closing
from pathlib import Path


def page_of(path: Path, table: str) -> int:
    with closing(sqlite3.connect(path)) as conn:
        (page,) = conn.execute(
            "SELECT rootpage FROM sqlite_master WHERE name = ?", (table,)
        ).fetchone()
    return int(page)


def damage_page(path: Path, page: int, at: int = 0, length: int = 64) -> None:
    """Overwrite the start of `page` (1-based) with garbage; page 1's b-tree header is at
    byte 100, after the file header."""
    with closing(sqlite3.connect(path)) as conn:
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")  # every page in the file itself
        (size,) = conn.execute("PRAGMA page_size").fetchone()
    with open(path, "r+b") as handle:
        handle.seek((page - 1) * size + at)
        handle.write(b"\xff" * length)


def damage_table(path: Path, table: str = "partnership") -> int:
    """Damage the root page of `table`; returns the page number."""
    page = page_of(path, table)
    damage_page(path, page)
    return page
