"""What a session asks `run_app` to do once its window has closed and the database with it:
swap in a backup, or move the file. Only a closed file may be replaced, so the File menu's
commands leave the request here and close the window; `run_app` reads it afterwards."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from pathlib import Path


@dataclass(frozen=True)
class RestoreRequest:
    """Replace the database with the checked backup at `source`, then reopen it."""

    source: Path


@dataclass(frozen=True)
class MoveRequest:
    """Copy the closed database to `target` (checked), then use it there from now on."""

    target: Path


AfterClose = RestoreRequest | MoveRequest


@dataclass
class SessionRequests:
    """Handed to the main window by `run_app`; at most one request, the last one made."""

    after_close: AfterClose | None = None

    def restore(self, source: Path) -> None:
        self.after_close = RestoreRequest(source)

    def move(self, target: Path) -> None:
        self.after_close = MoveRequest(target)
