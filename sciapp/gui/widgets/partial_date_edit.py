"""A date field that takes a year, a year and month, or a full date, and shows how it reads."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QLineEdit, QWidget

from sciapp.domain.dates import FORMAT_HINT, PartialDate
from sciapp.domain.formats import partial_date


class PartialDateEdit(QWidget):
    textChanged = Signal(str)

    def __init__(self, locale: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._locale = locale
        self.line = QLineEdit(self)
        self.line.setPlaceholderText(FORMAT_HINT)
        self.line.setMaxLength(10)
        self.line.setMinimumWidth(self.line.fontMetrics().horizontalAdvance(FORMAT_HINT) + 24)
        self.line.setToolTip(
            f"A year (1968), a month (1968-05) or a day (1968-05-03): {FORMAT_HINT}"
        )
        self.reading = QLabel(self)
        self.reading.setObjectName("dateReading")
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.line, 1)
        layout.addWidget(self.reading, 1)
        self.setFocusProxy(self.line)
        self.line.textChanged.connect(self._changed)

    def text(self) -> str:
        return self.line.text()

    def setText(self, text: str) -> None:
        self.line.setText(text)

    def setAccessibleName(self, name: str) -> None:
        super().setAccessibleName(name)
        self.line.setAccessibleName(name)

    def _changed(self, text: str) -> None:
        try:
            date = PartialDate.parse_optional(text)
        except ValueError:
            date = None
        self.reading.setText(f"= {partial_date(date.iso(), self._locale)}" if date else "")
        self.textChanged.emit(text)
