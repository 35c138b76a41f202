"""File ▸ Annual report to council…: choose the year, then Save PDF… (the tagged report
`sciapp report annual` writes) or Save JSON… (the same facts, services/reports/annual.py).
What was saved is said in the dialog and in the status bar, with its folder to open."""

from __future__ import annotations

import datetime as dt
from contextlib import contextmanager
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QApplication,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from sciapp.gui.widgets.dialogs import Dialog
from sciapp.services.errors import ServiceError

if TYPE_CHECKING:
    from collections.abc import Callable, Iterator
    from pathlib import Path

    from sciapp.gui.bus import ChangeBus
    from sciapp.pdf.model import Rendered
    from sciapp.services.workspace import Workspace

TITLE = "Annual report to council"
FIRST_YEAR = 1900


class AnnualReportDialog(Dialog):
    def __init__(
        self,
        workspace: Workspace,
        bus: ChangeBus,
        today: Callable[[], dt.date] = dt.date.today,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(TITLE)
        self.workspace, self.bus, self.today = workspace, bus, today
        self.year = QSpinBox()
        self.year.setRange(FIRST_YEAR, today().year)
        self.year.setValue(today().year - 1)  # the year just ended, which council asks about
        self.year.setAccessibleName("Year")
        self.year.setGroupSeparatorShown(False)
        explained = QLabel(
            "The year's partnerships and every status change with its decision, activities "
            "with their spending against budget, gifts, Sister Cities International "
            "membership, meetings and attendance, motions adopted, members, terms ending and "
            "vacancies, and the state laws on partner countries, as a tagged PDF or as JSON."
        )
        explained.setWordWrap(True)
        self.saved = QLabel()  # "Saved to …" once a file is written
        self.saved.setWordWrap(True)
        self.saved.setAccessibleName("Saved")
        self.pdf_button = QPushButton("Save &PDF…")
        self.pdf_button.clicked.connect(lambda: self.save_pdf())
        self.json_button = QPushButton("Save &JSON…")
        self.json_button.clicked.connect(lambda: self.save_json())
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.addButton(self.pdf_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(self.json_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.reject)
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.FieldsStayAtSizeHint)
        form.addRow("&Year:", self.year)
        layout = QVBoxLayout(self)
        layout.addWidget(explained)
        layout.addLayout(form)
        layout.addWidget(self.saved)
        layout.addWidget(buttons)
        self.setMinimumWidth(460)

    @classmethod
    def run(
        cls,
        workspace: Workspace,
        bus: ChangeBus,
        parent: QWidget | None = None,
        today: Callable[[], dt.date] = dt.date.today,
    ) -> None:
        cls(workspace, bus, today, parent).exec_and_free()

    def _name(self, extension: str) -> str:
        return f"Annual report {self.year.value()}.{extension}"

    def save_pdf(self) -> Path | None:
        from sciapp.gui.documents.output import save_pdf

        service, year = self.workspace.annual_report, self.year.value()

        def render() -> Rendered:
            with waiting():  # a national directory's report is hundreds of pages
                return service.pdf(year, self.today())

        return self._said(save_pdf(self, self.bus, TITLE, self._name("pdf"), render))

    def save_json(self) -> Path | None:
        from sciapp.files import write_problem, write_text_atomic
        from sciapp.gui.widgets.file_dialogs import ask_save_path

        path = ask_save_path(self, TITLE, self._name("json"), "JSON (*.json)")
        if path is None:
            return None
        try:
            with waiting():
                text = self.workspace.annual_report.json(self.year.value(), self.today())
        except ServiceError as exc:
            QMessageBox.warning(self, TITLE, str(exc))
            return None
        try:
            write_text_atomic(path, text)
        except OSError as exc:
            QMessageBox.warning(self, TITLE, write_problem(exc, path))
            return None
        self.bus.say(f"Saved to {path}", path)
        return self._said(path)

    def _said(self, path: Path | None) -> Path | None:
        if path is not None:
            self.saved.setText(f"Saved to {path}")
        return path


@contextmanager
def waiting() -> Iterator[None]:
    """The busy cursor while the register is read and the report made."""
    QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
    try:
        yield
    finally:
        QApplication.restoreOverrideCursor()
