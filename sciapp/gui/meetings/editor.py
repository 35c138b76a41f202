"""One meeting: agenda and notes, attendance and quorum, public comment, motions, the minutes."""

from __future__ import annotations

import datetime as dt
from html import escape
from typing import TYPE_CHECKING, TypeVar

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from sciapp.domain.formats import long_date, short_date, time_of_day
from sciapp.domain.minutes import MinutesStatus
from sciapp.gui.bus import ChangeBus, areas
from sciapp.gui.documents import output
from sciapp.gui.locale import ui_locale
from sciapp.gui.meetings.agenda_tab import AgendaTab
from sciapp.gui.meetings.attendance_tab import AttendanceTab
from sciapp.gui.meetings.closed_tab import ClosedSessionsTab
from sciapp.gui.meetings.comments_tab import CommentsTab
from sciapp.gui.meetings.dialogs import CorrectionDialog, DateDialog, MeetingActions, MeetingDialog
from sciapp.gui.records.history import HistoryView
from sciapp.gui.theme import colour
from sciapp.gui.votes.motions_panel import MotionsPanel
from sciapp.gui.widgets.dialogs import exec_and_free
from sciapp.services.changes import Area
from sciapp.services.errors import ServiceError
from sciapp.services.meetings.records import MeetingDetail, MeetingDraft

if TYPE_CHECKING:
    from collections.abc import Callable

    from sciapp.gui.meetings.autosave import NotesAutosaver
    from sciapp.pdf.model import Rendered
    from sciapp.services.workspace import Workspace

T = TypeVar("T")


