"""Show a PDF's pages as images beside an editor, and print a PDF on the system printer.

The live preview is made off the UI thread (background.py): typing never waits for it."""

from __future__ import annotations

import threading
from typing import TYPE_CHECKING

from PySide6.QtCore import QRectF, Qt, Signal
from PySide6.QtGui import QImage, QPainter, QPixmap, QResizeEvent, QShowEvent
from PySide6.QtWidgets import QLabel, QScrollArea, QVBoxLayout, QWidget

from sciapp.gui.theme import BANNER, themed

if TYPE_CHECKING:
    from PySide6.QtPrintSupport import QPrinter

PAGE_WIDTH_PT = 612  # US Letter; an A4 page is a little narrower and fits the same way
# PDFium is not thread-safe: the preview's worker and a print job take turns.
_PDFIUM = threading.Lock()


def page_images(pdf: bytes, scale: float) -> list[QImage]:
    """Each page as an image; safe on any thread (QImage, not QPixmap)."""
    import pypdfium2 as pdfium  # imported on the first preview, not at start

    images = []
    with _PDFIUM:
        document = pdfium.PdfDocument(pdf)
        try:
            for page in document:
                picture = page.render(scale=scale, draw_annots=False).to_pil().convert("RGB")
                width, height = picture.size
                data = picture.tobytes()
                image = QImage(data, width, height, 3 * width, QImage.Format.Format_RGB888)
                images.append(image.copy())  # its own pixels, not the buffer's
        finally:
            document.close()
    return images


class PdfPreview(QScrollArea):
    """The pages, one under the other, as they will print."""

    updated = Signal()  # new pages are showing

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWidgetResizable(True)
        self.setAccessibleName("Preview")
        self.setMinimumWidth(280)
        self._body = QWidget()
        themed(self._body, "background: {paper_back};")
        self._layout = QVBoxLayout(self._body)
        self.setWidget(self._body)
        self.pages: list[QLabel] = []
        self.message = QLabel()
        self.message.setWordWrap(True)
        themed(self.message, BANNER)
        self.message.hide()
        self._layout.addWidget(self.message)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        shown = getattr(self, "_shown", None)
        if shown and abs(self._target_width() - shown[2]) > 24:  # re-fit to the new width
            self.show_pdf(shown[0], shown[1])

    def showEvent(self, event: QShowEvent) -> None:
        # A preview drawn while its tab was hidden was fitted to a guessed width: fit it now.
        super().showEvent(event)
        shown = getattr(self, "_shown", None)
        if shown and self._target_width() != shown[2]:
            self.show_pdf(shown[0], shown[1])
        self._relayout()

    def _relayout(self) -> None:
        """Lay the pages out in the area's width now: one resized while its tab was hidden
        kept the old width's layout, the page shifted right and cut off."""
        self._layout.invalidate()
        self._layout.activate()

    def _target_width(self) -> int:
        return max(300, self.viewport().width() - 30)

    def target_scale(self) -> tuple[int, float]:
        """The width pages are drawn at now, and the scale that gives it."""
        width = self._target_width()
        return width, width / PAGE_WIDTH_PT

    def show_pdf(self, pdf: bytes, warning: str = "") -> None:
        width, scale = self.target_scale()
        self.show_pages(pdf, page_images(pdf, scale), warning, width)

    def show_pages(self, pdf: bytes, images: list[QImage], warning: str, width: int) -> None:
        """Pages already drawn (by the worker) at `width`. Drawn for a width guessed while the
        preview was hidden (a tab not yet opened) and shown now: fitted to the real one."""
        if self.isVisible() and abs(self._target_width() - width) > 24:
            self.show_pdf(pdf, warning)
            return
        self._shown = (pdf, warning, width)
        for label in self.pages:
            self._layout.removeWidget(label)
            label.deleteLater()
        self.pages = []
        for image in images:
            label = QLabel()
            pixmap = QPixmap.fromImage(image)
            label.setPixmap(pixmap)
            label.setFixedSize(pixmap.size())  # whole pages; the area scrolls
            themed(label, "background:{paper};")
            # Each page centred on its own: a layout centred as a whole keeps the width of
            # the pages it held before (the Letters tab's first, hidden, render).
            self._layout.addWidget(label, 0, Qt.AlignmentFlag.AlignHCenter)
            self.pages.append(label)
        self.message.setText(warning)
        self.message.setVisible(bool(warning))
        self._relayout()
        self.horizontalScrollBar().setValue(0)  # the page's left edge, not wherever it was
        self.updated.emit()


def print_pdf(printer: QPrinter, pdf: bytes) -> int:
    """Print every page at the printer's resolution; returns the number of pages."""
    images = page_images(pdf, scale=printer.resolution() / 72)
    painter = QPainter(printer)
    try:
        for number, image in enumerate(images):
            if number:
                printer.newPage()
            target = painter.viewport()
            scaled = image.size().scaled(target.size(), Qt.AspectRatioMode.KeepAspectRatio)
            painter.drawImage(QRectF(0, 0, scaled.width(), scaled.height()), image)
    finally:
        painter.end()
    return len(images)
