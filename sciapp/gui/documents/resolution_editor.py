"""The resolution editor: title, adopting body, clauses, copies, the adopting motion. A new
resolution starts empty (placeholders say what goes in each field, nothing that could be
printed) and is numbered when it is first saved."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QWidget,
)

from sciapp.domain.formats import short_date
from sciapp.gui.documents import output
from sciapp.gui.documents.contact_picker import ContactPicker
from sciapp.gui.documents.editors import DocumentEditor, lines, paragraphs, status_label
from sciapp.gui.locale import ui_locale
from sciapp.services.documents.addressing import copy_line
from sciapp.services.documents.records import ResolutionDraft
from sciapp.services.errors import ServiceError
from sciapp.services.reports import rendering

if TYPE_CHECKING:
    from collections.abc import Callable

    from sciapp.gui.bus import ChangeBus
    from sciapp.pdf.model import Rendered
    from sciapp.services.documents.records import ResolutionRecord
    from sciapp.services.workspace import Workspace


class ResolutionEditor(DocumentEditor):
    created = Signal(str)  # a new resolution's number, once it is first saved

    def __init__(self, workspace: Workspace, bus: ChangeBus, parent: QWidget | None = None) -> None:
        super().__init__(workspace, bus, parent)
        self.number: str | None = None
        self.year = dt.date.today().year  # a new one's year, for its number
        self.status = QLabel()
        self.status.setWordWrap(True)
        self.form.addRow("Status:", self.status)
        self.title = self.field("&Title:", QLineEdit())
        self.body = self.field("&Body:", QComboBox())
        self.preamble = self.field("&Preamble (WHEREAS …):", QPlainTextEdit())
        self.operative = self.field("&Resolved:", QPlainTextEdit())
        self.distribution = self.field("&Copies to:", QPlainTextEdit())
        self.copies_button = QPushButton("Add c&ontacts…")
        self.copies_button.setToolTip("Add contacts of the register to the copies")
        self.copies_button.clicked.connect(lambda: self.add_copies())
        self.form.addRow("", self.copies_button)
        self.sections = self.field("", QCheckBox("Number the resolved clauses SECTION 1, 2 …"))
        self.motion = self.field("Adopted by &motion:", QComboBox())
        self.title.setPlaceholderText("e.g. Welcoming the delegation from Otsu")
        self.preamble.setPlaceholderText(
            "One clause per paragraph; a blank line between "
            "clauses. Start with CONDEMNING, REAFFIRMING … to "
            "replace WHEREAS."
        )
        self.operative.setPlaceholderText(
            "What the body resolves: one clause per paragraph; a blank line between."
        )
        self.distribution.setPlaceholderText("One recipient a line")
        self.distribution.setMaximumHeight(70)
        self.motion.currentIndexChanged.connect(lambda _i: self._link_motion())

    def record_key(self) -> tuple[str, int] | None:
        number = getattr(self, "number", None)
        return ("resolution", self.workspace.documents.resolution(number).id) if number else None

    def is_stored(self) -> bool:
        return self.number is not None

    @property
    def _widgets(self) -> tuple[QWidget, ...]:
        return (
            self.title,
            self.body,
            self.preamble,
            self.operative,
            self.distribution,
            self.copies_button,
            self.sections,
            self.motion,
        )

    def load(self, number: str) -> None:
        record = self.workspace.documents.resolution(number)
        self.number = number
        self._show(record.body_id, record)
        self.status.setText(
            f"<b>{record.number}</b> — {status_label(record.status)}"
            + (", locked" if record.locked else "")
            + (f"; superseded by {record.superseded_by}" if record.superseded_by else "")
            + ("; rescinded by a later motion" if record.rescinded_by is not None else "")
        )
        for widget in self._widgets:  # sealed means locked: the adopting motion too
            widget.setEnabled(not record.locked)
        self.save_button.setEnabled(not record.locked)
        self.history_button.setEnabled(True)
        self._shown()

    def start_new(self, body_id: int, year: int) -> None:
        """A resolution not saved yet: every field empty, saying what goes in it; numbered
        (in `year`) when it is first saved."""
        self.number = None
        self.year = year
        self._show(body_id, None)
        self.status.setText("New — numbered when it is saved")
        for widget in self._widgets:
            widget.setEnabled(widget is not self.motion)  # a motion adopts a saved one
        self.save_button.setEnabled(True)
        self.history_button.setEnabled(False)  # nothing recorded yet
        self._shown()
        self.title.setFocus()

    def _show(self, body_id: int, record: ResolutionRecord | None) -> None:
        for widget in self._widgets:
            widget.blockSignals(True)
        self.body.clear()
        for body in self.workspace.bodies.list_bodies():
            self.body.addItem(body.name, body.id)
        self.body.setCurrentIndex(self.body.findData(body_id))
        self.title.setText(record.title if record else "")
        self.title.setCursorPosition(0)  # a long title shows its start
        self.preamble.setPlainText("\n\n".join(record.preamble) if record else "")
        self.operative.setPlainText("\n\n".join(record.operative) if record else "")
        self.distribution.setPlainText("\n".join(record.distribution) if record else "")
        self.sections.setChecked(record.sections if record else False)
        self.motion.clear()
        self.motion.addItem("(none: status set by hand)", None)
        if record is not None:  # a new one is adopted once saved
            for motion in self.workspace.motions.all_motions():
                if motion.body_id == record.body_id:
                    day = short_date(motion.meeting_date, ui_locale())
                    self.motion.addItem(f"{day}: {motion.text[:60]}", motion.id)
            self.motion.setCurrentIndex(max(0, self.motion.findData(record.motion_id)))
        for widget in self._widgets:
            widget.blockSignals(False)

    def _shown(self) -> None:
        self.problem.clear()
        self.timer.stop()
        self.mark_clean()  # first: the preview of a clean document is the stored one
        self.refresh_preview()

    def draft(self) -> ResolutionDraft:
        return ResolutionDraft(
            title=self.title.text(),
            body_id=self.body.currentData(),
            preamble=paragraphs(self.preamble.toPlainText()),
            operative=paragraphs(self.operative.toPlainText()),
            distribution=lines(self.distribution.toPlainText()),
            sections=self.sections.isChecked(),
        )

    def add_copies(self) -> None:
        """Contacts the clerk picks, added to the copies (each once, after those there)."""
        picker = ContactPicker(self.workspace, self, several=True, verb="&Add")
        if not picker.exec_and_free():
            return
        have = list(lines(self.distribution.toPlainText()))
        added = [line for line in map(copy_line, picker.picked()) if line not in have]
        if added:
            self.distribution.setPlainText("\n".join(have + added))

    def rendering_job(self) -> Callable[[], Rendered]:
        workspace, number = self.workspace, self.number
        # Unchanged: the stored document, sealed once adopted; else the text as typed.
        draft = self.draft() if self.unsaved or number is None else None
        return lambda: rendering.render_resolution(workspace, number, draft)

    def stored(self) -> Rendered:
        assert self.number is not None
        return rendering.render_resolution(self.workspace, self.number)

    def save(self) -> None:
        number, draft = self.number, self.draft()
        try:
            with self.bus.acting_for(self):
                if number is None:
                    number = self.workspace.documents.create_resolution(draft, self.year).number
                else:
                    self.workspace.documents.update_resolution(number, draft)
        except ServiceError as exc:
            self.problem.setText(str(exc))
            return
        new = self.number is None
        if new:
            self.load(number)  # numbered now: its motion can be chosen, its history shown
            self.created.emit(number)
        self.problem.clear()
        self.mark_clean()
        self.bus.say(f"Saved resolution {number}.")

    def _link_motion(self) -> None:
        if self.number is None:
            return
        try:
            with self.bus.acting_for(self):
                self.workspace.documents.link_motion(self.number, self.motion.currentData())
        except ServiceError as exc:
            self.problem.setText(str(exc))
        self.load(self.number)

    def file_name(self) -> str:
        return output.file_name("Resolution", self.number or "")
