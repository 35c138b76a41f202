"""Add or edit a contact: role, the name in its own script and in Latin letters, the
organisation, the address lines as the post there writes them, email, phone, language."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import (
    QComboBox,
    QDialogButtonBox,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from sciapp.domain.activities import ContactRole
from sciapp.gui.widgets.dialogs import Dialog
from sciapp.gui.widgets.validated_form import ValidatedForm, error_label
from sciapp.services.partnerships.contacts import ContactDraft, ContactRecord

Save = Callable[[ContactDraft], ContactRecord]


class ContactDialog(Dialog):
    """Use `ContactDialog.run(...)`: the saved contact's id, or None."""

    def __init__(
        self,
        parent: QWidget | None,
        partnership_id: int | None,
        where: str,
        save: Save,
        record: ContactRecord | None = None,
    ) -> None:
        super().__init__(parent)
        self._partnership_id = partnership_id
        self._save = save
        self.saved: int | None = None
        self.setWindowTitle(f"{'Edit' if record else 'New'} contact: {where}")
        self.setMinimumWidth(500)
        form = self.form = ValidatedForm()
        self.role = QComboBox()
        for role in ContactRole:
            self.role.addItem(role.label, role.value)
        form.add_field("role", "&Role:", self.role)
        self.name = QLineEdit()
        self.name.setPlaceholderText("as they write it: 佐藤 直美")
        form.add_field("name", "&Name (own script):", self.name)
        self.name_latin = QLineEdit()
        self.name_latin.setPlaceholderText("Naomi Sato")
        form.add_field("name_latin", "Name (&Latin letters):", self.name_latin)
        self.organisation = QLineEdit()
        form.add_field("organisation", "&Organisation:", self.organisation)
        self.address = QPlainTextEdit()
        self.address.setTabChangesFocus(True)
        self.address.setPlaceholderText("one line per line of the address")
        self.address.setMaximumHeight(90)
        form.add_field("address", "&Address:", self.address)
        self.email = QLineEdit()
        form.add_field("email", "&Email:", self.email)
        self.phone = QLineEdit()
        form.add_field("phone", "&Phone:", self.phone)
        self.language = QLineEdit()
        form.add_field("language", "Lan&guage:", self.language)
        self.notes = QPlainTextEdit()
        self.notes.setTabChangesFocus(True)
        self.notes.setMaximumHeight(60)
        form.add_field("notes", "No&tes:", self.notes)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        self.problem = error_label()
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.problem)
        layout.addWidget(self.buttons)
        self.buttons.accepted.connect(self._accept)
        self.buttons.rejected.connect(self.reject)
        if record is not None:
            self.role.setCurrentIndex(self.role.findData(record.role.value))
            self.name.setText(record.name)
            self.name_latin.setText(record.name_latin)
            self.organisation.setText(record.organisation)
            self.address.setPlainText("\n".join(record.address))
            self.email.setText(record.email)
            self.phone.setText(record.phone)
            self.language.setText(record.language)
            self.notes.setPlainText(record.notes)
        elif partnership_id is None:
            self.role.setCurrentIndex(self.role.findData(ContactRole.SCI.value))

    @classmethod
    def run(
        cls,
        parent: QWidget | None,
        partnership_id: int | None,
        where: str,
        save: Save,
        record: ContactRecord | None = None,
    ) -> int | None:
        dialog = cls(parent, partnership_id, where, save, record)
        return dialog.saved if dialog.exec_and_free() else None

    def draft(self) -> ContactDraft:
        return ContactDraft(
            role=ContactRole(self.role.currentData()),
            name=self.name.text(),
            partnership_id=self._partnership_id,
            name_latin=self.name_latin.text(),
            organisation=self.organisation.text(),
            address=tuple(self.address.toPlainText().splitlines()),
            email=self.email.text(),
            phone=self.phone.text(),
            language=self.language.text(),
            notes=self.notes.toPlainText(),
        )

    def _accept(self) -> None:
        saved = self.form.submit(self.problem, lambda: self._save(self.draft()))
        if saved is not None:
            self.saved = saved.id
            self.accept()
