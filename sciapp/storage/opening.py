"""Open the one SQLite file: take the one-writer lock, check its schema, migrate it if due
(a copy made beside it first), hand out sessions. Read-only opens take no lock."""

from __future__ import annotations

import os
import sqlite3
from contextlib import closing
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from sciapp.settings import os_user
from sciapp.storage import schema
from sciapp.storage.changes import ChangeFeed
from sciapp.storage.database import AuditContext, Database
from sciapp.storage.engine import make_engine
from sciapp.storage.errors import NotADatabaseError, ReadOnlyError, StorageError
from sciapp.storage.revision import read_revision, refuse_newer

if TYPE_CHECKING:
    from sciapp.storage.lock import DatabaseLock
    from sciapp.storage.migrate import AfterUpgrade


def open_database(
    path: Path,
    actor: str | None = None,
    read_only: bool = False,
    after_upgrade: AfterUpgrade | None = None,
) -> Database:
    """Open (creating if needed) and migrate to the current schema.

    Before an existing database is migrated, a consistent copy is made beside it. A database
    written by a newer sciapp is refused and left untouched. `after_upgrade` runs inside the
    migration's transaction, after its scripts (the services seal what is due there).
    """
    return finish_opening(prepare_file(path, actor, read_only), after_upgrade)


@dataclass
class PreparedFile:
    """A file checked and, for writing, locked, its revision read with sqlite3 alone: the
    part of opening that needs no SQLAlchemy. `finish_opening` makes the Database of it."""

    path: Path  # for a read-only look, the name the holder's write-ahead log goes with
    revision: str | None
    created: bool
    read_only: bool
    actor: str | None
    lock: DatabaseLock | None = None

    @property
    def upgrade_due(self) -> bool:
        """Whether finishing creates or migrates the schema (Alembic, a copy made first)."""
        return self.revision != schema.HEAD

    def release(self) -> None:
        """Give the file up without opening it (a start abandoned before it finished)."""
        if self.lock is not None:
            self.lock.release()
            self.lock = None


def prepare_file(path: Path, actor: str | None = None, read_only: bool = False) -> PreparedFile:
    """Check the file, take the one-writer lock (unless read-only), read its revision and
    refuse one written by a newer sciapp; nothing is changed and SQLAlchemy is not loaded."""
    path = Path(path)
    if path.is_dir():
        raise NotADatabaseError(f"{path} is a folder, not a database file.")
    if read_only:
        from sciapp.storage.lock import reading_name

        name = reading_name(path)  # the holder's name for it: their -wal is the one to read
        revision = None if _empty(name) else read_revision(name)
        refuse_newer(path, revision)
        return PreparedFile(name, revision, False, True, actor)
    from sciapp.storage.trouble import explain, writing_problem

    problem = writing_problem(path)
    if problem is not None:
        raise problem
    try:
        # Before the file is even read: through a second name (a hard link) SQLite would
        # read it beside the holder's write-ahead log, not through it.
        lock = _lock_for_writing(path, actor or os_user())
    except OSError as exc:
        raise (explain(exc, path) or exc) from exc
    try:
        created = _empty(path)
        revision = None if created else read_revision(path)
        refuse_newer(path, revision)
    except BaseException as exc:
        lock.release()
        if isinstance(exc, OSError):
            raise (explain(exc, path) or exc) from exc
        raise
    return PreparedFile(path, revision, created, False, actor, lock)


def finish_opening(prepared: PreparedFile, after_upgrade: AfterUpgrade | None = None) -> Database:
    """The Database on a prepared file: migrated if due, sessions audited. On failure the
    lock is given up."""
    if prepared.read_only:
        return _open_read_only(prepared.path, prepared.revision, prepared.actor)
    lock = prepared.lock
    assert lock is not None, "a file prepared for writing holds its lock"
    try:
        return _open_for_writing(
            prepared.path, prepared.created, prepared.revision, prepared.actor, lock, after_upgrade
        )
    except BaseException as exc:
        prepared.release()
        if isinstance(exc, OSError):
            from sciapp.storage.trouble import explain

            raise (explain(exc, prepared.path) or exc) from exc
        raise


def _empty(path: Path) -> bool:
    return not path.exists() or path.stat().st_size == 0


