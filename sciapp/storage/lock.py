"""One writer per database: a lock file beside it says who has it open.

The operating system's own file lock on that file is what counts: it dies with the process
that held it, so a lock left by a crashed session is recognised (the OS lock is free) and
cleared, while the file's text names the holder for the person who is kept out.

The lock belongs to the file, not to the name it was opened by: the lock file sits beside
the resolved path (a symlink, `..` or a relative name lead to the same one), and a second
lock, named by the file's device and inode in a per-user folder, catches a hard link or any
other second name for the same file on this computer.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import socket
import sys
import tempfile
import time
from contextlib import suppress
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO

from sciapp.storage.errors import DatabaseInUseError, StorageError


def real_path(db_path: Path) -> Path:
    """The file a name leads to, through symlinks (also for a file not created yet)."""
    return Path(os.path.realpath(db_path))


def lock_path(db_path: Path) -> Path:
    real = real_path(db_path)
    return real.with_name(real.name + ".lock")


def identity_lock_path(db_path: Path) -> Path | None:
    """The lock named by the file's identity (device, inode); None while it does not exist."""
    try:
        info = os.stat(db_path)
    except OSError:
        return None
    return _identity_folder() / f"{info.st_dev:x}-{info.st_ino:x}.lock"


@dataclass
class DatabaseLock:
    path: Path
    handle: IO[str] | None
    stale: dict[str, object] | None = None  # what a crashed session left, now cleared
    identity: _HeldFile | None = None
    identity_stale: dict[str, object] | None = None  # a crashed session under another name
    _released: bool = field(default=False, repr=False)

    def release(self) -> None:
        if self._released or self.handle is None:
            return
        self._released = True
        try:
            if self.identity is not None:
                self.identity.release()
        finally:
            _HeldFile(self.path, self.handle).release()


@dataclass
class _HeldFile:
    path: Path
    handle: IO[str]

    def release(self) -> None:
        try:
            self.handle.seek(0)
            self.handle.truncate()
            if os.name != "nt":  # removed while still held: nobody can lock a name we drop
                self.path.unlink(missing_ok=True)
            _unlock(self.handle)
        finally:
            self.handle.close()
            if os.name == "nt":  # pragma: no cover - Windows removes no open file
                with suppress(OSError):
                    self.path.unlink(missing_ok=True)


def acquire(db_path: Path, actor: str) -> DatabaseLock:
    """Take the database for writing, or raise DatabaseInUseError naming the holder.

    Call it before the file is created or changed. When the file does not exist yet, call
    `hold_identity` once it does (open_database creates it empty first).
    """
    holder = {
        "user": actor,
        "host": socket.gethostname(),
        "pid": os.getpid(),
        "since": dt.datetime.now().astimezone().isoformat(timespec="seconds"),
        "path": str(real_path(db_path)),
    }
    path = lock_path(db_path)
    handle, previous = _take(path, db_path, holder)
    lock = DatabaseLock(path, handle, stale=previous or None)
    try:
        hold_identity(lock, db_path, holder)
    except BaseException:
        lock.release()
        raise
    return lock


def hold_identity(
    lock: DatabaseLock, db_path: Path, holder: dict[str, object] | None = None
) -> None:
    """Add the identity lock for a file that exists now (no-op if held or still missing)."""
    if lock.identity is not None:
        return
    path = identity_lock_path(db_path)
    if path is None:
        return
    if holder is None and lock.handle is not None:
        holder = _read(lock.handle)
    try:
        handle, previous = _take(path, db_path, holder or {})
    except DatabaseInUseError as held:
        if not _holds_this_file(held.holder, db_path):
            return  # an inode number reused: that session's file is gone (replaced)
        raise
    lock.identity = _HeldFile(path, handle)
    lock.identity_stale = previous or None
    _prune_stale(path.parent)


def holder_of(db_path: Path) -> dict[str, object] | None:
    """Who holds the database now, if anyone (for a read-only opener's title bar)."""
    for path in (lock_path(db_path), identity_lock_path(db_path)):
        if path is None or not path.exists():
            continue
        with open(path, "a+", encoding="utf-8") as handle:
            if _try_lock(handle):
                _unlock(handle)
                continue
            return _read(handle)
    return None


def reading_name(db_path: Path) -> Path:
    """The name to read the file by: the one its writer uses, when it has a writer and that
    is the same file under another name (a hard link), since SQLite finds the write-ahead
    log by name; otherwise `db_path`."""
    holder = holder_of(db_path)
    theirs = Path(str(holder["path"])) if holder and holder.get("path") else None
    if theirs is None or theirs == real_path(db_path):
        return db_path
    try:
        return theirs if os.path.samefile(theirs, db_path) else db_path
    except OSError:
        return db_path


