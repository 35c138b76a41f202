"""Closed sessions of the meeting, marked Not public: the motion to close (Closed session…),
when the body came back, who stayed, who else was there, and the session's own minutes,
which never reach the public minutes, the exports or the calendar feed."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, QTime
from PySide6.QtWidgets import (
    QCheckBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from sciapp.domain.bodies import Profile
from sciapp.domain.formats import long_date, time_of_day
from sciapp.gui.locale import ui_locale
from sciapp.gui.meetings.closed_dialog import ClosedSessionDialog
from sciapp.gui.theme import themed
from sciapp.gui.widgets.dialogs import confirm_delete
from sciapp.gui.widgets.pickers import picked_time, time_picker
from sciapp.services.errors import ServiceError
from sciapp.services.meetings.closed_records import ClosedSessionEdit

if TYPE_CHECKING:
    from sciapp.gui.meetings.editor_host import EditorHost
    from sciapp.services.meetings.closed_records import ClosedSessionRecord
    from sciapp.services.meetings.records import MeetingDetail

NOT_PUBLIC = "Not public"


class ClosedSessionsTab(QWidget):
    def __init__(self, editor: EditorHost) -> None:
        super().__init__()
        self.editor = editor
        self.records: list[ClosedSessionRecord] = []
        self.banner = QLabel()
        self.banner.setWordWrap(True)
        self.banner.setAccessibleName(NOT_PUBLIC)
        themed(self.banner, "color: {danger}; font-weight: 600;")
        self.call_button = QPushButton("C&losed session…")
        self.call_button.setToolTip("Move to meet in closed session: its purpose and roll call")
        self.delete_button = QPushButton("Delete closed session…")
        self.sessions = QListWidget()
        self.sessions.setAccessibleName("Closed sessions")
        self.sessions.setMaximumHeight(90)
        self.back = QCheckBox("Back in open session at")
        self.left_at = time_picker(dt.time(20, 0))
        self.left_at.setAccessibleName("Back in open session at")
        self.stayed = QListWidget()
        self.stayed.setAccessibleName("Stayed")
        self.stayed.setMaximumHeight(110)
        self.others = QLineEdit()
        self.others.setAccessibleName("Others present")
        self.others.setPlaceholderText("e.g. the city attorney, the clerk")
        self.minutes = QPlainTextEdit()
        self.minutes.setAccessibleName("Closed-session minutes (not public)")
        self.minutes.setTabChangesFocus(True)
        self.keeping = QLabel()
        self.keeping.setWordWrap(True)
        self.save_button = QPushButton("Sa&ve closed session")
        top = QHBoxLayout()
        top.addWidget(self.call_button)
        top.addWidget(self.delete_button)
        top.addStretch(1)
        back = QHBoxLayout()
        back.addWidget(self.back)
        back.addWidget(self.left_at)
        back.addStretch(1)
        form = QFormLayout()
        form.addRow(back)
        form.addRow("Stayed:", self.stayed)
        form.addRow("Others present:", self.others)
        form.addRow(f"Minutes ({NOT_PUBLIC.lower()}):", self.minutes)
        save = QHBoxLayout()
        save.addWidget(self.keeping, 1)
        save.addWidget(self.save_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.banner)
        layout.addLayout(top)
        layout.addWidget(self.sessions)
        layout.addLayout(form, 1)
        layout.addLayout(save)
        self.call_button.clicked.connect(lambda: self.call())
        self.delete_button.clicked.connect(lambda: self.delete())
        self.save_button.clicked.connect(lambda: self.save())
        self.back.toggled.connect(lambda on: self.left_at.setEnabled(on))
        self.sessions.currentRowChanged.connect(lambda _r: self._show_selected())
        self._editable = False

    # -- showing ---------------------------------------------------------------------------

    def show_detail(self, detail: MeetingDetail | None, select_id: int | None = None) -> None:
        closed = self.editor.workspace.closed_sessions
        self.records = closed.for_meeting(detail.id) if detail else []
        law = None
        if detail is not None:
            try:
                law = closed.law(detail.id)
            except ServiceError as exc:
                self.banner.setText(f"{NOT_PUBLIC}. {exc}")
        if law is not None:
            self.banner.setText(
                f"{NOT_PUBLIC}. {law.minutes[:1].upper()}{law.minutes[1:]} "
                f"({law.minutes_citation}). Kept apart: never in the public minutes, the "
                "exports or the calendar feed."
            )
        self._editable = detail is not None and not detail.locked and not detail.cancelled
        self.call_button.setEnabled(self._editable and law is not None)
        self.sessions.clear()
        for record in self.records:
            entry = QListWidgetItem(_describe(record))
            entry.setToolTip(entry.text())  # the purposes whole, where the line shows their start
            entry.setData(Qt.ItemDataRole.UserRole, record.id)
            self.sessions.addItem(entry)
        ids = [r.id for r in self.records]
        row = ids.index(select_id) if select_id in ids else len(ids) - 1
        self.sessions.setCurrentRow(row)
        self._show_selected()

    def selected(self) -> ClosedSessionRecord | None:
        row = self.sessions.currentRow()
        return self.records[row] if 0 <= row < len(self.records) else None

    def _show_selected(self) -> None:
        record = self.selected()
        editable = self._editable and record is not None
        for widget in (self.back, self.stayed, self.others, self.minutes, self.save_button):
            widget.setEnabled(editable)
        self.delete_button.setEnabled(editable)
        self.stayed.clear()
        detail = self.editor.detail
        if record is None or detail is None:
            self.back.setChecked(False)
            self.others.clear()
            self.minutes.clear()
            self.keeping.clear()
            return
        self.back.setChecked(record.left_at is not None)
        self.left_at.setEnabled(editable and record.left_at is not None)
        back_at = record.left_at or _later(record.entered_at, minutes=30)
        self.left_at.setTime(QTime(back_at.hour, back_at.minute))
        stayed = {member for member, _name in record.stayed}
        for attendee in detail.attendance:
            entry = QListWidgetItem(attendee.name)
            entry.setFlags(entry.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            checked = attendee.member_id in stayed
            entry.setCheckState(Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked)
            entry.setData(Qt.ItemDataRole.UserRole, attendee.member_id)
            self.stayed.addItem(entry)
        self.others.setText(record.others_present)
        self.minutes.setPlainText(record.minutes)
        self.keeping.setText(_keeping(record))

    # -- writing ---------------------------------------------------------------------------

    def _moment(self, detail: MeetingDetail) -> dt.time:
        """Now, on the meeting's day while it sits; else when it was called to order."""
        opened = detail.called_to_order or detail.start_time
        if detail.date != self.editor.today():
            return opened
        now = dt.datetime.now()
        moment = max(dt.time(now.hour, now.minute), opened)
        return min(moment, detail.adjourned) if detail.adjourned else moment

    def call(self) -> None:
        detail = self.editor.detail
        if detail is None:
            return
        closed = self.editor.workspace.closed_sessions
        try:
            law = closed.law(detail.id)
        except ServiceError as exc:
            self.banner.setText(f"{NOT_PUBLIC}. {exc}")
            return
        outcome = ClosedSessionDialog.run(
            self,
            law,
            lambda at, codes: closed.roll_call(detail.id, at, codes),
            lambda draft: self.editor.tagged(lambda: closed.call(detail.id, draft)),
            self._moment(detail),
            self.editor.agenda_tab.selected_id(),
        )
        if outcome is None:
            return
        self.editor.reload()
        if outcome.session is None:
            self.editor.bus.say(f"The motion to close failed: {outcome.motion.explanation}.")
        else:
            self.show_detail(self.editor.detail, outcome.session.id)
            self.editor.bus.say(
                f"In {law.name} from {time_of_day(outcome.session.entered_at, ui_locale())}."
            )

    def save(self) -> None:
        record = self.selected()
        if record is None:
            return
        stayed = tuple(
            int(self.stayed.item(i).data(Qt.ItemDataRole.UserRole))
            for i in range(self.stayed.count())
            if self.stayed.item(i).checkState() is Qt.CheckState.Checked
        )
        edit = ClosedSessionEdit(
            picked_time(self.left_at) if self.back.isChecked() else None,
            stayed,
            self.others.text(),
            self.minutes.toPlainText(),
        )
        closed = self.editor.workspace.closed_sessions
        if self.editor.run(lambda: closed.update(record.id, edit)):
            self.show_detail(self.editor.detail, record.id)
            self.editor.bus.say("The closed session was saved (not public).")

    def delete(self) -> None:
        record = self.selected()
        if record is None:
            return
        if confirm_delete(
            self,
            "Delete closed session",
            "Delete this closed session, its minutes and the motion that called it?",
        ):
            self.editor.run(lambda: self.editor.workspace.closed_sessions.delete(record.id))


def _later(at: dt.time, minutes: int) -> dt.time:
    """A first guess at when the body came back, within the day."""
    moment = dt.datetime.combine(dt.date.min, at) + dt.timedelta(minutes=minutes)
    return moment.time() if moment.date() == dt.date.min else dt.time(23, 59)


def _describe(record: ClosedSessionRecord) -> str:
    locale = ui_locale()
    came_back = time_of_day(record.left_at, locale) if record.left_at else "still in session"
    # What it was for in the statute's words, not only by subdivision: "(e)" tells a clerk little.
    cited = "; ".join(f"{p.text} ({p.citation})" for p in record.purposes)
    return f"{time_of_day(record.entered_at, locale)} – {came_back}: {cited}"


def _keeping(record: ClosedSessionRecord) -> str:
    locale = ui_locale()
    if record.may_destroy_from is not None:
        return f"May be destroyed on or after {long_date(record.may_destroy_from, locale)}."
    if record.minutes_due is not None:
        return f"Minutes due by {long_date(record.minutes_due, locale)}."
    if record.profile is Profile.MICHIGAN:
        return "Kept until 1 year and 1 day after the open minutes are approved (MCL 15.267(2))."
    return record.minutes_rule
