"""Small dialogs of the meetings area: new meeting, a date to approve on, a correction."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtCore import QDate, QDateTime, QTime
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QInputDialog,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from sciapp.domain.deadlines import notice_problem
from sciapp.gui.theme import themed
from sciapp.gui.widgets.dialogs import Dialog, confirm_delete, exec_and_free
from sciapp.gui.widgets.pickers import (
    date_picker,
    datetime_picker,
    picked_date,
    picked_datetime,
    picked_time,
    time_picker,
)
from sciapp.gui.widgets.validated_form import error_label
from sciapp.services.errors import ServiceError, ValidationError
from sciapp.services.meetings.records import BodyRecord, ItemRecord, MeetingDraft, Usual
from sciapp.services.meetings.service import MEETING_KINDS

if TYPE_CHECKING:
    from collections.abc import Callable, Sequence


def _buttons(dialog: QDialog, ok_text: str) -> QDialogButtonBox:
    box = QDialogButtonBox(
        QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
    )
    box.button(QDialogButtonBox.StandardButton.Ok).setText(ok_text)
    box.accepted.connect(dialog.accept)
    box.rejected.connect(dialog.reject)
    return box


@dataclass(frozen=True)
class MeetingActions:
    """What the edit dialog can do to the meeting beyond its particulars."""

    cancel: Callable[[dt.date, str], object]
    reinstate: Callable[[], object]
    delete: Callable[[], object]
    cancelled: bool = False
    held: str = ""  # why it took place (and so stays): "it was called to order"


Outcome = int | str  # the meeting's id when saved; "cancelled", "reinstated" or "deleted"


class MeetingDialog(Dialog):
    """`MeetingDialog.run(...)`: a new meeting's id, the edited one's, what else was done to
    it ("cancelled", "reinstated", "deleted"), or None."""

    def __init__(
        self,
        parent: QWidget | None,
        bodies: Sequence[BodyRecord],
        create: Callable[[MeetingDraft, bool], int],
        today: dt.date,
        existing: MeetingDraft | None = None,
        actions: MeetingActions | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle("Edit meeting" if existing else "New meeting")
        self._bodies = list(bodies)
        self._create = create
        self._today = today
        self._actions = actions
        self.outcome: Outcome | None = None
        self.body = QComboBox()
        for body in bodies:
            self.body.addItem(body.name, body.id)
        self.kind = QComboBox()
        self.kind.addItems([k.capitalize() for k in MEETING_KINDS])
        self.date = date_picker(today)
        first = self._bodies[0].usual if self._bodies else Usual()
        self.time = time_picker(first.start_time)
        self.place = QLineEdit(first.place)
        self.place.setPlaceholderText("e.g. City Hall, Room 10")
        self._usual = first  # the defaults shown, replaced when another body is chosen
        places = [self.place.fontMetrics().horizontalAdvance(b.usual_place) for b in bodies]
        self.place.setMinimumWidth(min(max(places, default=0) + 16, 480))  # the usual, whole
        self.place.setCursorPosition(0)
        self.link = QLineEdit()
        self.link.setPlaceholderText("optional: video meeting link")
        self.noticed = QCheckBox("Public notice posted at:")
        self.notice = datetime_picker(dt.datetime.now())
        self.notice.setEnabled(False)
        self.usual = QCheckBox("Start from the body's usual agenda")
        self.usual.setChecked(True)
        self.notice_warning = QLabel()
        themed(self.notice_warning, "color: {warning};")
        self.notice_warning.setWordWrap(True)
        self.problem = error_label()
        form = QFormLayout()
        for label, widget in (
            ("&Body:", self.body),
            ("&Kind:", self.kind),
            ("&Date:", self.date),
            ("&Start time:", self.time),
            ("&Place:", self.place),
            ("Remote &link:", self.link),
        ):
            form.addRow(label, widget)
            widget.setAccessibleName(label.replace("&", "").rstrip(":"))
        form.addRow(self.noticed, self.notice)
        self.notice.setAccessibleName("Notice posted at")
        form.addRow(self.notice_warning)
        form.addRow(self.usual)
        buttons = _buttons(self, "&Save" if existing else "&Create")
        self.cancel_meeting_button = self.delete_button = None
        if actions is not None:
            words = "&Reinstate this meeting" if actions.cancelled else "&Mark as cancelled…"
            self.cancel_meeting_button = QPushButton(words)
            self.cancel_meeting_button.setToolTip(
                "Put the meeting back on"
                if actions.cancelled
                else "Call the meeting off: it stays on the record, marked cancelled"
            )
            self.delete_button = QPushButton("D&elete this meeting…")
            self.delete_button.setToolTip("For a meeting entered by mistake")
            if actions.held:  # say why before anyone asks
                self.delete_button.setEnabled(False)
                self.delete_button.setToolTip(f"It cannot be deleted: {actions.held}")
                if not actions.cancelled:
                    self.cancel_meeting_button.setEnabled(False)
                    self.cancel_meeting_button.setToolTip(f"It cannot be cancelled: {actions.held}")
            for button in (self.cancel_meeting_button, self.delete_button):
                buttons.addButton(button, QDialogButtonBox.ButtonRole.ResetRole)
            self.cancel_meeting_button.clicked.connect(lambda: self._cancel_or_reinstate())
            self.delete_button.clicked.connect(lambda: self._delete())
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        self.held_note = QLabel()
        self.held_note.setWordWrap(True)
        self.held_note.setVisible(bool(actions and actions.held))
        if actions is not None and actions.held:
            self.held_note.setText(
                f"This meeting took place ({actions.held}): its record stays, so it can be "
                "neither deleted nor cancelled."
            )
        layout.addWidget(self.held_note)
        layout.addWidget(self.problem)
        layout.addWidget(buttons)
        if existing is not None:
            self._load(existing)
        else:
            self.body.currentIndexChanged.connect(lambda *_: self._body_changed())
        self.noticed.toggled.connect(self.notice.setEnabled)
        for signal in (
            self.noticed.toggled,
            self.notice.dateTimeChanged,
            self.date.dateChanged,
            self.time.timeChanged,
            self.body.currentIndexChanged,
        ):
            signal.connect(lambda *_: self._check_notice())
        self._check_notice()

    @classmethod
    def run(
        cls,
        parent: QWidget | None,
        bodies: Sequence[BodyRecord],
        create: Callable[[MeetingDraft, bool], int],
        today: dt.date,
        existing: MeetingDraft | None = None,
        actions: MeetingActions | None = None,
    ) -> Outcome | None:
        dialog = cls(parent, bodies, create, today, existing, actions)
        return dialog.outcome if dialog.exec_and_free() else None

    def _body_changed(self) -> None:
        """A new meeting takes the chosen body's usual time and place, unless typed over."""
        chosen = next((b for b in self._bodies if b.id == self.body.currentData()), None)
        usual = chosen.usual if chosen else Usual()
        if picked_time(self.time) == self._usual.start_time:
            self.time.setTime(QTime(usual.start_time.hour, usual.start_time.minute))
        if self.place.text() == self._usual.place:
            self.place.setText(usual.place)
            self.place.setCursorPosition(0)  # its start, where a long place begins
        self._usual = usual

    def _load(self, draft: MeetingDraft) -> None:
        self.body.setCurrentIndex(self.body.findData(draft.body_id))
        self.body.setEnabled(False)  # a meeting does not move to another body
        self.kind.setCurrentIndex(MEETING_KINDS.index(draft.kind))
        self.date.setDate(QDate(draft.date.year, draft.date.month, draft.date.day))
        self.time.setTime(QTime(draft.start_time.hour, draft.start_time.minute))
        self.place.setText(draft.place)
        self.place.setCursorPosition(0)
        self.link.setText(draft.remote_link)
        self.noticed.setChecked(draft.notice_posted is not None)
        self.notice.setEnabled(draft.notice_posted is not None)
        if draft.notice_posted is not None:
            posted = draft.notice_posted
            self.notice.setDateTime(
                QDateTime(
                    QDate(posted.year, posted.month, posted.day), QTime(posted.hour, posted.minute)
                )
            )
        self.usual.hide()

    def draft(self) -> MeetingDraft:
        notice = picked_datetime(self.notice) if self.noticed.isChecked() else None
        return MeetingDraft(
            body_id=self.body.currentData(),
            date=picked_date(self.date),
            start_time=picked_time(self.time),
            kind=MEETING_KINDS[self.kind.currentIndex()],
            place=self.place.text(),
            remote_link=self.link.text(),
            notice_posted=notice,
        )

    def _check_notice(self) -> None:
        draft = self.draft()
        body = next((b for b in self._bodies if b.id == draft.body_id), None)
        start = dt.datetime.combine(draft.date, draft.start_time)
        problem = notice_problem(body.profile, start, draft.notice_posted) if body else None
        self.notice_warning.setText(f"⚠ {problem}" if problem else "")

    def accept(self) -> None:
        try:
            self.outcome = self._create(self.draft(), self.usual.isChecked())
        except ValidationError as exc:
            self.problem.setText(str(exc))
            return
        super().accept()

    def _finish(self, outcome: str, action: Callable[[], object]) -> None:
        try:
            action()
        except ServiceError as exc:
            self.problem.setText(str(exc))
            return
        self.outcome = outcome
        super().accept()

    def _cancel_or_reinstate(self) -> None:
        actions = self._actions
        assert actions is not None
        if actions.cancelled:
            self._finish("reinstated", actions.reinstate)
            return
        note = ask_text(
            self,
            "Mark the meeting as cancelled",
            "The meeting stays on the record, marked cancelled.\n"
            "Reason, for the public (optional):",
        )
        if note is not None:
            self._finish("cancelled", lambda: actions.cancel(self._today, note))

    def _delete(self) -> None:
        actions = self._actions
        assert actions is not None
        if confirm_delete(
            self,
            "Delete this meeting",
            "Delete this meeting with its agenda and attendance?\n\nOnly a meeting entered by "
            "mistake should be deleted; one that did not take place can be cancelled instead.",
        ):
            self._finish("deleted", actions.delete)


