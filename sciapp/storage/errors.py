"""Errors opening or migrating the store, worded for the person at the keyboard."""


class StorageError(Exception):
    """The database cannot be used; the message says why and what to do."""


class SchemaTooNewError(StorageError):
    pass


class NotADatabaseError(StorageError):
    pass
