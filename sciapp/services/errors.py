"""Errors a use case raises; each message is meant to be shown to the user as it is."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from collections.abc import Mapping, Sequence


class ServiceError(Exception):
    """A use case refused; nothing was written."""


class NotFoundError(ServiceError):
    pass


class ValidationError(ServiceError):
    """Bad input; `errors` maps each field to what is wrong with it. The message names each
    field by the label its form shows (`sciapp.domain.labels`); `table` picks the form where
    a field name means two things ("text" of a motion)."""

    def __init__(self, errors: Mapping[str, str], table: str = "") -> None:
        from sciapp.domain.labels import describe_errors

        self.errors = dict(errors)
        self.table = table
        super().__init__(describe_errors(self.errors, table))


class ImportRejectedError(ServiceError):
    """An import that wrote nothing; `problems` lists each as 'line N: column: what';
    `read_as` says how the file was read, when it could be."""

    def __init__(self, problems: Sequence[str], read_as: str = "") -> None:
        self.problems = list(problems)
        self.read_as = read_as
        count = len(self.problems)
        super().__init__(f"{count} problem{'s' if count != 1 else ''} found; nothing was imported")


# Storage refusals (a read-only database, a file in use) reach the GUI through the services;
# it shows them as it shows a refused use case.
from sciapp.storage.errors import StorageError as StoreError  # noqa: E402

__all__ = [
    "ImportRejectedError",
    "NotFoundError",
    "ServiceError",
    "StoreError",
    "ValidationError",
]
