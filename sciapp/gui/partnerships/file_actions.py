"""File ▸ Import partnerships… and Export partnerships…: the register from and to a
spreadsheet (a CSV file or an .xlsx/.xls/.ods workbook), through the partnership service.

Importing goes straight through when there is nothing to choose; a workbook with several
sheets, or a file with problems, opens the import dialog, which lists every problem."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QFileDialog, QMessageBox

from sciapp.gui.partnerships.import_dialog import ImportDialog
from sciapp.gui.widgets.file_dialogs import ask_open_path, start_folder
from sciapp.services.errors import ImportRejectedError, ServiceError

if TYPE_CHECKING:
    from sciapp.gui.app_window import AppWindow
    from sciapp.services.partnerships.records import ImportReport

IMPORT_FILTERS = (
    "Spreadsheets and CSV files (*.xlsx *.xls *.ods *.csv *.txt);;"
    "Excel workbooks (*.xlsx *.xls);;OpenDocument spreadsheets (*.ods);;"
    "CSV files (*.csv *.txt);;All files (*)"
)
EXCEL = "Excel workbook (*.xlsx)"
CSV = "CSV UTF-8 (*.csv)"
EXPORT_FILTERS = f"{EXCEL};;{CSV}"
TITLE_IN = "Import partnerships"
TITLE_OUT = "Export partnerships"


def import_register(window: AppWindow, path: Path | None = None) -> bool:
    """Ask for the file (unless given), import it all or nothing; True once imported."""
    path = path or ask_open_path(window, TITLE_IN, IMPORT_FILTERS, kind="register")
    if path is None:
        return False
    service = window.workspace.partnerships

    def attempt(sheet: str | None) -> ImportReport:
        return service.import_csv(path.read_bytes(), sheet, path.name)  # the file as saved now

    try:
        content = path.read_bytes()
        sheets = service.sheets(content)
        report: ImportReport | None = None
        if len(sheets) > 1:
            report = ImportDialog.run(window, path.name, attempt, sheets)
        else:
            try:
                report = service.import_csv(content, source=path.name)
            except ImportRejectedError as exc:
                report = ImportDialog.run(window, path.name, attempt, sheets, exc)
    except ImportRejectedError as exc:  # a workbook that cannot be opened at all
        report = ImportDialog.run(window, path.name, attempt, (), exc)
    except (OSError, ServiceError) as exc:
        reason = exc.strerror if isinstance(exc, OSError) and exc.strerror else str(exc)
        QMessageBox.warning(window, TITLE_IN, f"Nothing was imported from {path}: {reason}.")
        return False
    if report is None:
        return False
    noun = "partnership" if report.imported == 1 else "partnerships"
    window.bus.say(f"Imported {report.imported} {noun} from {path.name}. {report.read_as}.")
    return True


def ask_export_path(window: AppWindow) -> Path | None:
    """Where to export: a workbook or CSV, by the name typed or else the filter chosen."""
    suggested = str(start_folder("register") / "partnerships.xlsx")
    chosen, selected = QFileDialog.getSaveFileName(
        window, TITLE_OUT, suggested, EXPORT_FILTERS, EXCEL
    )
    if not chosen:
        return None
    path = Path(chosen)
    if not path.suffix:
        path = path.with_suffix(".csv" if selected == CSV else ".xlsx")
    return path


def export_register(window: AppWindow, path: Path | None = None) -> bool:
    path = path or ask_export_path(window)
    if path is None:
        return False
    try:
        count = window.workspace.partnerships.export_file(str(path))
    except ServiceError as exc:  # a kind of file sciapp does not write (.ods)
        QMessageBox.warning(window, TITLE_OUT, str(exc))
        return False
    except OSError as exc:
        QMessageBox.warning(
            window,
            TITLE_OUT,
            f"Could not write {path}: {exc.strerror or exc}. Nothing was changed there.",
        )
        return False
    noun = "partnership" if count == 1 else "partnerships"
    window.bus.say(f"Exported {count} {noun} to {path}.", path)
    return True
