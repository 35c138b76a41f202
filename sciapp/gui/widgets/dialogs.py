"""Dialogs are functions: shown, answered, then let go (a cancelled dialog is not kept alive by
its parent until the window closes)."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QMessageBox, QWidget


def exec_and_free(dialog: QDialog) -> bool:
    """Run `dialog` modally; True when accepted. Its C++ side is freed afterwards."""
    try:
        return dialog.exec() == QDialog.DialogCode.Accepted
    finally:
        dialog.deleteLater()


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
