"""Every file sciapp writes goes through here: written whole under a temporary name in the
same folder, flushed to disk, then renamed over the target. A full disk, a crash or a power
cut leaves the old file as it was, never half of the new one.

`write_atomic` takes the bytes at once (a PDF); `open_atomic` is for writers that stream
(CSV, JSON, zip). `write_problem` turns the OSError into one sentence for people.
"""

from __future__ import annotations

import errno
import os
import secrets
from contextlib import contextmanager
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any

if TYPE_CHECKING:
    from collections.abc import Iterator

PRIVATE = 0o600  # databases, backups, archives: readable by the user only
PRIVATE_FOLDER = 0o700  # the folders sciapp creates for them
_SHARED = 0o666  # the umask decides, as for any file the user saves


def write_atomic(path: Path | str, data: bytes, *, private: bool = False) -> None:
    """Replace `path` with `data`, or leave it untouched and raise OSError."""
    with open_atomic(path, "wb", private=private) as out:
        view = memoryview(data)
        while view:  # os.write may write less than asked; a full disk raises ENOSPC
            view = view[os.write(out.fileno(), view) :]


def write_text_atomic(
    path: Path | str, text: str, *, encoding: str = "utf-8", private: bool = False
) -> None:
    write_atomic(path, text.encode(encoding), private=private)


@contextmanager
def open_atomic(
    path: Path | str,
    mode: str = "w",
    *,
    encoding: str | None = "utf-8",
    newline: str | None = None,
    private: bool = False,
) -> Iterator[IO[Any]]:
    """A file to write `path` through; it replaces `path` only when the block ends cleanly.

    On any error inside the block, or while finishing, the temporary file is removed and
    the exception goes on: the old file is still there, byte for byte.
    """
    if mode not in ("w", "wb"):
        raise ValueError(f"open_atomic writes ('w' or 'wb'), not {mode!r}")
    target = Path(os.path.realpath(path))  # through a symlink to the file it names
    partial = target.with_name(f".{target.name}.{secrets.token_hex(4)}.part")
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0)
    fd = os.open(partial, flags, PRIVATE if private else _keep_mode(target))
    try:
        if mode == "wb":
            out: IO[Any] = os.fdopen(fd, "wb")
        else:
            out = os.fdopen(fd, "w", encoding=encoding, newline=newline)
    except BaseException:
        os.close(fd)
        partial.unlink(missing_ok=True)
        raise
    try:
        with out:
            yield out
            out.flush()
            os.fsync(out.fileno())
        if private:
            os.chmod(partial, PRIVATE)  # the umask may have taken bits off, never added
        os.replace(partial, target)
    except BaseException:
        partial.unlink(missing_ok=True)
        raise
    _sync_folder(target.parent)


def private_folder(folder: Path | str) -> Path:
    """Create `folder` and any missing parents owner-only (0700), whatever the umask; a
    folder already there keeps its permissions (it may be the user's own, or shared)."""
    folder = Path(folder)
    missing = []
    probe = folder
    while not probe.exists():
        missing.append(probe)
        if probe.parent == probe:
            break
        probe = probe.parent
    for level in reversed(missing):
        try:
            level.mkdir(mode=PRIVATE_FOLDER)
        except FileExistsError:  # made by another process meanwhile
            continue
        os.chmod(level, PRIVATE_FOLDER)  # mkdir's mode passes through the umask
    return folder


def _keep_mode(target: Path) -> int:
    """A file saved again keeps its permissions; a new one gets the umask's."""
    try:
        return target.stat().st_mode & 0o777
    except OSError:
        return _SHARED


def _sync_folder(folder: Path) -> None:
    """Make the rename itself durable. Windows cannot open a folder; there it is the
    file system's job, and a failure here cannot undo a rename that happened."""
    if os.name == "nt":
        return
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def write_problem(exc: OSError, path: Path | str) -> str:
    """One plain sentence for a write that failed."""
    code = exc.errno
    if code in (errno.ENOSPC, getattr(errno, "EDQUOT", errno.ENOSPC)):
        reason = "the disk is full"
    elif code == errno.EROFS:
        reason = "the disk is read-only"
    elif code in (errno.EACCES, errno.EPERM):
        reason = "the folder is not writable"
    elif code == errno.ENOENT:
        reason = "the folder does not exist"
    elif code == errno.EISDIR:
        reason = "it is a folder"
    elif code == errno.ENOTDIR:
        reason = "part of the path is not a folder"
    else:
        reason = (exc.strerror or str(exc)).lower()
    return f"cannot write {path}: {reason} (a file already there is left as it was)"
