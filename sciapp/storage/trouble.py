"""What is wrong with a database file or the place it is kept, as one sentence for people.

SQLite and the operating system say "database disk image is malformed", "attempt to write a
readonly database" or "unable to open database file" for quite different troubles; a clerk
needs to know which one it is and what to do: restore a backup, free disk space, make the
file writable, or open it read-only.
"""

from __future__ import annotations

import errno
import os
import re
import sqlite3
from contextlib import closing, suppress
from pathlib import Path

from sciapp.storage.errors import (
    DamagedError,
    DiskFullError,
    FolderNotWritableError,
    NotADatabaseError,
    ReadOnlyFileError,
    StorageError,
)

SQLITE_HEADER = b"SQLite format 3\x00"
_DAMAGED = {"SQLITE_CORRUPT", "SQLITE_NOTADB"}
_FULL = {"SQLITE_FULL"}
_NO_WRITE = {"SQLITE_READONLY", "SQLITE_READONLY_DIRECTORY", "SQLITE_CANTOPEN", "SQLITE_PERM"}
_PAGE = re.compile(r"\b(?:[Pp]age|Tree) (\d+)")
_CHECKS = 10  # backups looked at before giving up on finding a good one


def read_only_uri(path: Path) -> str:
    """A URI to read `path` without leaving anything behind.

    Where sciapp cannot write (a read-only file or folder) a plain read-only connection to a
    WAL database would create a read-only `-shm` that later blocks every writer; unless a
    write-ahead log holds unsaved pages, the file is read as immutable instead.
    """
    uri = Path(path).resolve().as_uri() + "?mode=ro"
    if not can_write(path) and not _wal_has_pages(path):
        uri += "&immutable=1"
    return uri


def quiet_uri(path: Path) -> str:
    """A URI to only read `path` that leaves no -wal or -shm behind: read-write where it
    may be written (the last connection to close removes them), else read_only_uri."""
    if can_write(path):
        return Path(path).resolve().as_uri() + "?mode=rw"
    return read_only_uri(path)


def can_write(path: Path) -> bool:
    """Whether this user can write the file and the folder its working files go in."""
    folder = Path(os.path.realpath(path)).parent
    return os.access(path, os.W_OK) and os.access(folder, os.W_OK | os.X_OK)


def _wal_has_pages(path: Path) -> bool:
    try:
        return os.path.getsize(f"{path}-wal") > 0
    except OSError:
        return False


def writing_problem(path: Path) -> StorageError | None:
    """Why the database cannot be opened for writing here, before anything is tried."""
    real = Path(os.path.realpath(path))
    folder = real.parent
    while not folder.exists() and folder.parent != folder:
        folder = folder.parent  # the folder that would be created in
    if real.exists() and not os.access(real, os.W_OK):
        return ReadOnlyFileError(
            f"{path} is read-only: its permissions (or the disk) do not let you change it. "
            "It can be opened read-only to look; to work in it, make it writable again "
            f"(file properties, or `chmod u+w {path}`)."
        )
    if not os.access(folder, os.W_OK | os.X_OK):
        return FolderNotWritableError(
            f"The folder {folder} is not writable, and sciapp keeps its lock and journal "
            "files beside the database. "
            + (
                "It can be opened read-only to look; to work in it, move it to a folder of "
                "your own."
                if real.exists()
                else "Choose a folder of your own for the database."
            ),
            can_read=real.exists(),
        )
    return None


def explain(exc: BaseException, path: Path, action: str = "opened") -> StorageError | None:
    """The plain error for a failure of SQLite or the OS on `path`, or None if unknown."""
    if isinstance(exc, StorageError):
        return exc
    orig = getattr(exc, "orig", None)  # SQLAlchemy wraps the driver's error
    if isinstance(orig, BaseException):
        exc = orig
    if isinstance(exc, OSError):
        return _os_error(exc, path, action)
    if not isinstance(exc, sqlite3.Error):
        return None
    name = getattr(exc, "sqlite_errorname", "") or ""
    base = "_".join(name.split("_")[:2])  # SQLITE_IOERR_WRITE is an SQLITE_IOERR
    if base in _DAMAGED or "malformed" in str(exc):
        if base == "SQLITE_NOTADB" and not _looks_like_sqlite(path):
            return NotADatabaseError(
                f"{path} is not a database sciapp can read: it is not an SQLite file."
            )
        return damaged(path)
    if base in _FULL:
        return disk_full(path)
    if name in _NO_WRITE or base in _NO_WRITE:
        return writing_problem(path) or StorageError(f"{path} could not be {action}: {exc}.")
    if base == "SQLITE_IOERR":
        return StorageError(
            f"{path} could not be read from or written to the disk ({exc}); the disk may be "
            "failing or was removed. Nothing was half-written."
        )
    return None


