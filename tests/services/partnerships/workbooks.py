"""Real workbooks for the import tests, made as a spreadsheet program saves them: .xlsx by
openpyxl, .ods by odfpy, with date cells, number cells and text in any script."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from pathlib import Path

Cell = str | int | float | dt.date | None
REGISTER = [
    ["kind", "partner_city", "partner_city_native", "partner_country", "established", "notes"],
    ["Sister City", "Asan", "아산시", "South Korea", dt.date(2022, 3, 14), "a date cell"],
    ["sister", "St. Petersburg", "Санкт-Петербург", "RU", 1994, "a year as a number"],
    ["friendship", "Lanzhou", "兰州市", "CN", "1999-05", "=not a formula"],
]


def write_xlsx(path: Path, sheets: dict[str, Sequence[Sequence[Cell]]]) -> Path:
    from openpyxl import Workbook

    book = Workbook()
    book.remove(book.active)
    for name, rows in sheets.items():
        sheet = book.create_sheet(name)
        for row in rows:
            sheet.append(list(row))
        for cells in sheet.iter_rows():
            for cell in cells:
                if isinstance(cell.value, str) and cell.value.startswith("="):
                    cell.data_type = "s"  # typed as text, as Excel keeps "'=…"
                if isinstance(cell.value, dt.date):
                    cell.number_format = "m/d/yyyy"  # shown as a US clerk sees it
    book.save(path)
    return path


def write_ods(path: Path, sheets: dict[str, Sequence[Sequence[Cell]]]) -> Path:
    from odf.opendocument import OpenDocumentSpreadsheet
    from odf.table import Table, TableCell, TableRow
    from odf.text import P

    document = OpenDocumentSpreadsheet()
    for name, rows in sheets.items():
        table = Table(name=name)
        for row in rows:
            line = TableRow()
            for value in row:
                if isinstance(value, dt.date):
                    cell = TableCell(valuetype="date", datevalue=value.isoformat())
                    shown = f"{value.month}/{value.day}/{value.year}"
                elif isinstance(value, int | float):
                    cell = TableCell(valuetype="float", value=value)
                    shown = str(value)
                else:
                    cell = TableCell(valuetype="string")
                    shown = value or ""
                if shown:
                    cell.addElement(P(text=shown))
                line.addElement(cell)
            table.addElement(line)
        document.spreadsheet.addElement(table)
    document.save(str(path))
    return path
