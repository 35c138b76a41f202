"""Dialogs are functions: shown, answered, then let go (a cancelled dialog is not kept alive by
its parent until the window closes).

Every dialog of ours derives from `Dialog`. A modal one is used through its own classmethod
(`PartnershipDialog.run(...)`, `DateDialog.ask(...)`), which builds it and returns what
`dialog.exec_and_free()` says, or what the dialog holds once accepted; a window that stays
open beside the main window (the audit trail, help) is shown with `dialog.open_window()` and
freed when closed. Qt's own dialogs (QInputDialog, QMessageBox) go through `exec_and_free`.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont, QFontMetrics, QGuiApplication, QShowEvent
from PySide6.QtWidgets import QDialog, QMessageBox, QWidget

# What a title bar spends besides its text: the icon, the close (and other) buttons, margins.
TITLE_CHROME = 170


def exec_and_free(dialog: QDialog) -> bool:
    """Run `dialog` modally over its parent; True when accepted. The dialog is freed
    afterwards (deleteLater: what it holds can still be read until the event loop runs)."""
    try:
        return dialog.exec() == QDialog.DialogCode.Accepted
    finally:
        dialog.deleteLater()


def title_width(window: QWidget) -> int:
    """How wide `window` must be for the window manager to show its whole title ("Voice or
    hand vote", not "Voice …d vote"); title bars set their text bold and a little larger."""
    font = QFont(window.font())
    font.setBold(True)
    font.setPointSizeF(font.pointSizeF() * 1.1)
    return QFontMetrics(font).horizontalAdvance(window.windowTitle()) + TITLE_CHROME


def fit_title(window: QWidget) -> None:
    """Widen `window` (within its screen) until its title shows whole."""
    needed = title_width(window)
    screen = window.screen() or QGuiApplication.primaryScreen()
    if screen is not None:
        needed = min(needed, screen.availableGeometry().width())
    if window.width() < needed:
        window.resize(needed, window.height())


class Dialog(QDialog):
    """The base of sciapp's dialogs: made, answered and let go by one call. Shown at least
    as wide as its title."""

    def showEvent(self, event: QShowEvent) -> None:
        fit_title(self)
        super().showEvent(event)

    def exec_and_free(self) -> bool:
        """Shown modally over the parent (kept, for modality); True when accepted. The dialog
        is freed afterwards, whatever the answer: five cancelled dialogs leave none behind."""
        return exec_and_free(self)

    def open_window(self) -> None:
        """Shown beside the main window, not modal; freed when it is closed."""
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.show()
        self.raise_()
        self.activateWindow()


def confirm_delete(parent: QWidget, title: str, text: str, verb: str = "&Delete") -> bool:
    """Ask before something is removed: the buttons say what they do (Delete / Cancel)."""
    box = QMessageBox(QMessageBox.Icon.Question, title, text, parent=parent)
    delete = box.addButton(verb, QMessageBox.ButtonRole.DestructiveRole)
    cancel = box.addButton(QMessageBox.StandardButton.Cancel)
    box.setDefaultButton(cancel)
    box.setEscapeButton(cancel)
    try:
        box.exec()
        return box.clickedButton() is delete
    finally:
        box.deleteLater()
