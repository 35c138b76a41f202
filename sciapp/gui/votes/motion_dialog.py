"""Put a motion: text, kind, mover and seconder (present at that moment), the rule it needs,
and optionally a partnership action that takes effect if it is adopted."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import (
    QComboBox,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from sciapp.domain.countries import country_name
from sciapp.domain.formats import short_date
from sciapp.domain.motions import MotionKind, PartnershipAction, actions_for
from sciapp.domain.resolutions import ResolutionStatus
from sciapp.domain.status import Status
from sciapp.domain.votes import Result, VoteRule
from sciapp.gui.locale import ui_locale
from sciapp.gui.votes.law_warning import law_warning, show_warning, warning_label
from sciapp.gui.widgets.dialogs import Dialog
from sciapp.gui.widgets.pickers import picked_time, time_picker
from sciapp.gui.widgets.validated_form import error_label
from sciapp.services.errors import ValidationError
from sciapp.services.votes.records import MotionDraft

if TYPE_CHECKING:
    import datetime as dt

    from sciapp.services.workspace import Workspace


class MotionDialog(Dialog):
    """`MotionDialog.run(...)` creates the motion and returns its id, or None."""

    def __init__(
        self,
        parent: QWidget | None,
        workspace: Workspace,
        meeting_id: int,
        moved_at: dt.time,
        item_id: int | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle("New motion")
        self.resize(560, 560)
        self.workspace = workspace
        self.meeting_id = meeting_id
        self.created_id: int | None = None
        detail = workspace.meetings.get(meeting_id)
        self._day = detail.date  # a state law is read as on the day of the vote
        self.body = workspace.bodies.get_body(detail.body.id)
        self._attendance = detail.attendance
        self.text = QPlainTextEdit()
        self.text.setTabChangesFocus(True)
        self.text.setPlaceholderText("e.g. Suspend the sister-city relationship with …")
        self.kind = QComboBox()
        for kind in MotionKind:
            self.kind.addItem(kind.label, kind.value)
        self.item = QComboBox()
        self.item.addItem("(no agenda item)", None)
        for item in detail.items:
            self.item.addItem(f"{item.position}. {item.title}", item.id)
        self.item.setCurrentIndex(max(0, self.item.findData(item_id)))
        self.moved_at = time_picker(moved_at)
        self.mover = QComboBox()
        self.seconder = QComboBox()
        self.rule = QComboBox()
        for rule in VoteRule:
            self.rule.addItem(rule.label.capitalize(), rule.value)
        self.rule.setCurrentIndex(self.rule.findData(workspace.bodies.default_rule(self.body.id)))
        # A motion to rescind or amend names the adopted decision it changes.
        self.refers_to = QComboBox()
        self.refers_to.addItem("(choose the decision this motion changes)", None)
        for resolution in workspace.documents.list_resolutions():
            if resolution.status == ResolutionStatus.ADOPTED:
                title = resolution.title[:50]
                self.refers_to.addItem(
                    f"Resolution {resolution.number}: {title}", ("resolution", resolution.number)
                )
        for earlier in workspace.motions.all_motions():
            if earlier.body_id == self.body.id and earlier.result is Result.ADOPTED:
                day = earlier.meeting_date
                self.refers_to.addItem(
                    f"{short_date(day, ui_locale())}: {earlier.text[:50]}", ("motion", earlier.id)
                )
        form = QFormLayout()
        for label, widget in (
            ("&Motion:", self.text),
            ("&Kind:", self.kind),
            ("C&hanges:", self.refers_to),
            ("Agenda &item:", self.item),
            ("Moved &at:", self.moved_at),
            ("Mo&ver:", self.mover),
            ("&Seconder:", self.seconder),
            ("&Needs:", self.rule),
        ):
            form.addRow(label, widget)
            widget.setAccessibleName(label.replace("&", "").rstrip(":"))

        self.action_box = QGroupBox("Partnership action if adopted")
        self.action_box.setCheckable(True)
        self.action_box.setChecked(False)
        self.partnership = QComboBox()
        self._status: dict[int, str] = {}
        for row in sorted(workspace.partnerships.list_rows(), key=lambda r: r.partner_city):
            self._status[row.id] = row.status
            self.partnership.addItem(
                f"{row.partner_city}, {country_name(row.partner_country)} ({row.status})", row.id
            )
        self.action = QComboBox()
        self.partnership.currentIndexChanged.connect(lambda _i: self._fill_actions())
        self._fill_actions()
        self.reason = QLineEdit()
        self.reason.setPlaceholderText("required to suspend or terminate")
        self.condition = QLineEdit()
        self.condition.setPlaceholderText("e.g. until peace is restored (a suspension only)")
        action_form = QFormLayout(self.action_box)
        for label, action_field in (
            ("&Partnership:", self.partnership),
            ("Ac&tion:", self.action),
            ("&Reason:", self.reason),
            ("&Condition:", self.condition),
        ):
            action_form.addRow(label, action_field)
            action_field.setAccessibleName(label.replace("&", "").rstrip(":"))
        self.law_warning = warning_label()  # a state law bars the action: said before the vote
        action_form.addRow(self.law_warning)
        self.action.currentIndexChanged.connect(lambda _i: self._check_law())

        self.problem = error_label()
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText("&Put the motion")
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.action_box)
        layout.addWidget(self.problem)
        layout.addWidget(buttons)
        self.moved_at.timeChanged.connect(lambda _t: self._fill_members())
        self.action_box.toggled.connect(self._action_toggled)
        self.action_box.toggled.connect(lambda _on: self._check_law())
        self.kind.currentIndexChanged.connect(lambda _i: self._kind_changed())
        self._fill_members()
        self._kind_changed()

    @classmethod
    def run(
        cls,
        parent: QWidget | None,
        workspace: Workspace,
        meeting_id: int,
        moved_at: dt.time,
        item_id: int | None = None,
    ) -> int | None:
        dialog = cls(parent, workspace, meeting_id, moved_at, item_id)
        return dialog.created_id if dialog.exec_and_free() else None

    def _fill_members(self) -> None:
        at = picked_time(self.moved_at)
        present = [a for a in self._attendance if a.voting and a.to_domain().present_at(at)]
        for combo in (self.mover, self.seconder):
            current = combo.currentData()
            combo.clear()
            combo.addItem("(none recorded)", None)
            for row in present:
                combo.addItem(row.name, row.member_id)
            combo.setCurrentIndex(max(0, combo.findData(current)))

    def _fill_actions(self) -> None:
        """Only what can happen to the partnership now: a suspended tie is reinstated or
        terminated, an active one suspended or terminated, a proposed one established."""
        status = Status(self._status.get(self.partnership.currentData(), "active"))
        chosen = self.action.currentData()
        self.action.clear()
        for action in actions_for(status):
            self.action.addItem(action.label, action.value)
        self.action.setCurrentIndex(max(0, self.action.findData(chosen)))

    def _check_law(self) -> None:
        acting = self.action_box.isChecked() and self.action.currentData() is not None
        action = PartnershipAction(self.action.currentData()) if acting else None
        pid = self.partnership.currentData()
        show_warning(
            self.law_warning, law_warning(self.workspace, pid, action, self._day, ui_locale())
        )

    def _action_toggled(self, on: bool) -> None:
        if on:
            self.kind.setCurrentIndex(self.kind.findData(MotionKind.PARTNERSHIP.value))

    def _kind_changed(self) -> None:
        changing = MotionKind(self.kind.currentData()).changes_adopted
        self.refers_to.setEnabled(changing)
        if not changing:
            self.refers_to.setCurrentIndex(0)

    def draft(self) -> MotionDraft:
        acting = self.action_box.isChecked()
        refers = self.refers_to.currentData() if self.refers_to.isEnabled() else None
        return MotionDraft(
            text=self.text.toPlainText(),
            moved_at=picked_time(self.moved_at),
            kind=MotionKind(self.kind.currentData()),
            mover_id=self.mover.currentData(),
            seconder_id=self.seconder.currentData(),
            rule=VoteRule(self.rule.currentData()),
            agenda_item_id=self.item.currentData(),
            partnership_id=self.partnership.currentData() if acting else None,
            action=PartnershipAction(self.action.currentData()) if acting else None,
            action_reason=self.reason.text() if acting else "",
            action_condition=self.condition.text() if acting else "",
            refers_to_motion_id=refers[1] if refers and refers[0] == "motion" else None,
            refers_to_resolution=refers[1] if refers and refers[0] == "resolution" else "",
        )

    def accept(self) -> None:
        try:
            self.created_id = self.workspace.motions.create(self.meeting_id, self.draft()).id
        except ValidationError as exc:
            self.problem.setText(str(exc))
            return
        super().accept()
