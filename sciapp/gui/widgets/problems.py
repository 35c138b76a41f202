"""A refused import's problems, listed in the dialog itself (not behind "Show Details…"), so
the clerk can read them beside the spreadsheet and copy them."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QDialogButtonBox,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from sciapp.gui.widgets.dialogs import Dialog

if TYPE_CHECKING:
    from collections.abc import Sequence


class ProblemsDialog(Dialog):
    def __init__(
        self, parent: QWidget | None, title: str, summary: str, problems: Sequence[str]
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.resize(640, 380)
        self.summary = QLabel(summary)
        self.summary.setWordWrap(True)
        self.problems = QPlainTextEdit("\n".join(problems))
        self.problems.setReadOnly(True)
        self.problems.setAccessibleName("Problems")
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.copy_button = QPushButton("&Copy the list")
        buttons.addButton(self.copy_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.reject)
        self.copy_button.clicked.connect(
            lambda: QGuiApplication.clipboard().setText(self.problems.toPlainText())
        )
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(self.problems, 1)
        layout.addWidget(buttons)

    @classmethod
    def show_problems(
        cls, parent: QWidget | None, title: str, summary: str, problems: Sequence[str]
    ) -> None:
        cls(parent, title, summary, problems).exec_and_free()
