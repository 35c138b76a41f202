"""Consistent copies of a live database through SQLite's online backup API, checked before
they take their name; automatic backups with retention; restore."""

from __future__ import annotations

import datetime as dt
import os
import re
import sqlite3
from contextlib import closing, suppress
from pathlib import Path

from sciapp.storage.errors import StorageError

OWNER_ONLY = 0o600
AUTO_NAME = re.compile(r"^(?P<stem>.+)-auto-(?P<when>\d{8}-\d{6})-(?P<reason>[a-z]+)\.sqlite3$")


def owner_only(path: Path) -> None:
    """Records of a commission are nobody else's business on a shared computer."""
    with suppress(OSError):  # not ours to change (a file on a share): leave it
        os.chmod(path, OWNER_ONLY)


def backup_copy(source: Path, destination: Path) -> Path:
    """Copy `source` to `destination` consistently.

    Written to a temporary name, flushed to disk, checked, then renamed: an interrupted or
    bad copy never replaces a good one.
    """
    partial = destination.with_name(destination.name + ".part")
    uri = source.resolve().as_uri() + "?mode=ro"
    try:
        destination.parent.mkdir(parents=True, exist_ok=True)
        partial.unlink(missing_ok=True)
        with (
            closing(sqlite3.connect(uri, uri=True)) as src,
            closing(sqlite3.connect(partial)) as dst,
        ):
            src.backup(dst)
            dst.execute("PRAGMA journal_mode=DELETE")
            (result,) = dst.execute("PRAGMA quick_check").fetchone()
            if result != "ok":
                raise StorageError(f"the copy of {source} failed its check: {result}")
        owner_only(partial)
        with open(partial, "rb") as handle:
            os.fsync(handle.fileno())
        os.replace(partial, destination)
        _sync_folder(destination.parent)
    except (sqlite3.Error, OSError) as exc:
        raise StorageError(f"Could not back up {source} to {destination}: {exc}") from exc
    finally:
        with suppress(OSError):
            partial.unlink(missing_ok=True)
    return destination


def _sync_folder(folder: Path) -> None:
    if os.name == "posix":  # the rename itself must reach the disk
        fd = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)


def backup_before_migration(db_path: Path, from_revision: str | None) -> Path:
    """Keep the database as it was, beside it, before a migration touches it."""
    stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S")
    name = f"{db_path.stem}.before-migration-from-{from_revision or 'none'}-{stamp}{db_path.suffix}"
    return backup_copy(db_path, db_path.with_name(name))


# -- automatic backups -------------------------------------------------------------------------


def automatic_backup(db_path: Path, folder: Path, reason: str, now: dt.datetime) -> Path:
    name = f"{db_path.stem}-auto-{now:%Y%m%d-%H%M%S}-{reason}.sqlite3"
    return backup_copy(db_path, folder / name)


def automatic_backups(folder: Path, stem: str) -> list[tuple[dt.datetime, Path]]:
    """The automatic backups of the database called `stem` in `folder`, newest first."""
    found = []
    if folder.is_dir():
        for path in folder.iterdir():
            match = AUTO_NAME.match(path.name)
            if match and match["stem"] == stem:
                found.append((dt.datetime.strptime(match["when"], "%Y%m%d-%H%M%S"), path))
    return sorted(found, reverse=True)


def prune(folder: Path, stem: str, keep: set[dt.datetime]) -> list[Path]:
    """Delete the automatic backups whose time is not in `keep`; returns what went."""
    removed = []
    for when, path in automatic_backups(folder, stem):
        if when not in keep:
            path.unlink(missing_ok=True)
            removed.append(path)
    return removed


# -- restore -------------------------------------------------------------------------------------


def check_backup(path: Path) -> str:
    """The backup's schema revision, once its integrity is confirmed; StorageError if not."""
    from sciapp.storage.database import read_revision
    from sciapp.storage.schema import KNOWN_REVISIONS

    if not path.is_file():
        raise StorageError(f"{path} does not exist.")
    revision = read_revision(path)  # refuses files that are not sciapp databases
    if revision is None:
        raise StorageError(f"{path} is an empty database, not a backup of a register.")
    if revision not in KNOWN_REVISIONS:
        raise StorageError(
            f"{path} was made by a newer sciapp (schema {revision}); install it to restore."
        )
    uri = path.resolve().as_uri() + "?mode=ro"
    try:
        with closing(sqlite3.connect(uri, uri=True)) as conn:
            problems = [row[0] for row in conn.execute("PRAGMA integrity_check")]
            broken_links = conn.execute("PRAGMA foreign_key_check").fetchall()
    except sqlite3.Error as exc:
        raise StorageError(f"{path} cannot be read: {exc}") from exc
    if problems != ["ok"]:
        raise StorageError(f"{path} is damaged: {'; '.join(problems[:5])}")
    if broken_links:
        raise StorageError(f"{path} has {len(broken_links)} broken links between records.")
    return revision


def restore(db_path: Path, source: Path, keep_folder: Path, now: dt.datetime) -> Path | None:
    """Replace the (closed) database with a checked copy of `source`.

    The current database is first copied into `keep_folder`; returns that copy's path (None
    when there was no database yet). A backup of an older schema is migrated when next opened.
    """
    check_backup(source)
    kept = None
    if db_path.exists() and db_path.stat().st_size > 0:
        name = f"{db_path.stem}-before-restore-{now:%Y%m%d-%H%M%S}.sqlite3"
        kept = backup_copy(db_path, keep_folder / name)
        # Fold any write-ahead log into the file so no stale -wal outlives the swap.
        with closing(sqlite3.connect(db_path)) as conn:
            conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    incoming = db_path.with_name(db_path.name + ".restoring")
    backup_copy(source, incoming)
    for suffix in ("-wal", "-shm"):
        Path(f"{db_path}{suffix}").unlink(missing_ok=True)
    os.replace(incoming, db_path)
    _sync_folder(db_path.parent)
    return kept
