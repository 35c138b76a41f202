"""Errors opening or migrating the store, worded for the person at the keyboard."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from pathlib import Path


class StorageError(Exception):
    """The database cannot be used; the message says why and what to do."""


class SchemaTooNewError(StorageError):
    pass


class NotADatabaseError(StorageError):
    pass


class DatabaseInUseError(StorageError):
    """Another sciapp has the file open for writing; `holder` says who, where, since when."""

    def __init__(self, message: str, holder: dict[str, object]) -> None:
        super().__init__(message)
        self.holder = holder


class ReadOnlyError(StorageError):
    pass


class DamagedError(StorageError):
    """The file is damaged; `where` as near as SQLite says, `backup` the newest good one."""

    def __init__(
        self, message: str, path: Path, where: str = "", backup: Path | None = None
    ) -> None:
        super().__init__(message)
        self.path = path
        self.where = where
        self.backup = backup


class DiskFullError(StorageError):
    pass


class CannotWriteError(StorageError):
    """The file, its folder or its disk cannot be written here; it may be read."""

    can_read = True


class ReadOnlyFileError(CannotWriteError):
    pass


class FolderNotWritableError(CannotWriteError):
    def __init__(self, message: str, can_read: bool = True) -> None:
        super().__init__(message)
        self.can_read = can_read
