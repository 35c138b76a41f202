"""Who attended: present, absent or excused with arrival and departure times, the quorum over
the meeting, and the guests and staff who were there."""

from __future__ import annotations

from typing import TYPE_CHECKING, cast

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPushButton,
    QTableWidget,
    QVBoxLayout,
    QWidget,
)

from sciapp.domain.attendance import Presence, quorum_timeline
from sciapp.domain.clock import parse_clock
from sciapp.domain.formats import time_of_day
from sciapp.gui.locale import ui_locale
from sciapp.gui.theme import colour
from sciapp.gui.widgets.dialogs import confirm_delete

if TYPE_CHECKING:
    from sciapp.gui.meetings.editor_host import EditorHost
    from sciapp.services.meetings.records import MeetingDetail


class AttendanceTab(QWidget):
    def __init__(self, editor: EditorHost) -> None:
        super().__init__()
        self.editor = editor
        self.table = QTableWidget(0, 4)
        self.table.setAccessibleName("Attendance")
        self.table.setHorizontalHeaderLabels(["Member", "Attendance", "Arrived", "Left"])
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.setColumnWidth(0, 220)
        self.table.setColumnWidth(1, 120)
        self.all_present_button = QPushButton("Everyone &present")
        self.all_present_button.setToolTip("Mark every member present from the start")
        self.quorum_label = QLabel()
        self.quorum_label.setWordWrap(True)
        self.quorum_label.setTextFormat(Qt.TextFormat.RichText)
        self.guests = QListWidget()
        self.guests.setAccessibleName("Guests and staff")
        self.guests.setMaximumHeight(140)
        self.guest_name = QLineEdit()
        self.guest_name.setPlaceholderText("Guest or staff name")
        self.guest_name.setAccessibleName("Guest name")
        self.guest_role = QLineEdit()
        self.guest_role.setPlaceholderText("role, e.g. City Clerk")
        self.guest_role.setAccessibleName("Guest role")
        self.add_guest_button = QPushButton("Add &guest")
        self.remove_guest_button = QPushButton("Remove guest…")
        guest_row = QHBoxLayout()
        guest_row.addWidget(self.guest_name)
        guest_row.addWidget(self.guest_role)
        guest_row.addWidget(self.add_guest_button)
        guest_row.addWidget(self.remove_guest_button)
        top = QHBoxLayout()
        top.addWidget(QLabel("Type arrival and departure times as 7:05 pm or 19:05."), 1)
        top.addWidget(self.all_present_button)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.table, 4)
        layout.addWidget(self.quorum_label)
        layout.addWidget(QLabel("Guests and staff:"))
        layout.addWidget(self.guests, 1)
        layout.addLayout(guest_row)
        self.all_present_button.clicked.connect(lambda: self.mark_all_present())
        self.add_guest_button.clicked.connect(lambda: self.add_guest())
        self.guest_name.returnPressed.connect(lambda: self.add_guest())
        self.remove_guest_button.clicked.connect(lambda: self.remove_guest())
        self.guests.currentRowChanged.connect(lambda _r: self._update_buttons())
        self._editable = False

    def show_detail(self, detail: MeetingDetail | None) -> None:
        if detail is None:
            self.table.setRowCount(0)
            self.guests.clear()
            self.quorum_label.clear()
            return
        self._editable = not detail.locked and not detail.cancelled
        self._fill_table(detail)
        self.guests.clear()
        for guest in detail.guests:
            entry = QListWidgetItem(f"{guest.name} ({guest.role})" if guest.role else guest.name)
            entry.setData(Qt.ItemDataRole.UserRole, guest.id)
            self.guests.addItem(entry)
        for widget in (self.guest_name, self.guest_role, self.add_guest_button):
            widget.setEnabled(self._editable)
        self.all_present_button.setEnabled(self._editable)
        self._update_buttons()
        self._show_quorum(detail)

    def _update_buttons(self) -> None:
        self.remove_guest_button.setEnabled(self._editable and self.guests.currentRow() >= 0)

    def _fill_table(self, detail: MeetingDetail) -> None:
        self.table.setRowCount(len(detail.attendance))
        for row, record in enumerate(detail.attendance):
            name = QLabel(f"  {record.name}" + ("" if record.voting else " (non-voting)"))
            self.table.setCellWidget(row, 0, name)
            presence = QComboBox()
            presence.setAccessibleName(f"Attendance of {record.name}")
            for option in Presence:
                presence.addItem(option.label, option.value)
            presence.setCurrentIndex(presence.findData(record.presence.value))
            presence.setEnabled(self._editable)
            presence.currentIndexChanged.connect(lambda _i, r=row: self._edited(r, False))
            self.table.setCellWidget(row, 1, presence)
            for column, value in ((2, record.arrived), (3, record.departed)):
                edit = QLineEdit(time_of_day(value, ui_locale()) if value else "")
                edit.setToolTip("The time, e.g. 7:05 pm or 19:05; empty: from the start")
                edit.setAccessibleName(f"{'Arrived' if column == 2 else 'Left'}: {record.name}")
                edit.setReadOnly(not self._editable)
                edit.editingFinished.connect(lambda r=row: self._edited(r, True))
                self.table.setCellWidget(row, column, edit)

    def _show_quorum(self, detail: MeetingDetail) -> None:
        start = detail.called_to_order or detail.start_time
        rows = [a.to_domain() for a in detail.attendance]
        required = self.editor.workspace.meetings.quorum(detail.id, start).required
        parts = [
            f"{time_of_day(c.at, ui_locale())} {c.voting_present} present "
            + (
                f"<span style='color:{colour('success')}'><b>(quorum)</b></span>"
                if c.has_quorum
                else f"<span style='color:{colour('danger')}'><b>(no quorum)</b></span>"
            )
            for c in quorum_timeline(rows, required, start)
        ]
        self.quorum_label.setText(
            f"Quorum: {required} voting members ({detail.body.quorum.describe()}).<br>"
            "Over the meeting: " + " → ".join(parts)
        )

    def _edited(self, row: int, typed_time: bool) -> None:
        detail = self.editor.detail
        if detail is None or not self._editable:
            return
        record = detail.attendance[row]
        chooser = cast("QComboBox", self.table.cellWidget(row, 1))  # as _fill_table puts it
        presence = Presence(chooser.currentData())
        cells = {"arrival": 2, "departure": 3}
        times = {}
        for what, column in cells.items():
            text = cast("QLineEdit", self.table.cellWidget(row, column)).text()  # _fill_table's
            try:
                times[what] = parse_clock(text)
            except ValueError as exc:
                QMessageBox.warning(self, "Attendance", f"{record.name}'s {what}: {exc}.")
                return
        arrived, departed = times["arrival"], times["departure"]
        if typed_time and (arrived or departed):
            presence = Presence.PRESENT  # a time typed means the member came
        elif presence is not Presence.PRESENT:
            arrived = departed = None  # marked absent or excused: no times
        if (presence, arrived, departed) == (record.presence, record.arrived, record.departed):
            return
        meetings = self.editor.workspace.meetings
        self.editor.run(
            lambda: meetings.set_attendance(
                detail.id, record.member_id, presence, arrived, departed
            )
        )

    def mark_all_present(self) -> None:
        detail = self.editor.detail
        if detail is not None:
            self.editor.run(lambda: self.editor.workspace.meetings.mark_all_present(detail.id))

    def add_guest(self) -> None:
        detail = self.editor.detail
        if detail is None:
            return
        name, role = self.guest_name.text(), self.guest_role.text()
        meetings = self.editor.workspace.meetings
        if self.editor.run(lambda: meetings.add_guest(detail.id, name, role)):
            self.guest_name.clear()
            self.guest_role.clear()

    def remove_guest(self) -> None:
        entry = self.guests.currentItem()
        if entry is None:
            return
        guest_id = entry.data(Qt.ItemDataRole.UserRole)
        if confirm_delete(
            self, "Remove guest", f"Remove {entry.text()} from the guests?", "Re&move"
        ):
            self.editor.run(lambda: self.editor.workspace.meetings.remove_guest(guest_id))
