"""Record a status change: suspend, reinstate, terminate, establish a proposed tie."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence

from PySide6.QtWidgets import (
    QComboBox,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from sciapp.domain.dates import PartialDate
from sciapp.domain.errors import InvalidInputError
from sciapp.domain.status import (
    NEEDS_REASON,
    Decider,
    Status,
    StatusChange,
    action_name,
    allowed_next,
    check_change,
    current_status,
)
from sciapp.gui.widgets.dialogs import Dialog
from sciapp.gui.widgets.partial_date_edit import PartialDateEdit
from sciapp.gui.widgets.validated_form import ValidatedForm, error_label
from sciapp.services.errors import ValidationError

Recorder = Callable[[StatusChange], object]


class StatusChangeDialog(Dialog):
    """Use `StatusChangeDialog.run(...)`: True when a change was recorded."""

    def __init__(
        self,
        parent: QWidget | None,
        locale: str,
        title: str,
        history: Sequence[StatusChange],
        record: Recorder,
        today: dt.date | None = None,
    ) -> None:
        super().__init__(parent)
        self._history = list(history)
        self._record = record
        current = current_status(self._history)
        self.setWindowTitle(f"Change status: {title}")
        self.setMinimumWidth(480)
        form = self.form = ValidatedForm()
        heading = QLabel(f"<b>{title}</b> is now <b>{current.label if current else 'new'}</b>.")
        heading.setTextFormat(heading.textFormat().RichText)
        form.addRow(heading)

        self.status = QComboBox()
        for status in allowed_next(current):
            self.status.addItem(action_name(current, status), status.value)
        form.add_field("status", "&Change:", self.status, "New status")
        self.effective = PartialDateEdit(locale)
        self.effective.setText(PartialDate.from_date(today or dt.date.today()).iso())
        form.add_field("effective", "&Effective:", self.effective, "Effective date")
        self.decided_by = QComboBox()
        self.decided_by.addItem("", None)
        for decider in Decider:
            self.decided_by.addItem(decider.label, decider.value)
        form.add_field("decided_by", "&Decided by:", self.decided_by)
        self.instrument = QLineEdit()
        self.instrument.setPlaceholderText("e.g. Resolution 2022-14, Mayor's directive")
        form.add_field("instrument", "&Instrument:", self.instrument)
        self.reason = QPlainTextEdit()
        self.reason.setTabChangesFocus(True)
        self.reason.setMaximumHeight(90)
        form.add_field("reason", "&Reason:", self.reason)
        self.condition = QLineEdit()
        self.condition.setPlaceholderText("e.g. until peace and sovereignty are restored")
        form.add_field("condition", "C&ondition:", self.condition)

        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.ok_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setText("&Record")
        self.problem = error_label()
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.problem)
        layout.addWidget(self.buttons)
        self.buttons.accepted.connect(self._accept)
        self.buttons.rejected.connect(self.reject)

        for name, signal in (
            ("status", self.status.currentIndexChanged),
            ("effective", self.effective.textChanged),
            ("decided_by", self.decided_by.currentIndexChanged),
            ("instrument", self.instrument.textChanged),
            ("reason", self.reason.textChanged),
            ("condition", self.condition.textChanged),
        ):
            signal.connect(lambda *_, n=name: self._touched(n))
        self.form.touch("effective")
        self._validate()

    def _touched(self, name: str) -> None:
        self.form.touch(name)
        self._validate()

    @classmethod
    def run(
        cls,
        parent: QWidget | None,
        locale: str,
        title: str,
        history: Sequence[StatusChange],
        record: Recorder,
    ) -> bool:
        return cls(parent, locale, title, history, record).exec_and_free()

    def change(self) -> StatusChange:
        try:
            effective = PartialDate.parse_optional(self.effective.text())
        except ValueError:
            effective = None
        decider = self.decided_by.currentData()
        status = Status(self.status.currentData())
        return StatusChange(
            status=status,
            effective=effective,
            decided_by=Decider(decider) if decider else None,
            instrument=self.instrument.text().strip(),
            reason=self.reason.toPlainText().strip(),
            condition=self.condition.text().strip() if status is Status.SUSPENDED else "",
        )

    def _validate(self) -> dict[str, str]:
        errors: dict[str, str] = {}
        if self.status.count() == 0:
            errors["status"] = "a terminated partnership cannot change"
        else:
            status = Status(self.status.currentData())
            self.condition.setEnabled(status is Status.SUSPENDED)
            self.reason.setPlaceholderText(
                "required" if status in NEEDS_REASON else "optional: why, in a sentence"
            )
            try:
                PartialDate.parse_optional(self.effective.text())
            except ValueError as exc:
                errors["effective"] = str(exc)
            try:
                check_change(self._history, self.change())
            except InvalidInputError as exc:
                errors = {**exc.errors, **errors}
        self.form.show_errors(errors)
        self.ok_button.setEnabled(not errors)
        return errors

    def _accept(self) -> None:
        self.form.touch_all()
        if self._validate():
            return
        try:
            self._record(self.change())
        except ValidationError as exc:
            self.form.show_errors(exc.errors)
            self.problem.setText(str(exc))
            return
        self.accept()
