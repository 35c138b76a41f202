"""Consistent copies of a live database through SQLite's online backup API, checked before
they take their name; automatic backups with retention; restore."""

from __future__ import annotations

import datetime as dt
import errno
import os
import re
import secrets
import sqlite3
from contextlib import closing, suppress
from pathlib import Path
from typing import TYPE_CHECKING

from sciapp.storage.errors import DamagedError, StorageError

if TYPE_CHECKING:
    from collections.abc import Callable

OWNER_ONLY = 0o600
AUTO_NAME = re.compile(r"^(?P<stem>.+)-auto-(?P<when>\d{8}-\d{6})-(?P<reason>[a-z]+)\.sqlite3$")
# A copy being written: `<name>.<pid>.<token>.part`, and SQLite's -journal, -wal and -shm
# beside it (the copy arrives in the source's WAL mode). Earlier versions wrote
# `<name>.part`. The pid tells a live writer from a killed one.
PARTIAL = re.compile(
    r"^(?P<target>.+?)(?:\.(?P<pid>\d+)\.[0-9a-f]{8})?\.part(?P<side>-journal|-wal|-shm)?$"
)
_writing: set[str] = set()  # partial names this process is writing now


def backup_copy(source: Path, destination: Path) -> Path:
    """Copy `source` to `destination` consistently.

    Written to a temporary name, flushed to disk, checked, then renamed: an interrupted or
    bad copy never replaces a good one.
    """
    from sciapp.files import private_folder, write_problem
    from sciapp.storage.trouble import damaged, explain, quiet_uri

    token = f"{os.getpid()}.{secrets.token_hex(4)}"
    partial = destination.with_name(f"{destination.name}.{token}.part")
    uri = quiet_uri(source)
    _writing.add(partial.name)
    try:
        private_folder(destination.parent)
        clean_partials(destination.parent, lambda name: name == destination.name)
        # Created owner-only before SQLite writes a page into it (and its journal, which
        # SQLite gives the same permissions), whatever the umask.
        os.close(os.open(partial, os.O_WRONLY | os.O_CREAT | os.O_EXCL, OWNER_ONLY))
        os.chmod(partial, OWNER_ONLY)
        with (
            closing(sqlite3.connect(uri, uri=True)) as src,
            closing(sqlite3.connect(partial)) as dst,
        ):
            src.backup(dst)
            dst.execute("PRAGMA journal_mode=DELETE")
            (result,) = dst.execute("PRAGMA quick_check").fetchone()
            if result != "ok":  # the pages came over as they are: the source is damaged
                raise damaged(source)
        with open(partial, "rb") as handle:
            os.fsync(handle.fileno())
        os.replace(partial, destination)
        _sync_folder(destination.parent)
    except sqlite3.Error as exc:
        if getattr(exc, "sqlite_errorname", "") == "SQLITE_FULL":
            full = OSError(errno.ENOSPC, "disk full")
            reason = write_problem(full, destination)
            raise StorageError(f"Could not back up {source}: {reason}") from exc
        problem = explain(exc, source)
        if isinstance(problem, DamagedError):
            raise problem from exc
        raise StorageError(f"Could not back up {source} to {destination}: {exc}") from exc
    except OSError as exc:
        raise StorageError(
            f"Could not back up {source}: {write_problem(exc, destination)}"
        ) from exc
    finally:
        _writing.discard(partial.name)
        for side in ("", "-journal", "-wal", "-shm"):
            leftover = partial.with_name(partial.name + side)
            with suppress(OSError):
                leftover.unlink(missing_ok=True)
    return destination


def clean_partials(folder: Path, ours: Callable[[str], bool]) -> list[Path]:
    """Remove copies that a killed or interrupted backup left half-written in `folder`,
    of the files `ours` names; a copy another live process is writing is left alone."""
    removed: list[Path] = []
    try:
        names = [p.name for p in folder.iterdir()]
    except OSError:
        return removed
    for name in names:
        match = PARTIAL.match(name)
        if match is None or not ours(match["target"]):
            continue
        if not _orphaned(name.removesuffix(match["side"] or ""), match["pid"]):
            continue
        with suppress(OSError):  # Windows refuses to remove a file someone has open
            (folder / name).unlink()
            removed.append(folder / name)
    return removed


def _orphaned(name: str, pid: str | None) -> bool:
    if pid is None:
        return True
    if int(pid) == os.getpid():
        return name not in _writing
    if os.name == "nt":  # pragma: no cover - no liveness probe; an open file stays anyway
        return True
    try:
        os.kill(int(pid), 0)  # signal 0 only asks whether the process exists
    except ProcessLookupError:
        return True
    except OSError:  # it exists, someone else's
        return False
    return False


def _leftover_of(db_path: Path) -> Callable[[str], bool]:
    """Names a killed restore or migration copy of `db_path` writes to."""
    name, stem = db_path.name, db_path.stem
    return lambda target: (
        target == f"{name}.restoring" or target.startswith(f"{stem}.before-migration-")
    )


