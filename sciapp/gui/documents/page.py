"""The documents area: resolutions and letters, each list beside its editor and preview."""

from __future__ import annotations

import datetime as dt
from contextlib import suppress
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPushButton,
    QSplitter,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from sciapp.domain.countries import country_name
from sciapp.domain.formats import short_date
from sciapp.gui.bus import ChangeBus, areas
from sciapp.gui.documents.editors import status_label
from sciapp.gui.documents.letter_editor import LetterEditor
from sciapp.gui.documents.letterhead_dialog import LetterheadDialog
from sciapp.gui.documents.resolution_editor import ResolutionEditor
from sciapp.gui.locale import ui_locale
from sciapp.gui.widgets.dialogs import Dialog
from sciapp.services.changes import Area
from sciapp.services.documents.records import LetterDraft
from sciapp.services.documents.templates import TEMPLATES, fits, template_draft
from sciapp.services.errors import ServiceError

if TYPE_CHECKING:
    from collections.abc import Callable

    from PySide6.QtGui import QShowEvent

    from sciapp.services.workspace import Workspace


class TemplateDialog(Dialog):
    """Which template, for which partnership: `TemplateDialog.ask(...)` → (key, id) or None."""

    def __init__(self, parent: QWidget | None, workspace: Workspace) -> None:
        super().__init__(parent)
        self.setWindowTitle("Letter from a template")
        self.template = QComboBox()
        for key, template in TEMPLATES.items():
            self.template.addItem(template["title"], key)
        self.partnership = QComboBox()
        self._rows = sorted(workspace.partnerships.list_rows(), key=lambda r: r.partner_city)
        self.template.setAccessibleName("Template")
        self.partnership.setAccessibleName("Partnership")
        self.note = QLabel()
        self.note.setWordWrap(True)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText("&Write the letter")
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        form = QFormLayout(self)
        form.addRow("&Template:", self.template)
        form.addRow("&Partnership:", self.partnership)
        form.addRow(self.note)
        form.addRow(self.buttons)
        self.setMinimumWidth(460)
        self.template.currentIndexChanged.connect(lambda _i: self._fill_partnerships())
        self._fill_partnerships()

    def _fill_partnerships(self) -> None:
        """Only the partnerships the template is for (a suspension notice: suspended ones)."""
        key = self.template.currentData()
        self.partnership.clear()
        for row in self._rows:
            if fits(key, row.status):
                self.partnership.addItem(
                    f"{row.partner_city}, {country_name(row.partner_country)}", row.id
                )
        found = self.partnership.count() > 0
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(found)
        self.note.setText(
            "The letter is filled in from the partnership's record; edit it before sending."
            if found
            else "No partnership in the register is "
            + " or ".join(TEMPLATES[key]["requires"])
            + ": this template has nothing to write about."
        )

    @classmethod
    def ask(cls, parent: QWidget | None, workspace: Workspace) -> tuple[str, int] | None:
        dialog = cls(parent, workspace)
        accepted = dialog.exec_and_free()
        choice = (dialog.template.currentData(), dialog.partnership.currentData())
        return choice if accepted and choice[1] is not None else None


