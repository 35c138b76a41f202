"""What the activity, gift and contact dialogs share: a table view of records, an amount
field checked as it is typed by the rule the service applies, an optional date."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QDate
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QHBoxLayout,
    QHeaderView,
    QLineEdit,
    QMessageBox,
    QTableView,
    QWidget,
)

from sciapp.domain.activities import parse_amount
from sciapp.gui.widgets.dialogs import exec_and_free
from sciapp.gui.widgets.pickers import date_picker, picked_date

if TYPE_CHECKING:
    import datetime as dt

    from PySide6.QtCore import QAbstractItemModel


def record_table(model: QAbstractItemModel, name: str) -> QTableView:
    view = QTableView()
    view.setModel(model)
    view.setAccessibleName(name)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.verticalHeader().hide()
    view.verticalHeader().setDefaultSectionSize(view.fontMetrics().height() + 8)
    view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    view.horizontalHeader().setStretchLastSection(True)
    view.setWordWrap(False)
    return view


def selected_row(view: QTableView) -> int:
    rows = view.selectionModel().selectedRows()
    return rows[0].row() if rows else -1


def amount_field(placeholder: str = "0.00") -> QLineEdit:
    field = QLineEdit()
    field.setPlaceholderText(placeholder)
    return field


def amount_problem(text: str) -> str:
    """What the service would say of the amount, '' when it is one (or blank)."""
    try:
        parse_amount(text)
    except ValueError as exc:
        return str(exc)
    return ""


class OptionalDate(QWidget):
    """A date that may be left out: a tick box, then the picker."""

    def __init__(self, label: str, day: dt.date | None, default: dt.date) -> None:
        super().__init__()
        self.given = QCheckBox(label)
        self.given.setChecked(day is not None)
        self.picker = date_picker(day or default)
        self.picker.setEnabled(day is not None)
        self.given.toggled.connect(self.picker.setEnabled)
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.given)
        row.addWidget(self.picker, 1)

    def value(self) -> dt.date | None:
        return picked_date(self.picker) if self.given.isChecked() else None

    def set_value(self, day: dt.date) -> None:
        self.given.setChecked(True)
        self.picker.setDate(QDate(day.year, day.month, day.day))


def warn(parent: QWidget, title: str, text: str) -> None:
    box = QMessageBox(QMessageBox.Icon.Warning, title, text, parent=parent)
    exec_and_free(box)