def _lock_for_writing(path: Path, actor: str) -> DatabaseLock:
    """The one-writer lock, taken before anything is written (migrations too), on the file
    itself: created empty and owner-only first, so that its -wal and -shm are too (SQLite
    gives them the database's permissions) and its identity can be locked."""
    from sciapp.storage.backup import clear_leftovers
    from sciapp.storage.lock import acquire, hold_identity, real_path

    lock = acquire(path, actor)
    try:
        real = real_path(path)
        if not real.exists():
            os.close(os.open(real, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600))
            os.chmod(real, 0o600)  # the umask may have taken bits off, never added
        hold_identity(lock, path)
        clear_leftovers(real)  # what a killed session left beside it; ours alone now
        _fold_other_log(real, lock.identity_stale)
        _writable_working_files(real)
    except BaseException:
        lock.release()
        raise
    return lock


def _fold_other_log(real: Path, stale: dict[str, object] | None) -> None:
    """A session that crashed while using another name for this file (a hard link) left
    its committed writes in that name's -wal: fold them in before this name is used."""
    other = Path(str(stale.get("path"))) if stale and stale.get("path") else None
    if other is None or other == real or not Path(f"{other}-wal").exists():
        return
    try:
        if not os.path.samefile(other, real):
            return
    except OSError:
        return
    with closing(sqlite3.connect(other)) as conn:
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")


def _writable_working_files(real: Path) -> None:
    """A read-only look at a read-only file (by an older sciapp, or another program) can
    leave a read-only -wal or -shm behind that would refuse every write once the file is
    writable again: ours now, and made writable for their owner."""
    for suffix in ("-wal", "-shm"):
        working = Path(f"{real}{suffix}")
        if working.exists() and not os.access(working, os.W_OK):
            try:
                os.chmod(working, 0o600)
            except OSError:  # someone else's: SQLite will say so
                continue


def _open_for_writing(
    path: Path,
    created: bool,
    revision: str | None,
    actor: str | None,
    lock: DatabaseLock,
    after_upgrade: AfterUpgrade | None = None,
) -> Database:
    backup = None
    if revision != schema.HEAD:
        if revision is not None:
            from sciapp.storage.backup import backup_before_migration

            backup = backup_before_migration(path, revision)
        path.parent.mkdir(parents=True, exist_ok=True)
    engine = make_engine(path)
    if revision != schema.HEAD:
        from sciapp.storage.migrate import upgrade_to_head  # Alembic only when due
        from sciapp.storage.trouble import explain

        try:
            upgrade_to_head(engine, after_upgrade)
        except Exception as exc:
            engine.dispose()
            problem = explain(exc, path, "brought up to date")
            if problem is None:
                problem = StorageError(f"Could not bring {path} up to date: {exc}")
            raise problem from exc
    from sqlalchemy.orm import sessionmaker

    from sciapp.storage.audit import install

    factory = sessionmaker(engine, expire_on_commit=False)
    context = AuditContext(actor or os_user())
    install(factory, context)
    feed = ChangeFeed()
    feed.install(factory)
    return Database(
        path,
        engine,
        factory,
        schema.HEAD,
        backup_made=backup,
        created=created,
        audit=context,
        lock=lock,
        changes=feed,
    )


def _open_read_only(path: Path, revision: str | None, actor: str | None) -> Database:
    """For looking while someone else has the file: nothing can be written."""
    if revision is None:
        raise StorageError(f"{path} holds no register yet; there is nothing to open read-only.")
    if revision != schema.HEAD:
        raise StorageError(
            f"{path} needs updating to this version's schema, which cannot happen read-only. "
            "Open it for writing once the other session has closed."
        )
    from sqlalchemy import event
    from sqlalchemy.orm import sessionmaker

    engine = make_engine(path, read_only=True)
    try:
        with engine.connect():  # a damaged or unreadable file is a sentence now, not later
            pass
    except Exception as exc:
        from sciapp.storage.trouble import explain

        engine.dispose()
        problem = explain(exc, path)
        if problem is None:
            raise
        raise problem from exc
    factory = sessionmaker(engine, expire_on_commit=False)

    def refuse(*_args: object) -> None:
        raise ReadOnlyError(
            f"{path.name} is open read-only: nothing can be changed. Close it and open it again "
            "for writing when nobody else has it open."
        )

    event.listen(factory, "before_flush", refuse)
    context = AuditContext(actor or os_user())
    return Database(path, engine, factory, schema.HEAD, audit=context, read_only=True)
