"""File ▸ Gift register…: every gift of the register in one list, those given to or received
from a partner city and those no tie holds (a visiting consul's, a state delegation's), by
year or all; a gift no tie holds is recorded here, one of a tie's on its Gifts tab; the
register saved as CSV or as a tagged PDF for the clerk's disclosure. A window beside the
main one."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from sciapp.domain.formats import short_date
from sciapp.gui.activities.common import record_table, selected_row, warn
from sciapp.gui.activities.gift_dialog import GiftDialog, delete_gift
from sciapp.gui.activities.models import RecordsModel
from sciapp.gui.bus import areas
from sciapp.gui.widgets.dialogs import Dialog
from sciapp.gui.widgets.file_dialogs import ask_save_path
from sciapp.services.changes import Area

if TYPE_CHECKING:
    from sciapp.gui.activities.models import Column
    from sciapp.gui.bus import ChangeBus
    from sciapp.services.activities.records import GiftRecord
    from sciapp.services.workspace import Workspace

NO_TIE = "No partnership"


def gift_columns(locale: str) -> list[Column[GiftRecord]]:
    return [
        ("Date", lambda g: short_date(g.exchanged_on, locale) if g.exchanged_on else ""),
        ("Given or received", lambda g: g.direction.label),
        ("Gift", lambda g: g.description),
        ("From or to", lambda g: g.counterpart),
        ("Partnership", lambda g: g.partner_city or NO_TIE),
        ("Value", lambda g: g.value_text if g.value_cents is not None else ""),
        ("Owner", lambda g: "City" if g.city_property else "Personal"),
        ("Kept by", lambda g: ", ".join(p for p in (g.custodian, g.location) if p)),
        ("Disposition", lambda g: g.disposition),
    ]


class GiftRegisterWindow(Dialog):
    def __init__(
        self, workspace: Workspace, bus: ChangeBus, locale: str, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle("Gift register")
        self.workspace = workspace
        self.service = workspace.gifts
        self.bus = bus
        self.year = QComboBox()
        self.year.setAccessibleName("Year")
        self.model: RecordsModel[GiftRecord] = RecordsModel(gift_columns(locale), self)
        self.table = record_table(self.model, "Gift register")
        self.summary = QLabel()
        self.summary.setObjectName("giftSummary")
        self.new_button = QPushButton("&Record gift (no partnership)…")
        self.new_button.setToolTip(
            "A gift no tie holds; a partner city's gifts are recorded on its Gifts tab"
        )
        self.edit_button = QPushButton("&Edit…")
        self.delete_button = QPushButton("De&lete")
        self.register_button = QPushButton("Gift re&gister (CSV)…")
        self.pdf_button = QPushButton("Gift register (&PDF)…")
        self.saved = QLabel()
        self.saved.setObjectName("giftSaved")
        top = QHBoxLayout()
        year_label = QLabel("&Year:")
        year_label.setBuddy(self.year)
        top.addWidget(year_label)
        top.addWidget(self.year)
        top.addStretch(1)
        top.addWidget(self.register_button)
        top.addWidget(self.pdf_button)
        row = QHBoxLayout()
        for button in (self.new_button, self.edit_button, self.delete_button):
            row.addWidget(button)
        row.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.summary)
        layout.addWidget(self.saved)
        layout.addLayout(row)
        self.year.currentIndexChanged.connect(lambda _i: self.refresh())
        self.new_button.clicked.connect(lambda: self.new_gift())
        self.edit_button.clicked.connect(lambda: self.edit_gift())
        self.delete_button.clicked.connect(lambda: self.delete_gift())
        self.register_button.clicked.connect(lambda: self.save_register())
        self.pdf_button.clicked.connect(lambda: self.save_register_pdf())
        self.table.doubleClicked.connect(lambda _i: self.edit_gift())
        self.table.selectionModel().selectionChanged.connect(lambda *_: self._enable())
        bus.watch(self, areas(Area.ACTIVITIES, Area.PARTNERSHIPS), self.refresh)
        self.resize(980, 520)
        self.refresh()

    @classmethod
    def show_for(
        cls, workspace: Workspace, bus: ChangeBus, locale: str, parent: QWidget | None
    ) -> GiftRegisterWindow:
        window = cls(workspace, bus, locale, parent)
        window.open_window()
        return window

    def chosen_year(self) -> int | None:
        year = self.year.currentData()
        return int(year) if year is not None else None

    def _years(self) -> None:
        """The years gifts were exchanged in, newest first, after "All years"."""
        chosen = self.year.currentData()
        years = sorted({g.exchanged_on.year for g in self.service.list() if g.exchanged_on})
        self.year.blockSignals(True)
        self.year.clear()
        self.year.addItem("All years", None)
        for year in reversed(years):
            self.year.addItem(str(year), year)
        self.year.setCurrentIndex(max(0, self.year.findData(chosen)))
        self.year.blockSignals(False)

    def refresh(self) -> None:
        if self.sender() is not self.year:
            self._years()
        records = self.service.list(self.chosen_year())
        self.model.set_records(records)
        loose = sum(1 for g in records if g.partnership_id is None)
        self.summary.setText(
            f"{len(records)} gift{'s' if len(records) != 1 else ''}"
            + (f", {loose} not held by a partnership" if loose else "")
            if records
            else "No gifts recorded" + (" that year." if self.chosen_year() else ".")
        )
        self._enable()

    def current(self) -> GiftRecord | None:
        return self.model.record(selected_row(self.table))

    def _enable(self) -> None:
        self.edit_button.setEnabled(self.current() is not None)
        self.delete_button.setEnabled(self.current() is not None)

    def new_gift(self) -> None:
        activities = self.service.activity_choices()
        if GiftDialog.run(self, None, activities, self.service.add) is not None:
            self.bus.say("Gift recorded.")

    def edit_gift(self) -> None:
        gift = self.current()
        if gift is None:
            return
        saved = GiftDialog.run(
            self,
            gift.partnership_id,
            self.service.activity_choices(gift.partnership_id),
            lambda draft: self.service.update(gift.id, draft),
            gift,
        )
        if saved is not None:
            self.bus.say("Gift saved.")

    def delete_gift(self) -> None:
        gift = self.current()
        if gift is not None and delete_gift(self, self.service.delete, gift):
            self.bus.say("Gift deleted.")

    def save_register(self) -> None:
        year = self.chosen_year()
        name = f"gift-register-{year}.csv" if year else "gift-register.csv"
        path = ask_save_path(self, "Save the gift register", name, "CSV (*.csv)")
        if path is None:
            return
        try:
            path.write_text(self.service.register_csv(year), encoding="utf-8-sig", newline="")
        except OSError as exc:
            warn(self, "Gift register", f"{path} cannot be written: {exc.strerror or exc}")
            return
        self.bus.say(f"Gift register saved as {path.name}.", path)

    def save_register_pdf(self) -> None:
        """The year shown (or every year) as the tagged PDF, through the app's save_pdf."""
        from sciapp.gui.documents.output import save_pdf

        year = self.chosen_year()
        name = f"Gift register {year}.pdf" if year else "Gift register.pdf"
        service = self.workspace.gift_register
        path = save_pdf(self, self.bus, "Gift register", name, lambda: service.pdf(year))
        if path is not None:
            self.saved.setText(f"Saved to {path}")
