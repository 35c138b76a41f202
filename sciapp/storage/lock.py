"""One writer per database: a lock file beside it says who has it open.

The operating system's own file lock on that file is what counts: it dies with the process
that held it, so a lock left by a crashed session is recognised (the OS lock is free) and
cleared, while the file's text names the holder for the person who is kept out.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import socket
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO

from sciapp.storage.errors import DatabaseInUseError


def lock_path(db_path: Path) -> Path:
    return db_path.with_name(db_path.name + ".lock")


@dataclass
class DatabaseLock:
    path: Path
    handle: IO[str] | None
    stale: dict[str, object] | None = None  # what a crashed session left, now cleared
    _released: bool = field(default=False, repr=False)

    def release(self) -> None:
        if self._released or self.handle is None:
            return
        self._released = True
        try:
            self.handle.seek(0)
            self.handle.truncate()
            _unlock(self.handle)
        finally:
            self.handle.close()
            self.path.unlink(missing_ok=True)


def acquire(db_path: Path, actor: str) -> DatabaseLock:
    """Take the database for writing, or raise DatabaseInUseError naming the holder."""
    path = lock_path(db_path)
    path.parent.mkdir(parents=True, exist_ok=True)
    handle = open(path, "a+", encoding="utf-8")  # noqa: SIM115 - held for the session
    if not _try_lock(handle):
        holder = _read(handle)
        handle.close()
        raise DatabaseInUseError(_in_use_message(db_path, holder), holder)
    previous = _read(handle)
    holder = {
        "user": actor,
        "host": socket.gethostname(),
        "pid": os.getpid(),
        "since": dt.datetime.now().astimezone().isoformat(timespec="seconds"),
    }
    handle.seek(0)
    handle.truncate()
    handle.write(json.dumps(holder))
    handle.flush()
    return DatabaseLock(path, handle, stale=previous or None)


def holder_of(db_path: Path) -> dict[str, object] | None:
    """Who holds the database now, if anyone (for a read-only opener's title bar)."""
    path = lock_path(db_path)
    if not path.exists():
        return None
    with open(path, "a+", encoding="utf-8") as handle:
        if _try_lock(handle):
            _unlock(handle)
            return None
        return _read(handle)


def _read(handle: IO[str]) -> dict[str, object]:
    handle.seek(0)
    try:
        data = json.loads(handle.read() or "{}")
    except ValueError:
        return {}
    return data if isinstance(data, dict) else {}


def _in_use_message(db_path: Path, holder: dict[str, object]) -> str:
    who = holder.get("user") or "someone"
    host = holder.get("host") or "another computer"
    since = str(holder.get("since") or "")
    when = ""
    if since:
        try:
            when = f" since {dt.datetime.fromisoformat(since):%Y-%m-%d %H:%M}"
        except ValueError:
            when = ""
    return (
        f"{db_path} is open in sciapp by {who} on {host}{when}. Only one person can change it "
        "at a time: open it read-only, or ask them to close it."
    )


if os.name == "nt":  # pragma: no cover - exercised on Windows
    import msvcrt

    def _try_lock(handle: IO[str]) -> bool:
        handle.seek(0)
        try:
            msvcrt.locking(handle.fileno(), msvcrt.LK_NBLCK, 1)
        except OSError:
            return False
        return True

    def _unlock(handle: IO[str]) -> None:
        handle.seek(0)
        msvcrt.locking(handle.fileno(), msvcrt.LK_UNLCK, 1)

else:
    import fcntl

    def _try_lock(handle: IO[str]) -> bool:
        try:
            fcntl.flock(handle.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError:
            return False
        return True

    def _unlock(handle: IO[str]) -> None:
        fcntl.flock(handle.fileno(), fcntl.LOCK_UN)
