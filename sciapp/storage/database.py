"""An open register: the engine, its sessions, who is writing (the audit trail's actor) and
the feed of what each commit touched. Opening one is `storage/opening.py` (the file) or
`storage/server.py` (a database server)."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from sciapp.storage.changes import ChangeFeed
from sciapp.storage.schema import schema_number

if TYPE_CHECKING:
    from pathlib import Path

    from sqlalchemy.engine import Engine
    from sqlalchemy.orm import Session, sessionmaker

    from sciapp.storage.lock import DatabaseLock


class AuditContext:
    """Who is changing things (the audit trail's actor); updated when the settings change."""

    def __init__(self, actor: str) -> None:
        self.actor = actor


@dataclass
class Database:
    path: Path
    engine: Engine
    session_factory: sessionmaker[Session]
    revision: str
    backup_made: Path | None = None
    created: bool = False
    audit: AuditContext = field(default_factory=lambda: AuditContext("unknown user"))
    read_only: bool = False
    lock: DatabaseLock | None = None
    url: str | None = None  # a server database (PostgreSQL); None for the SQLite file
    changes: ChangeFeed = field(default_factory=ChangeFeed)
    _closed: bool = field(default=False, repr=False)

    @property
    def is_file(self) -> bool:
        return self.url is None

    @property
    def location(self) -> str:
        """Where the data lives, for people: the file, or the server URL without password."""
        if self.url is None:
            return str(self.path)
        from sqlalchemy.engine import make_url

        return make_url(self.url).render_as_string(hide_password=True)

    @property
    def schema_version(self) -> int:
        return schema_number(self.revision)

    def session(self) -> Session:
        return self.session_factory()

    def close(self) -> None:
        if not self._closed:
            self.engine.dispose()
            if self.lock is not None:
                self.lock.release()
            self._closed = True
