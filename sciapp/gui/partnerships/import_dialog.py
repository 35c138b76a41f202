"""Importing the register from a file: the sheet to read (a workbook with several) and every
problem found, listed in the dialog itself as row, column and what is wrong, beside how the
file was read. "Import again" reads the file afresh, so a clerk corrects it in the
spreadsheet, saves, and tries again without leaving the dialog."""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, NamedTuple

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from sciapp.gui.widgets.dialogs import Dialog
from sciapp.services.errors import ImportRejectedError, ServiceError

if TYPE_CHECKING:
    from sciapp.services.partnerships.records import ImportReport

# "line 4: established: '19x5' is not a date …", "row 3: has 7 cells …", "sheet 'X': …"
_PROBLEM = re.compile(r"^(?:(line|row) (\d+): )?(?:([a-z_]+|column \d+): )?(.*)$", re.DOTALL)

Attempt = Callable[[str | None], "ImportReport"]  # import with this sheet, or raise


class Problem(NamedTuple):
    unit: str  # "line", "row" or "" (the whole file)
    number: int | None
    column: str
    message: str


def split_problem(text: str) -> Problem:
    match = _PROBLEM.match(text)
    assert match is not None  # every part is optional
    unit, number, column, message = match.groups()
    return Problem(unit or "", int(number) if number else None, column or "", message)


class ProblemsModel(QAbstractTableModel):
    """The problems of one attempt: where (line or row), which column, what is wrong."""

    HEADERS = ("Row", "Column", "Problem")

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._problems: list[Problem] = []

    def set_problems(self, problems: Sequence[str]) -> None:
        self.beginResetModel()
        self._problems = [split_problem(p) for p in problems]
        self.endResetModel()

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._problems)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.HEADERS)

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = 0) -> object:
        if not index.isValid() or index.row() >= len(self._problems):
            return None
        problem = self._problems[index.row()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return (
                "" if problem.number is None else str(problem.number),
                problem.column,
                problem.message,
            )[index.column()]
        if role == Qt.ItemDataRole.TextAlignmentRole and index.column() == 0:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop)
        return None

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = 0) -> object:
        if role != Qt.ItemDataRole.DisplayRole or not 0 <= section < len(self.HEADERS):
            return None
        if orientation != Qt.Orientation.Horizontal:
            return None
        if section == 0 and self._problems and self._problems[0].unit == "line":
            return "Line"  # a CSV file's lines, which a quoted cell may span
        return self.HEADERS[section]


class ImportDialog(Dialog):
    def __init__(
        self,
        parent: QWidget | None,
        name: str,
        attempt: Attempt,
        sheets: Sequence[str] = (),
        refusal: ImportRejectedError | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle("Import partnerships")
        self.setMinimumWidth(480)
        self.name = name
        self.attempt = attempt
        self.report: ImportReport | None = None
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.read_as = QLabel()
        self.read_as.setWordWrap(True)
        self.read_as.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.sheet = QComboBox()
        self.sheet.addItems(list(sheets))
        self.sheet.setAccessibleName("Sheet")
        sheet_label = QLabel("&Sheet:")
        sheet_label.setBuddy(self.sheet)
        sheet_row = QHBoxLayout()
        sheet_row.addWidget(sheet_label)
        sheet_row.addWidget(self.sheet, 1)
        for widget in (sheet_label, self.sheet):
            widget.setVisible(len(sheets) > 1)
        self.model = ProblemsModel(self)
        self.problems = QTableView()
        self.problems.setModel(self.model)
        self.problems.setAccessibleName("Problems")
        self.problems.setWordWrap(True)
        self.problems.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.problems.verticalHeader().hide()
        header = self.problems.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.import_button = QPushButton("&Import")
        self.import_button.setDefault(True)
        self.copy_button = QPushButton("&Copy the list")
        buttons.addButton(self.import_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(self.copy_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.reject)
        self.import_button.clicked.connect(lambda: self.try_import())
        self.copy_button.clicked.connect(lambda: self.copy_list())
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(self.read_as)
        layout.addLayout(sheet_row)
        layout.addWidget(self.problems, 1)
        layout.addWidget(buttons)
        if refusal is not None:
            self.show_refusal(refusal)
        else:
            self.summary.setText(
                f"{name} has {len(sheets)} sheets. Choose the one that holds the register."
            )
            self._showing_problems(False)

    def chosen_sheet(self) -> str | None:
        return self.sheet.currentText() if self.sheet.count() > 1 else None

    def try_import(self) -> None:
        """Read the file again and import it; on a refusal, list what is wrong."""
        try:
            self.report = self.attempt(self.chosen_sheet())
        except ImportRejectedError as exc:
            self.show_refusal(exc)
            return
        except (OSError, ServiceError) as exc:
            reason = exc.strerror if isinstance(exc, OSError) and exc.strerror else str(exc)
            self.summary.setText(f"Nothing was imported from {self.name}: {reason}.")
            self.model.set_problems([])
            self._showing_problems(True)
            return
        self.accept()

    def show_refusal(self, refusal: ImportRejectedError) -> None:
        count = len(refusal.problems)
        self.summary.setText(
            f"Nothing was imported from {self.name}: {count} "
            f"{'problem' if count == 1 else 'problems'} to correct first. Correct the file, "
            "save it, and import it again."
        )
        self.read_as.setText(refusal.read_as)
        self.model.set_problems(refusal.problems)
        self.problems.resizeRowsToContents()
        self._showing_problems(True)
        self.resize(max(self.width(), 760), max(self.height(), 420))

    def _showing_problems(self, shown: bool) -> None:
        self.problems.setVisible(shown)
        self.copy_button.setVisible(shown)
        self.read_as.setVisible(bool(self.read_as.text()))
        self.import_button.setText("&Import again" if shown else "&Import")
        self.import_button.setToolTip(
            "Read the file again, as it is saved now, and import it" if shown else ""
        )

    def problem_lines(self) -> list[str]:
        model = self.model
        lines = [self.read_as.text()] if self.read_as.text() else []
        for row in range(model.rowCount()):
            where, column, message = (model.index(row, c).data() for c in range(3))
            unit = str(model.headerData(0, Qt.Orientation.Horizontal)).lower()
            parts = [f"{unit} {where}" if where else "", column, message]
            lines.append(": ".join(p for p in parts if p))
        return lines

    def copy_list(self) -> None:
        QGuiApplication.clipboard().setText("\n".join(self.problem_lines()))

    @classmethod
    def run(
        cls,
        parent: QWidget | None,
        name: str,
        attempt: Attempt,
        sheets: Sequence[str] = (),
        refusal: ImportRejectedError | None = None,
    ) -> ImportReport | None:
        """The import's report once it went through, or None (closed, nothing imported).
        Shown, answered, then freed, as every dialog (gui/widgets/dialogs.py)."""
        dialog = cls(parent, name, attempt, sheets, refusal)
        return dialog.report if dialog.exec_and_free() else None
