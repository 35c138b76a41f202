"""Backups a user asks for, automatic ones with retention, and restore."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from sciapp.domain.retention import backups_to_keep
from sciapp.services.errors import ServiceError
from sciapp.storage import backup
from sciapp.storage.errors import DamagedError, DatabaseInUseError, StorageError

if TYPE_CHECKING:
    from pathlib import Path

    from sciapp.settings import Settings

DAY = dt.timedelta(days=1)


class BackupError(ServiceError):
    """A backup or restore that did not happen; the message says why."""


def back_up_to(db_path: Path, destination: Path) -> Path:
    """A checked, consistent copy at a place the user picked."""
    try:
        return backup.backup_copy(db_path, destination)
    except DamagedError as exc:
        from sciapp.services.safekeeping.failures import damage_message

        raise BackupError(damage_message(db_path)) from exc
    except StorageError as exc:
        raise BackupError(str(exc)) from exc


def automatic_backup(
    db_path: Path, settings: Settings, reason: str, now: dt.datetime | None = None
) -> Path:
    """Take an automatic backup ("start", "daily", "quit"), then apply the retention."""
    now = now or dt.datetime.now()
    folder = settings.backup_dir(db_path)
    try:
        made = backup.automatic_backup(db_path, folder, reason, now)
    except DamagedError as exc:  # say which backup to go back to
        from sciapp.storage.trouble import damaged

        raise BackupError(str(damaged(db_path, folder))) from exc
    except StorageError as exc:
        raise BackupError(str(exc)) from exc
    taken = [when for when, _path in backup.automatic_backups(folder, db_path.stem)]
    keep = backups_to_keep(taken, settings.backup_keep, settings.backup_months, now)
    backup.prune(folder, db_path.stem, keep)
    return made


def last_automatic_backup(db_path: Path, settings: Settings) -> dt.datetime | None:
    found = backup.automatic_backups(settings.backup_dir(db_path), db_path.stem)
    return found[0][0] if found else None


def daily_backup_due(db_path: Path, settings: Settings, now: dt.datetime) -> bool:
    last = last_automatic_backup(db_path, settings)
    return settings.daily_backups and (last is None or now - last >= DAY)


def check_backup(path: Path) -> int:
    """The schema version of a sound backup; BackupError saying what is wrong otherwise."""
    try:
        return int(backup.check_backup(path))
    except StorageError as exc:
        raise BackupError(str(exc)) from exc


def location_risk(db_path: Path) -> str | None:
    """Why the database's folder is unsafe for it (a sync folder, a network share), if it is."""
    from sciapp.storage.location import location_risk as risk

    return risk(db_path)


def holder_of(db_path: Path) -> dict[str, object] | None:
    """Who has the database open for writing now (user, host, since), if anyone."""
    from sciapp.storage.lock import holder_of as lock_holder

    return lock_holder(db_path)


def restore_database(
    db_path: Path, source: Path, settings: Settings, now: dt.datetime | None = None
) -> Path | None:
    """Replace the database (which must be closed) with a checked backup; returns where the
    database as it was has been kept."""
    try:
        kept = backup.restore(
            db_path, source, settings.backup_dir(db_path), now or dt.datetime.now(), "restore"
        )
    except DatabaseInUseError as exc:
        raise BackupError(_in_use(db_path, exc.holder, "restoring")) from exc
    except StorageError as exc:
        raise BackupError(f"Nothing was restored: {exc}") from exc
    from sciapp.services.safekeeping.anchors import forget

    forget(db_path)  # an older register on purpose, not a chain cut short
    return kept


def move_database(db_path: Path, target: Path, actor: str = "move") -> Path:
    """Copy the database to `target` (a checked copy) holding the lock on both, so that
    nobody writes to the old file while it is copied, nor opens the new one half-made.
    The old file stays where it was. Attachments (the letterhead seal) come along."""
    from sciapp.storage.lock import acquire

    if target.exists():
        raise BackupError(f"{target} already exists.")
    try:
        source_lock = acquire(db_path, actor)
    except DatabaseInUseError as exc:
        raise BackupError(_in_use(db_path, exc.holder, "moving it")) from exc
    except StorageError as exc:
        raise BackupError(str(exc)) from exc
    try:
        target_lock = acquire(target, actor)
    except (StorageError, OSError) as exc:
        source_lock.release()
        raise BackupError(str(exc)) from exc
    try:
        made = backup.backup_copy(db_path, target)
        from sciapp.services.safekeeping.attachments import copy_attachments

        copy_attachments(db_path, target)
        return made
    except (StorageError, OSError) as exc:
        raise BackupError(str(exc)) from exc
    finally:
        target_lock.release()
        source_lock.release()


def _in_use(db_path: Path, holder: dict[str, object], doing: str) -> str:
    return (
        f"{db_path} is open in sciapp by {holder.get('user') or 'someone'} on "
        f"{holder.get('host') or 'another computer'}; close it there before {doing}. "
        "Nothing was changed."
    )