class DocumentsPage(QWidget):
    def __init__(
        self,
        workspace: Workspace,
        bus: ChangeBus,
        today: Callable[[], dt.date] = dt.date.today,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.workspace = workspace
        self.bus = bus
        self.today = today
        self.tabs = QTabWidget()
        self.resolutions = QListWidget()
        self.resolutions.setAccessibleName("Resolutions")
        self.resolution_editor = ResolutionEditor(workspace, bus)
        self.letters = QListWidget()
        self.letters.setAccessibleName("Letters")
        self.letter_editor = LetterEditor(workspace, bus)
        for listing in (self.resolutions, self.letters):  # a narrow pane wraps, never cuts
            listing.setWordWrap(True)
            listing.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
            listing.setSpacing(2)
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
        self.letter_editor.created.connect(
            lambda letter_id: self._reselect(self.letters, letter_id)
        )
        self.resolution_editor.created.connect(
            lambda number: self._reselect(self.resolutions, number)
        )
        self.new_resolution_button.clicked.connect(lambda: self.new_resolution())
        self.new_letter_button.clicked.connect(lambda: self.new_letter())
        self.template_button.clicked.connect(lambda: self.letter_from_template())
        self.settings_button.clicked.connect(lambda: self.edit_settings())
        self._loaded = False
        # A vote adopts a resolution; a renamed body changes its heading: list and editors follow.
        watched = areas(Area.DOCUMENTS, Area.VOTES, Area.MEMBERS)
        bus.watch(self, watched, self._refresh_if_loaded)
        bus.watch(self, watched, self._reload_editors, ignore_own=True)

    def _refresh_if_loaded(self) -> None:
        if self._loaded:
            self.refresh(keep=True)

    def showEvent(self, event: QShowEvent) -> None:
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

    def _reload_editors(self) -> None:
        """Changed elsewhere (a vote adopted the resolution shown): read it again, unless
        its text is being edited."""
        if not self._loaded:
            return
        resolution, letter = self.resolution_editor, self.letter_editor
        # Never drop what is being typed; a record deleted meanwhile is left as shown.
        if resolution.number is not None and not resolution.unsaved:
            with suppress(ServiceError):
                resolution.load(resolution.number)
        if letter.letter_id is not None and not letter.unsaved:
            with suppress(ServiceError):
                letter.load(letter.letter_id)

    def refresh(self, keep: bool = False) -> None:
        self._loaded = True
        current_r = self.resolutions.currentRow() if keep else 0
        current_l = self.letters.currentRow() if keep else 0
        for widget in (self.resolutions, self.letters):
            widget.blockSignals(True)
            widget.clear()
        for r in self.workspace.documents.list_resolutions():
            item = QListWidgetItem(f"{r.number} · {status_label(r.status)}\n{_shown(r.title)}")
            item.setToolTip(r.title)
            item.setData(Qt.ItemDataRole.UserRole, r.number)
            self.resolutions.addItem(item)
        for letter in self.workspace.documents.list_letters():
            d = letter.draft
            item = QListWidgetItem(
                f"{short_date(d.date, ui_locale())} · {_shown(d.subject or d.salutation)}"
            )
            item.setData(Qt.ItemDataRole.UserRole, letter.id)
            self.letters.addItem(item)
        for widget, row in ((self.resolutions, current_r), (self.letters, current_l)):
            widget.blockSignals(False)
            if widget.count():
                widget.blockSignals(True)
                widget.setCurrentRow(max(0, min(row, widget.count() - 1)))
                widget.blockSignals(False)
        if not keep:
            self._open_resolution(force=True)
            self._open_letter(force=True)

    def _open_resolution(self, force: bool = False) -> None:
        item = self.resolutions.currentItem()
        editor = self.resolution_editor
        key = item.data(Qt.ItemDataRole.UserRole) if item is not None else None
        if key is None or (key == editor.number and not force):
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

    def new_resolution(self) -> None:
        bodies = self.workspace.bodies.list_bodies()
        if not bodies:
            QMessageBox.information(
                self,
                "New resolution",
                "Add the city council or another body in the Members area first.",
            )
            return
        if not self.resolution_editor.confirm_leave():
            return
        body = next((b for b in bodies if b.kind.value == "council"), bodies[0])
        self.tabs.setCurrentIndex(0)
        self.resolutions.blockSignals(True)
        self.resolutions.setCurrentRow(-1)  # none of the saved ones
        self.resolutions.blockSignals(False)
        # Empty, its fields saying what goes in them; numbered when first saved.
        self.resolution_editor.start_new(body.id, self.today().year)

    def new_letter(self, draft: LetterDraft | None = None) -> int | None:
        """A template's letter is saved at once and opened (its id); a blank one opens in
        the editor unsaved, from the commission, signed by its chair (None)."""
        if not self.letter_editor.confirm_leave():
            return None
        self.tabs.setCurrentIndex(1)
        if draft is None:
            writer = self.workspace.documents.letter_writer("commission", self.today())
            self.letters.blockSignals(True)
            self.letters.setCurrentRow(-1)
            self.letters.blockSignals(False)
            self.letter_editor.start_new(
                LetterDraft(
                    self.today(), (), "", (), signers=(writer.signer,), body_id=writer.body_id
                )
            )
            return None
        with self.bus.acting_for(self):
            record = self.workspace.documents.save_letter(draft)
        self._select(self.letters, record.id)
        return record.id

    def letter_from_template(self) -> int | None:
        choice = TemplateDialog.ask(self, self.workspace)
        if choice is None:
            return None
        key, partnership_id = choice
        settings = self.workspace.documents.settings()
        # Written by the side the template speaks for, on its letterhead, signed by its chair.
        writer = self.workspace.documents.letter_writer(TEMPLATES[key]["from"], self.today())
        try:
            draft = template_draft(
                key,
                self.workspace.partnerships.get(partnership_id),
                settings.name,
                self.today(),
                (writer.signer,),
                writer.body_id,
            )
        except ServiceError as exc:
            QMessageBox.warning(self, "Letter from a template", str(exc))
            return None
        return self.new_letter(draft)

    def edit_settings(self) -> None:
        changed = LetterheadDialog.run(self, self.workspace.documents.settings())
        if changed is not None:
            try:
                self.workspace.documents.save_settings(changed)
            except ServiceError as exc:
                QMessageBox.warning(self, "Letterhead and signers", str(exc))

    def _select(self, widget: QListWidget, key: object) -> None:
        self.refresh(keep=True)
        for row in range(widget.count()):
            if widget.item(row).data(Qt.ItemDataRole.UserRole) == key:
                widget.setCurrentRow(row)
                break
        # Open it even when the new record took the row that was already current.
        if widget is self.resolutions:
            self._open_resolution()
        else:
            self._open_letter()


def _shown(text: str, limit: int = 100) -> str:
    """A title in a list line: whole, or cut at a word with "…" (never mid-word)."""
    import textwrap

    return textwrap.shorten(text, limit, placeholder=" …")
