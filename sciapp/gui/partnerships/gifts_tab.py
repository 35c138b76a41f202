"""The Gifts tab of a partnership: the gifts given to and received from the partner city,
with who keeps them and what became of them; the whole gift register saved as CSV for the
clerk's disclosure. Read only while showing."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from sciapp.domain.formats import short_date
from sciapp.gui.activities.common import record_table, selected_row, warn
from sciapp.gui.activities.gift_dialog import GiftDialog, delete_gift
from sciapp.gui.activities.models import RecordsModel
from sciapp.gui.bus import areas
from sciapp.gui.widgets.file_dialogs import ask_save_path
from sciapp.services.changes import Area

if TYPE_CHECKING:
    from PySide6.QtGui import QShowEvent

    from sciapp.gui.bus import ChangeBus
    from sciapp.services.activities.records import GiftRecord
    from sciapp.services.workspace import Workspace


class GiftsTab(QWidget):
    def __init__(self, workspace: Workspace, bus: ChangeBus, locale: str) -> None:
        super().__init__()
        self.service = workspace.gifts
        self.bus = bus
        self._pid: int | None = None
        self._shown: int | None = -1
        self.model: RecordsModel[GiftRecord] = RecordsModel(
            [
                ("Date", lambda g: short_date(g.exchanged_on, locale) if g.exchanged_on else ""),
                ("Given or received", lambda g: g.direction.label),
                ("Gift", lambda g: g.description),
                ("From or to", lambda g: g.counterpart),
                ("Value", lambda g: g.value_text if g.value_cents is not None else ""),
                ("Owner", lambda g: "City" if g.city_property else "Personal"),
                ("Kept by", lambda g: ", ".join(p for p in (g.custodian, g.location) if p)),
                ("Disposition", lambda g: g.disposition),
            ],
            self,
        )
        self.table = record_table(self.model, "Gifts")
        self.empty = QLabel()
        self.new_button = QPushButton("&Record gift…")
        self.edit_button = QPushButton("&Edit…")
        self.delete_button = QPushButton("De&lete")
        self.register_button = QPushButton("Gift re&gister (CSV)…")
        row = QHBoxLayout()
        for button in (self.new_button, self.edit_button, self.delete_button):
            row.addWidget(button)
        row.addStretch(1)
        row.addWidget(self.register_button)
        layout = QVBoxLayout(self)
        layout.addLayout(row)
        layout.addWidget(self.empty)
        layout.addWidget(self.table, 1)
        self.new_button.clicked.connect(lambda: self.new_gift())
        self.edit_button.clicked.connect(lambda: self.edit_gift())
        self.delete_button.clicked.connect(lambda: self.delete_gift())
        self.register_button.clicked.connect(lambda: self.save_register())
        self.table.doubleClicked.connect(lambda _i: self.edit_gift())
        self.table.selectionModel().selectionChanged.connect(lambda *_: self._enable())
        bus.watch(self, areas(Area.ACTIVITIES, Area.PARTNERSHIPS), self.refresh)
        self._enable()

    def show_partnership(self, pid: int | None) -> None:
        self._pid = pid
        if self.isVisible():
            self.refresh()

    def showEvent(self, event: QShowEvent) -> None:
        if self._shown != self._pid:
            self.refresh()
        super().showEvent(event)

    def refresh(self) -> None:
        self._shown = self._pid
        records = self.service.list(partnership_id=self._pid) if self._pid is not None else []
        self.model.set_records(records)
        self.empty.setText("No gifts recorded with this partner city." if not records else "")
        self.empty.setVisible(not records)
        self._enable()

    def current(self) -> GiftRecord | None:
        return self.model.record(selected_row(self.table))

    def _enable(self) -> None:
        self.new_button.setEnabled(self._pid is not None)
        self.edit_button.setEnabled(self.current() is not None)
        self.delete_button.setEnabled(self.current() is not None)

    def _activities(self) -> list[tuple[int, str]]:
        return self.service.activity_choices(self._pid)

    def new_gift(self) -> None:
        if self._pid is None:
            return
        if GiftDialog.run(self, self._pid, self._activities(), self.service.add) is not None:
            self.bus.say("Gift recorded.")

    def edit_gift(self) -> None:
        gift = self.current()
        if gift is None:
            return
        saved = GiftDialog.run(
            self,
            gift.partnership_id,
            self._activities(),
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
        path = ask_save_path(self, "Save the gift register", "gift-register.csv", "CSV (*.csv)")
        if path is None:
            return
        try:
            path.write_text(self.service.register_csv(), encoding="utf-8-sig", newline="")
        except OSError as exc:
            warn(self, "Gift register", f"{path} cannot be written: {exc.strerror or exc}")
            return
        self.bus.say(f"Gift register saved as {path.name}.", path)
