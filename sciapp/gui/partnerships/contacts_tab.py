"""The Contacts tab of a partnership: its mayor, international-relations office and partner
committee, and the contacts beyond any one tie (embassies, Sister Cities International) every
tie's letters may address; the SCI membership by year. Read only while showing."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from sciapp.gui.activities.common import record_table, selected_row, warn
from sciapp.gui.activities.contact_dialog import ContactDialog
from sciapp.gui.activities.membership_dialog import MembershipDialog
from sciapp.gui.activities.models import RecordsModel
from sciapp.gui.bus import areas
from sciapp.gui.widgets.dialogs import confirm_delete
from sciapp.services.changes import Area
from sciapp.services.errors import ServiceError

if TYPE_CHECKING:
    from PySide6.QtGui import QShowEvent

    from sciapp.gui.bus import ChangeBus
    from sciapp.services.partnerships.contacts import ContactRecord
    from sciapp.services.workspace import Workspace


class ContactsTab(QWidget):
    def __init__(self, workspace: Workspace, bus: ChangeBus) -> None:
        super().__init__()
        self.workspace = workspace
        self.service = workspace.contacts
        self.bus = bus
        self._pid: int | None = None
        self._city = ""
        self._shown: int | None = -1
        self.model: RecordsModel[ContactRecord] = RecordsModel(
            [
                ("Role", lambda c: c.role.label),
                ("Name", lambda c: c.shown_name),
                ("Organisation", lambda c: c.organisation),
                ("Email", lambda c: c.email),
                ("Phone", lambda c: c.phone),
                ("For", lambda c: c.partner_city or "Every tie"),
            ],
            self,
        )
        self.table = record_table(self.model, "Contacts")
        self.address = QLabel()
        self.address.setObjectName("contactAddress")
        self.address.setWordWrap(True)
        self.new_button = QPushButton("&New contact…")
        self.general_button = QPushButton("New contact for every &tie…")
        self.edit_button = QPushButton("&Edit…")
        self.delete_button = QPushButton("De&lete")
        self.membership_button = QPushButton("SCI &membership…")
        row = QHBoxLayout()
        for button in (
            self.new_button,
            self.general_button,
            self.edit_button,
            self.delete_button,
        ):
            row.addWidget(button)
        row.addStretch(1)
        row.addWidget(self.membership_button)
        layout = QVBoxLayout(self)
        layout.addLayout(row)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.address)
        self.new_button.clicked.connect(lambda: self.new_contact(for_tie=True))
        self.general_button.clicked.connect(lambda: self.new_contact(for_tie=False))
        self.edit_button.clicked.connect(lambda: self.edit_contact())
        self.delete_button.clicked.connect(lambda: self.delete_contact())
        self.membership_button.clicked.connect(lambda: self.show_membership())
        self.table.doubleClicked.connect(lambda _i: self.edit_contact())
        self.table.selectionModel().selectionChanged.connect(lambda *_: self._show_current())
        bus.watch(self, areas(Area.CONTACTS, Area.PARTNERSHIPS), self.refresh)
        self._show_current()

    def show_partnership(self, pid: int | None, city: str = "") -> None:
        self._pid, self._city = pid, city
        if self.isVisible():
            self.refresh()

    def showEvent(self, event: QShowEvent) -> None:
        if self._shown != self._pid:
            self.refresh()
        super().showEvent(event)

    def refresh(self) -> None:
        self._shown = self._pid
        try:
            records = self.service.list(self._pid) if self._pid is not None else []
        except ServiceError:
            records = []
        self.model.set_records(records)
        self._show_current()

    def current(self) -> ContactRecord | None:
        return self.model.record(selected_row(self.table))

    def _show_current(self) -> None:
        contact = self.current()
        self.address.setText("\n".join(contact.address_block) if contact else "")
        self.new_button.setEnabled(self._pid is not None)
        self.edit_button.setEnabled(contact is not None)
        self.delete_button.setEnabled(contact is not None)

    def new_contact(self, for_tie: bool) -> None:
        pid = self._pid if for_tie else None
        where = self._city if for_tie else "every tie"
        if ContactDialog.run(self, pid, where, self.service.add) is not None:
            self.bus.say("Contact added.")

    def edit_contact(self) -> None:
        contact = self.current()
        if contact is None:
            return
        where = contact.partner_city or "every tie"
        saved = ContactDialog.run(
            self,
            contact.partnership_id,
            where,
            lambda draft: self.service.update(contact.id, draft),
            contact,
        )
        if saved is not None:
            self.bus.say("Contact saved.")

    def delete_contact(self) -> None:
        contact = self.current()
        if contact is None or not confirm_delete(
            self, "Delete contact", f"Delete the contact {contact.shown_name}?"
        ):
            return
        try:
            self.service.delete(contact.id)
        except ServiceError as exc:
            warn(self, "Delete contact", str(exc))
            return
        self.bus.say("Contact deleted.")

    def show_membership(self) -> None:
        if MembershipDialog.run(self, self.workspace.membership):
            self.bus.say("Sister Cities International membership recorded.")
