"""Add or edit an activity on a partnership: kind, title, dates, place, budget and what was
spent (checked as typed by the service's own rule), the approving motion, notes."""

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

from sciapp.domain.activities import DEFAULT_CURRENCY, ActivityKind, amount_text, spending_problem
from sciapp.gui.activities.common import OptionalDate, amount_field, amount_problem
from sciapp.gui.widgets.dialogs import Dialog
from sciapp.gui.widgets.pickers import date_picker, picked_date
from sciapp.gui.widgets.validated_form import ValidatedForm, error_label
from sciapp.services.activities.records import ActivityDraft, ActivityRecord

Save = Callable[[ActivityDraft], ActivityRecord]


class ActivityDialog(Dialog):
    """Use `ActivityDialog.run(...)`: the saved activity's id, or None."""

    def __init__(
        self,
        parent: QWidget | None,
        partnership_id: int,
        city: str,
        motions: Sequence[tuple[int, str]],
        save: Save,
        record: ActivityRecord | None = None,
        today: dt.date | None = None,
    ) -> None:
        super().__init__(parent)
        self._partnership_id = partnership_id
        self._save = save
        self.saved: int | None = None
        verb = "Edit activity" if record else "New activity"
        self.setWindowTitle(f"{verb}: {city}")
        self.setMinimumWidth(520)
        form = self.form = ValidatedForm()
        self.kind = QComboBox()
        for kind in ActivityKind:
            self.kind.addItem(kind.label, kind.value)
        form.add_field("kind", "&Kind:", self.kind)
        self.title = QLineEdit()
        self.title.setPlaceholderText("e.g. Summer youth exchange")
        form.add_field("title", "&Title:", self.title)
        start = record.starts_on if record else (today or dt.date.today())
        self.starts_on = date_picker(start)
        form.add_field("starts_on", "&Starts:", self.starts_on)
        self.ends_on = OptionalDate("Ends on", record.ends_on if record else None, start)
        form.add_field("ends_on", "&Ends:", self.ends_on, "Ends")
        self.place = QLineEdit()
        form.add_field("place", "&Place:", self.place)
        self.budget = amount_field()
        form.add_field("budget_cents", "&Budget:", self.budget)
        self.spent = amount_field()
        form.add_field("spent_cents", "S&pent:", self.spent)
        self.currency = QLineEdit(DEFAULT_CURRENCY)
        self.currency.setMaxLength(3)
        form.add_field("currency", "C&urrency:", self.currency)
        self.motion = QComboBox()
        self.motion.addItem("(none)", None)
        for motion_id, label in motions:
            self.motion.addItem(label, motion_id)
        form.add_field("motion_id", "Approved by &motion:", self.motion)
        self.notes = QPlainTextEdit()
        self.notes.setTabChangesFocus(True)
        self.notes.setMaximumHeight(90)
        form.add_field("notes", "&Notes:", self.notes)
        self.over = QLabel()
        self.over.setObjectName("overBudget")
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        self.save_button = self.buttons.button(QDialogButtonBox.StandardButton.Save)
        self.problem = error_label()
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.over)
        layout.addWidget(self.problem)
        layout.addWidget(self.buttons)
        self.buttons.accepted.connect(self._accept)
        self.buttons.rejected.connect(self.reject)
        if record is not None:
            self.kind.setCurrentIndex(self.kind.findData(record.kind.value))
            self.title.setText(record.title)
            self.place.setText(record.place)
            self.budget.setText(amount_text(record.budget_cents))
            self.spent.setText(amount_text(record.spent_cents))
            self.currency.setText(record.currency)
            found = self.motion.findData(record.motion_id)
            self.motion.setCurrentIndex(max(found, 0))
            self.notes.setPlainText(record.notes)
        for name, field in (
            ("title", self.title),
            ("budget_cents", self.budget),
            ("spent_cents", self.spent),
            ("currency", self.currency),
        ):
            field.textChanged.connect(lambda _t, n=name: self._touched(n))
        self._validate()

    @classmethod
    def run(
        cls,
        parent: QWidget | None,
        partnership_id: int,
        city: str,
        motions: Sequence[tuple[int, str]],
        save: Save,
        record: ActivityRecord | None = None,
    ) -> int | None:
        dialog = cls(parent, partnership_id, city, motions, save, record)
        return dialog.saved if dialog.exec_and_free() else None

    def draft(self) -> ActivityDraft:
        return ActivityDraft(
            partnership_id=self._partnership_id,
            kind=ActivityKind(self.kind.currentData()),
            title=self.title.text(),
            starts_on=picked_date(self.starts_on),
            ends_on=self.ends_on.value(),
            place=self.place.text(),
            budget=self.budget.text(),
            spent=self.spent.text(),
            currency=self.currency.text(),
            motion_id=self.motion.currentData(),
            notes=self.notes.toPlainText(),
        )

    def _touched(self, name: str) -> None:
        self.form.touch(name)
        self._validate()

    def _validate(self) -> dict[str, str]:
        errors = {}
        if not self.title.text().strip():
            errors["title"] = "give the activity a title"
        for name, field in (("budget_cents", self.budget), ("spent_cents", self.spent)):
            problem = amount_problem(field.text())
            if problem:
                errors[name] = problem
        if not errors:
            from sciapp.domain.activities import parse_amount

            over = spending_problem(
                parse_amount(self.budget.text()), parse_amount(self.spent.text())
            )
            self.over.setText(f"Spent is {over}." if over else "")
        self.form.show_errors(errors)
        self.save_button.setEnabled(not errors)
        return errors

    def _accept(self) -> None:
        self.form.touch_all()
        if self._validate():
            return
        saved = self.form.submit(self.problem, lambda: self._save(self.draft()))
        if saved is not None:
            self.saved = saved.id
            self.accept()
