"""Sister Cities International membership, year by year: the dues paid (good standing is
what SCI lists) and the agreements on file with SCI. Each year is recorded as it is saved."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from PySide6.QtWidgets import (
    QCheckBox,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from sciapp.domain.activities import DEFAULT_CURRENCY, amount_text
from sciapp.domain.formats import short_date
from sciapp.gui.activities.common import OptionalDate, amount_field, record_table, selected_row
from sciapp.gui.activities.models import RecordsModel
from sciapp.gui.widgets.dialogs import Dialog
from sciapp.gui.widgets.validated_form import ValidatedForm, error_label
from sciapp.services.errors import ServiceError, ValidationError
from sciapp.services.partnerships.membership import MembershipDraft, MembershipRecord

if TYPE_CHECKING:
    from sciapp.services.partnerships.membership import MembershipService


class MembershipDialog(Dialog):
    """Use `MembershipDialog.run(parent, service)`; True when a year was recorded."""

    def __init__(
        self, parent: QWidget | None, service: MembershipService, today: dt.date | None = None
    ) -> None:
        super().__init__(parent)
        self._service = service
        self.recorded = False
        today = today or dt.date.today()
        self.setWindowTitle("Sister Cities International membership")
        self.setMinimumWidth(520)
        self.model: RecordsModel[MembershipRecord] = RecordsModel(
            [
                ("Year", lambda m: str(m.year)),
                ("Dues paid on", lambda m: short_date(m.dues_paid_on) if m.dues_paid_on else "—"),
                ("Dues", lambda m: m.dues_text if m.dues_cents is not None else ""),
                ("Agreement on file", lambda m: "Yes" if m.agreement_on_file else "No"),
                ("Standing", lambda m: "Good standing" if m.in_good_standing else "Dues unpaid"),
            ],
            self,
        )
        self.table = record_table(self.model, "Membership years")
        self.standing = QLabel()
        self.standing.setObjectName("membershipStanding")
        form = self.form = ValidatedForm()
        self.year = QSpinBox()
        self.year.setRange(1956, 9999)
        self.year.setValue(today.year)
        form.add_field("year", "&Year:", self.year)
        self.paid = OptionalDate("Paid on", None, today)
        form.add_field("dues_paid_on", "Dues &paid:", self.paid, "Dues paid on")
        self.dues = amount_field()
        form.add_field("dues_cents", "&Dues:", self.dues)
        self.currency = QLineEdit(DEFAULT_CURRENCY)
        self.currency.setMaxLength(3)
        form.add_field("currency", "C&urrency:", self.currency)
        self.agreement = QCheckBox("The agreements are on file with SCI")
        form.add_field("agreement_on_file", "&Agreement:", self.agreement, "Agreement on file")
        self.record_button = QPushButton("&Record year")
        self.problem = error_label()
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        layout = QVBoxLayout(self)
        layout.addWidget(self.standing)
        layout.addWidget(self.table)
        layout.addLayout(form)
        layout.addWidget(self.record_button)
        layout.addWidget(self.problem)
        layout.addWidget(self.buttons)
        self.buttons.rejected.connect(self.accept)
        self.record_button.clicked.connect(lambda: self.record_year())
        self.table.selectionModel().selectionChanged.connect(lambda *_: self._chosen())
        # A year already recorded shows what is recorded: saving never blanks it unseen.
        self.year.valueChanged.connect(lambda year: self._fill(year))
        self._today = today
        self._load()
        self._fill(self.year.value())

    @classmethod
    def run(cls, parent: QWidget | None, service: MembershipService) -> bool:
        dialog = cls(parent, service)
        dialog.exec_and_free()
        return dialog.recorded

    def _load(self) -> None:
        self.model.set_records(self._service.list())
        this_year = next((m for m in self.model.records if m.year == self._today.year), None)
        if this_year is not None and this_year.in_good_standing:
            paid = short_date(this_year.dues_paid_on) if this_year.dues_paid_on else ""
            self.standing.setText(f"In good standing for {this_year.year}: dues paid {paid}.")
        else:
            self.standing.setText(f"Dues for {self._today.year} are not recorded as paid.")

    def _chosen(self) -> None:
        chosen = self.model.record(selected_row(self.table))
        if chosen is not None:
            self.year.setValue(chosen.year)
            self._fill(chosen.year)

    def _fill(self, year: int) -> None:
        chosen = next((m for m in self.model.records if m.year == year), None)
        if chosen is None:
            self.paid.given.setChecked(False)
            self.dues.clear()
            self.agreement.setChecked(False)
            return
        if chosen.dues_paid_on is not None:
            self.paid.set_value(chosen.dues_paid_on)
        else:
            self.paid.given.setChecked(False)
        self.dues.setText(amount_text(chosen.dues_cents))
        self.currency.setText(chosen.currency)
        self.agreement.setChecked(chosen.agreement_on_file)

    def record_year(self) -> None:
        draft = MembershipDraft(
            year=self.year.value(),
            dues_paid_on=self.paid.value(),
            dues=self.dues.text(),
            currency=self.currency.text(),
            agreement_on_file=self.agreement.isChecked(),
        )
        self.form.touch_all()
        try:
            self._service.record(draft)
        except ValidationError as exc:
            self.form.show_errors(exc.errors)
            self.problem.setText(str(exc))
            return
        except ServiceError as exc:
            self.problem.setText(str(exc))
            return
        self.form.show_errors({})
        self.problem.setText("")
        self.recorded = True
        self._load()
