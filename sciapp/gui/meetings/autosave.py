"""Save what is typed within a second, without anyone pressing Save.

The first keystroke after a save starts a one-second timer that typing does not restart, so
continuous typing is still saved every second; switching item or closing saves at once. Each
save is one committed transaction with synchronous=FULL: a dead laptop loses at most the last
second or so.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QTimer, Signal

if TYPE_CHECKING:
    from PySide6.QtWidgets import QPlainTextEdit

AUTOSAVE_MS = 1000

Saver = Callable[[int, str], object]


class NotesAutosaver(QObject):
    saved = Signal(str)  # a short status, e.g. "Saved 19:42:07"
    failed = Signal(str)

    def __init__(self, editor: QPlainTextEdit, save: Saver, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._editor = editor
        self._save = save
        self._item_id: int | None = None
        self._dirty = False
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(AUTOSAVE_MS)
        self.timer.timeout.connect(self.flush)
        editor.textChanged.connect(self._changed)

    def load(self, item_id: int | None, text: str) -> None:
        """Show another item's notes, saving the current one first."""
        self.flush()
        same = item_id == self._item_id and text == self._editor.toPlainText()
        self._item_id = item_id
        if not same:  # the same text again (a refresh) keeps the cursor where the user types
            self._editor.blockSignals(True)
            self._editor.setPlainText(text)
            self._editor.blockSignals(False)
        self._editor.setEnabled(item_id is not None)
        self._dirty = False

    @property
    def dirty(self) -> bool:
        return self._dirty

    def _changed(self) -> None:
        if self._item_id is None:
            return
        self._dirty = True
        if not self.timer.isActive():
            self.timer.start()

    def flush(self) -> None:
        self.timer.stop()
        if not self._dirty or self._item_id is None:
            return
        try:
            self._save(self._item_id, self._editor.toPlainText())
        except Exception as exc:
            self.failed.emit(f"Not saved: {exc}")
            return
        self._dirty = False
        from PySide6.QtCore import QTime

        self.saved.emit(f"Saved {QTime.currentTime().toString('HH:mm:ss')}")
