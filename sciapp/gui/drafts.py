"""Forms that were being typed when sciapp stopped: kept as small JSON files in the config
folder while they are open, offered back on the next start, removed once saved or abandoned."""

from __future__ import annotations

import datetime as dt
import json
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from pathlib import Path

    from PySide6.QtWidgets import QWidget


class DraftStore:
    def __init__(self, folder: Path) -> None:
        self.folder = folder

    def _path(self, key: str) -> Path:
        return self.folder / f"{key}.json"

    def save(self, key: str, label: str, values: dict[str, Any]) -> None:
        """Written atomically, owner-only: a crash mid-write keeps the last draft."""
        from sciapp.files import private_folder, write_text_atomic

        try:
            private_folder(self.folder)
            data = {"saved_at": dt.datetime.now().isoformat(timespec="seconds"), "label": label}
            text = json.dumps({**data, "values": values})
            write_text_atomic(self._path(key), text, private=True)
        except OSError:
            pass  # a draft is a courtesy; the form itself still works

    def load(self, key: str) -> tuple[str, str, dict[str, Any]] | None:
        """(saved at, label, values) of a kept draft, or None."""
        try:
            data = json.loads(self._path(key).read_text(encoding="utf-8"))
            return str(data["saved_at"]), str(data["label"]), dict(data["values"])
        except (OSError, ValueError, KeyError, TypeError):
            return None

    def discard(self, key: str) -> None:
        self._path(key).unlink(missing_ok=True)

    def keys(self) -> list[str]:
        if not self.folder.is_dir():
            return []
        return sorted(p.stem for p in self.folder.glob("*.json"))


def continue_draft(parent: QWidget, what: str, saved_at: str, locale: str = "en_US") -> bool:
    """Ask whether to go on with a form left unsaved when sciapp stopped. The buttons say
    what they do: Continue editing (the default, and Escape: nothing is lost) / Discard."""
    from PySide6.QtWidgets import QMessageBox

    from sciapp.domain.formats import date_time
    from sciapp.gui.widgets.dialogs import exec_and_free

    try:
        when = f" at {date_time(dt.datetime.fromisoformat(saved_at), locale)}"
    except ValueError:
        when = ""
    box = QMessageBox(
        QMessageBox.Icon.Question,
        "Unsaved form",
        f"{what} was left unsaved{when}, when sciapp stopped. Continue where you left off?",
        parent=parent,
    )
    keep = box.addButton("&Continue editing", QMessageBox.ButtonRole.AcceptRole)
    box.addButton("&Discard", QMessageBox.ButtonRole.DestructiveRole)
    box.setDefaultButton(keep)
    box.setEscapeButton(keep)
    exec_and_free(box)
    return box.clickedButton() is keep
