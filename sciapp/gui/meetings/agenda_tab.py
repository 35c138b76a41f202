"""A meeting's agenda (built, renamed, reordered by drag or buttons) beside the selected
item's notes, which save themselves as they are typed."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from sciapp.gui.meetings.autosave import NotesAutosaver
from sciapp.gui.widgets.dialogs import confirm_delete, exec_and_free

if TYPE_CHECKING:
    from collections.abc import Callable

    from sciapp.gui.meetings.editor_host import EditorHost
    from sciapp.services.meetings.records import MeetingDetail


def ask_title(parent: QWidget, title: str, current: str = "") -> str | None:
    """The item's title, or None when the user cancelled."""
    dialog = QInputDialog(parent)
    dialog.setWindowTitle(title)
    dialog.setLabelText("Title:")
    dialog.setTextValue(current)
    dialog.setTextEchoMode(QLineEdit.EchoMode.Normal)
    return dialog.textValue() if exec_and_free(dialog) else None


class AgendaTab(QWidget):
    def __init__(self, editor: EditorHost) -> None:
        super().__init__()
        self.editor = editor
        workspace = editor.workspace
        self.agenda = QListWidget()
        self.agenda.setAccessibleName("Agenda items")
        self.agenda.setDragDropMode(QAbstractItemView.DragDropMode.InternalMove)
        self.agenda.model().rowsMoved.connect(self._dropped)
        self.add_button = QPushButton("A&dd…")
        self.rename_button = QPushButton("&Rename…")
        self.remove_button = QPushButton("Remo&ve…")
        self.up_button = QPushButton("Move &up")
        self.down_button = QPushButton("Move do&wn")
        self.pdf_button = QPushButton("Agenda as P&DF…")
        self.print_button = QPushButton("Print a&genda…")
        edits, moves = QHBoxLayout(), QHBoxLayout()
        for row, button, tip, slot in (
            (edits, self.add_button, "Add an agenda item", self.add_item),
            (edits, self.rename_button, "Rename the selected item", self.rename_item),
            (edits, self.remove_button, "Remove the selected item", self.remove_item),
            (
                moves,
                self.up_button,
                "Move the selected item up (or drag it)",
                lambda: self.move_item(-1),
            ),
            (moves, self.down_button, "Move the selected item down", lambda: self.move_item(1)),
        ):
            button.setToolTip(tip)
            button.clicked.connect(lambda _checked=False, act=slot: act())
            row.addWidget(button)
        edits.addStretch(1)
        moves.addStretch(1)
        outputs = QHBoxLayout()
        self.pdf_button.setToolTip("Save the agenda as a PDF file, for posting")
        self.print_button.setToolTip("Print the agenda")
        outputs.addWidget(self.pdf_button)
        outputs.addWidget(self.print_button)
        outputs.addStretch(1)
        self.pdf_button.clicked.connect(lambda: editor.save_pdf("agenda"))
        self.print_button.clicked.connect(lambda: editor.print_document("agenda"))
        self.notes = QPlainTextEdit()
        self.notes.setAccessibleName("Notes for the selected item")
        self.notes.setPlaceholderText("Minutes notes for this item (saved as you type)")
        self.save_status = QLabel()
        left, right = QWidget(), QWidget()
        column = QVBoxLayout(left)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(self.agenda, 1)
        column.addLayout(edits)
        column.addLayout(moves)
        column.addLayout(outputs)
        notes = QVBoxLayout(right)
        notes.setContentsMargins(0, 0, 0, 0)
        notes.addWidget(QLabel("Notes for the minutes:"))
        notes.addWidget(self.notes, 1)
        notes.addWidget(self.save_status)
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(left)
        splitter.addWidget(right)
        splitter.setStretchFactor(0, 2)
        splitter.setStretchFactor(1, 3)
        splitter.setChildrenCollapsible(False)
        QHBoxLayout(self).addWidget(splitter)
        self.autosave = NotesAutosaver(
            self.notes,
            lambda item, text: editor.tagged(lambda: workspace.meetings.set_item_notes(item, text)),
            self,
        )
        self.autosave.saved.connect(self.save_status.setText)
        self.autosave.failed.connect(self.save_status.setText)
        self.agenda.currentRowChanged.connect(self._item_selected)

    # -- showing ---------------------------------------------------------------------------

    def show_detail(self, detail: MeetingDetail | None, select_id: int | None = None) -> None:
        if detail is None:
            self.agenda.clear()
            self.autosave.load(None, "")
            return
        editable = not detail.locked and not detail.cancelled
        for widget in (
            self.add_button,
            self.rename_button,
            self.remove_button,
            self.up_button,
            self.down_button,
        ):
            widget.setEnabled(editable)
        self.agenda.setDragEnabled(editable)
        self.notes.setReadOnly(detail.locked)
        current = select_id if select_id is not None else self.selected_id()
        self.agenda.blockSignals(True)
        self.agenda.clear()
        for item in detail.items:
            entry = QListWidgetItem(f"{item.position}. {item.title}")
            entry.setData(Qt.ItemDataRole.UserRole, item.id)
            self.agenda.addItem(entry)
        self.agenda.blockSignals(False)
        ids = [i.id for i in detail.items]
        row = ids.index(current) if current in ids else (0 if ids else -1)
        self.agenda.setCurrentRow(row)
        self._item_selected(row)

    def selected_id(self) -> int | None:
        entry = self.agenda.currentItem()
        return entry.data(Qt.ItemDataRole.UserRole) if entry else None

    def _item_selected(self, row: int) -> None:
        detail = self.editor.detail
        item_id = self.selected_id() if row >= 0 else None
        item = next((i for i in detail.items if i.id == item_id), None) if detail else None
        self.autosave.load(item_id, item.notes if item else "")

    # -- writing ---------------------------------------------------------------------------

    def _run(self, action: Callable[[], object], select_id: int | None = None) -> bool:
        return self.editor.run(action, select_id)

    def add_item(self) -> None:
        """A new item goes after the selected one (before Adjournment, when that is last)."""
        detail = self.editor.detail
        title = ask_title(self, "Add agenda item")
        if detail is None or title is None:
            return
        row = self.agenda.currentRow()
        count = len(detail.items)
        last_is_adjournment = count and detail.items[-1].title.lower().startswith("adjourn")
        place = row + 1 if row >= 0 else count
        if last_is_adjournment and place >= count:
            place = count - 1
        new: list[int] = []
        meetings = self.editor.workspace.meetings

        def add() -> None:
            item = meetings.add_item(detail.id, title)
            new.append(item.id)
            if place < count:
                meetings.move_item(item.id, place)

        if self._run(add):
            self.show_detail(self.editor.detail, new[0])

    def rename_item(self) -> None:
        item_id = self.selected_id()
        if item_id is None:
            return
        current = self.agenda.currentItem().text().split(". ", 1)[-1]
        title = ask_title(self, "Rename agenda item", current)
        if title is not None:
            meetings = self.editor.workspace.meetings
            self._run(lambda: meetings.rename_item(item_id, title), item_id)

    def remove_item(self) -> None:
        item_id = self.selected_id()
        if item_id is None:
            return
        title = self.agenda.currentItem().text()
        if confirm_delete(
            self,
            "Remove agenda item",
            f"Remove “{title}” and its notes from the agenda?",
            "Re&move",
        ):
            self._run(lambda: self.editor.workspace.meetings.remove_item(item_id))

    def move_item(self, delta: int) -> None:  # not QWidget.move
        item_id = self.selected_id()
        row = self.agenda.currentRow() + delta
        if item_id is not None and 0 <= row < self.agenda.count():
            self._run(lambda: self.editor.workspace.meetings.move_item(item_id, row), item_id)

    def _dropped(self, _parent: object, start: int, _end: int, _dest: object, row: int) -> None:
        # QListWidget has already moved the row; `row` counts the moved item in its old place.
        detail = self.editor.detail
        if detail is None:
            return
        new_index = row if row < start else row - 1
        item_id = detail.items[start].id
        self._run(lambda: self.editor.workspace.meetings.move_item(item_id, new_index), item_id)
