"""The letter editor: the body that writes it (whose letterhead heads it), inside address,
subject, body, closing and signers, with the printed page beside it. A new letter starts
empty, its fields saying what goes in them: nothing is printed that the clerk did not type."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QDate, Signal
from PySide6.QtWidgets import QComboBox, QLineEdit, QPlainTextEdit, QPushButton, QWidget

from sciapp.gui.documents import output
from sciapp.gui.documents.contact_picker import ContactPicker
from sciapp.gui.documents.editors import DocumentEditor, lines, paragraphs
from sciapp.gui.widgets.pickers import date_picker, picked_date
from sciapp.services.documents.addressing import inside_address, salutation
from sciapp.services.documents.records import LetterDraft, Person
from sciapp.services.errors import ServiceError
from sciapp.services.reports import rendering

if TYPE_CHECKING:
    from collections.abc import Callable

    from sciapp.gui.bus import ChangeBus
    from sciapp.pdf.model import Rendered
    from sciapp.services.workspace import Workspace


class LetterEditor(DocumentEditor):
    created = Signal(int)  # a new letter was saved for the first time: its id

    def __init__(self, workspace: Workspace, bus: ChangeBus, parent: QWidget | None = None) -> None:
        super().__init__(workspace, bus, parent)
        self.letter_id: int | None = None
        self.writer = self.field("&From:", QComboBox())
        self.writer.setToolTip("The body that writes the letter: its letterhead heads it")
        self.date = self.field("&Date:", date_picker())
        self.to = self.field("&To:", QPlainTextEdit())
        self.to.setPlaceholderText("Name and title, one line each, then the address")
        self.to.setMaximumHeight(70)
        self.contacts_button = QPushButton("From c&ontacts…")
        self.contacts_button.setToolTip(
            "Fill the inside address and salutation from a contact of the register"
        )
        self.contacts_button.clicked.connect(lambda: self.address_contact())
        self.form.addRow("", self.contacts_button)
        self.attention = self.field("Attention:", QLineEdit())
        self.attention.setPlaceholderText("optional")
        self.subject = self.field("S&ubject:", QLineEdit())
        self.subject.setPlaceholderText("What the letter is about (names the PDF file)")
        self.salutation = self.field("Sa&lutation:", QLineEdit())
        self.salutation.setPlaceholderText("e.g. Dear Mayor:")
        self.body = self.field("&Body:", QPlainTextEdit())
        self.body.setPlaceholderText(
            "Paragraphs separated by a blank line. **bold**, *italic*; "
            "lines starting with '- ' are a bulleted list."
        )
        self.closing = self.field("&Closing:", QLineEdit())
        self.closing.setPlaceholderText("Sincerely,")
        self.signers = self.field("Si&gners:", QPlainTextEdit())
        self.signers.setPlaceholderText("Name, Title — one signer a line")
        self.signers.setMaximumHeight(60)
        self.cc = self.field("cc:", QLineEdit())
        self.cc.setPlaceholderText("separated by ;")
        self.enclosures = self.field("Enclosures:", QLineEdit())

    def record_key(self) -> tuple[str, int] | None:
        return ("letter", self.letter_id) if self.letter_id else None

    def is_stored(self) -> bool:
        return self.letter_id is not None

    def load(self, letter_id: int) -> None:
        self._show(self.workspace.documents.letter(letter_id).draft, letter_id)

    def start_new(self, draft: LetterDraft) -> None:
        """A letter not saved yet: empty where `draft` is, the fields saying what goes in."""
        self._show(draft, None)
        self.to.setFocus()

    def _writers(self, body_id: int | None) -> None:
        self.writer.blockSignals(True)
        self.writer.clear()
        general = self.workspace.documents.settings().name
        self.writer.addItem(f"The general letterhead ({general})", None)
        for body in self.workspace.bodies.list_bodies():
            self.writer.addItem(body.name, body.id)
        self.writer.setCurrentIndex(max(0, self.writer.findData(body_id)))
        self.writer.blockSignals(False)

    def _show(self, d: LetterDraft, letter_id: int | None) -> None:
        self.letter_id = letter_id
        self.history_button.setEnabled(letter_id is not None)  # a new letter has none yet
        self._writers(d.body_id)
        self.date.setDate(QDate(d.date.year, d.date.month, d.date.day))
        self.to.setPlainText("\n".join(d.to))
        self.attention.setText(d.attention)
        self.subject.setText(d.subject)
        self.salutation.setText(d.salutation)
        self.body.setPlainText("\n\n".join(d.body))
        self.closing.setText(d.closing)
        self.signers.setPlainText("\n".join(f"{s.name}, {s.title}" for s in d.signers))
        self.cc.setText("; ".join(d.cc))
        self.enclosures.setText("; ".join(d.enclosures))
        fields = (self.attention, self.subject, self.salutation, self.closing, self.cc)
        for field in (*fields, self.enclosures):
            field.setCursorPosition(0)  # a long line shows its start, not its end
        self.problem.clear()
        self.timer.stop()
        self.mark_clean()  # first: the preview of a clean document is the stored one
        self.refresh_preview()

    def address_contact(self) -> None:
        """The inside address and salutation from a contact the clerk picks (editable after)."""
        picker = ContactPicker(self.workspace, self)
        if not picker.exec_and_free():
            return
        picked = picker.picked()  # freed once the event loop runs: readable now
        if picked:
            self.to.setPlainText("\n".join(inside_address(picked[0])))
            self.salutation.setText(salutation(picked[0]))
            self.salutation.setCursorPosition(0)

    def draft(self) -> LetterDraft:
        signers = []
        for line in lines(self.signers.toPlainText()):
            name, _, title = line.partition(",")
            signers.append(Person(name.strip(), title.strip()))
        split = lambda text: tuple(p.strip() for p in text.split(";") if p.strip())  # noqa: E731
        return LetterDraft(
            body_id=self.writer.currentData(),
            date=picked_date(self.date),
            to=lines(self.to.toPlainText()),
            salutation=self.salutation.text(),
            body=paragraphs(self.body.toPlainText()),
            closing=self.closing.text() or "Sincerely,",
            signers=tuple(signers),
            subject=self.subject.text(),
            attention=self.attention.text(),
            enclosures=split(self.enclosures.text()),
            cc=split(self.cc.text()),
        )

    def rendering_job(self) -> Callable[[], Rendered]:
        workspace, letter_id, draft = self.workspace, self.letter_id, self.draft()
        return lambda: rendering.render_letter(workspace, letter_id, draft)

    def stored(self) -> Rendered:
        return rendering.render_letter(self.workspace, self.letter_id)

    def save(self) -> None:
        try:
            with self.bus.acting_for(self):
                record = self.workspace.documents.save_letter(self.draft(), self.letter_id)
        except ServiceError as exc:
            self.problem.setText(str(exc))
            return
        new = self.letter_id is None
        self.letter_id = record.id
        self.problem.clear()
        self.mark_clean()
        self.bus.say("Saved the letter.")
        if new:
            self.history_button.setEnabled(True)
            self.created.emit(record.id)

    def file_name(self) -> str:
        """ "2022-03-10 Our sister city relationship with St. Petersburg, Russia.pdf" """
        d = self._current()
        if isinstance(d, LetterDraft):
            what = d.subject.strip() or (d.to[0] if d.to else "") or "Letter"
            return output.file_name(d.date.isoformat(), what)
        return output.file_name("Letter")
