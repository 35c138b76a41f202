"""Keeping the register safe as a whole: check it, back it up, archive it and bring an
archive in. The GUI and the command line reach these through `workspace.safekeeping`;
the heavy modules (zip, the checks) are imported when a use case runs."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import io
    from pathlib import Path

    from sciapp.services.safekeeping.archive import ArchiveReport
    from sciapp.services.safekeeping.failures import StoreFailedError
    from sciapp.services.safekeeping.integrity import CheckReport
    from sciapp.storage.database import Database


class SafekeepingService:
    def __init__(self, db: Database) -> None:
        self._db = db

    def check(self) -> CheckReport:
        """SQLite's own checks and every record-keeping rule, as problems and notes."""
        from sciapp.services.safekeeping.integrity import check_database

        return check_database(self._db)

    def check_readable(self) -> None:
        """Refuse (StoreFailedError, naming the newest good backup) to work from a damaged
        file: before verifying seals or archiving what would carry the damage."""
        from sciapp.services.safekeeping.failures import check_readable

        check_readable(self._db)

    def explain_failure(self, exc: BaseException) -> StoreFailedError | None:
        """The sentence for a database error under a command; None when it is a bug."""
        from sciapp.services.safekeeping.failures import explain_failure

        return explain_failure(exc, self._db)

    def back_up_to(self, destination: Path) -> Path:
        """A checked, consistent copy at a place the user picked (BackupError if not)."""
        from sciapp.services.safekeeping.backups import back_up_to

        return back_up_to(self._db.path, destination)

    def export_archive(self, destination: Path | io.BytesIO) -> ArchiveReport:
        """Every table and attachment in one zip, from one consistent snapshot."""
        from sciapp.services.safekeeping.archive import export_archive

        return export_archive(self._db, destination)

    def import_archive(self, source: Path | io.BytesIO) -> ArchiveReport:
        """A whole commission into this (empty) register, all or nothing; attachments go
        into the register's own folder."""
        from sciapp.services.safekeeping.archive import import_archive

        return import_archive(self._db, source)
