"""Record or edit a gift: given or received, what, from or to whom, at which activity, its
estimated value, city property or personal, who keeps it and where, what became of it."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialogButtonBox,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from sciapp.domain.activities import DEFAULT_CURRENCY, GiftDirection, amount_text
from sciapp.gui.activities.common import OptionalDate, amount_field, amount_problem, warn
from sciapp.gui.widgets.dialogs import Dialog, confirm_delete
from sciapp.gui.widgets.validated_form import ValidatedForm, error_label
from sciapp.services.activities.records import GiftDraft, GiftRecord
from sciapp.services.errors import ServiceError

Save = Callable[[GiftDraft], GiftRecord]


class GiftDialog(Dialog):
    """Use `GiftDialog.run(...)`: the saved gift's id, or None."""

    def __init__(
        self,
        parent: QWidget | None,
        partnership_id: int | None,
        activities: Sequence[tuple[int, str]],
        save: Save,
        record: GiftRecord | None = None,
        today: dt.date | None = None,
    ) -> None:
        super().__init__(parent)
        self._partnership_id = partnership_id
        self._save = save
        self.saved: int | None = None
        self.setWindowTitle("Edit gift" if record else "Record gift")
        self.setMinimumWidth(520)
        today = today or dt.date.today()
        form = self.form = ValidatedForm()
        self.direction = QComboBox()
        for direction in GiftDirection:
            self.direction.addItem(direction.label, direction.value)
        form.add_field("direction", "&Given or received:", self.direction)
        self.description = QLineEdit()
        self.description.setPlaceholderText("e.g. Shigaraki-ware vase")
        form.add_field("description", "&Gift:", self.description)
        self.exchanged_on = OptionalDate("On", record.exchanged_on if record else today, today)
        form.add_field("exchanged_on", "&Date:", self.exchanged_on, "Date")
        self.counterpart_name = QLineEdit()
        form.add_field("counterpart_name", "From or to (&person):", self.counterpart_name)
        self.counterpart_office = QLineEdit()
        form.add_field("counterpart_office", "O&ffice:", self.counterpart_office)
        self.counterpart_city = QLineEdit()
        form.add_field("counterpart_city", "Cit&y:", self.counterpart_city)
        self.activity = QComboBox()
        self.activity.addItem("(none)", None)
        for activity_id, label in activities:
            self.activity.addItem(label, activity_id)
        form.add_field("activity_id", "At &activity:", self.activity)
        self.value = amount_field()
        form.add_field("value_cents", "Estimated &value:", self.value)
        self.currency = QLineEdit(DEFAULT_CURRENCY)
        self.currency.setMaxLength(3)
        form.add_field("currency", "C&urrency:", self.currency)
        self.city_property = QCheckBox("City property (not a personal gift)")
        self.city_property.setChecked(True)
        form.add_field("city_property", "&Owner:", self.city_property, "City property")
        self.custodian = QLineEdit()
        form.add_field("custodian", "Cu&stodian:", self.custodian)
        self.location = QLineEdit()
        form.add_field("location", "&Kept at:", self.location)
        self.disposition = QLineEdit()
        self.disposition.setPlaceholderText("e.g. transferred to the city archive")
        form.add_field("disposition", "D&isposition:", self.disposition)
        self.disposed_on = OptionalDate("On", record.disposed_on if record else None, today)
        form.add_field("disposed_on", "Disposed &of on:", self.disposed_on, "Disposed of on")
        self.notes = QPlainTextEdit()
        self.notes.setTabChangesFocus(True)
        self.notes.setMaximumHeight(70)
        form.add_field("notes", "&Notes:", self.notes)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        self.save_button = self.buttons.button(QDialogButtonBox.StandardButton.Save)
        self.problem = error_label()
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.problem)
        layout.addWidget(self.buttons)
        self.buttons.accepted.connect(self._accept)
        self.buttons.rejected.connect(self.reject)
        if record is not None:
            self.direction.setCurrentIndex(self.direction.findData(record.direction.value))
            self.description.setText(record.description)
            self.counterpart_name.setText(record.counterpart_name)
            self.counterpart_office.setText(record.counterpart_office)
            self.counterpart_city.setText(record.counterpart_city)
            self.activity.setCurrentIndex(max(self.activity.findData(record.activity_id), 0))
            self.value.setText(amount_text(record.value_cents))
            self.currency.setText(record.currency)
            self.city_property.setChecked(record.city_property)
            self.custodian.setText(record.custodian)
            self.location.setText(record.location)
            self.disposition.setText(record.disposition)
            self.notes.setPlainText(record.notes)
        self.description.textChanged.connect(lambda _t: self._touched("description"))
        self.value.textChanged.connect(lambda _t: self._touched("value_cents"))
        self._validate()

    @classmethod
    def run(
        cls,
        parent: QWidget | None,
        partnership_id: int | None,
        activities: Sequence[tuple[int, str]],
        save: Save,
        record: GiftRecord | None = None,
    ) -> int | None:
        dialog = cls(parent, partnership_id, activities, save, record)
        return dialog.saved if dialog.exec_and_free() else None

    def draft(self) -> GiftDraft:
        return GiftDraft(
            direction=GiftDirection(self.direction.currentData()),
            description=self.description.text(),
            exchanged_on=self.exchanged_on.value(),
            counterpart_name=self.counterpart_name.text(),
            counterpart_office=self.counterpart_office.text(),
            counterpart_city=self.counterpart_city.text(),
            partnership_id=self._partnership_id,
            activity_id=self.activity.currentData(),
            value=self.value.text(),
            currency=self.currency.text(),
            city_property=self.city_property.isChecked(),
            custodian=self.custodian.text(),
            location=self.location.text(),
            disposition=self.disposition.text(),
            disposed_on=self.disposed_on.value(),
            notes=self.notes.toPlainText(),
        )

    def _touched(self, name: str) -> None:
        self.form.touch(name)
        self._validate()

    def _validate(self) -> dict[str, str]:
        errors = {}
        if not self.description.text().strip():
            errors["description"] = "what the gift is"
        problem = amount_problem(self.value.text())
        if problem:
            errors["value_cents"] = problem
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


def delete_gift(parent: QWidget, delete: Callable[[int], object], gift: GiftRecord) -> bool:
    """Asks, then deletes `gift` from the register; a refusal is shown. True once deleted."""
    if not confirm_delete(
        parent, "Delete gift", f"Delete “{gift.description}” from the gift register?"
    ):
        return False
    try:
        delete(gift.id)
    except ServiceError as exc:
        warn(parent, "Delete gift", str(exc))
        return False
    return True
