"""Pick contacts of the register for a document: a letter's inside address and salutation
(one contact), a resolution's "Copies to" (one or more). Each partnership's contacts by city,
then those beyond any one tie (embassies, Sister Cities International); the inside address
of the one under the cursor is shown before it is used."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialogButtonBox,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)

from sciapp.gui.widgets.dialogs import Dialog
from sciapp.services.documents.addressing import inside_address

if TYPE_CHECKING:
    from sciapp.services.partnerships.contacts import ContactRecord
    from sciapp.services.workspace import Workspace


def contact_label(contact: ContactRecord) -> str:
    """ "Otsu — Mayor — 佐藤 直美 (Naomi Sato)"; "Every tie — …" beyond any one tie."""
    return f"{contact.partner_city or 'Every tie'} — {contact.role.label} — {contact.shown_name}"


class ContactPicker(Dialog):
    def __init__(
        self,
        workspace: Workspace,
        parent: QWidget | None = None,
        *,
        several: bool = False,
        verb: str = "&Use",
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle("Copies to: choose contacts" if several else "Address a contact")
        self.contacts = workspace.contacts.list()
        self.listing = QListWidget()
        self.listing.setAccessibleName("Contacts")
        if several:
            self.listing.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        for contact in self.contacts:
            item = QListWidgetItem(contact_label(contact))
            item.setData(Qt.ItemDataRole.UserRole, contact.id)
            self.listing.addItem(item)
        self.address = QLabel()
        self.address.setObjectName("pickedAddress")
        self.address.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.address.setMinimumHeight(90)
        self.address.setAlignment(Qt.AlignmentFlag.AlignTop)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.use_button = self.buttons.addButton(verb, QDialogButtonBox.ButtonRole.AcceptRole)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        hint = "Contacts are kept on each partnership's Contacts tab."
        if not self.contacts:
            hint = "No contacts yet: add them on a partnership's Contacts tab."
        layout.addWidget(QLabel(hint))
        layout.addWidget(self.listing, 1)
        layout.addWidget(self.address)
        layout.addWidget(self.buttons)
        self.listing.itemSelectionChanged.connect(self._selected)
        self.listing.itemDoubleClicked.connect(lambda _item: self.accept())
        self.resize(680, 420)
        self._selected()

    def picked(self) -> list[ContactRecord]:
        """The contacts chosen, in the listing's order."""
        chosen = {item.data(Qt.ItemDataRole.UserRole) for item in self.listing.selectedItems()}
        return [c for c in self.contacts if c.id in chosen]

    def _selected(self) -> None:
        picked = self.picked()
        self.use_button.setEnabled(bool(picked))
        self.address.setText("\n".join(inside_address(picked[-1])) if picked else "")
