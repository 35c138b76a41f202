"""The letterhead and usual signers of the documents, set once."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QComboBox,
    QDialogButtonBox,
    QFormLayout,
    QLineEdit,
    QPlainTextEdit,
    QWidget,
)

from sciapp.gui.documents.editors import lines
from sciapp.gui.widgets.dialogs import Dialog
from sciapp.services.documents.records import DocumentSettings, Person


class LetterheadDialog(Dialog):
    """The letterhead and usual signers, set once."""

    def __init__(self, parent: QWidget | None, settings: DocumentSettings) -> None:
        super().__init__(parent)
        self.setWindowTitle("Letterhead and signers")
        self.name = QLineEdit(settings.name)
        self.address = QPlainTextEdit("\n".join(settings.address))
        self.address.setMaximumHeight(60)
        self.phone = QLineEdit(settings.phone)
        self.web = QLineEdit(settings.web)
        self.seal = QLineEdit(settings.seal)
        self.seal.setPlaceholderText("path to a seal or logo image (optional)")
        self.paper = QComboBox()
        self.paper.addItem("US Letter", "letter")
        self.paper.addItem("A4", "a4")
        self.paper.setCurrentIndex(self.paper.findData(settings.paper))
        self.presiding = QLineEdit(f"{settings.presiding.name}, {settings.presiding.title}")
        self.clerk = QLineEdit(f"{settings.clerk.name}, {settings.clerk.title}")
        attorney = settings.attorney
        self.attorney = QLineEdit(f"{attorney.name}, {attorney.title}" if attorney else "")
        self.attorney.setPlaceholderText("Name, Title: adds APPROVED AS TO FORM (optional)")
        self.numbering = QLineEdit(settings.numbering)
        form = QFormLayout(self)
        for label, widget in (
            ("Body's &name:", self.name),
            ("&Address:", self.address),
            ("&Phone:", self.phone),
            ("&Web:", self.web),
            ("&Seal:", self.seal),
            ("Pape&r:", self.paper),
            ("Presi&ding signer:", self.presiding),
            ("&Clerk:", self.clerk),
            ("Approved as to &form:", self.attorney),
            ("Resolution n&umbers:", self.numbering),
        ):
            widget.setAccessibleName(label.replace("&", "").rstrip(":"))
            form.addRow(label, widget)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)

    @classmethod
    def run(cls, parent: QWidget | None, settings: DocumentSettings) -> DocumentSettings | None:
        """The letterhead and signers as changed, or None when cancelled."""
        dialog = cls(parent, settings)
        return dialog.settings() if dialog.exec_and_free() else None

    def settings(self) -> DocumentSettings:
        def person(text: str, default_title: str) -> Person:
            name, _, title = text.partition(",")
            return Person(name.strip(), title.strip() or default_title)

        return DocumentSettings(
            name=self.name.text().strip(),
            address=lines(self.address.toPlainText()),
            phone=self.phone.text().strip(),
            web=self.web.text().strip(),
            seal=self.seal.text().strip(),
            paper=self.paper.currentData(),
            presiding=person(self.presiding.text(), "Mayor"),
            clerk=person(self.clerk.text(), "City Clerk"),
            attorney=person(self.attorney.text(), "City Attorney")
            if self.attorney.text().strip()
            else None,
            numbering=self.numbering.text().strip() or "{year}-{seq:02}",
        )
