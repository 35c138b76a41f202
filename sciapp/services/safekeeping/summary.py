"""What `sciapp info` tells about a register: where it is, its schema, how many partnerships,
and the copy made before a migration. A quiet file is read without the ORM, so the command
answers at once (storage/glance.py); any other opens the register."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Protocol

if TYPE_CHECKING:
    from pathlib import Path


class _Counted(Protocol):
    def count(self) -> int: ...


class OpenRegister(Protocol):
    """What the summary reads of an open register (the Workspace has it all)."""

    @property
    def location(self) -> str: ...
    @property
    def schema_version(self) -> int: ...
    @property
    def revision(self) -> str: ...
    @property
    def partnerships(self) -> _Counted: ...
    @property
    def backup_made(self) -> Path | None: ...


@dataclass(frozen=True)
class RegisterSummary:
    location: str  # the file, or the server address without its password
    schema_version: int
    revision: str
    partnerships: int
    backup_made: Path | None = None  # the copy kept before this open migrated the file


def glance(path: Path) -> RegisterSummary | None:
    """The summary of a file that can be read as it lies, changing nothing; None when it
    must be opened (created, migrated, read beside the session that has it, or refused
    with the reason)."""
    from sciapp.storage.glance import glance as look
    from sciapp.storage.schema import schema_number

    found = look(path)
    if found is None:
        return None
    return RegisterSummary(
        str(path), schema_number(found.revision), found.revision, found.partnerships
    )


def summary_of(workspace: OpenRegister) -> RegisterSummary:
    """The summary of an open register."""
    return RegisterSummary(
        workspace.location,
        workspace.schema_version,
        workspace.revision,
        workspace.partnerships.count(),
        workspace.backup_made,
    )