def _holds_this_file(holder: dict[str, object], db_path: Path) -> bool:
    """Whether a held identity lock's session still has `db_path` open under its name.

    A session whose file was replaced (a restore renames a new file into place) keeps the
    lock named by the old inode; once that inode number is given to a new file, the lock
    names a file its holder never opened, and must not keep that file's opener out."""
    theirs = holder.get("path")
    if not theirs:
        return True  # a holder still writing its name: assume the worst
    try:
        return os.path.samefile(str(theirs), db_path)
    except OSError:
        return False


PRUNE_AFTER = 3600.0  # seconds a crashed session's identity lock is left alone


def _prune_stale(folder: Path, most: int = 50) -> None:
    """Identity locks that crashed sessions left (named by inode, they are never opened by
    name again): removed, a few at a time, once nobody holds them.

    Only old ones: a lock a crash has just left is the one its reopening is about to take,
    and for the instant a pruner holds it, that reopening would see a holder."""
    try:
        names = [p for p in folder.iterdir() if p.suffix == ".lock" and _is_old(p)][:most]
    except OSError:
        return
    for path in names:
        try:
            handle = open(path, encoding="utf-8")  # noqa: SIM115 - closed below
        except OSError:
            continue
        try:
            if _try_lock(handle):
                if os.name != "nt" and _still_named(handle, path):
                    path.unlink(missing_ok=True)
                _unlock(handle)
        finally:
            handle.close()


def _is_old(path: Path) -> bool:
    try:
        return time.time() - path.stat().st_mtime >= PRUNE_AFTER
    except OSError:
        return False


def _take(
    path: Path, db_path: Path, holder: dict[str, object]
) -> tuple[IO[str], dict[str, object]]:
    """Lock `path` and write `holder` into it; returns the handle and what it held before."""
    from sciapp.files import private_folder

    private_folder(path.parent)
    for attempt in range(40):
        handle = _open_lock_file(path)
        if not _try_lock(handle):
            held_by = _read(handle)
            handle.close()
            # A holder emptying it as it closes, or another session's pruner testing it
            # for an instant: look again shortly before naming anyone.
            if attempt < (39 if not held_by else 4):
                time.sleep(0.025)
                continue
            raise DatabaseInUseError(_in_use_message(db_path, held_by), held_by)
        if _still_named(handle, path):
            break
        handle.close()  # its holder removed it as we opened it: lock the new one
    else:  # pragma: no cover - twenty sessions closing in the same instant
        raise StorageError(f"Could not lock {path}; try again.")
    previous = _read(handle)
    handle.seek(0)
    handle.truncate()
    handle.write(json.dumps(holder))
    handle.flush()
    return handle, previous


def _open_lock_file(path: Path) -> IO[str]:
    fd = os.open(path, os.O_RDWR | os.O_CREAT | getattr(os, "O_BINARY", 0), 0o600)
    return open(fd, "r+", encoding="utf-8")  # held for the session


def _still_named(handle: IO[str], path: Path) -> bool:
    if os.name == "nt":  # pragma: no cover - an open file cannot be removed there
        return True
    try:
        named = os.stat(path)
    except FileNotFoundError:
        return False
    held = os.fstat(handle.fileno())
    return (named.st_dev, named.st_ino) == (held.st_dev, held.st_ino)


def _identity_folder() -> Path:
    """A folder of this user's own on this computer: identities are local to it."""
    uid = os.getuid() if hasattr(os, "getuid") else None
    runtime = os.environ.get("XDG_RUNTIME_DIR")
    base = Path(runtime) if runtime and os.path.isdir(runtime) else Path(tempfile.gettempdir())
    folder = base / f"sciapp-locks-{uid if uid is not None else 'user'}"
    if uid is not None:  # a shared /tmp: the folder must be ours alone, not a planted one
        try:
            info = os.lstat(folder)
        except FileNotFoundError:
            return folder
        if info.st_uid != uid or not os.path.isdir(folder) or os.path.islink(folder):
            raise StorageError(
                f"{folder} belongs to someone else; sciapp keeps its locks there. Remove it, "
                "or set XDG_RUNTIME_DIR to a folder of your own."
            )
        if info.st_mode & 0o077:
            with suppress(OSError):
                os.chmod(folder, 0o700)
    return folder


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
    theirs = holder.get("path")
    alias = ""
    if theirs and str(theirs) != str(real_path(db_path)):
        alias = f" (as {theirs}, the same file under another name)"
    return (
        f"{db_path} is open in sciapp by {who} on {host}{when}{alias}. Only one person can "
        "change it at a time: open it read-only, or ask them to close it."
    )


if sys.platform == "win32":  # pragma: no cover - exercised on Windows
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
