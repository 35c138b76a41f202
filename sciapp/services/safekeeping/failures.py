"""A database that fails while in use (a damaged page, a full disk, a server that went away)
becomes one sentence for the person at the keyboard, with what to do next."""

from __future__ import annotations

from typing import TYPE_CHECKING

from sciapp.services.errors import ServiceError

if TYPE_CHECKING:
    from pathlib import Path

    from sciapp.storage.database import Database


class StoreFailedError(ServiceError):
    """The database failed under a command; the message says why and what to do."""


def backups_folder(db_path: Path) -> Path:
    """Where this database's automatic backups are (the settings may name a folder)."""
    from sciapp.config import AppPaths
    from sciapp.settings import load_settings

    return load_settings(AppPaths.from_environment().config_dir).backup_dir(db_path)


def damage_message(db_path: Path) -> str:
    """Where the file is damaged and the newest good backup to restore it from."""
    from sciapp.storage.trouble import damaged

    return str(damaged(db_path, backups_folder(db_path)))


def explain_failure(exc: BaseException, db: Database) -> StoreFailedError | None:
    """The sentence for an error the database raised under a command; None if it is not
    the database's trouble (a bug, to be reported as one)."""
    from sqlalchemy.exc import DBAPIError

    from sciapp.storage.errors import DamagedError, StorageError
    from sciapp.storage.trouble import explain

    if db.is_file:
        problem = explain(exc, db.path, "changed")
        if isinstance(problem, DamagedError):
            return StoreFailedError(damage_message(db.path))
        if isinstance(problem, StorageError):
            return StoreFailedError(str(problem))
        return None
    if isinstance(exc, DBAPIError) and (exc.connection_invalidated or _lost(exc)):
        detail = str(exc.orig).strip().splitlines()[0] if exc.orig else "no answer"
        return StoreFailedError(
            f"The connection to the database server ({db.location}) was lost ({detail}). "
            "What was being saved was not saved: each change is all or nothing. Try again "
            "when the server is back."
        )
    return None


def _lost(exc: BaseException) -> bool:
    from sqlalchemy.exc import InterfaceError, OperationalError

    return isinstance(exc, OperationalError | InterfaceError)


def check_readable(db: Database) -> None:
    """Refuse, with the sentence, to work from a damaged file (verify, archive export):
    SQLite's quick check first, so a damaged index cannot give a wrong answer quietly."""
    if not db.is_file:
        return
    from sciapp.storage.trouble import quick_check

    if quick_check(db.path):
        raise StoreFailedError(damage_message(db.path))
