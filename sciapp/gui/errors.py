"""When something goes wrong: a dialog in plain words with details to copy, a rotating log
file, and an app that stays usable (the failed action is dropped, not the session)."""

from __future__ import annotations

import logging
import sys
import traceback
from logging.handlers import RotatingFileHandler
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QMessageBox

from sciapp.services.errors import ServiceError, StoreError

if TYPE_CHECKING:
    from pathlib import Path
    from types import TracebackType

LOG_NAME = "sciapp.log"
log = logging.getLogger("sciapp")


def setup_logging(log_dir: Path) -> Path | None:
    """Log to log_dir/sciapp.log, 1 MB a file, five kept; None if the folder is unusable."""
    path = log_dir / LOG_NAME
    for handler in list(log.handlers):
        if isinstance(handler, RotatingFileHandler):
            log.removeHandler(handler)
            handler.close()
    try:
        from sciapp.files import private_folder

        private_folder(log_dir)  # logs name records and people: the user's eyes only
        handler = RotatingFileHandler(path, maxBytes=1_000_000, backupCount=5, encoding="utf-8")
    except OSError:
        return None
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    log.addHandler(handler)
    log.setLevel(logging.INFO)
    return path


def install_error_handler(log_dir: Path) -> None:
    setup_logging(log_dir)
    sys.excepthook = report_error


def report_error(
    kind: type[BaseException],
    error: BaseException,
    trace: TracebackType | None,
) -> QMessageBox | None:
    """Log the error and show it; returns the dialog (shown without blocking in tests)."""
    if issubclass(kind, KeyboardInterrupt):
        sys.__excepthook__(kind, error, trace)
        return None
    details = "".join(traceback.format_exception(kind, error, trace))
    if QApplication.instance() is None:
        sys.__excepthook__(kind, error, trace)
        return None
    if isinstance(error, ServiceError | StoreError):  # refused, with a message for people
        log.warning("refused: %s", error)
        box = QMessageBox(QMessageBox.Icon.Warning, "sciapp", str(error))
    else:
        log.error("unexpected error\n%s", details)
        box = QMessageBox(
            QMessageBox.Icon.Critical,
            "Something went wrong",
            "sciapp ran into a problem it did not expect and stopped what it was doing. "
            "Your saved work is safe: every change is saved as one whole, or not at all.\n\n"
            f"What happened: {error or kind.__name__}",
        )
        box.setInformativeText(
            "If it happens again, send the details below (or the log file) to whoever "
            "looks after sciapp for your commission."
        )
        box.setDetailedText(details)
    box.setStandardButtons(QMessageBox.StandardButton.Ok)
    box.setAttribute(Qt.WidgetAttribute.WA_QuitOnClose, False)  # never keeps the app alive
    box.open()  # not exec(): an error inside a modal loop must not stack loops
    _open_boxes.append(box)
    box.finished.connect(lambda _r, b=box: _open_boxes.remove(b) if b in _open_boxes else None)
    return box


_open_boxes: list[QMessageBox] = []
