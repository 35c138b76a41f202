"""A register on a database server (PostgreSQL), for offices where clerks share it."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from sciapp.settings import os_user
from sciapp.storage import schema
from sciapp.storage.changes import ChangeFeed
from sciapp.storage.database import AuditContext, Database
from sciapp.storage.errors import SchemaTooNewError, StorageError

if TYPE_CHECKING:
    from sciapp.storage.migrate import AfterUpgrade


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
        from sciapp.storage.opening import open_database

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
    if revision is not None and revision not in schema.KNOWN_REVISIONS:
        engine.dispose()
        raise SchemaTooNewError(
            f"{shown} was written by a newer version of sciapp (schema {revision}); install "
            "the newer sciapp to use it. Nothing was changed."
        )
    if revision != schema.HEAD:
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
        schema.HEAD,
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
