"""Files a register refers to (the letterhead's seal image), kept in a folder of its own.

Each database file has its own folder beside it, `<name>-attachments/`: one register's archive
import can never replace, or on failure remove, another's files. Paths into it are stored
relative to the database's folder, so the register and its folder move together; they are
resolved against that folder when a document is rendered, never against the working folder.
A server database keeps its attachments in the user's data folder, by absolute path.
"""

from __future__ import annotations

import hashlib
from pathlib import Path, PurePosixPath
from typing import TYPE_CHECKING

from sciapp.files import private_folder, write_atomic
from sciapp.storage.lock import real_path

if TYPE_CHECKING:
    from sciapp.storage.database import Database

SUFFIX = "-attachments"


def attachments_dir(db: Database) -> Path:
    if db.is_file:
        real = real_path(db.path)
        return real.with_name(real.name + SUFFIX)
    from sciapp.config import AppPaths

    server = hashlib.sha256(db.location.encode()).hexdigest()[:16]
    return AppPaths.from_environment().data_dir / "server-attachments" / server


def base_folder(db: Database) -> Path | None:
    """What relative attachment paths are relative to: the database file's folder."""
    return real_path(db.path).parent if db.is_file else None


def resolve(db: Database, stored: str) -> Path | None:
    """The file a stored attachment path names, or None for none."""
    if not stored:
        return None
    path = Path(stored)
    base = base_folder(db)
    return path if path.is_absolute() or base is None else base / path


def save(db: Database, name: str, content: bytes) -> tuple[str, Path, bool]:
    """Write an attachment into the database's own folder, owner-only and whole.

    Named by its content, so a file already there is the same file, never replaced by
    another. Returns the path to store, the file, and whether this call created it.
    """
    folder = attachments_dir(db)
    digest = hashlib.sha256(content).hexdigest()[:16]
    suffix = PurePosixPath(name).suffix.lower()[:10]
    target = folder / f"{PurePosixPath(name).stem[:40]}-{digest}{suffix}"
    created = not target.exists()
    if created:
        private_folder(folder)
        write_atomic(target, content, private=True)
    base = base_folder(db)
    stored = target.relative_to(base).as_posix() if base is not None else str(target)
    return stored, target, created


def copy_attachments(db_path: Path, target: Path) -> int:
    """Bring the attachments folder along when the database moves to `target`'s folder
    (under the same name, so the stored relative paths still lead to it)."""
    real = real_path(db_path)
    folder = real.with_name(real.name + SUFFIX)
    if not folder.is_dir():
        return 0
    destination = real_path(target).parent / folder.name
    copied = 0
    for item in sorted(folder.iterdir()):
        if item.is_file() and not (destination / item.name).exists():
            private_folder(destination)
            write_atomic(destination / item.name, item.read_bytes(), private=True)
            copied += 1
    return copied