def ask_text(parent: QWidget, title: str, label: str, current: str = "") -> str | None:
    """One line of text, or None when the user cancelled."""
    dialog = QInputDialog(parent)
    dialog.setWindowTitle(title)
    dialog.setLabelText(label)
    dialog.setTextValue(current)
    return dialog.textValue() if exec_and_free(dialog) else None


class DateDialog(Dialog):
    """Ask for one date, e.g. the day minutes were approved."""

    def __init__(self, parent: QWidget | None, title: str, label: str, default: dt.date) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.date = date_picker(default)
        self.date.setAccessibleName(label.replace("&", "").rstrip(":"))
        form = QFormLayout(self)
        form.addRow(label, self.date)
        form.addRow(_buttons(self, "&OK"))

    @classmethod
    def ask(
        cls, parent: QWidget | None, title: str, label: str, default: dt.date
    ) -> dt.date | None:
        dialog = cls(parent, title, label, default)
        return picked_date(dialog.date) if dialog.exec_and_free() else None


class CorrectionDialog(Dialog):
    """Record a correction to approved minutes: the original stays, the correction beside it."""

    def __init__(
        self,
        parent: QWidget | None,
        items: Sequence[ItemRecord],
        record: Callable[[int, str, dt.date], object],
        today: dt.date,
        selected: int | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle("Record a correction to approved minutes")
        self.resize(560, 420)
        self._items = list(items)
        self._record = record
        self.item = QComboBox()
        for item in items:
            self.item.addItem(f"{item.position}. {item.title}", item.id)
        self.original = QLabel()
        self.original.setWordWrap(True)
        themed(self.original, "color: {muted};")
        self.corrected = QPlainTextEdit()
        self.corrected.setTabChangesFocus(True)
        self.approved_on = date_picker(today)
        self.problem = error_label()
        form = QFormLayout()
        form.addRow("&Item:", self.item)
        form.addRow("Original:", self.original)
        form.addRow("&Corrected text:", self.corrected)
        form.addRow("Correction &approved on:", self.approved_on)
        self.item.setAccessibleName("Item")
        self.corrected.setAccessibleName("Corrected text")
        self.approved_on.setAccessibleName("Correction approved on")
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.problem)
        layout.addWidget(_buttons(self, "&Record correction"))
        self.item.setCurrentIndex(max(0, self.item.findData(selected)))
        self.item.currentIndexChanged.connect(lambda _i: self._item_changed())
        self._item_changed()

    @classmethod
    def run(
        cls,
        parent: QWidget | None,
        items: Sequence[ItemRecord],
        record: Callable[[int, str, dt.date], object],
        today: dt.date,
        selected: int | None = None,
    ) -> bool:
        return cls(parent, items, record, today, selected).exec_and_free()

    def _item_changed(self) -> None:
        item = self._items[self.item.currentIndex()] if self._items else None
        self.original.setText(item.notes or "(no notes)" if item else "")
        self.corrected.setPlainText(item.notes if item else "")

    def accept(self) -> None:
        try:
            self._record(
                self.item.currentData(),
                self.corrected.toPlainText(),
                picked_date(self.approved_on),
            )
        except ValidationError as exc:
            self.problem.setText(str(exc))
            return
        super().accept()
