"""A letterhead and its usual signers: the register's general one (with the resolution
numbering), or a body's own (from the body's dialog)."""

from __future__ import annotations

from dataclasses import fields

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
from sciapp.services.documents.records import DocumentSettings, LetterheadSettings, Person


class LetterheadDialog(Dialog):
    """The letterhead and usual signers. With `numbering` (the general letterhead) it also
    sets how resolutions are numbered; a body's own letterhead has no numbering."""

    def __init__(
        self,
        parent: QWidget | None,
        settings: LetterheadSettings,
        numbering: bool = True,
        title: str = "Letterhead and signers",
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.name = QLineEdit(settings.name)
        self.name.setPlaceholderText("e.g. City of Lansing — City Council")
        self.address = QPlainTextEdit("\n".join(settings.address))
        self.address.setPlaceholderText("One line a line")
        self.address.setMaximumHeight(60)
        self.address.setTabChangesFocus(True)
        self.phone = QLineEdit(settings.phone)
        self.web = QLineEdit(settings.web)
        self.seal = QLineEdit(settings.seal)
        self.seal.setPlaceholderText("path to a seal or logo image (optional)")
        self.paper = QComboBox()
        self.paper.addItem("US Letter", "letter")
        self.paper.addItem("A4", "a4")
        self.paper.setCurrentIndex(max(0, self.paper.findData(settings.paper)))
        self.presiding = QLineEdit(_person(settings.presiding))
        self.presiding.setPlaceholderText("Name, Title: e.g. Carol Whitaker, Council President")
        self.clerk = QLineEdit(_person(settings.clerk))
        self.clerk.setPlaceholderText("Name, Title: e.g. Andrea Lopez, City Clerk")
        attorney = settings.attorney
        self.attorney = QLineEdit(_person(attorney) if attorney else "")
        self.attorney.setPlaceholderText("Name, Title: adds APPROVED AS TO FORM (optional)")
        numbers = settings.numbering if isinstance(settings, DocumentSettings) else ""
        self.numbering = QLineEdit(numbers or DocumentSettings.numbering)
        form = QFormLayout(self)
        rows = [
            ("Letterhead's &name:", self.name),
            ("&Address:", self.address),
            ("&Phone:", self.phone),
            ("&Web:", self.web),
            ("&Seal:", self.seal),
            ("Pape&r:", self.paper),
            ("Presi&ding signer:", self.presiding),
            ("&Clerk:", self.clerk),
            ("Approved as to &form:", self.attorney),
        ]
        if numbering:
            rows.append(("Resolution n&umbers:", self.numbering))
        for label, widget in rows:
            widget.setAccessibleName(label.replace("&", "").rstrip(":"))
            form.addRow(label, widget)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)
        self.setMinimumWidth(480)

    @classmethod
    def run(cls, parent: QWidget | None, settings: DocumentSettings) -> DocumentSettings | None:
        """The general letterhead, signers and numbering as changed, or None when cancelled."""
        dialog = cls(parent, settings)
        return dialog.settings() if dialog.exec_and_free() else None

    @classmethod
    def ask(
        cls, parent: QWidget | None, settings: LetterheadSettings, title: str
    ) -> LetterheadSettings | None:
        """A body's own letterhead: the one entered, or None when cancelled."""
        dialog = cls(parent, settings, numbering=False, title=title)
        return dialog.letterhead() if dialog.exec_and_free() else None

    def letterhead(self) -> LetterheadSettings:
        """What the form says (read whenever asked: the form stays filled in)."""
        return LetterheadSettings(
            name=self.name.text().strip(),
            address=lines(self.address.toPlainText()),
            phone=self.phone.text().strip(),
            web=self.web.text().strip(),
            seal=self.seal.text().strip(),
            paper=self.paper.currentData(),
            presiding=_parse(self.presiding.text(), "Mayor"),
            clerk=_parse(self.clerk.text(), "City Clerk"),
            attorney=_parse(self.attorney.text(), "City Attorney")
            if self.attorney.text().strip()
            else None,
        )

    def settings(self) -> DocumentSettings:
        head = self.letterhead()
        return DocumentSettings(
            **{f.name: getattr(head, f.name) for f in fields(LetterheadSettings)},
            numbering=self.numbering.text().strip() or DocumentSettings.numbering,
        )


def _person(person: Person) -> str:
    return f"{person.name}, {person.title}"


def _parse(text: str, default_title: str) -> Person:
    name, _, title = text.partition(",")
    return Person(name.strip(), title.strip() or default_title)
