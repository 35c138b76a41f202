"""Save as PDF and Print, the same for every document: the file written is the document
`sciapp render` writes (seal included), and printing to a PDF file writes that document too.
Either is made "for posting" (the accessible, tagged PDF) or "archival" (PDF/A): the save
dialog's file types, and the print dialog's "PDF file" tab, offer both."""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox, QRadioButton, QVBoxLayout, QWidget

from sciapp.files import write_atomic
from sciapp.gui.widgets.dialogs import exec_and_free
from sciapp.gui.widgets.file_dialogs import ask_save_as
from sciapp.services.errors import ServiceError
from sciapp.services.reports.pdf_kinds import LABELS, PdfKind, as_kind

if TYPE_CHECKING:
    from sciapp.gui.bus import ChangeBus
    from sciapp.pdf.model import Rendered

Render = Callable[[], "Rendered"]


def file_name(*parts: str) -> str:
    """A file name from a document's words: "Resolution 2022-01.pdf"."""
    text = " ".join(p for p in parts if p).strip()
    return re.sub(r'[\\/:*?"<>|\x00-\x1f]+', "-", text)[:120] + ".pdf"


KINDS = tuple(PdfKind)
FILE_TYPES = tuple(f"{LABELS[kind]} (*.pdf)" for kind in KINDS)


def _rendered(
    parent: QWidget,
    title: str,
    render: Render,
    kind: PdfKind = PdfKind.POSTING,
    archival: Render | None = None,
) -> Rendered | None:
    """The document as `kind`; `archival`, when given, makes the archival copy itself (the
    minutes' PDF/A-3b with their data inside)."""
    try:
        if kind is PdfKind.ARCHIVAL and archival is not None:
            return archival()
        return as_kind(render(), kind)
    except ServiceError as exc:
        QMessageBox.warning(parent, title, str(exc))
        return None


def save_pdf(
    parent: QWidget,
    bus: ChangeBus,
    title: str,
    suggested: str,
    render: Render,
    archival: Render | None = None,
) -> Path | None:
    """Ask where and as which kind, render, write atomically, say where it went. None when
    nothing was saved."""
    chosen = ask_save_as(parent, title, suggested, FILE_TYPES)
    if chosen is None:
        return None
    path, index = chosen
    rendered = _rendered(parent, title, render, KINDS[index], archival)
    if rendered is None:
        return None
    try:
        write_atomic(path, rendered.pdf)
    except OSError as exc:
        QMessageBox.warning(
            parent, title, f"The PDF was not saved to {path}: {exc.strerror or exc}"
        )
        return None
    bus.say(f"Saved to {path}" + (" (PDF/A)" if KINDS[index] is PdfKind.ARCHIVAL else ""), path)
    return path


def _kind_tab() -> tuple[QWidget, QRadioButton]:
    """The print dialog's "PDF file" tab: what printing to a file writes."""
    tab = QWidget()
    tab.setWindowTitle("PDF file")
    layout = QVBoxLayout(tab)
    posting = QRadioButton(LABELS[PdfKind.POSTING])
    archival = QRadioButton(LABELS[PdfKind.ARCHIVAL])
    posting.setChecked(True)
    for choice in (posting, archival):  # as wide as their words: a click beside them misses
        layout.addWidget(choice, alignment=Qt.AlignmentFlag.AlignLeft)
    layout.addStretch(1)
    return tab, archival


def print_document(
    parent: QWidget,
    bus: ChangeBus,
    title: str,
    render: Render,
    suggested: str = "",
    archival: Render | None = None,
) -> bool:
    """The system's print dialog, then every page at the printer's resolution."""
    from PySide6.QtPrintSupport import QPrintDialog, QPrinter

    from sciapp.gui.documents.preview import print_pdf

    rendered = _rendered(parent, title, render)
    if rendered is None:
        return False
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    if suggested:  # "Print to File" offers a name that says what it is
        from sciapp.gui.widgets.file_dialogs import start_folder

        printer.setDocName(suggested.removesuffix(".pdf"))
        printer.setOutputFileName(str(start_folder("documents") / suggested))
    dialog = QPrintDialog(printer, parent)
    dialog.setWindowTitle(title)
    tab, archival_choice = _kind_tab()
    dialog.setOptionTabs([tab])
    if not exec_and_free(dialog):
        return False
    as_archival = archival_choice.isChecked()  # freed later: still there to read
    target = printer.outputFileName()
    if printer.outputFormat() == QPrinter.OutputFormat.PdfFormat and target:
        # "Print to file": the document itself, text and fonts intact, not page pictures.
        if as_archival:
            shown = rendered  # the pages the dialog was opened on
            made = _rendered(parent, title, lambda: shown, PdfKind.ARCHIVAL, archival)
            if made is None:
                return False
            rendered = made
        try:
            write_atomic(Path(target), rendered.pdf)
        except OSError as exc:
            QMessageBox.warning(parent, title, f"Could not write {target}: {exc.strerror or exc}")
            return False
        # As a save says it: which copy, and Open folder beside it.
        bus.say(f"Printed to {target}" + (" (PDF/A)" if as_archival else ""), Path(target))
        return True
    pages = print_pdf(printer, rendered.pdf)
    bus.say(f"Sent {pages} {'page' if pages == 1 else 'pages'} to {printer.printerName()}")
    return True
