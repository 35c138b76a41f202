"""The status bar's confirmations ("Saved to …"), with an Open folder button when one names a
file, so the user can find what was just written."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QMainWindow, QPushButton

if TYPE_CHECKING:
    from sciapp.gui.bus import ChangeBus

SHOWN_MS = 15000


def show_sayings(window: QMainWindow, bus: ChangeBus) -> QPushButton:
    """Put what `bus` says in `window`'s status bar; the button opens the named file's folder."""
    bar = window.statusBar()
    button = QPushButton("Open folder")
    button.setAccessibleName("Open the folder of the file just saved")
    button.hide()
    bar.addPermanentWidget(button)
    folder: list[Path] = []

    def said(text: str, file: str) -> None:
        folder[:] = [Path(file).parent] if file else []
        button.setToolTip(str(folder[0]) if folder else "")
        button.setVisible(bool(folder))
        bar.showMessage(text, SHOWN_MS)

    def cleared(message: str) -> None:
        if not message:
            button.hide()

    bus.said.connect(said)
    bar.messageChanged.connect(cleared)
    button.clicked.connect(
        lambda: folder and QDesktopServices.openUrl(QUrl.fromLocalFile(str(folder[0])))
    )
    return button
