"""The start page's next step while the register is empty: add a partnership or import one."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QWidget


class FirstSteps(QFrame):
    addPartnership = Signal()
    importRegister = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName("Next step")
        text = QLabel("<b>The register has no partnerships yet.</b> Next:")
        self.add_button = QPushButton("Add your first partnership…")
        self.import_button = QPushButton("Import the register…")
        self.import_button.setToolTip("From a CSV file or an Excel workbook")
        self.add_button.clicked.connect(lambda: self.addPartnership.emit())
        self.import_button.clicked.connect(lambda: self.importRegister.emit())
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 4, 0, 4)
        row.addWidget(text)
        row.addWidget(self.add_button)
        row.addWidget(self.import_button)
        row.addStretch(1)
