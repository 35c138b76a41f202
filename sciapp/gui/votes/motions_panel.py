"""A meeting's motions: put one, take a roll call or a voice vote, correct it, delete it."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from sciapp.gui.votes.motion_dialog import MotionDialog
from sciapp.gui.votes.roll_call import RollCallDialog
from sciapp.gui.widgets.dialogs import Dialog, confirm_delete
from sciapp.gui.widgets.validated_form import error_label
from sciapp.services.errors import ServiceError

if TYPE_CHECKING:
    import datetime as dt
    from collections.abc import Callable

    from sciapp.services.votes.records import MotionRecord
    from sciapp.services.workspace import Workspace


# A motion moved while the body was in closed session belongs to that session's own minutes.
IN_CLOSED_SESSION = "\n   Moved in closed session: in its own minutes, not the public ones"


def describe(motion: MotionRecord) -> str:
    by = f" — moved by {motion.mover}" if motion.mover else ""
    if motion.seconder:
        by += f", seconded by {motion.seconder}"
    action = (
        f"\n   Action: {motion.action.label} {motion.partnership_title}" if motion.action else ""
    )
    verdict = motion.explanation if motion.voted else "Not yet voted on"
    return f"{motion.text}{by}{action}\n   {verdict}"


class VoiceVoteDialog(Dialog):
    def __init__(self, parent: QWidget | None, record: Callable[[int, int, int], object]) -> None:
        super().__init__(parent)
        self.setWindowTitle("Voice or hand vote")
        self._record = record
        self.yes, self.no, self.abstain = QSpinBox(), QSpinBox(), QSpinBox()
        form = QFormLayout(self)
        for label, box in (("&Yes:", self.yes), ("&No:", self.no), ("&Abstain:", self.abstain)):
            box.setRange(0, 500)
            box.setAccessibleName(label.replace("&", "").rstrip(":"))
            form.addRow(label, box)
        self.problem = error_label()
        form.addRow(self.problem)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)

    def accept(self) -> None:
        try:
            self._record(self.yes.value(), self.no.value(), self.abstain.value())
        except ServiceError as exc:
            self.problem.setText(str(exc))
            return
        super().accept()


class MotionsPanel(QWidget):
    def __init__(
        self,
        workspace: Workspace,
        now: Callable[[], dt.time] | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.workspace = workspace
        self.now = now
        self.meeting_id: int | None = None
        self.current_item: Callable[[], int | None] = lambda: None
        self.list = QListWidget()
        self.list.setAccessibleName("Motions")
        self.list.setWordWrap(True)
        self.new_button = QPushButton("&New motion…")
        self.roll_button = QPushButton("Roll &call…")
        self.voice_button = QPushButton("Voice vot&e…")
        self.delete_button = QPushButton("De&lete motion")
        tips = (
            "Put a motion on the floor",
            "Take (or correct) a roll-call vote, by keyboard",
            "Record counts from a voice or hand vote",
            "Delete the selected motion",
        )
        row = QHBoxLayout()
        for button, tip in zip(
            (self.new_button, self.roll_button, self.voice_button, self.delete_button),
            tips,
            strict=True,
        ):
            button.setToolTip(tip)
            row.addWidget(button)
        row.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.list, 1)
        layout.addLayout(row)
        self.new_button.clicked.connect(lambda: self.new_motion())
        self.roll_button.clicked.connect(lambda: self.roll_call())
        self.voice_button.clicked.connect(lambda: self.voice_vote())
        self.delete_button.clicked.connect(lambda: self.delete_motion())
        self.list.currentRowChanged.connect(lambda _r: self._update_buttons())

    def show_meeting(self, meeting_id: int | None, locked: bool = False) -> None:
        self.meeting_id = meeting_id
        self._locked = locked
        self.refresh()

    def refresh(self, select_id: int | None = None) -> None:
        select_id = select_id if select_id is not None else self.selected_id()
        self.list.clear()
        meeting_id = self.meeting_id
        motions = self.workspace.motions.for_meeting(meeting_id) if meeting_id else []
        closed = (
            self.workspace.closed_sessions.for_meeting(meeting_id) if meeting_id and motions else []
        )
        for motion in motions:
            inside = any(c.holds(motion.moved_at) and c.motion_id != motion.id for c in closed)
            entry = QListWidgetItem(describe(motion) + (IN_CLOSED_SESSION if inside else ""))
            entry.setData(Qt.ItemDataRole.UserRole, motion.id)
            self.list.addItem(entry)
            if motion.id == select_id:
                self.list.setCurrentItem(entry)
        if self.list.currentRow() < 0 and motions:
            self.list.setCurrentRow(len(motions) - 1)
        self._update_buttons()

    def selected_id(self) -> int | None:
        entry = self.list.currentItem()
        return entry.data(Qt.ItemDataRole.UserRole) if entry else None

    def _update_buttons(self) -> None:
        open_ = self.meeting_id is not None and not getattr(self, "_locked", False)
        self.new_button.setEnabled(open_)
        for button in (self.roll_button, self.voice_button, self.delete_button):
            button.setEnabled(open_ and self.selected_id() is not None)

    def _moment(self, meeting_id: int) -> dt.time:
        if self.now is not None:
            return self.now()
        detail = self.workspace.meetings.get(meeting_id)
        return detail.called_to_order or detail.start_time

    def new_motion(self) -> int | None:
        assert self.meeting_id is not None
        created = MotionDialog.run(
            self,
            self.workspace,
            self.meeting_id,
            self._moment(self.meeting_id),
            self.current_item(),
        )
        if created is not None:
            self.refresh(created)
            self.roll_call()
        return created

    def roll_call(self) -> None:
        motion_id = self.selected_id()
        if motion_id is not None and RollCallDialog.run(self, self.workspace, motion_id):
            self.refresh(motion_id)

    def voice_vote(self) -> None:
        motion_id = self.selected_id()
        if motion_id is None:
            return
        dialog = VoiceVoteDialog(
            self, lambda y, n, a: self.workspace.motions.record_voice_vote(motion_id, y, n, a)
        )
        if dialog.exec_and_free():
            self.refresh(motion_id)

    def delete_motion(self) -> None:
        motion_id = self.selected_id()
        if motion_id is None:
            return
        if not confirm_delete(
            self,
            "Delete motion",
            "Delete this motion and its votes? If it changed a partnership's status, that "
            "change is undone too.",
        ):
            return
        try:
            self.workspace.motions.delete(motion_id)
        except ServiceError as exc:
            QMessageBox.warning(self, "Delete motion", str(exc))
        self.refresh()
