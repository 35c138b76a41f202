"""Open the one SQLite file: check its schema, migrate it if due, hand out sessions."""

from __future__ import annotations

import os
import sqlite3
from contextlib import closing
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from sciapp.settings import os_user
from sciapp.storage.changes import ChangeFeed
from sciapp.storage.errors import (
    NotADatabaseError,
    ReadOnlyError,
    SchemaTooNewError,
    StorageError,
)
from sciapp.storage.schema import HEAD, KNOWN_REVISIONS, schema_number

if TYPE_CHECKING:
    from sqlalchemy.engine import Engine
    from sqlalchemy.orm import Session, sessionmaker

    from sciapp.storage.lock import DatabaseLock
    from sciapp.storage.migrate import AfterUpgrade


class AuditContext:
    """Who is changing things (the audit trail's actor); updated when the settings change."""

    def __init__(self, actor: str) -> None:
        self.actor = actor


@dataclass
class Database:
    path: Path
    engine: Engine
    session_factory: sessionmaker[Session]
    revision: str
    backup_made: Path | None = None
    created: bool = False
    audit: AuditContext = field(default_factory=lambda: AuditContext("unknown user"))
    read_only: bool = False
    lock: DatabaseLock | None = None
    url: str | None = None  # a server database (PostgreSQL); None for the SQLite file
    changes: ChangeFeed = field(default_factory=ChangeFeed)
    _closed: bool = field(default=False, repr=False)

    @property
    def is_file(self) -> bool:
        return self.url is None

    @property
    def location(self) -> str:
        """Where the data lives, for people: the file, or the server URL without password."""
        if self.url is None:
            return str(self.path)
        from sqlalchemy.engine import make_url

        return make_url(self.url).render_as_string(hide_password=True)

    @property
    def schema_version(self) -> int:
        return schema_number(self.revision)

    def session(self) -> Session:
        return self.session_factory()

    def close(self) -> None:
        if not self._closed:
            self.engine.dispose()
            if self.lock is not None:
                self.lock.release()
            self._closed = True


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
    path = Path(path)
    if path.is_dir():
        raise NotADatabaseError(f"{path} is a folder, not a database file.")
    if read_only:
        from sciapp.storage.lock import reading_name

        name = reading_name(path)  # the holder's name for it: their -wal is the one to read
        revision = None if _empty(name) else read_revision(name)
        _refuse_newer(path, revision)
        return _open_read_only(name, revision, actor)
    from sciapp.storage.trouble import explain, writing_problem

    problem = writing_problem(path)
    if problem is not None:
        raise problem
    try:
        # Before the file is even read: through a second name (a hard link) SQLite would
        # read it beside the holder's write-ahead log, not through it.
        lock = _lock_for_writing(path, actor or os_user())
    except OSError as exc:
        raise explain(exc, path) from exc
    try:
        created = _empty(path)
        revision = None if created else read_revision(path)
        _refuse_newer(path, revision)
        return _open_for_writing(path, created, revision, actor, lock, after_upgrade)
    except BaseException as exc:
        lock.release()
        if isinstance(exc, OSError):
            raise explain(exc, path) from exc
        raise


def _empty(path: Path) -> bool:
    return not path.exists() or path.stat().st_size == 0


def _refuse_newer(path: Path, revision: str | None) -> None:
    if revision is not None and revision not in KNOWN_REVISIONS:
        raise SchemaTooNewError(
            f"{path} was written by a newer version of sciapp (schema {revision}; this version "
            f"knows up to {HEAD}). Install the newer sciapp to open it; the file was not changed."
        )


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
    if revision != HEAD:
        if revision is not None:
            from sciapp.storage.backup import backup_before_migration

            backup = backup_before_migration(path, revision)
        path.parent.mkdir(parents=True, exist_ok=True)
    engine = make_engine(path)
    if revision != HEAD:
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
        HEAD,
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
    if revision != HEAD:
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
    return Database(path, engine, factory, HEAD, audit=context, read_only=True)


def open_database_url(
    url: str, actor: str | None = None, after_upgrade: AfterUpgrade | None = None
) -> Database:
    """A database on a server (PostgreSQL), shared by several clerks.

    The server keeps writers apart and its own tools back it up; the same migrations as for
    the SQLite file bring it up to date, in one transaction.
    """
    from sqlalchemy import create_engine, inspect
    from sqlalchemy.exc import ArgumentError, OperationalError, SQLAlchemyError
    from sqlalchemy.orm import sessionmaker

    from sciapp.storage.audit import install

    file = sqlite_file(url)
    if file is not None:  # the same file as --db: the same lock, whatever the name
        return open_database(file, actor, after_upgrade=after_upgrade)
    try:
        engine = create_engine(url, pool_pre_ping=True)
        with engine.connect() as conn:
            revision = None
            if inspect(conn).has_table("alembic_version"):
                revision = conn.exec_driver_sql("SELECT version_num FROM alembic_version").scalar()
    except (ArgumentError, ImportError) as exc:
        raise StorageError(f"Not a database address sciapp can use: {exc}") from exc
    except OperationalError as exc:
        raise StorageError(f"Could not reach the database server: {exc.orig}") from exc
    shown = _redacted(url)
    if revision is not None and revision not in KNOWN_REVISIONS:
        engine.dispose()
        raise SchemaTooNewError(
            f"{shown} was written by a newer version of sciapp (schema {revision}); install "
            "the newer sciapp to use it. Nothing was changed."
        )
    if revision != HEAD:
        from sciapp.storage.migrate import upgrade_to_head

        try:
            upgrade_to_head(engine, after_upgrade)
        except SQLAlchemyError as exc:
            engine.dispose()
            raise StorageError(f"Could not bring {shown} up to date: {exc}") from exc
    factory = sessionmaker(engine, expire_on_commit=False)
    context = AuditContext(actor or os_user())
    install(factory, context)
    feed = ChangeFeed()
    feed.install(factory)
    return Database(
        Path("."),
        engine,
        factory,
        HEAD,
        created=revision is None,
        audit=context,
        url=url,
        changes=feed,
    )


def sqlite_file(url: str) -> Path | None:
    """The file an `sqlite:///…` address names (None for a server or an in-memory one)."""
    from sqlalchemy.engine import make_url
    from sqlalchemy.exc import ArgumentError

    try:
        parsed = make_url(url)
    except ArgumentError:
        return None
    if parsed.get_backend_name() != "sqlite" or parsed.database in (None, "", ":memory:"):
        return None
    database = parsed.database
    if database.startswith("file:"):  # the URI form, sqlite:///file:path?uri=true
        database = database.removeprefix("file:").split("?")[0]
        if database.startswith("//"):
            database = database[2:]
    return Path(database)


def _redacted(url: str) -> str:
    from sqlalchemy.engine import make_url

    return make_url(url).render_as_string(hide_password=True)


def make_engine(path: Path, read_only: bool = False) -> Engine:
    from sqlalchemy import create_engine, event

    if read_only:
        from sciapp.storage.trouble import read_only_uri

        engine = create_engine(f"sqlite:///{read_only_uri(path)}&uri=true")
    else:
        engine = create_engine(f"sqlite:///{path}")

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_conn, _record) -> None:  # type: ignore[no-untyped-def]
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
    def _on_begin(conn) -> None:  # type: ignore[no-untyped-def]
        conn.exec_driver_sql("BEGIN")

    return engine
