"""The meetings area: the list of meetings beside the selected meeting, and a body's meetings
exported as a calendar to subscribe to (Export calendar…); the votes as open data (Export
votes…: Popolo or Open Civic Data, gui/meetings/open_data.py)."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from PySide6.QtCore import QModelIndex, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QMessageBox,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from sciapp.domain.minutes import MinutesStatus
from sciapp.gui.bus import ChangeBus, tables
from sciapp.gui.meetings.dialogs import MeetingDialog
from sciapp.gui.meetings.editor import MeetingEditor
from sciapp.gui.meetings.table_model import MeetingTableModel
from sciapp.gui.widgets.columns import PADDING, date_samples, fit_columns, time_samples
from sciapp.gui.widgets.side_or_above import SideOrAbove
from sciapp.services.meetings.service import MEETING_KINDS

if TYPE_CHECKING:
    from collections.abc import Callable
    from pathlib import Path

    from sciapp.services.meetings.records import MeetingDraft
    from sciapp.services.workspace import Workspace


class MeetingsPage(QWidget):
    meetingModeRequested = Signal(int)

    def __init__(
        self,
        workspace: Workspace,
        locale: str,
        bus: ChangeBus,
        today: Callable[[], dt.date] = dt.date.today,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.workspace = workspace
        self.bus = bus
        self.today = today
        self.model = MeetingTableModel(locale, self)
        self.body_filter = QComboBox()
        self.body_filter.setAccessibleName("Filter by body")
        self.new_button = QPushButton("&New meeting…")
        self.new_button.setToolTip("Schedule a meeting")
        self.calendar_button = QPushButton("Export &calendar…")
        self.calendar_button.setToolTip(
            "The body's meetings (the body chosen above, or the selected meeting's) as an"
            " iCalendar (.ics) file, for Outlook or Google Calendar"
        )
        self.votes_button = QPushButton("Export &votes…")
        self.votes_button.setToolTip(
            "Every body's meetings, motions and votes as open data: Popolo JSON, or Open Civic"
            " Data vote events (chosen as the file type)"
        )
        self.table = QTableView()
        self.table.setAccessibleName("Meetings")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.verticalHeader().hide()
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        kinds = [kind.capitalize() for kind in MEETING_KINDS]
        states = ["Cancelled", *(status.label for status in MinutesStatus)]
        self._fixed = fit_columns(
            self.table,
            {0: date_samples(locale), 1: time_samples(locale), 3: kinds, 4: states},
            stretch=2,  # the body's name takes the rest
        )
        self._body_width = 0  # the longest body's name, measured when the bodies are read
        self.editor = MeetingEditor(workspace, bus, today)
        top = QHBoxLayout()
        top.addWidget(self.body_filter, 1)
        top.addWidget(self.new_button)
        top.addWidget(self.calendar_button)
        top.addWidget(self.votes_button)
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addLayout(top)
        left_layout.addWidget(self.table, 1)
        # Beside the meeting where the list fits whole, above it on a narrower screen.
        self.splitter = SideOrAbove(left, self.editor, self.list_width)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 8, 8, 8)
        layout.addWidget(self.splitter)
        self.body_filter.currentIndexChanged.connect(lambda _i: self.refresh())
        self.table.selectionModel().currentRowChanged.connect(self._selected)
        self.new_button.clicked.connect(self.new_meeting)
        self.calendar_button.clicked.connect(lambda: self.export_calendar())
        self.votes_button.clicked.connect(lambda: self.export_votes())
        self.editor.meetingModeRequested.connect(self.meetingModeRequested)
        self.reload_bodies()
        # The list shows each meeting's date, body, place and minutes status: not its notes.
        bus.watch(self, tables("meeting"), self.refresh)
        bus.watch(self, tables("body"), self.reload_bodies)

    def reload_bodies(self) -> None:
        chosen = self.body_filter.currentData()
        self.body_filter.blockSignals(True)
        self.body_filter.clear()
        self.body_filter.addItem("All bodies", None)
        bodies = self.workspace.bodies.list_bodies()
        for body in bodies:
            self.body_filter.addItem(body.name, body.id)
        metrics = self.table.fontMetrics()
        names = [metrics.horizontalAdvance(b.name) for b in bodies]
        self._body_width = max(names, default=0) + PADDING
        self.splitter.arrange()
        self.body_filter.setCurrentIndex(max(0, self.body_filter.findData(chosen)))
        self.body_filter.blockSignals(False)
        self.refresh()

    def list_width(self) -> int:
        """What the list needs to show every column whole, the body's name too."""
        bar = self.table.verticalScrollBar().sizeHint().width()
        frame = 2 * self.table.frameWidth()
        return sum(self._fixed.values()) + self._body_width + bar + frame

    def refresh(self, select_id: int | None = None) -> None:
        select_id = select_id if select_id is not None else self.selected_id()
        self.model.set_rows(self.workspace.meetings.list_meetings(self.body_filter.currentData()))
        self.select(select_id)
        self._update_calendar_button()

    def calendar_body(self) -> int | None:
        """The body whose calendar Export calendar… writes: the one the list is filtered by,
        else the selected meeting's."""
        chosen = self.body_filter.currentData()
        if chosen is not None:
            return int(chosen)
        return self.editor.detail.body.id if self.editor.detail is not None else None

    def _update_calendar_button(self) -> None:
        self.calendar_button.setEnabled(self.calendar_body() is not None)

    def export_calendar(self, path: Path | None = None) -> Path | None:
        """Save the body's meetings as an .ics file (asked for unless given)."""
        from sciapp.files import open_atomic, write_problem
        from sciapp.gui.widgets.dialogs import exec_and_free
        from sciapp.gui.widgets.file_dialogs import ask_save_path
        from sciapp.services.reports.calendar import body_calendar

        body_id = self.calendar_body()
        if body_id is None:
            return None
        body = self.workspace.bodies.get_body(body_id)
        if path is None:
            path = ask_save_path(
                self, "Export calendar", f"{body.name}.ics", "iCalendar files (*.ics)"
            )
        if path is None:
            return None
        feed = body_calendar(self.workspace, body_id)
        try:
            with open_atomic(path, "wb", encoding=None) as out:
                out.write(feed)
        except OSError as exc:
            box = QMessageBox(
                QMessageBox.Icon.Warning, "Export calendar", write_problem(exc, path), parent=self
            )
            exec_and_free(box)
            return None
        count = feed.count(b"BEGIN:VEVENT")
        noun = "meeting" if count == 1 else "meetings"
        self.bus.say(f"Saved the calendar of {body.name}: {count} {noun}.", path)
        return path

    def export_votes(self, path: Path | None = None, kind: int = 0) -> Path | None:
        """Save the votes as Popolo JSON (kind 0) or Open Civic Data (1): gui/meetings/open_data."""
        from sciapp.gui.meetings.open_data import export_votes

        return export_votes(self, self.workspace, self.bus, path, kind)

    def selected_id(self) -> int | None:
        index = self.table.currentIndex()
        return self.model.meeting_id(index.row()) if index.isValid() else None

    def select(self, meeting_id: int | None) -> None:
        row = self.model.row_of(meeting_id) if meeting_id is not None else None
        if row is None and meeting_id is not None and self.body_filter.currentIndex() != 0:
            self.body_filter.setCurrentIndex(0)  # the meeting is hidden by the filter
            row = self.model.row_of(meeting_id)
        if row is None:
            self.table.clearSelection()
            self.editor.show_meeting(None)
            return
        self.table.selectRow(row)  # shows the meeting through currentRowChanged
        self.table.scrollTo(self.model.index(row, 0))
        if self.editor.detail is None or self.editor.detail.id != meeting_id:
            self.editor.show_meeting(meeting_id)

    def _selected(self, current: QModelIndex, _previous: QModelIndex) -> None:
        meeting_id = self.model.meeting_id(current.row()) if current.isValid() else None
        shown = self.editor.detail.id if self.editor.detail is not None else None
        if meeting_id != shown:  # a list refresh that kept the selection changes nothing
            self.editor.show_meeting(meeting_id)
        self._update_calendar_button()

    def new_meeting(self) -> None:
        bodies = self.workspace.bodies.list_bodies()

        def create(draft: MeetingDraft, usual: bool) -> int:
            return self.workspace.meetings.create(draft, usual).id

        created = MeetingDialog.run(self, bodies, create, self.today())
        if isinstance(created, int):
            self.refresh(created)
