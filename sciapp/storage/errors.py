"""Errors opening or migrating the store, worded for the person at the keyboard."""


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
