"""Meeting mode: one window to run the public meeting on the laptop, offline. The agenda
with the current item, attendance with arrival and departure stamped to the minute, a live
quorum badge, a clock, and the current item's notes, saved as they are typed."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QCloseEvent, QFont, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from sciapp.domain.attendance import Presence
from sciapp.domain.formats import clock_time, long_date, time_of_day
from sciapp.gui.bus import ChangeBus, areas
from sciapp.gui.locale import ui_locale
from sciapp.gui.meetings import live_closed, live_vote
from sciapp.gui.meetings.autosave import NotesAutosaver
from sciapp.gui.meetings.live_host import LiveHost
from sciapp.gui.meetings.quorum_badge import QuorumBadge
from sciapp.gui.theme import BANNER, themed
from sciapp.gui.votes.motion_dialog import MotionDialog
from sciapp.services.changes import Area
from sciapp.services.errors import ServiceError
from sciapp.services.meetings.detail import quorum_of

if TYPE_CHECKING:
    from sciapp.services.meetings.records import AttendanceRow, MeetingDetail
    from sciapp.services.workspace import Workspace

Clock = Callable[[], dt.datetime]


def _minute(clock: Clock) -> dt.time:
    return clock().time().replace(second=0, microsecond=0)


class MeetingModeWindow(LiveHost):
    def __init__(
        self,
        workspace: Workspace,
        meeting_id: int,
        bus: ChangeBus,
        clock: Clock = dt.datetime.now,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent, Qt.WindowType.Window)
        self.service = workspace.meetings
        self.workspace = workspace
        self.bus = bus
        self.meeting_id = meeting_id
        self.clock = clock
        self.detail: MeetingDetail = self.service.get(meeting_id)
        self.setWindowTitle(f"Meeting mode — {self.detail.title}")
        room = self.screen().availableGeometry()  # a 1024 × 768 projector: no larger
        self.resize(min(1200, room.width()), min(760, room.height()))
        self._build()
        self.autosave = NotesAutosaver(self.notes, self._save_notes, self)
        self.autosave.saved.connect(self.save_status.setText)
        self.autosave.failed.connect(self._save_failed)
        self._fill_agenda()
        self._fill_attendance()
        self._select_item(
            self.detail.current_item_id or (self.detail.items[0].id if self.detail.items else None)
        )
        self.tick = QTimer(self)
        self.tick.timeout.connect(self._tick)
        self.tick.start(1000)
        self._tick()
        # A vote or an arrival recorded in the main window shows here too.
        bus.watch(self, areas(Area.MEETINGS, Area.VOTES, Area.MEMBERS), self._changed, True)

    # -- building --------------------------------------------------------------------------

    def _build(self) -> None:
        big = QFont(self.font())
        big.setPointSizeF(big.pointSizeF() * 1.6)
        title = QLabel(
            f"<b>{self.detail.body.name}</b><br>{self.detail.kind.capitalize()} meeting, "
            f"{long_date(self.detail.date, ui_locale())}"
        )
        self.clock_label = QLabel()
        self.clock_label.setFont(big)
        self.clock_label.setAccessibleName("Clock")
        self.quorum = QuorumBadge()
        self.quorum.setFont(big)
        self.call_button = QPushButton("&Call to order")
        self.call_button.setToolTip("Stamp the time the meeting was called to order")
        self.adjourn_button = QPushButton("Ad&journ")
        self.adjourn_button.setToolTip("Stamp the time the meeting adjourned")
        self.times_label = QLabel()
        self.times_label.setWordWrap(True)  # on two lines, so the steps fit a 1024-pixel screen
        self.motion_button = QPushButton("&Motion…")
        self.motion_button.setToolTip("Put a motion on the current item and take the roll call")
        self.closed_button = QPushButton(live_closed.button_text(self.workspace, self.meeting_id))
        self.closed_button.setToolTip("Move to close, now, on the current item; or mark it over")
        self.close_button = QPushButton("Close")
        self.close_button.setToolTip("Leave meeting mode (Esc); every note is saved")
        # Two rows, so the whole header fits a 1024-pixel projector: who, the clock and the
        # way out; then the meeting's steps and its quorum.
        header = QVBoxLayout()
        top = QHBoxLayout()
        top.addWidget(title, 1)
        top.addWidget(self.clock_label)
        top.addSpacing(16)
        top.addWidget(self.close_button)
        steps_row = QHBoxLayout()
        steps_row.addWidget(self.call_button)
        steps_row.addWidget(self.adjourn_button)
        steps_row.addWidget(self.motion_button)
        steps_row.addWidget(self.closed_button)
        steps_row.addWidget(self.times_label, 1)
        steps_row.addWidget(self.quorum)
        header.addLayout(top)
        header.addLayout(steps_row)

        self.agenda = QListWidget()
        self.agenda.setAccessibleName("Agenda")
        self.agenda.setStyleSheet("QListWidget::item { padding: 6px 4px; }")
        self.prev_button = QPushButton("◀ &Previous")
        self.prev_button.setToolTip("Previous agenda item (Ctrl+Page Up)")
        self.next_button = QPushButton("&Next ▶")
        self.next_button.setToolTip("Next agenda item (Ctrl+Page Down)")
        agenda_box = QGroupBox("Agenda")
        agenda_layout = QVBoxLayout(agenda_box)
        agenda_layout.addWidget(self.agenda, 1)
        steps = QHBoxLayout()
        steps.addWidget(self.prev_button)
        steps.addWidget(self.next_button)
        agenda_layout.addLayout(steps)

        self.item_title = QLabel()
        self.item_title.setFont(big)
        self.item_title.setWordWrap(True)
        self.notes = QPlainTextEdit()
        self.notes.setAccessibleName("Notes for the current item")
        self.notes.setPlaceholderText("Notes for this item: discussion, decisions, who spoke…")
        self.save_status = QLabel("All notes saved")
        self.save_status.setObjectName("saveStatus")
        self.locked_banner = QLabel(
            "These minutes are approved and locked. Record corrections in the Meetings area."
        )
        themed(self.locked_banner, BANNER)
        self.locked_banner.setVisible(self.detail.locked)
        day = self.detail.date
        self.other_day_banner = QLabel(
            f"This meeting is on {long_date(day, ui_locale())}, not today: arrivals, "
            "departures and motions are stamped with this computer's clock. To record a "
            "meeting after the fact, use the Attendance and Motions tabs in the Meetings area."
        )
        self.other_day_banner.setWordWrap(True)
        themed(self.other_day_banner, BANNER)
        self.other_day_banner.setVisible(not self.detail.locked and day != self.clock().date())
        centre = QWidget()
        centre_layout = QVBoxLayout(centre)
        centre_layout.addWidget(self.locked_banner)
        centre_layout.addWidget(self.other_day_banner)
        self.last_vote = QLabel()
        self.last_vote.setWordWrap(True)
        self.last_vote.setAccessibleName("Last motion")
        self.last_vote.hide()
        self.pending_motion: int | None = None  # put, its roll call cancelled: live_vote.py
        self.vote_button = QPushButton("Take the &vote…")
        self.vote_button.setToolTip("Call the roll on the motion not voted on yet")
        self.vote_button.hide()
        centre_layout.addWidget(self.last_vote)
        centre_layout.addWidget(self.vote_button, 0, Qt.AlignmentFlag.AlignLeft)
        centre_layout.addWidget(self.item_title)
        centre_layout.addWidget(self.notes, 1)
        centre_layout.addWidget(self.save_status)

        self.attendance_box = QGroupBox("Attendance")
        self.attendance_grid = QGridLayout(self.attendance_box)
        self.attendance_grid.setColumnStretch(0, 1)

        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(agenda_box)
        splitter.addWidget(centre)
        splitter.addWidget(self.attendance_box)
        splitter.setSizes([260, 560, 380])
        layout = QVBoxLayout(self)
        layout.addLayout(header)
        layout.addWidget(splitter, 1)

        self.agenda.currentRowChanged.connect(self._agenda_row_changed)
        self.prev_button.clicked.connect(lambda: self._step(-1))
        self.next_button.clicked.connect(lambda: self._step(1))
        QShortcut(QKeySequence("Ctrl+PgUp"), self, lambda: self._step(-1))
        QShortcut(QKeySequence("Ctrl+PgDown"), self, lambda: self._step(1))
        QShortcut(QKeySequence(Qt.Key.Key_Escape), self, self.close)
        self.call_button.clicked.connect(lambda: self.call_to_order())
        self.adjourn_button.clicked.connect(lambda: self.adjourn())
        self.motion_button.clicked.connect(lambda: self.put_motion())
        self.vote_button.clicked.connect(lambda: live_vote.vote_on_pending(self))
        self.closed_button.clicked.connect(lambda: self.closed_session())
        self.close_button.clicked.connect(lambda: self.close())
        editable = not self.detail.locked
        for widget in (
            self.call_button,
            self.adjourn_button,
            self.attendance_box,
            self.motion_button,
            self.closed_button,
        ):
            widget.setEnabled(editable)

    def _fill_agenda(self) -> None:
        self.agenda.blockSignals(True)
        self.agenda.clear()
        for item in self.detail.items:
            entry = QListWidgetItem(f"{item.position}. {item.title}")
            entry.setData(Qt.ItemDataRole.UserRole, item.id)
            self.agenda.addItem(entry)
        self.agenda.blockSignals(False)

    def _fill_attendance(self) -> None:
        while self.attendance_grid.count():
            taken = self.attendance_grid.takeAt(0)
            widget = taken.widget() if taken is not None else None
            if widget is not None:
                widget.hide()
                widget.deleteLater()
        self.attendance_buttons: dict[int, QPushButton] = {}
        for row_number, row in enumerate(self.detail.attendance):
            label = QLabel(self._attendance_text(row))
            label.setWordWrap(True)
            button = QPushButton(self._attendance_action(row))
            button.setAccessibleName(f"{self._attendance_action(row)}: {row.name}")
            button.clicked.connect(lambda _=False, r=row: self.toggle_attendance(r.member_id))
            self.attendance_grid.addWidget(label, row_number, 0)
            self.attendance_grid.addWidget(button, row_number, 1)
            self.attendance_buttons[row.member_id] = button
        self.attendance_grid.setRowStretch(len(self.detail.attendance), 1)
        self._update_times()

    @staticmethod
    def _attendance_text(row: AttendanceRow) -> str:
        name = row.name + ("" if row.voting else " (non-voting)")
        if row.presence is not Presence.PRESENT:
            return f"{name} — {row.presence.label.lower()}"
        since = f" since {time_of_day(row.arrived, ui_locale())}" if row.arrived else ""
        left = f", left {time_of_day(row.departed, ui_locale())}" if row.departed else ""
        return f"{name} — present{since}{left}"

    @staticmethod
    def _attendance_action(row: AttendanceRow) -> str:
        if row.presence is not Presence.PRESENT or row.departed:
            return "Mark arrived"
        return "Mark left"

    # -- actions ---------------------------------------------------------------------------

    def toggle_attendance(self, member_id: int) -> None:
        row = next(r for r in self.detail.attendance if r.member_id == member_id)
        now = _minute(self.clock)
        started = self.detail.called_to_order
        try:
            with self.bus.acting_for(self):
                if row.presence is not Presence.PRESENT or row.departed:
                    # Arriving before the call to order counts as being there from the start.
                    arrived = now if started and now > started else None
                    self.service.set_attendance(
                        self.meeting_id, member_id, Presence.PRESENT, arrived
                    )
                else:
                    self.service.set_attendance(
                        self.meeting_id, member_id, Presence.PRESENT, row.arrived, now
                    )
        except ServiceError as exc:
            QMessageBox.warning(self, "Attendance", str(exc))
        self._reload()

    def put_motion(self) -> None:
        """A motion on the current item, moved now, straight into the roll call."""
        self.autosave.flush()
        motion_id = MotionDialog.run(
            self, self.workspace, self.meeting_id, _minute(self.clock), self.current_item_id()
        )
        if motion_id is not None:
            live_vote.vote_on(self, motion_id)

    def closed_session(self) -> None:  # now, or back from it now: gui/meetings/live_closed.py
        live_closed.close_or_come_back(self, _minute(self.clock), self.current_item_id())
        self._reload()

    def call_to_order(self) -> None:
        self._set_times(_minute(self.clock), self.detail.adjourned)

    def adjourn(self) -> None:
        self.autosave.flush()
        self._set_times(self.detail.called_to_order or _minute(self.clock), _minute(self.clock))

    def _set_times(self, opened: dt.time | None, closed: dt.time | None) -> None:
        try:
            with self.bus.acting_for(self):
                self.service.set_times(self.meeting_id, opened, closed)
        except ServiceError as exc:
            QMessageBox.warning(self, "Meeting times", str(exc))
        self._reload()

    def _reload(self) -> None:
        self.detail = self.service.get(self.meeting_id)
        self._fill_attendance()
        self.closed_button.setText(live_closed.button_text(self.workspace, self.meeting_id))
        self._tick()

    def _changed(self) -> None:
        """Recorded elsewhere: attendance, times and the agenda's titles are read again; the
        notes being typed here stay as they are (they are this window's own)."""
        try:
            self._reload()
        except ServiceError:  # the meeting was deleted in the main window
            self.close()
            return
        titles = [(i.id, i.position, i.title) for i in self.detail.items]
        shown = [
            (self.agenda.item(r).data(Qt.ItemDataRole.UserRole), r + 1, self.agenda.item(r).text())
            for r in range(self.agenda.count())
        ]
        if [(i, p, f"{p}. {t}") for i, p, t in titles] != shown:
            current = self.current_item_id()
            self._fill_agenda()
            self._select_item(current)

    def _update_times(self) -> None:
        parts = []
        if self.detail.called_to_order:
            parts.append(f"Called to order {time_of_day(self.detail.called_to_order, ui_locale())}")
        if self.detail.adjourned:
            parts.append(f"adjourned {time_of_day(self.detail.adjourned, ui_locale())}")
        self.times_label.setText(", ".join(parts))

    def _tick(self) -> None:
        now = self.clock()
        self.clock_label.setText(clock_time(now.time(), ui_locale()))
        self.quorum.show_state(quorum_of(self.detail, now.time()))

    # -- agenda and notes ------------------------------------------------------------------

    def current_item_id(self) -> int | None:
        entry = self.agenda.currentItem()
        return entry.data(Qt.ItemDataRole.UserRole) if entry else None

    def _select_item(self, item_id: int | None) -> None:
        for row in range(self.agenda.count()):
            if self.agenda.item(row).data(Qt.ItemDataRole.UserRole) == item_id:
                self.agenda.setCurrentRow(row)
                return
        self._agenda_row_changed(-1)

    def _step(self, delta: int) -> None:
        row = self.agenda.currentRow() + delta
        if 0 <= row < self.agenda.count():
            self.agenda.setCurrentRow(row)

    def _agenda_row_changed(self, row: int) -> None:
        item_id = self.current_item_id() if row >= 0 else None
        item = next((i for i in self.detail.items if i.id == item_id), None)
        # Show the freshest text: the previous item may just have been saved.
        if item is not None:
            item = next(i for i in self.service.get(self.meeting_id).items if i.id == item.id)
        self.autosave.load(item_id, item.notes if item else "")
        self.notes.setReadOnly(self.detail.locked)
        self.item_title.setText(f"{item.position}. {item.title}" if item else "No agenda items")
        for number in range(self.agenda.count()):
            font = self.agenda.item(number).font()
            font.setBold(number == row)
            self.agenda.item(number).setFont(font)
        if item_id is not None and not self.detail.locked:
            with self.bus.acting_for(self):
                self.service.set_current_item(self.meeting_id, item_id)

    def _save_notes(self, item_id: int, text: str) -> None:
        with self.bus.acting_for(self):
            self.service.set_item_notes(item_id, text)

    def _save_failed(self, message: str) -> None:
        self.save_status.setText(message)
        themed(self.save_status, "color: {danger}; font-weight: 600;")

    def closeEvent(self, event: QCloseEvent) -> None:
        self.autosave.flush()
        self.tick.stop()
        super().closeEvent(event)
