"""Save and open dialogs that start where the user last was (their documents folder at
first), not in whatever folder sciapp happened to be started from."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QStandardPaths
from PySide6.QtWidgets import QFileDialog, QWidget

_last: dict[str, Path] = {}


def start_folder(kind: str) -> Path:
    """Where a dialog of this kind opens: where the user last was."""
    if kind in _last and _last[kind].is_dir():
        return _last[kind]
    documents = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    return Path(documents) if documents and Path(documents).is_dir() else Path.home()


def ask_save_path(
    parent: QWidget, title: str, suggested: str, filters: str, kind: str = "documents"
) -> Path | None:
    """The file to write, with the filter's extension added when the user typed none."""
    chosen = ask_save_as(parent, title, suggested, (filters,), kind)
    return None if chosen is None else chosen[0]


def ask_save_as(
    parent: QWidget, title: str, suggested: str, filters: tuple[str, ...], kind: str = "documents"
) -> tuple[Path, int] | None:
    """The file to write and which of `filters` (file types) it is to be written as."""
    chosen, picked = QFileDialog.getSaveFileName(
        parent, title, str(start_folder(kind) / suggested), ";;".join(filters)
    )
    if not chosen:
        return None
    index = filters.index(picked) if picked in filters else 0
    path = Path(chosen)
    extension = Path(suggested).suffix
    if extension and not path.suffix:
        path = path.with_suffix(extension)
    _last[kind] = path.parent
    return path, index


def ask_open_path(
    parent: QWidget, title: str, filters: str, kind: str = "documents"
) -> Path | None:
    chosen, _ = QFileDialog.getOpenFileName(parent, title, str(start_folder(kind)), filters)
    if not chosen:
        return None
    _last[kind] = Path(chosen).parent
    return Path(chosen)
