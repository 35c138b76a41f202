"""One meeting: agenda and notes, attendance and quorum, public comment, the minutes."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from html import escape

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QTableWidget,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from sciapp.domain.attendance import Presence, quorum_timeline
from sciapp.domain.minutes import MinutesStatus
from sciapp.gui.meetings.autosave import NotesAutosaver
from sciapp.gui.meetings.dialogs import CorrectionDialog, DateDialog, NewMeetingDialog
from sciapp.gui.records.history import HistoryView
from sciapp.gui.votes.motions_panel import MotionsPanel
from sciapp.services.errors import ServiceError
from sciapp.services.meeting_records import MeetingDetail, MeetingDraft
from sciapp.services.minutes import minutes_text
from sciapp.services.workspace import Workspace


def _time(text: str) -> dt.time | None:
    text = text.strip()
    return dt.time.fromisoformat(text) if text else None


class MeetingEditor(QWidget):
    changed = Signal()
    meetingModeRequested = Signal(int)

    def __init__(
        self,
        workspace: Workspace,
        today: Callable[[], dt.date] = dt.date.today,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.workspace = workspace
        self.today = today
        self.detail: MeetingDetail | None = None
        self._build()
        self.autosave = NotesAutosaver(self.notes, workspace.meetings.set_item_notes, self)
        self.autosave.saved.connect(self.save_status.setText)
        self.autosave.failed.connect(self.save_status.setText)
        self.show_meeting(None)

    # -- building --------------------------------------------------------------------------

    def _build(self) -> None:
        self.heading = QLabel()
        self.heading.setWordWrap(True)
        self.heading.setTextFormat(Qt.TextFormat.RichText)
        self.edit_button = QPushButton("&Edit meeting…")
        self.edit_button.setToolTip("Date, time, place, link and public notice")
        self.mode_button = QPushButton("&Meeting mode")
        self.mode_button.setToolTip("Run this meeting: agenda, attendance, quorum, live notes")
        self.propose_button = QPushButton("&Propose minutes")
        self.propose_button.setToolTip("Make the draft minutes available to the public")
        self.approve_button = QPushButton("&Approve minutes…")
        self.approve_button.setToolTip("Record the approval date; the minutes are then locked")
        self.correct_button = QPushButton("Record &correction…")
        self.correct_button.setToolTip("Correct approved minutes; the original is kept beside it")
        actions = QHBoxLayout()
        for button in (
            self.mode_button,
            self.propose_button,
            self.approve_button,
            self.correct_button,
        ):
            actions.addWidget(button)
        actions.addStretch(1)

        self.tabs = QTabWidget()
        self.tabs.addTab(self._agenda_tab(), "&Agenda and notes")
        self.tabs.addTab(self._attendance_tab(), "A&ttendance")
        self.tabs.addTab(self._comments_tab(), "Public c&omment")
        self.motions = MotionsPanel(self.workspace)
        self.motions.current_item = self._selected_item_id
        self.motions.changed.connect(self._motions_changed)
        self.tabs.addTab(self.motions, "Motions and &votes")
        self.minutes_view = QPlainTextEdit()
        self.minutes_view.setReadOnly(True)
        self.minutes_view.setAccessibleName("Minutes text")
        self.tabs.addTab(self.minutes_view, "M&inutes")
        self.history = HistoryView()
        self.tabs.addTab(self.history, "&History")
        self.tabs.currentChanged.connect(lambda _i: self._show_history())

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.heading)
        layout.addLayout(actions)
        layout.addWidget(self.tabs, 1)

        self.mode_button.clicked.connect(lambda: self.meetingModeRequested.emit(self.detail.id))
        self.propose_button.clicked.connect(self.propose)
        self.edit_button.clicked.connect(self.edit_meeting)
        self.approve_button.clicked.connect(self.approve)
        self.correct_button.clicked.connect(self.correct)

    def _agenda_tab(self) -> QWidget:
        self.agenda = QListWidget()
        self.agenda.setAccessibleName("Agenda items")
        self.agenda.setDragDropMode(QAbstractItemView.DragDropMode.InternalMove)
        self.agenda.model().rowsMoved.connect(self._dropped)
        self.add_item_button = QPushButton("A&dd…")
        self.rename_item_button = QPushButton("&Rename…")
        self.remove_item_button = QPushButton("Remo&ve")
        self.up_button = QPushButton("Move &up")
        self.down_button = QPushButton("Move do&wn")
        tips = (
            "Add an agenda item",
            "Rename the selected item",
            "Remove the selected item",
            "Move the selected item up (or drag it)",
            "Move the selected item down",
        )
        buttons = QHBoxLayout()
        for button, tip in zip(
            (
                self.add_item_button,
                self.rename_item_button,
                self.remove_item_button,
                self.up_button,
                self.down_button,
            ),
            tips,
            strict=True,
        ):
            button.setToolTip(tip)
            buttons.addWidget(button)
        self.notes = QPlainTextEdit()
        self.notes.setAccessibleName("Notes for the selected item")
        self.notes.setPlaceholderText("Minutes notes for this item (saved as you type)")
        self.save_status = QLabel()
        tab = QWidget()
        layout = QHBoxLayout(tab)
        left = QVBoxLayout()
        left.addWidget(self.agenda, 1)
        left.addLayout(buttons)
        right = QVBoxLayout()
        right.addWidget(self.notes, 1)
        right.addWidget(self.save_status)
        layout.addLayout(left, 2)
        layout.addLayout(right, 3)
        self.agenda.currentRowChanged.connect(self._item_selected)
        self.add_item_button.clicked.connect(self.add_item)
        self.rename_item_button.clicked.connect(self.rename_item)
        self.remove_item_button.clicked.connect(self.remove_item)
        self.up_button.clicked.connect(lambda: self.move_selected(-1))
        self.down_button.clicked.connect(lambda: self.move_selected(1))
        return tab

    def _attendance_tab(self) -> QWidget:
        self.attendance = QTableWidget(0, 4)
        self.attendance.setAccessibleName("Attendance")
        self.attendance.setHorizontalHeaderLabels(["Member", "Attendance", "Arrived", "Left"])
        self.attendance.verticalHeader().hide()
        self.attendance.horizontalHeader().setStretchLastSection(True)
        self.attendance.setColumnWidth(0, 220)
        self.attendance.setColumnWidth(1, 120)
        self.quorum_label = QLabel()
        self.quorum_label.setWordWrap(True)
        self.quorum_label.setTextFormat(Qt.TextFormat.RichText)
        self.guests = QListWidget()
        self.guests.setAccessibleName("Guests and staff")
        self.guest_name = QLineEdit()
        self.guest_name.setPlaceholderText("Guest or staff name")
        self.guest_name.setAccessibleName("Guest name")
        self.guest_role = QLineEdit()
        self.guest_role.setPlaceholderText("role, e.g. City Clerk")
        self.guest_role.setAccessibleName("Guest role")
        add_guest = QPushButton("Add &guest")
        add_guest.clicked.connect(self.add_guest)
        guest_row = QHBoxLayout()
        guest_row.addWidget(self.guest_name)
        guest_row.addWidget(self.guest_role)
        guest_row.addWidget(add_guest)
        tab = QWidget()
        layout = QVBoxLayout(tab)
        layout.addWidget(self.attendance, 2)
        layout.addWidget(self.quorum_label)
        layout.addWidget(QLabel("Guests and staff:"))
        layout.addWidget(self.guests, 1)
        layout.addLayout(guest_row)
        return tab

    def _comments_tab(self) -> QWidget:
        self.comments = QListWidget()
        self.comments.setAccessibleName("Public comments")
        self.comments.setWordWrap(True)
        self.speaker = QLineEdit()
        self.topic = QLineEdit()
        self.summary = QPlainTextEdit()
        self.summary.setTabChangesFocus(True)
        self.summary.setMaximumHeight(80)
        add = QPushButton("Add &comment")
        add.clicked.connect(self.add_comment)
        form = QFormLayout()
        for label, widget in (
            ("Speaker:", self.speaker),
            ("Topic:", self.topic),
            ("Summary:", self.summary),
        ):
            form.addRow(label, widget)
            widget.setAccessibleName(label.rstrip(":"))
        tab = QWidget()
        layout = QVBoxLayout(tab)
        layout.addWidget(self.comments, 1)
        layout.addLayout(form)
        layout.addWidget(add, 0, Qt.AlignmentFlag.AlignRight)
        return tab

    # -- showing ---------------------------------------------------------------------------

    def show_meeting(self, meeting_id: int | None) -> None:
        self.autosave.flush()
        self.detail = self.workspace.meetings.get(meeting_id) if meeting_id else None
        self.setEnabled(self.detail is not None)
        self._render()
        self._show_history()

    def _show_history(self) -> None:
        """Read when the History tab is showing: who recorded what in this meeting, when."""
        if self.tabs.currentWidget() is self.history:
            d = self.detail
            entries = self.workspace.audit.meeting_history(d.id) if d else []
            self.history.show_entries(entries, with_record=True)

    def reload(self) -> None:
        if self.detail is not None:
            self.show_meeting(self.detail.id)

    def _render(self) -> None:
        d = self.detail
        if d is None:
            self.heading.setText("<i>Select a meeting, or create one with New meeting.</i>")
            self.agenda.clear()
            self.autosave.load(None, "")
            self.attendance.setRowCount(0)
            self.minutes_view.clear()
            self.motions.show_meeting(None)
            return
        status = d.minutes_status.label
        facts = [f"Minutes: <b>{status}</b>"]
        if d.minutes_status is MinutesStatus.APPROVED:
            facts[0] += f" on {d.minutes_approved_on} (locked)"
        elif d.proposed_due and d.minutes_status is MinutesStatus.DRAFT:
            late = d.proposed_due < self.today()
            style = "color:#b91c1c;font-weight:600" if late else ""
            word = "overdue since" if late else "due"
            facts.append(f"<span style='{style}'>proposed minutes {word} {d.proposed_due}</span>")
        if d.approved_due:
            facts.append(f"approved minutes to be available by {d.approved_due}")
        if d.notice_problem:
            facts.append(f"<span style='color:#b45309'>⚠ {escape(d.notice_problem)}</span>")
        place = escape(d.place or "no place set") + (
            f" · {escape(d.remote_link)}" if d.remote_link else ""
        )
        self.heading.setText(
            f"<span style='font-size:14pt;font-weight:600'>{escape(d.body.name)}</span><br>"
            f"{d.kind.capitalize()} meeting, {d.date:%A, %B} {d.date.day}, {d.date.year}, "
            f"{d.start_time:%H:%M} — {place}<br>" + " · ".join(facts)
        )
        editable = not d.locked
        self.propose_button.setEnabled(d.minutes_status is MinutesStatus.DRAFT)
        self.edit_button.setEnabled(editable)
        self.approve_button.setEnabled(editable)
        self.correct_button.setEnabled(d.locked)
        for widget in (
            self.add_item_button,
            self.rename_item_button,
            self.remove_item_button,
            self.up_button,
            self.down_button,
        ):
            widget.setEnabled(editable)
        self.agenda.setDragEnabled(editable)
        self.notes.setReadOnly(not editable)
        self._render_agenda()
        self._render_attendance()
        self.guests.clear()
        self.guests.addItems([f"{g.name} ({g.role})" if g.role else g.name for g in d.guests])
        self.comments.clear()
        self.comments.addItems(
            [
                f"{c.speaker}" + (f" on {c.topic}" if c.topic else "") + f": {c.summary}"
                for c in d.comments
            ]
        )
        self.motions.show_meeting(d.id, d.locked)
        self.minutes_view.setPlainText(minutes_text(d, self.workspace.motions.for_meeting(d.id)))

    def _render_agenda(self, select_id: int | None = None) -> None:
        assert self.detail is not None
        current = select_id if select_id is not None else self._selected_item_id()
        self.agenda.blockSignals(True)
        self.agenda.clear()
        for item in self.detail.items:
            entry = QListWidgetItem(f"{item.position}. {item.title}")
            entry.setData(Qt.ItemDataRole.UserRole, item.id)
            self.agenda.addItem(entry)
        self.agenda.blockSignals(False)
        ids = [i.id for i in self.detail.items]
        row = ids.index(current) if current in ids else (0 if ids else -1)
        self.agenda.setCurrentRow(row)
        self._item_selected(row)

    def _render_attendance(self) -> None:
        d = self.detail
        assert d is not None
        self.attendance.blockSignals(True)
        self.attendance.setRowCount(len(d.attendance))
        for row, record in enumerate(d.attendance):
            name = QLabel(f"  {record.name}" + ("" if record.voting else " (non-voting)"))
            self.attendance.setCellWidget(row, 0, name)
            presence = QComboBox()
            presence.setAccessibleName(f"Attendance of {record.name}")
            for option in Presence:
                presence.addItem(option.label, option.value)
            presence.setCurrentIndex(presence.findData(record.presence.value))
            presence.setEnabled(not d.locked)
            presence.currentIndexChanged.connect(lambda _i, r=row: self._attendance_edited(r))
            self.attendance.setCellWidget(row, 1, presence)
            for column, value in ((2, record.arrived), (3, record.departed)):
                edit = QLineEdit(value.strftime("%H:%M") if value else "")
                edit.setPlaceholderText("HH:MM")
                edit.setAccessibleName(f"{'Arrived' if column == 2 else 'Left'}: {record.name}")
                edit.setReadOnly(d.locked)
                edit.editingFinished.connect(lambda r=row: self._attendance_edited(r))
                self.attendance.setCellWidget(row, column, edit)
        self.attendance.blockSignals(False)
        start = d.called_to_order or d.start_time
        rows = [a.to_domain() for a in d.attendance]
        required = self.workspace.meetings.quorum(d.id, start).required
        changes = quorum_timeline(rows, required, start)
        parts = [
            f"{c.at:%H:%M} {c.voting_present} present "
            + (
                "<span style='color:#15803d'>(quorum)</span>"
                if c.has_quorum
                else "<span style='color:#b91c1c'><b>(no quorum)</b></span>"
            )
            for c in changes
        ]
        self.quorum_label.setText(
            f"Quorum: {required} voting members ({d.body.quorum.describe()}).<br>"
            "Over the meeting: " + " → ".join(parts)
        )

    def _motions_changed(self) -> None:
        assert self.detail is not None
        self.minutes_view.setPlainText(
            minutes_text(self.detail, self.workspace.motions.for_meeting(self.detail.id))
        )
        self.changed.emit()  # a vote may have changed a partnership's status

    # -- agenda actions --------------------------------------------------------------------

    def _selected_item_id(self) -> int | None:
        entry = self.agenda.currentItem()
        return entry.data(Qt.ItemDataRole.UserRole) if entry else None

    def _item_selected(self, row: int) -> None:
        item_id = self._selected_item_id() if row >= 0 else None
        fresh = self.workspace.meetings.get(self.detail.id) if self.detail and item_id else None
        item = next((i for i in fresh.items if i.id == item_id), None) if fresh else None
        self.autosave.load(item_id, item.notes if item else "")

    def _run(self, action: Callable[[], object], select_id: int | None = None) -> bool:
        self.autosave.flush()  # typed notes first, so a reload cannot lose them
        try:
            action()
        except ServiceError as exc:
            QMessageBox.warning(self, "Meeting", str(exc))
            self.reload()
            return False
        self.detail = self.workspace.meetings.get(self.detail.id)  # type: ignore[union-attr]
        self._render()
        if select_id is not None:
            self._render_agenda(select_id)
        self.changed.emit()
        return True

    def add_item(self, title: str | None = None) -> None:
        if title is None:
            title, ok = QInputDialog.getText(self, "Add agenda item", "Title:")
            if not ok:
                return
        new: list[int] = []
        self._run(lambda: new.append(self.workspace.meetings.add_item(self.detail.id, title).id))
        if new:
            self._render_agenda(new[0])

    def rename_item(self, title: str | None = None) -> None:
        item_id = self._selected_item_id()
        if item_id is None:
            return
        if title is None:
            current = self.agenda.currentItem().text().split(". ", 1)[-1]
            title, ok = QInputDialog.getText(self, "Rename agenda item", "Title:", text=current)
            if not ok:
                return
        self._run(lambda: self.workspace.meetings.rename_item(item_id, title), item_id)

    def remove_item(self) -> None:
        item_id = self._selected_item_id()
        if item_id is None:
            return
        title = self.agenda.currentItem().text()
        answer = QMessageBox.question(
            self, "Remove agenda item", f"Remove “{title}” and its notes from the agenda?"
        )
        if answer == QMessageBox.StandardButton.Yes:
            self._run(lambda: self.workspace.meetings.remove_item(item_id))

    def move_selected(self, delta: int) -> None:
        item_id = self._selected_item_id()
        if item_id is None:
            return
        row = self.agenda.currentRow() + delta
        if 0 <= row < self.agenda.count():
            self._run(lambda: self.workspace.meetings.move_item(item_id, row), item_id)

    def _dropped(self, _parent, start: int, _end: int, _dest, row: int) -> None:  # type: ignore[no-untyped-def]
        # QListWidget has already moved the row; `row` counts the moved item in its old place.
        new_index = row if row < start else row - 1
        item_id = self.detail.items[start].id  # type: ignore[union-attr]
        self._run(lambda: self.workspace.meetings.move_item(item_id, new_index), item_id)

    # -- attendance, guests, comments ------------------------------------------------------

    def _attendance_edited(self, row: int) -> None:
        assert self.detail is not None
        record = self.detail.attendance[row]
        presence = Presence(self.attendance.cellWidget(row, 1).currentData())
        try:
            arrived = _time(self.attendance.cellWidget(row, 2).text())
            departed = _time(self.attendance.cellWidget(row, 3).text())
        except ValueError:
            QMessageBox.warning(self, "Attendance", "Enter times as HH:MM, e.g. 19:05.")
            return
        if presence is not Presence.PRESENT:
            arrived = departed = None
        if (presence, arrived, departed) == (record.presence, record.arrived, record.departed):
            return
        self._run(
            lambda: self.workspace.meetings.set_attendance(
                self.detail.id, record.member_id, presence, arrived, departed
            )
        )

    def add_guest(self) -> None:
        name, role = self.guest_name.text(), self.guest_role.text()
        if self._run(lambda: self.workspace.meetings.add_guest(self.detail.id, name, role)):
            self.guest_name.clear()
            self.guest_role.clear()

    def add_comment(self) -> None:
        args = (self.speaker.text(), self.topic.text(), self.summary.toPlainText())
        if self._run(lambda: self.workspace.meetings.add_comment(self.detail.id, *args)):
            self.speaker.clear()
            self.topic.clear()
            self.summary.clear()

    def edit_meeting(self) -> None:
        d = self.detail
        assert d is not None
        current = MeetingDraft(
            d.body.id, d.date, d.start_time, d.kind, d.place, d.remote_link, d.notice_posted
        )
        if (
            NewMeetingDialog.run(
                self,
                self.workspace.bodies.list_bodies(),
                lambda draft, _usual: self.workspace.meetings.update(d.id, draft).id,
                self.today(),
                current,
            )
            is not None
        ):
            self.reload()
            self.changed.emit()

    # -- minutes ---------------------------------------------------------------------------

    def propose(self) -> None:
        self._run(
            lambda: self.workspace.minutes.set_status(
                self.detail.id, MinutesStatus.PROPOSED, self.today()
            )
        )

    def approve(self, on: dt.date | None = None) -> None:
        if on is None:
            on = DateDialog.ask(self, "Approve minutes", "Approved on:", self.today())
            if on is None:
                return
        self._run(
            lambda: self.workspace.minutes.set_status(self.detail.id, MinutesStatus.APPROVED, on)
        )

    def correct(self) -> None:
        assert self.detail is not None
        meeting_id = self.detail.id
        if CorrectionDialog.run(
            self,
            self.detail.items,
            lambda item, text, on: self.workspace.minutes.record_correction(
                meeting_id, item, text, on
            ),
            self.today(),
        ):
            self.reload()
            self.changed.emit()