def has_leftovers(db_path: Path) -> bool:
    """Whether anything `clear_leftovers` would look at lies beside the database (a look
    that takes no lock leaves them to the next open that does)."""
    if db_path.with_name(f"{db_path.name}.restoring").exists():
        return True
    ours = _leftover_of(db_path)
    try:
        names = os.listdir(db_path.parent)
    except OSError:
        return True
    return any((match := PARTIAL.match(n)) is not None and ours(match["target"]) for n in names)


def clear_leftovers(db_path: Path) -> list[Path]:
    """What a killed restore or migration copy left beside the database. Called with the
    database's lock held: nobody else can be writing these now."""
    removed = clean_partials(db_path.parent, _leftover_of(db_path))
    incoming = db_path.with_name(f"{db_path.name}.restoring")
    if incoming.exists():
        incoming.unlink()
        removed.append(incoming)
    return removed


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
    clean_partials(folder, _copies_of(db_path.stem))
    return backup_copy(db_path, folder / name)


def _copies_of(stem: str) -> Callable[[str], bool]:
    """The names of the copies sciapp keeps of the database `stem` in a backups folder."""
    return lambda name: name.startswith((f"{stem}-auto-", f"{stem}-before-restore-"))


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
    removed = clean_partials(folder, _copies_of(stem))  # a killed backup's half copy
    for when, path in automatic_backups(folder, stem):
        if when not in keep:
            path.unlink(missing_ok=True)
            removed.append(path)
    return removed


# -- restore -------------------------------------------------------------------------------------


def check_backup(path: Path) -> str:
    """The backup's schema revision, once its integrity is confirmed; StorageError if not."""
    from sciapp.storage.revision import read_revision
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
    from sciapp.storage.trouble import read_only_uri

    try:
        with closing(sqlite3.connect(read_only_uri(path), uri=True)) as conn:
            problems = [row[0] for row in conn.execute("PRAGMA integrity_check")]
            broken_links = conn.execute("PRAGMA foreign_key_check").fetchall()
    except sqlite3.Error as exc:
        raise StorageError(f"{path} cannot be read: {exc}") from exc
    if problems != ["ok"]:
        raise StorageError(f"{path} is damaged: {'; '.join(problems[:5])}")
    if broken_links:
        raise StorageError(f"{path} has {len(broken_links)} broken links between records.")
    return revision


def restore(
    db_path: Path, source: Path, keep_folder: Path, now: dt.datetime, actor: str = "restore"
) -> Path | None:
    """Replace the database with a checked copy of `source`, holding its one-writer lock
    throughout: a session that tries to open it meanwhile is refused (DatabaseInUseError),
    and a restore is refused while any session has it open for writing.

    The current database is first copied into `keep_folder`; returns that copy's path (None
    when there was no database yet). A backup of an older schema is migrated when next opened.
    """
    from sciapp.storage.lock import acquire, real_path
    from sciapp.storage.trouble import writing_problem

    if not source.is_file():  # a mistyped name creates nothing, not even a lock
        raise StorageError(f"{source} does not exist.")
    problem = writing_problem(db_path)
    if problem is not None:
        raise problem
    lock = acquire(db_path, actor)  # before the check: "close it there" comes first
    try:
        check_backup(source)
        real = real_path(db_path)
        clear_leftovers(real)
        kept = None
        if real.exists() and real.stat().st_size > 0:
            # Fold any write-ahead log into the file so no stale -wal outlives the swap.
            with closing(sqlite3.connect(real)) as conn:
                conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
            keep = _unused(keep_folder, f"{real.stem}-before-restore", now)
            try:
                kept = backup_copy(real, keep)
            except DamagedError:  # kept as it is, damage and all: it may still be read
                kept = _raw_copy(real, keep)
        incoming = real.with_name(real.name + ".restoring")
        backup_copy(source, incoming)
        for suffix in ("-wal", "-shm"):
            Path(f"{real}{suffix}").unlink(missing_ok=True)
        os.replace(incoming, real)
        _sync_folder(real.parent)
    except sqlite3.Error as exc:
        raise StorageError(f"{db_path} could not be restored: {exc}") from exc
    finally:
        lock.release()
    return kept


def _raw_copy(source: Path, destination: Path) -> Path:
    from sciapp.files import open_atomic, private_folder

    private_folder(destination.parent)
    with open(source, "rb") as src, open_atomic(destination, "wb", private=True) as out:
        while chunk := src.read(1 << 20):
            out.write(chunk)
    return destination


def _unused(folder: Path, prefix: str, now: dt.datetime) -> Path:
    """A name no earlier copy has: two restores within a second keep both copies."""
    path = folder / f"{prefix}-{now:%Y%m%d-%H%M%S}.sqlite3"
    number = 1
    while path.exists():
        path = folder / f"{prefix}-{now:%Y%m%d-%H%M%S}-{number}.sqlite3"
        number += 1
    return path
