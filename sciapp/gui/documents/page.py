"""The documents area: resolutions and letters, each list beside its editor and preview."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QInputDialog,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from sciapp.domain.countries import country_name
from sciapp.gui.documents.editors import LetterEditor, ResolutionEditor, lines
from sciapp.services.document_records import DocumentSettings, LetterDraft, Person, ResolutionDraft
from sciapp.services.errors import ServiceError
from sciapp.services.letter_templates import TEMPLATES, template_draft
from sciapp.services.workspace import Workspace


class LetterheadDialog(QDialog):
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


class DocumentsPage(QWidget):
    def __init__(
        self,
        workspace: Workspace,
        today: Callable[[], dt.date] = dt.date.today,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.workspace = workspace
        self.today = today
        self.tabs = QTabWidget()
        self.resolutions = QListWidget()
        self.resolutions.setAccessibleName("Resolutions")
        self.resolution_editor = ResolutionEditor(workspace)
        self.letters = QListWidget()
        self.letters.setAccessibleName("Letters")
        self.letter_editor = LetterEditor(workspace)
        self.new_resolution_button = QPushButton("&New resolution")
        self.new_letter_button = QPushButton("New &letter")
        self.template_button = QPushButton("Letter from &template…")
        self.settings_button = QPushButton("Letterhead and &signers…")
        self.tabs.addTab(
            self._pane(self.resolutions, self.resolution_editor, [self.new_resolution_button]),
            "&Resolutions",
        )
        self.tabs.addTab(
            self._pane(
                self.letters, self.letter_editor, [self.new_letter_button, self.template_button]
            ),
            "Le&tters",
        )
        top = QHBoxLayout()
        top.addStretch(1)
        top.addWidget(self.settings_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 4, 8, 8)
        layout.addLayout(top)
        layout.addWidget(self.tabs, 1)
        self.resolutions.currentRowChanged.connect(lambda _r: self._open_resolution())
        self.letters.currentRowChanged.connect(lambda _r: self._open_letter())
        self.resolution_editor.saved.connect(lambda: self.refresh(keep=True))
        self.letter_editor.saved.connect(lambda: self.refresh(keep=True))
        self.new_resolution_button.clicked.connect(self.new_resolution)
        self.new_letter_button.clicked.connect(self.new_letter)
        self.template_button.clicked.connect(self.letter_from_template)
        self.settings_button.clicked.connect(self.edit_settings)
        self._loaded = False

    def showEvent(self, event) -> None:  # type: ignore[no-untyped-def]
        if not self._loaded:  # rendering previews waits until the area is opened
            self.refresh()
        super().showEvent(event)

    @staticmethod
    def _pane(listing: QListWidget, editor: QWidget, buttons: list[QPushButton]) -> QWidget:
        left = QWidget()
        column = QVBoxLayout(left)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(listing, 1)
        for button in buttons:
            column.addWidget(button)
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(left)
        splitter.addWidget(editor)
        splitter.setSizes([220, 1000])
        return splitter

    def refresh(self, keep: bool = False) -> None:
        self._loaded = True
        current_r = self.resolutions.currentRow() if keep else 0
        current_l = self.letters.currentRow() if keep else 0
        for widget in (self.resolutions, self.letters):
            widget.blockSignals(True)
            widget.clear()
        for r in self.workspace.documents.list_resolutions():
            item = QListWidgetItem(f"{r.number} · {r.status}\n{r.title[:60]}")
            item.setData(Qt.ItemDataRole.UserRole, r.number)
            self.resolutions.addItem(item)
        for letter in self.workspace.documents.list_letters():
            d = letter.draft
            item = QListWidgetItem(f"{d.date} · {d.subject or d.salutation}"[:70])
            item.setData(Qt.ItemDataRole.UserRole, letter.id)
            self.letters.addItem(item)
        for widget, row in ((self.resolutions, current_r), (self.letters, current_l)):
            widget.blockSignals(False)
            if widget.count():
                widget.setCurrentRow(max(0, min(row, widget.count() - 1)))
        if not keep:
            self._open_resolution(force=True)
            self._open_letter(force=True)

    def _open_resolution(self, force: bool = False) -> None:
        item = self.resolutions.currentItem()
        editor = self.resolution_editor
        key = item.data(Qt.ItemDataRole.UserRole) if item is not None else None
        if key is None or (key == getattr(editor, "number", None) and not force):
            return
        if not editor.confirm_leave():
            self._reselect(self.resolutions, editor.number)
            return
        editor.load(key)

    def _open_letter(self, force: bool = False) -> None:
        item = self.letters.currentItem()
        editor = self.letter_editor
        key = item.data(Qt.ItemDataRole.UserRole) if item is not None else None
        if key is None or (key == editor.letter_id and not force):
            return
        if not editor.confirm_leave():
            self._reselect(self.letters, editor.letter_id)
            return
        editor.load(key)

    def _reselect(self, widget: QListWidget, key: object) -> None:
        """Stay on the document being edited (the user chose to keep its changes)."""
        widget.blockSignals(True)
        for row in range(widget.count()):
            if widget.item(row).data(Qt.ItemDataRole.UserRole) == key:
                widget.setCurrentRow(row)
        widget.blockSignals(False)

    def confirm_leave(self) -> bool:
        return self.resolution_editor.confirm_leave() and self.letter_editor.confirm_leave()

    def new_resolution(self) -> str | None:
        bodies = self.workspace.bodies.list_bodies()
        if not bodies:
            QMessageBox.information(
                self,
                "New resolution",
                "Add the city council or another body in the Members area first.",
            )
            return None
        body = next((b for b in bodies if b.kind.value == "council"), bodies[0])
        record = self.workspace.documents.create_resolution(
            ResolutionDraft("New resolution", body.id, (), ("(operative clause)",)),
            year=self.today().year,
        )
        self._select(self.resolutions, record.number)
        return record.number

    def new_letter(self, draft: LetterDraft | None = None) -> int:
        settings = self.workspace.documents.settings()
        draft = draft or LetterDraft(
            self.today(), ("(recipient)",), "Dear …:", ("(text)",), signers=(settings.presiding,)
        )
        record = self.workspace.documents.save_letter(draft)
        self.tabs.setCurrentIndex(1)
        self._select(self.letters, record.id)
        return record.id

    def letter_from_template(
        self, key: str | None = None, partnership_id: int | None = None
    ) -> None:
        if key is None:
            titles = [t["title"] for t in TEMPLATES.values()]
            title, ok = QInputDialog.getItem(
                self, "Letter from template", "Template:", titles, 0, False
            )
            if not ok:
                return
            key = list(TEMPLATES)[titles.index(title)]
        if partnership_id is None:
            rows = sorted(self.workspace.partnerships.list_rows(), key=lambda r: r.partner_city)
            names = [f"{r.partner_city}, {country_name(r.partner_country)}" for r in rows]
            name, ok = QInputDialog.getItem(
                self, "Letter from template", "Partnership:", names, 0, False
            )
            if not ok or not rows:
                return
            partnership_id = rows[names.index(name)].id
        settings = self.workspace.documents.settings()
        try:
            draft = template_draft(
                key,
                self.workspace.partnerships.get(partnership_id),
                settings.name,
                self.today(),
                (settings.presiding,),
            )
        except ServiceError as exc:
            QMessageBox.warning(self, "Letter from template", str(exc))
            return
        self.new_letter(draft)

    def edit_settings(self) -> None:
        dialog = LetterheadDialog(self, self.workspace.documents.settings())
        if dialog.exec() == QDialog.DialogCode.Accepted:
            try:
                self.workspace.documents.save_settings(dialog.settings())
            except ServiceError as exc:
                QMessageBox.warning(self, "Letterhead and signers", str(exc))
            self.refresh(keep=True)
            self._open_resolution()
            self._open_letter()

    def _select(self, widget: QListWidget, key: object) -> None:
        self.refresh(keep=True)
        for row in range(widget.count()):
            if widget.item(row).data(Qt.ItemDataRole.UserRole) == key:
                widget.setCurrentRow(row)
                return
