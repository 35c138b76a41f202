"""The live roll call, driven from the keyboard at the public meeting.

The current member's name is shown large; Y, N, A, R record yes, no, abstain or recused and
move on; Backspace goes back. The tally and the outcome update as votes come in, and can be
shown full screen on a second screen (a projector).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont, QGuiApplication, QKeyEvent
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from sciapp.domain.rollcall import count_roll_call
from sciapp.domain.votes import Outcome, Result, VoteOption
from sciapp.gui.theme import COLOURS, colour, themed
from sciapp.gui.votes.law_warning import law_warning, show_warning, warning_label
from sciapp.gui.widgets.dialogs import Dialog, exec_and_free
from sciapp.gui.widgets.validated_form import error_label
from sciapp.services.errors import ValidationError

if TYPE_CHECKING:
    from sciapp.services.workspace import Workspace

KEYS = {
    Qt.Key.Key_Y: VoteOption.YES,
    Qt.Key.Key_N: VoteOption.NO,
    Qt.Key.Key_A: VoteOption.ABSTAIN,
    Qt.Key.Key_R: VoteOption.RECUSED,
}
# What each outcome means, in the theme's colours (the projector's window is always dark).
MEANINGS = {Result.ADOPTED: "success", Result.FAILED: "danger", Result.NO_QUORUM: "warning"}


def _big(widget: QWidget, scale: float) -> QFont:
    font = QFont(widget.font())
    font.setPointSizeF(font.pointSizeF() * scale)
    font.setBold(True)
    return font


class ResultsWindow(QWidget):
    """What the room sees: the motion, the tally, the outcome. Esc closes it."""

    def __init__(self, motion_text: str) -> None:
        super().__init__(None, Qt.WindowType.Window)
        self.setWindowTitle("Vote results")
        themed(self, "background:{projector_back};color:{projector_text};")
        self.motion = QLabel(motion_text)
        self.motion.setWordWrap(True)
        self.motion.setFont(_big(self, 1.8))
        self.tally = QLabel()
        self.tally.setFont(_big(self, 4.0))
        self.tally.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.outcome = QLabel()
        self.outcome.setFont(_big(self, 2.2))
        self.outcome.setWordWrap(True)
        self.outcome.setAlignment(Qt.AlignmentFlag.AlignCenter)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(60, 40, 60, 40)
        layout.addWidget(self.motion)
        layout.addStretch(1)
        layout.addWidget(self.tally)
        layout.addWidget(self.outcome)
        layout.addStretch(1)
        close = QPushButton("Close (Esc)")
        close.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        themed(close, "background:{projector_button};color:{projector_text};padding:6px 14px;")
        close.clicked.connect(lambda: self.close())
        layout.addWidget(close, 0, Qt.AlignmentFlag.AlignRight)

    def show_counts(self, yes: int, no: int, abstain: int, outcome: Outcome | None) -> None:
        self.tally.setText(f"YES {yes}   NO {no}   ABSTAIN {abstain}")
        self.outcome.setText(outcome.explanation if outcome else "")
        meaning = MEANINGS.get(outcome.result) if outcome else None
        color = COLOURS["dark"][meaning if meaning else "projector_text"]  # the room's dark screen
        self.outcome.setStyleSheet(f"color:{color};")

    def show_on_second_screen(self) -> None:
        screens = QGuiApplication.screens()
        if len(screens) > 1:
            self.setGeometry(screens[1].geometry())
            self.showFullScreen()
        else:  # one screen: a window the clerk can drag to the projector when it is attached
            self.resize(1000, 600)
            self.show()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Escape:
            self.close()  # only this window: the roll call and its votes stay
            event.accept()
        else:
            super().keyPressEvent(event)


class RollCallDialog(Dialog):
    def __init__(self, parent: QWidget | None, workspace: Workspace, motion_id: int) -> None:
        super().__init__(parent)
        self.workspace = workspace
        self.motion = workspace.motions.get(motion_id)
        self.setWindowTitle(f"Roll call — {self.motion.text[:60]}")
        self.resize(720, 620)
        # Read once: the live tally is counted here, by the domain's function the service
        # records with, with no trip to the database per key press.
        roll = workspace.motions.roll_call(motion_id)
        self.sheet, self.rules = list(roll.sheet), roll.rules
        self.callable = [s for s in self.sheet if s.present]
        self.votes: dict[int, VoteOption] = {
            v.member_id: v.option for v in self.motion.votes if v.option is not VoteOption.ABSENT
        }
        self._recorded = dict(self.votes)
        self.position = 0
        self.results: ResultsWindow | None = None

        heading = QLabel(self.motion.text)
        heading.setWordWrap(True)
        self.law_warning = warning_label()  # what a state law says of the action, before the vote
        m = self.motion
        show_warning(
            self.law_warning, law_warning(workspace, m.partnership_id, m.action, m.meeting_date)
        )
        self.current = QLabel()
        self.current.setObjectName("currentMember")
        self.current.setFont(_big(self, 2.4))
        self.current.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.current.setAccessibleName("Member now voting")
        hint = QLabel("Y yes · N no · A abstain · R recused · Backspace back")
        hint.setAlignment(Qt.AlignmentFlag.AlignCenter)
        themed(hint, "color: {muted};")
        self.list = QListWidget()
        self.list.setAccessibleName("Roll call")
        self.list.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.tally = QLabel()
        self.outcome = QLabel()
        self.outcome.setWordWrap(True)
        self.outcome.setFont(_big(self, 1.2))
        self.problem = error_label()
        self.record_button = QPushButton("&Record the vote")
        self.screen_button = QPushButton("Show results on a &second screen")
        cancel = QPushButton("Cancel")
        for button in (self.record_button, self.screen_button, cancel):
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # keys belong to the roll call
        buttons = QHBoxLayout()
        buttons.addWidget(self.screen_button)
        buttons.addStretch(1)
        buttons.addWidget(cancel)
        buttons.addWidget(self.record_button)
        layout = QVBoxLayout(self)
        layout.addWidget(heading)
        layout.addWidget(self.law_warning)
        layout.addWidget(self.current)
        layout.addWidget(hint)
        layout.addWidget(self.list, 1)
        layout.addWidget(self.tally)
        layout.addWidget(self.outcome)
        layout.addWidget(self.problem)
        layout.addLayout(buttons)
        self.record_button.clicked.connect(lambda: self.record())
        self.screen_button.clicked.connect(lambda: self.show_results())
        cancel.clicked.connect(self.reject)
        self._render()

    @classmethod
    def run(cls, parent: QWidget | None, workspace: Workspace, motion_id: int) -> bool:
        return cls(parent, workspace, motion_id).exec_and_free()

    # -- keys ------------------------------------------------------------------------------

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key = Qt.Key(event.key())
        if key in KEYS and self.position < len(self.callable):
            self.votes[self.callable[self.position].member_id] = KEYS[key]
            self.position += 1
        elif key == Qt.Key.Key_Backspace:
            self.position = max(0, self.position - 1)
        elif key in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self.record_button.isEnabled():
            self.record()
            return
        elif key == Qt.Key.Key_Escape:
            self.reject()
            return
        else:
            super().keyPressEvent(event)
            return
        self._render()

    # -- showing ---------------------------------------------------------------------------

    def _render(self) -> None:
        if not self.callable:
            self.current.setText("Nobody present can vote")
        elif self.position < len(self.callable):
            self.current.setText(self.callable[self.position].name)
        else:
            self.current.setText("All present have voted")
        self.list.clear()
        for seat in self.sheet:
            if not seat.present:
                text = f"{seat.name} — absent"
            else:
                option = self.votes.get(seat.member_id)
                text = f"{seat.name} — {option.label if option else '…'}"
            if seat.is_chair:
                text += "  (chair)"
            entry = QListWidgetItem(text)
            if self.position < len(self.callable) and seat == self.callable[self.position]:
                font = entry.font()
                font.setBold(True)
                entry.setFont(font)
                entry.setSelected(True)
            self.list.addItem(entry)
        count = count_roll_call(self.sheet, self.votes, self.rules)
        yes, no = count.cast(VoteOption.YES), count.cast(VoteOption.NO)
        abstain, recused = count.cast(VoteOption.ABSTAIN), count.cast(VoteOption.RECUSED)
        waiting = len(count.missing)
        self.tally.setText(
            f"Yes {yes} · No {no} · Abstain {abstain} · Recused {recused} · "
            f"not yet {waiting} · absent {count.cast(VoteOption.ABSENT)}"
        )
        outcome = count.outcome
        if self.votes or waiting == 0:
            prefix = "" if waiting == 0 else "So far: "
            self.outcome.setText(prefix + outcome.explanation)
            self.outcome.setStyleSheet(f"color:{colour(MEANINGS[outcome.result])};")
        else:  # no verdict, and no red, before anyone has voted
            self.outcome.setText("Waiting for the first vote")
            self.outcome.setStyleSheet("")
        self.record_button.setEnabled(waiting == 0 and outcome.result is not Result.NO_QUORUM)
        if self.results is not None:
            shown = outcome if waiting == 0 else None
            self.results.show_counts(yes, no, abstain + recused, shown)

    def show_results(self) -> None:
        if self.results is None:
            self.results = ResultsWindow(self.motion.text)
        self._render()
        self.results.show_on_second_screen()

    def record(self) -> None:
        try:
            self.workspace.motions.record_roll_call(self.motion.id, self.votes)
        except ValidationError as exc:
            self.problem.setText(str(exc))
            return
        self.accept()

    def reject(self) -> None:
        """Escape or Cancel: votes taken but not recorded are never dropped unasked."""
        if self.votes != self._recorded:
            box = QMessageBox(
                QMessageBox.Icon.Question,
                "Roll call",
                f"{len(self.votes)} votes have been taken but not recorded. Discard them?",
                parent=self,
            )
            discard = box.addButton("&Discard the votes", QMessageBox.ButtonRole.DestructiveRole)
            keep = box.addButton("&Keep voting", QMessageBox.ButtonRole.RejectRole)
            box.setDefaultButton(keep)
            box.setEscapeButton(keep)
            exec_and_free(box)
            chosen = box.clickedButton() is discard
            if not chosen:
                return
        super().reject()

    def done(self, result: int) -> None:
        if self.results is not None:
            self.results.close()
        super().done(result)