def _os_error(exc: OSError, path: Path, action: str) -> StorageError:
    code = exc.errno
    if code in (errno.ENOSPC, getattr(errno, "EDQUOT", errno.ENOSPC)):
        return disk_full(path)
    if code in (errno.EACCES, errno.EPERM, errno.EROFS):
        return writing_problem(path) or StorageError(f"{path} could not be {action}: {exc}.")
    if code == errno.EISDIR:
        return NotADatabaseError(f"{path} is a folder, not a database file.")
    return StorageError(f"{path} could not be {action}: {exc.strerror or exc}.")


def disk_full(path: Path) -> DiskFullError:
    return DiskFullError(
        f"The disk holding {path} is full: the change was not saved (nothing was "
        "half-written). Free some space and try again."
    )


def damaged(path: Path, backups: Path | None = None) -> DamagedError:
    """Where the file is damaged, and the newest good backup to restore it from."""
    where = damage_location(path)
    text = f"{path} is damaged ({where})"
    good = newest_good_backup(backups, Path(path).stem) if backups is not None else None
    if good is not None:
        text += (
            f". Restore it from the newest good backup, {good}: File ▸ Restore from a "
            f"backup…, or `sciapp --db {path} restore {good}`."
        )
    elif backups is not None:
        text += (
            f". No good backup was found in {backups}: keep a copy of the file as it is and "
            "restore it from a backup kept elsewhere."
        )
    else:
        text += "; restore it from a backup."
    return DamagedError(text, path=Path(path), where=where, backup=good)


def damage_location(path: Path) -> str:
    """`SQLite cannot read page 4, in the partnership table`, as near as SQLite says."""
    try:
        with closing(sqlite3.connect(read_only_uri(path), uri=True)) as conn:
            try:
                tables = conn.execute(
                    "SELECT name, rootpage, type FROM sqlite_master "
                    "WHERE type IN ('table', 'index')"
                ).fetchall()
            except sqlite3.DatabaseError:
                return "SQLite cannot read its table of contents, on page 1"
            roots = {int(page): name for name, page, _kind in tables if page}
            try:
                lines = [row[0] for row in conn.execute("PRAGMA integrity_check(20)")]
            except sqlite3.DatabaseError:
                lines = []
            if lines and lines != ["ok"]:
                return _from_lines(lines, roots)
            for name, page, kind in tables:  # the check itself broke off: find the table
                if kind != "table":
                    continue
                try:
                    conn.execute(f'PRAGMA quick_check("{name}")').fetchall()
                except sqlite3.DatabaseError:
                    return f"SQLite cannot read page {page}, in {_what(name)}"
    except sqlite3.Error as exc:
        return f"SQLite cannot read it: {exc}"
    return "SQLite reports it malformed"


def _from_lines(lines: list[str], roots: dict[int, str]) -> str:
    pages = []
    for line in lines:
        pages += [int(n) for n in _PAGE.findall(line)]
    tree = re.search(r"Tree (\d+)", " ".join(lines))
    where = f", in {_what(roots[int(tree[1])])}" if tree and int(tree[1]) in roots else ""
    if pages:
        shown = ", ".join(str(p) for p in sorted(set(pages))[:5])
        return f"SQLite finds damage on page {shown}{where}: {lines[0]}"
    return f"SQLite finds: {lines[0]}"


def _what(name: str) -> str:
    return f"the {name} table" if not name.startswith(("ix_", "uq_", "sqlite_")) else name


def _looks_like_sqlite(path: Path) -> bool:
    try:
        with open(path, "rb") as handle:
            return handle.read(16) == SQLITE_HEADER
    except OSError:
        return False


def quick_check(path: Path) -> list[str]:
    """SQLite's quick check of the file: [] when sound, else what it found."""
    try:
        with closing(sqlite3.connect(read_only_uri(path), uri=True)) as conn:
            lines = [row[0] for row in conn.execute("PRAGMA quick_check")]
    except sqlite3.DatabaseError as exc:
        return [str(exc)]
    return [] if lines == ["ok"] else lines


def newest_good_backup(folder: Path, stem: str) -> Path | None:
    """The newest backup of the database called `stem` in `folder` that passes its check."""
    if not folder.is_dir():
        return None
    found = []
    for candidate in folder.iterdir():
        if candidate.name.startswith(f"{stem}-") and candidate.suffix == ".sqlite3":
            with suppress(OSError):
                found.append((candidate.stat().st_mtime, candidate))
    for _when, candidate in sorted(found, reverse=True)[:_CHECKS]:
        if not quick_check(candidate):
            return candidate
    return None