class MeetingEditor(QWidget):
    meetingModeRequested = Signal(int)

    def __init__(
        self,
        workspace: Workspace,
        bus: ChangeBus,
        today: Callable[[], dt.date] = dt.date.today,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.workspace = workspace
        self.bus = bus
        self.today = today
        self.detail: MeetingDetail | None = None
        self._build()
        self.show_meeting(None)
        # Votes, attendance or notes recorded elsewhere (meeting mode) show here at once.
        bus.watch(self, areas(Area.MEETINGS, Area.VOTES, Area.MEMBERS), self.reload, True)

    # -- building --------------------------------------------------------------------------

    def _build(self) -> None:
        self.heading = QLabel()
        self.heading.setWordWrap(True)
        self.heading.setTextFormat(Qt.TextFormat.RichText)
        self.edit_button = QPushButton("&Edit meeting…")
        self.mode_button = QPushButton("&Meeting mode")
        self.propose_button = QPushButton("&Propose minutes…")
        self.approve_button = QPushButton("&Approve minutes…")
        self.correct_button = QPushButton("Record &correction…")
        actions = QHBoxLayout()
        for button, tip, slot in (
            (
                self.edit_button,
                "Date, time, place, link and public notice; cancel or delete the meeting",
                self.edit_meeting,
            ),
            (
                self.mode_button,
                "Run this meeting: agenda, attendance, quorum, live notes",
                lambda: self.meetingModeRequested.emit(self.detail.id) if self.detail else None,
            ),
            (self.propose_button, "Make the draft minutes available to the public", self.propose),
            (
                self.approve_button,
                "Record the approval date; the minutes are then locked",
                self.approve,
            ),
            (
                self.correct_button,
                "Correct approved minutes; the original is kept beside it",
                self.correct,
            ),
        ):
            button.setToolTip(tip)
            button.clicked.connect(lambda _checked=False, act=slot: act())
            actions.addWidget(button)
        actions.addStretch(1)

        self.tabs = QTabWidget()
        self.agenda_tab = AgendaTab(self)
        self.attendance_tab = AttendanceTab(self)
        self.comments_tab = CommentsTab(self)
        self.motions = MotionsPanel(self.workspace)
        self.motions.current_item = self.agenda_tab.selected_id
        self.tabs.addTab(self.agenda_tab, "&Agenda")
        self.tabs.addTab(self.attendance_tab, "A&ttendance")
        self.tabs.addTab(self.comments_tab, "Public c&omment")
        self.tabs.addTab(self.motions, "Motion&s")
        self.tabs.addTab(self._minutes_tab(), "M&inutes")
        self.closed_tab = ClosedSessionsTab(self)  # its own minutes, never the public ones
        self.tabs.addTab(self.closed_tab, "C&losed · Not public")
        self.history = HistoryView()
        self.tabs.addTab(self.history, "&History")
        self.tabs.currentChanged.connect(lambda _i: self._show_history())

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.heading)
        layout.addLayout(actions)
        layout.addWidget(self.tabs, 1)

    def _minutes_tab(self) -> QWidget:
        self.minutes_view = QPlainTextEdit()
        self.minutes_view.setReadOnly(True)
        self.minutes_view.setAccessibleName("Minutes text")
        self.minutes_pdf_button = QPushButton("Minutes as P&DF…")
        self.minutes_pdf_button.setToolTip("Save the minutes as a PDF file (sealed once approved)")
        self.minutes_print_button = QPushButton("Print mi&nutes…")
        self.minutes_print_button.setToolTip("Print the minutes")
        self.minutes_pdf_button.clicked.connect(lambda: self.save_pdf("minutes"))
        self.minutes_print_button.clicked.connect(lambda: self.print_document("minutes"))
        row = QHBoxLayout()
        row.addWidget(self.minutes_pdf_button)
        row.addWidget(self.minutes_print_button)
        row.addStretch(1)
        tab = QWidget()
        layout = QVBoxLayout(tab)
        layout.addWidget(self.minutes_view, 1)
        layout.addLayout(row)
        return tab

    @property
    def notes(self) -> QPlainTextEdit:
        return self.agenda_tab.notes

    @property
    def autosave(self) -> NotesAutosaver:
        return self.agenda_tab.autosave

    # -- showing ---------------------------------------------------------------------------

    def show_meeting(self, meeting_id: int | None) -> None:
        self.agenda_tab.autosave.flush()
        try:
            self.detail = self.workspace.meetings.get(meeting_id) if meeting_id else None
        except ServiceError:  # deleted meanwhile
            self.detail = None
        self.setEnabled(self.detail is not None)
        self._render()
        self._show_history()

    def reload(self) -> None:
        self.show_meeting(self.detail.id if self.detail is not None else None)

    def _show_history(self) -> None:
        """Read when the History tab is showing: who recorded what in this meeting, when."""
        if self.tabs.currentWidget() is self.history:
            d = self.detail
            entries = self.workspace.audit.meeting_history(d.id) if d else []
            self.history.show_entries(entries, with_record=True)

    def _render(self, select_item: int | None = None) -> None:
        d = self.detail
        self.agenda_tab.show_detail(d, select_item)
        self.attendance_tab.show_detail(d)
        self.comments_tab.show_detail(d)
        self.closed_tab.show_detail(d)
        if d is None:
            self.heading.setText("<i>Select a meeting, or create one with New meeting.</i>")
            self.minutes_view.clear()
            self.motions.show_meeting(None)
            return
        self.heading.setText(self._heading(d))
        editable = not d.locked
        held = d.date <= self.today()  # minutes follow the meeting
        self.propose_button.setEnabled(
            d.minutes_status is MinutesStatus.DRAFT and not d.cancelled and held
        )
        self.edit_button.setEnabled(editable)
        self.mode_button.setEnabled(not d.cancelled)
        self.approve_button.setEnabled(editable and not d.cancelled and d.date < self.today())
        self.correct_button.setEnabled(d.locked)
        self.motions.show_meeting(d.id, d.locked or d.cancelled)
        self.minutes_view.setPlainText(self.workspace.minutes.text(d.id))  # as sealed once approved

    def _heading(self, d: MeetingDetail) -> str:
        status = d.minutes_status.label
        facts = [f"Minutes: <b>{status}</b>"]
        if d.cancelled:
            note = f": {escape(d.cancellation_note)}" if d.cancellation_note else ""
            when = _day(d.cancelled_on)
            red = colour("danger")
            facts = [f"<span style='color:{red}'><b>Cancelled</b> on {when}{note}</span>"]
        elif d.minutes_status is MinutesStatus.APPROVED:
            facts[0] += f" on {_day(d.minutes_approved_on)} (locked)"
        elif d.proposed_due and d.minutes_status is MinutesStatus.DRAFT:
            late = d.proposed_due < self.today()
            style = f"color:{colour('danger')};font-weight:600" if late else ""
            due = f"due {_day(d.proposed_due)}"  # due that day: late from the next
            when = f"overdue ({due})" if late else due
            facts.append(f"<span style='{style}'>proposed minutes {when}</span>")
        if d.approved_due and not d.cancelled:
            facts.append(f"approved minutes to be available by {_day(d.approved_due)}")
        if d.notice_problem and not d.cancelled:  # no notice is owed for a cancelled one
            warn = colour("warning")
            facts.append(f"<span style='color:{warn}'>⚠ {escape(d.notice_problem)}</span>")
        place = escape(d.place or "no place set") + (
            f" · {escape(d.remote_link)}" if d.remote_link else ""
        )
        return (
            f"<span style='font-size:14pt;font-weight:600'>{escape(d.body.name)}</span><br>"
            f"{d.kind.capitalize()} meeting, {long_date(d.date, ui_locale())}, "
            f"{time_of_day(d.start_time, ui_locale())} — {place}<br>" + " · ".join(facts)
        )

    # -- writing ---------------------------------------------------------------------------

    def tagged(self, action: Callable[[], T]) -> T:
        """Run a write as this editor's own: it redraws itself, the bus need not."""
        with self.bus.acting_for(self):
            return action()

    def run(self, action: Callable[[], object], select_item: int | None = None) -> bool:
        """One write; a refusal is shown and the meeting re-read. True when it was done."""
        self.agenda_tab.autosave.flush()  # typed notes first, so a reload cannot lose them
        try:
            self.tagged(action)
        except ServiceError as exc:
            QMessageBox.warning(self, "Meeting", str(exc))
            self.reload()
            return False
        if self.detail is not None:
            self.show_meeting(self.detail.id)
            if select_item is not None:
                self.agenda_tab.show_detail(self.detail, select_item)
        return True

    def edit_meeting(self) -> None:
        d = self.detail
        if d is None:
            return
        current = MeetingDraft(
            d.body.id, d.date, d.start_time, d.kind, d.place, d.remote_link, d.notice_posted
        )
        meetings = self.workspace.meetings
        acts = MeetingActions(
            cancel=lambda on, note: self.tagged(lambda: meetings.cancel(d.id, on, note)),
            reinstate=lambda: self.tagged(lambda: meetings.reinstate(d.id)),
            delete=lambda: meetings.delete(d.id),
            cancelled=d.cancelled,
            held=meetings.held_reason(d.id),
        )
        outcome = MeetingDialog.run(
            self,
            self.workspace.bodies.list_bodies(),
            lambda draft, _usual: self.tagged(lambda: meetings.update(d.id, draft)).id,
            self.today(),
            current,
            acts,
        )
        if outcome == "deleted":
            self.show_meeting(None)
            self.bus.say("The meeting was deleted.")
        elif outcome is not None:
            self.reload()

    def propose(self) -> None:
        d = self.detail
        if d is None:
            return
        box = QMessageBox(
            QMessageBox.Icon.Question,
            "Propose minutes",
            "Propose the draft minutes? They become the proposed minutes, available to the "
            "public, until the body approves them.",
            parent=self,
        )
        propose = box.addButton("&Propose", QMessageBox.ButtonRole.AcceptRole)
        box.addButton(QMessageBox.StandardButton.Cancel)
        exec_and_free(box)
        chosen = box.clickedButton() is propose
        if chosen:
            minutes = self.workspace.minutes
            self.run(lambda: minutes.set_status(d.id, MinutesStatus.PROPOSED, self.today()))

    def approve(self) -> None:
        d = self.detail
        if d is None:
            return
        on = DateDialog.ask(self, "Approve minutes", "Approved on:", self.today())
        if on is not None:
            self.run(lambda: self.workspace.minutes.set_status(d.id, MinutesStatus.APPROVED, on))

    def correct(self) -> None:
        d = self.detail
        if d is None:
            return
        minutes = self.workspace.minutes
        if CorrectionDialog.run(
            self,
            d.items,
            lambda item, text, on: self.tagged(
                lambda: minutes.record_correction(d.id, item, text, on)
            ),
            self.today(),
            self.agenda_tab.selected_id(),
        ):
            self.reload()

    # -- printed -------------------------------------------------------------------------

    def _renderer(self, kind: str) -> Callable[[], Rendered]:
        from sciapp.services.reports import rendering

        meeting_id = self.detail.id if self.detail else 0
        render = rendering.render_agenda if kind == "agenda" else rendering.render_minutes
        return lambda: render(self.workspace, meeting_id)

    def _archival(self, kind: str) -> Callable[[], Rendered] | None:
        """The minutes' archival copy: PDF/A-3b with the meeting's Popolo data inside."""
        if kind == "agenda":
            return None  # PDF/A-2b, made from the one for posting
        from sciapp.services.reports.minutes_record import archival_minutes

        meeting_id = self.detail.id if self.detail else 0
        return lambda: archival_minutes(self.workspace, meeting_id)

    def _file_name(self, kind: str) -> str:
        d = self.detail
        assert d is not None
        return output.file_name(
            d.body.name, "agenda" if kind == "agenda" else "minutes", str(d.date)
        )

    def save_pdf(self, kind: str) -> None:
        if self.detail is not None:
            self.agenda_tab.autosave.flush()
            title = "Save the agenda as PDF" if kind == "agenda" else "Save the minutes as PDF"
            output.save_pdf(
                self,
                self.bus,
                title,
                self._file_name(kind),
                self._renderer(kind),
                self._archival(kind),
            )

    def print_document(self, kind: str) -> None:
        if self.detail is not None:
            self.agenda_tab.autosave.flush()
            title = "Print the agenda" if kind == "agenda" else "Print the minutes"
            output.print_document(
                self,
                self.bus,
                title,
                self._renderer(kind),
                self._file_name(kind),
                self._archival(kind),
            )


def _day(day: dt.date | None) -> str:
    return short_date(day, ui_locale()) if day else ""
