"""Show a PDF's pages as images beside an editor, and print a PDF on the system printer."""

from __future__ import annotations

import io

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QImage, QPainter, QPixmap
from PySide6.QtWidgets import QLabel, QScrollArea, QVBoxLayout, QWidget


def page_images(pdf: bytes, scale: float) -> list[QImage]:
    import pypdfium2 as pdfium  # imported on the first preview, not at start

    document = pdfium.PdfDocument(pdf)
    images = []
    for page in document:
        buffer = io.BytesIO()
        page.render(scale=scale, draw_annots=False).to_pil().save(buffer, "PNG")
        image = QImage()
        image.loadFromData(buffer.getvalue(), "PNG")
        images.append(image)
    document.close()
    return images


class PdfPreview(QScrollArea):
    """The pages, one under the other, as they will print."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWidgetResizable(True)
        self.setAccessibleName("Preview")
        self.setMinimumWidth(360)
        self._body = QWidget()
        self._body.setStyleSheet("background:#8a8f98;")
        self._layout = QVBoxLayout(self._body)
        self._layout.setAlignment(Qt.AlignmentFlag.AlignHCenter)
        self.setWidget(self._body)
        self.pages: list[QLabel] = []
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.setStyleSheet("background:#fef3c7;padding:4px;")
        self.message.hide()
        self._layout.addWidget(self.message)

    def resizeEvent(self, event) -> None:  # type: ignore[no-untyped-def]
        super().resizeEvent(event)
        shown = getattr(self, "_shown", None)
        if shown and abs(self._target_width() - shown[2]) > 24:  # re-fit to the new width
            self.show_pdf(shown[0], shown[1])

    def showEvent(self, event) -> None:  # type: ignore[no-untyped-def]
        # A preview drawn while its tab was hidden was fitted to a guessed width: fit it now.
        super().showEvent(event)
        shown = getattr(self, "_shown", None)
        if shown and self._target_width() != shown[2]:
            self.show_pdf(shown[0], shown[1])

    def _target_width(self) -> int:
        return max(300, self.viewport().width() - 30)

    def show_pdf(self, pdf: bytes, warning: str = "") -> None:
        width = self._target_width()
        self._shown = (pdf, warning, width)
        for label in self.pages:
            self._layout.removeWidget(label)
            label.deleteLater()
        self.pages = []
        for image in page_images(pdf, scale=width / 612):
            label = QLabel()
            pixmap = QPixmap.fromImage(image)
            label.setPixmap(pixmap)
            label.setFixedSize(pixmap.size())  # whole pages; the area scrolls
            label.setStyleSheet("background:white;")
            self._layout.addWidget(label)
            self.pages.append(label)
        self.message.setText(warning)
        self.message.setVisible(bool(warning))
        self.horizontalScrollBar().setValue(0)  # the page's left edge, not wherever it was


def print_pdf(printer: object, pdf: bytes) -> int:
    """Print every page at the printer's resolution; returns the number of pages."""
    images = page_images(pdf, scale=printer.resolution() / 72)  # type: ignore[attr-defined]
    painter = QPainter(printer)  # type: ignore[arg-type]
    try:
        for number, image in enumerate(images):
            if number:
                printer.newPage()  # type: ignore[attr-defined]
            target = painter.viewport()
            scaled = image.size().scaled(target.size(), Qt.AspectRatioMode.KeepAspectRatio)
            painter.drawImage(QRectF(0, 0, scaled.width(), scaled.height()), image)
    finally:
        painter.end()
    return len(images)
