"""Public comment: who spoke, on what, and a summary of what they said."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QFormLayout,
    QHBoxLayout,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from sciapp.gui.widgets.dialogs import confirm_delete

if TYPE_CHECKING:
    from sciapp.gui.meetings.editor_host import EditorHost
    from sciapp.services.meetings.records import MeetingDetail


class CommentsTab(QWidget):
    def __init__(self, editor: EditorHost) -> None:
        super().__init__()
        self.editor = editor
        self.comments = QListWidget()
        self.comments.setAccessibleName("Public comments")
        self.comments.setWordWrap(True)
        self.speaker = QLineEdit()
        self.topic = QLineEdit()
        self.summary = QPlainTextEdit()
        self.summary.setTabChangesFocus(True)
        self.summary.setMaximumHeight(80)
        self.add_button = QPushButton("Add &comment")
        self.remove_button = QPushButton("Remove comment…")
        form = QFormLayout()
        for label, widget in (
            ("Speaker:", self.speaker),
            ("Topic:", self.topic),
            ("Summary:", self.summary),
        ):
            form.addRow(label, widget)
            widget.setAccessibleName(label.rstrip(":"))
        buttons = QHBoxLayout()
        buttons.addWidget(self.remove_button)
        buttons.addStretch(1)
        buttons.addWidget(self.add_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.comments, 1)
        layout.addLayout(form)
        layout.addLayout(buttons)
        self.add_button.clicked.connect(lambda: self.add_comment())
        self.remove_button.clicked.connect(lambda: self.remove_comment())
        self.comments.currentRowChanged.connect(lambda _r: self._update_buttons())
        self._editable = False

    def show_detail(self, detail: MeetingDetail | None) -> None:
        self.comments.clear()
        self._editable = detail is not None and not detail.locked and not detail.cancelled
        for comment in detail.comments if detail else ():
            text = (
                comment.speaker
                + (f" on {comment.topic}" if comment.topic else "")
                + f": {comment.summary}"
            )
            entry = QListWidgetItem(text)
            entry.setData(Qt.ItemDataRole.UserRole, comment.id)
            self.comments.addItem(entry)
        for widget in (self.speaker, self.topic, self.summary, self.add_button):
            widget.setEnabled(self._editable)
        self._update_buttons()

    def _update_buttons(self) -> None:
        self.remove_button.setEnabled(self._editable and self.comments.currentRow() >= 0)

    def add_comment(self) -> None:
        detail = self.editor.detail
        if detail is None:
            return
        args = (self.speaker.text(), self.topic.text(), self.summary.toPlainText())
        meetings = self.editor.workspace.meetings
        if self.editor.run(lambda: meetings.add_comment(detail.id, *args)):
            self.speaker.clear()
            self.topic.clear()
            self.summary.clear()

    def remove_comment(self) -> None:
        entry = self.comments.currentItem()
        if entry is None:
            return
        comment_id = entry.data(Qt.ItemDataRole.UserRole)
        if confirm_delete(self, "Remove comment", "Remove this public comment?", "Re&move"):
            self.editor.run(lambda: self.editor.workspace.meetings.remove_comment(comment_id))
