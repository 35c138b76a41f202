"""Automatic backups: at start (in the background), once a day while open, and at quit."""

from __future__ import annotations

import datetime as dt
import threading
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QTimer, Signal

from sciapp.services.safekeeping.backups import BackupError, automatic_backup, daily_backup_due

if TYPE_CHECKING:
    from collections.abc import Callable
    from pathlib import Path

    from sciapp.settings import Settings

HOUR_MS = 60 * 60 * 1000


class AutoBackup(QObject):
    finished = Signal(str)  # a line for the status bar
    failed = Signal(str)

    def __init__(
        self, db_path: Path, settings: Callable[[], Settings], parent: QObject | None = None
    ) -> None:
        super().__init__(parent)
        self.db_path = db_path
        self.settings = settings
        self._thread: threading.Thread | None = None
        self._lock = threading.Lock()  # one backup at a time
        self.timer = QTimer(self)
        self.timer.setInterval(HOUR_MS)
        self.timer.timeout.connect(self.daily)

    def at_start(self) -> None:
        """Taken in a thread: SQLite's backup runs without holding up the window."""
        self._thread = threading.Thread(target=self._take, args=("start",), daemon=True)
        self._thread.start()
        self.timer.start()

    def daily(self, now: dt.datetime | None = None) -> None:
        if daily_backup_due(self.db_path, self.settings(), now or dt.datetime.now()):
            self._take("daily")

    def at_quit(self) -> None:
        self.timer.stop()
        if self._thread is not None:
            self._thread.join()
        self._take("quit")

    def _take(self, reason: str) -> None:
        with self._lock:
            try:
                made = automatic_backup(self.db_path, self.settings(), reason)
            except BackupError as exc:
                self.failed.emit(f"Automatic backup failed: {exc}")
                return
            self.finished.emit(f"Backed up to {made.parent} ({reason}).")
