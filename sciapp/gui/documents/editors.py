"""What the resolution and letter editors share: the form beside a live preview of the printed
page, Save, Save as PDF, Print and History (resolution_editor.py, letter_editor.py)."""

from __future__ import annotations

from typing import TYPE_CHECKING, TypeVar

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import (
    QFormLayout,
    QHBoxLayout,
    QMessageBox,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from sciapp.domain.display import choice_label
from sciapp.gui.documents import output
from sciapp.gui.documents.background import BackgroundPreview, Preview
from sciapp.gui.documents.preview import PdfPreview
from sciapp.gui.records.history import AuditDialog
from sciapp.gui.widgets.dialogs import exec_and_free
from sciapp.gui.widgets.validated_form import error_label
from sciapp.services.errors import ServiceError

if TYPE_CHECKING:
    from collections.abc import Callable

    from sciapp.gui.bus import ChangeBus
    from sciapp.pdf.model import Rendered
    from sciapp.services.workspace import Workspace

PREVIEW_DELAY_MS = 600

W = TypeVar("W", bound=QWidget)


def paragraphs(text: str) -> tuple[str, ...]:
    """Clauses or paragraphs are separated by a blank line."""
    return tuple(p.strip() for p in text.split("\n\n") if p.strip())


def lines(text: str) -> tuple[str, ...]:
    return tuple(line.strip() for line in text.splitlines() if line.strip())


class DocumentEditor(QWidget):
    """Form on the left, preview on the right; Save, Save as PDF and Print below the form."""

    def __init__(self, workspace: Workspace, bus: ChangeBus, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.workspace = workspace
        self.bus = bus
        self.form = QFormLayout()
        # Labels go above their fields when the pane is narrow (a 1024-pixel screen).
        self.form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        self.preview = PdfPreview()
        self.problem = error_label()
        self.save_button = QPushButton("&Save")
        self.pdf_button = QPushButton("Save as &PDF…")
        self.print_button = QPushButton("P&rint…")
        self.history_button = QPushButton("&History…")
        self.history_button.clicked.connect(lambda: self.show_history())
        for button, tip in (
            (self.history_button, "Who changed this document, when, and what"),
            (self.save_button, "Save the text"),
            (self.pdf_button, "Write the document as a PDF file"),
            (self.print_button, "Print on a printer of this computer"),
        ):
            button.setToolTip(tip)
        buttons = QHBoxLayout()
        for button in (self.save_button, self.pdf_button, self.print_button):
            buttons.addWidget(button)
        buttons.addWidget(self.history_button)
        buttons.addStretch(1)
        left = QWidget()
        column = QVBoxLayout(left)
        column.addLayout(self.form)
        column.addWidget(self.problem)
        column.addLayout(buttons)
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(left)
        splitter.addWidget(self.preview)
        splitter.setSizes([520, 480])
        QVBoxLayout(self).addWidget(splitter)
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(PREVIEW_DELAY_MS)
        self.timer.timeout.connect(self.preview_later)
        # Typing never waits for the preview: it is rendered on a worker thread.
        self.background = BackgroundPreview(self)
        self.background.ready.connect(self._preview_ready)
        self.background.failed.connect(self._preview_failed)
        self.save_button.clicked.connect(lambda: self.save())
        self.pdf_button.clicked.connect(lambda: self.save_pdf())
        self.print_button.clicked.connect(lambda: self.print_document())

    def field(self, label: str, widget: W) -> W:
        widget.setAccessibleName(label.replace("&", "").rstrip(":"))
        self.form.addRow(label, widget)
        for signal in ("textChanged", "currentIndexChanged", "toggled", "dateChanged"):
            if hasattr(widget, signal):
                getattr(widget, signal).connect(lambda *_: self.timer.start())
                break
        return widget

    # -- to be provided by each editor -----------------------------------------------------

    def draft(self) -> object:
        """The form read now (ValueError/TypeError while it cannot be read yet)."""
        raise NotImplementedError

    def rendering_job(self) -> Callable[[], Rendered]:
        """The form read now, as a job that renders it: callable on any thread."""
        raise NotImplementedError

    def rendered(self) -> Rendered:
        """The form rendered now, on this thread (QWidget.render is Qt's own paint)."""
        return self.rendering_job()()

    def save(self) -> None:
        raise NotImplementedError

    def file_name(self) -> str:
        raise NotImplementedError

    # -- unsaved changes -------------------------------------------------------------------

    _baseline: object = None

    def mark_clean(self) -> None:
        self._baseline = self._current()

    def _current(self) -> object:
        try:
            return self.draft()
        except (ValueError, TypeError, AttributeError):
            return None

    @property
    def unsaved(self) -> bool:
        return self._baseline is not None and self._current() != self._baseline

    def confirm_leave(self) -> bool:
        """Before the text is replaced or the window closes: save, discard, or stay."""
        if not self.unsaved:
            return True
        answer = QMessageBox.question(
            self,
            "Unsaved changes",
            "This document has changes that are not saved. Save them?",
            QMessageBox.StandardButton.Save
            | QMessageBox.StandardButton.Discard
            | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Save,
        )
        if answer == QMessageBox.StandardButton.Save:
            self.save()
            return not self.unsaved  # a refused save keeps the user here, message shown
        return answer == QMessageBox.StandardButton.Discard

    # -- shared ----------------------------------------------------------------------------

    def _render_or_explain(self) -> Rendered | None:
        try:
            return self.rendered()
        except ServiceError as exc:
            self.problem.setText(str(exc))
            return None

    def refresh_preview(self) -> None:
        """The preview now, on this thread (a document just opened)."""
        self.background.cancel()
        rendered = self._render_or_explain()
        if rendered is None:
            return
        self.preview.show_pdf(rendered.pdf, _missing_warning(rendered))

    def preview_later(self) -> None:
        """The preview of the form as it is now, rendered off the UI thread."""
        width, scale = self.preview.target_scale()
        self.background.request(self.rendering_job(), width, scale)

    def _preview_ready(self, preview: Preview) -> None:
        rendered = preview.rendered
        self.preview.show_pages(
            rendered.pdf, preview.images, _missing_warning(rendered), preview.width
        )

    def _preview_failed(self, error: Exception) -> None:
        if not isinstance(error, ServiceError):
            raise error  # a bug: the error handler logs it and says so
        self.problem.setText(str(error))

    def stored(self) -> Rendered:
        """The saved document as `sciapp render` prints it (seal included)."""
        raise NotImplementedError

    def is_stored(self) -> bool:
        """Whether the document shown has been saved at least once (a new letter has not)."""
        return True

    def _ready_to_print(self, title: str) -> bool:
        """What is printed is what is saved: unsaved changes are saved first (or not)."""
        if not self.unsaved and self.is_stored():
            return True
        box = QMessageBox(
            QMessageBox.Icon.Question,
            title,
            "This document has changes that are not saved. What is printed is the saved "
            "document: save the changes first?",
            parent=self,
        )
        save = box.addButton("&Save and continue", QMessageBox.ButtonRole.AcceptRole)
        box.addButton(QMessageBox.StandardButton.Cancel)
        exec_and_free(box)
        chosen = box.clickedButton() is save
        if chosen:
            self.save()
        return chosen and not self.unsaved and self.is_stored()

    def save_pdf(self) -> None:
        if self._ready_to_print("Save as PDF"):
            output.save_pdf(self, self.bus, "Save as PDF", self.file_name(), self.stored)

    def print_document(self) -> None:
        if self._ready_to_print("Print"):
            output.print_document(self, self.bus, "Print", self.stored, self.file_name())

    def record_key(self) -> tuple[str, int] | None:
        """The audit trail's name for the document shown (None for a new one)."""
        return None

    def show_history(self) -> AuditDialog | None:
        key = self.record_key()
        if key is None:
            return None
        dialog = AuditDialog(
            lambda: self.workspace.audit.history(*key), "History", self, with_record=False
        )
        dialog.open_window()
        return dialog


def _missing_warning(rendered: Rendered) -> str:
    if not rendered.missing:
        return ""
    return "No font on this computer has these characters; they will not print: " + " ".join(
        sorted(rendered.missing)
    )


def status_label(status: str) -> str:
    """A resolution's stored status as the list and the editor show it ("Adopted")."""
    return choice_label("resolution", "status", status) or status
