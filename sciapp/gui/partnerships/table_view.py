"""The register's table as shown: sorted by partner city, one row selected at a time, rows
of one height, and keys of its own (Enter opens the selected record; Delete asks to delete
it)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QAbstractItemModel, Qt, Signal
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView, QWidget

from sciapp.domain.partnership import Kind
from sciapp.domain.status import Status
from sciapp.gui.locale import ui_locale
from sciapp.gui.widgets.columns import date_samples, fit_columns

if TYPE_CHECKING:
    from PySide6.QtGui import QKeyEvent

COLUMN_WIDTHS = (150, 120, 105)  # the partner city, its native name, the country


class PartnershipTable(QTableView):
    openRequested = Signal()
    deleteRequested = Signal()

    def __init__(self, model: QAbstractItemModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("partnershipTable")
        self.setAccessibleName("Partnerships")
        self.setModel(model)
        self.setSortingEnabled(True)
        self.sortByColumn(0, Qt.SortOrder.AscendingOrder)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setAlternatingRowColors(True)
        self.setWordWrap(False)
        rows = self.verticalHeader()
        rows.hide()
        rows.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        rows.setDefaultSectionSize(self.fontMetrics().height() + 10)
        header = self.horizontalHeader()
        for column, width in enumerate(COLUMN_WIDTHS):
            header.resizeSection(column, width)
        # Kind, status and dates as wide as their longest label or date (a status has its dot);
        # the partner city takes what is left.
        dates = date_samples(ui_locale())
        fit_columns(
            self,
            {
                3: [kind.label for kind in Kind],
                4: [status.label for status in Status],
                5: dates,
                6: dates,
            },
            stretch=0,
            extra={4: self.fontMetrics().height() + 4},
        )

    def needed_width(self) -> int:
        """As wide as every column whole: the fitted ones, the partner city at its start width."""
        header = self.horizontalHeader()
        fitted = sum(header.sectionSize(c) for c in range(1, header.count()))
        bar = self.verticalScrollBar().sizeHint().width()
        return COLUMN_WIDTHS[0] + fitted + bar + 2 * self.frameWidth()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.openRequested.emit()
        elif event.key() == Qt.Key.Key_Delete:
            self.deleteRequested.emit()
        else:
            super().keyPressEvent(event)
