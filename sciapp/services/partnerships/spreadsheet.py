"""The register exported to a file: an Excel workbook (.xlsx) or CSV, by the file's extension.

The workbook has the CSV's columns and words, so either imports again as it was: every cell
is text (a formula in a name is shown, never run; a partial date stays "1968"), the header
bold and frozen. Written whole or not at all (sciapp/files.py).
"""

from __future__ import annotations

from pathlib import Path
from typing import IO, TYPE_CHECKING, Any, TextIO, cast

from sqlalchemy import select

from sciapp.services.errors import ServiceError
from sciapp.storage.models import Partnership
from sciapp.storage.types import stored_table

if TYPE_CHECKING:
    from sciapp.domain.status import Status
    from sciapp.storage.database import Database

SHEET = "Partnerships"
WORKBOOK_SUFFIXES = (".xlsx",)
UNWRITABLE = {".ods": "OpenDocument", ".xls": "Excel 97-2003"}
_WIDTHS = {"partner_city": 24, "partner_city_native": 20, "local_jurisdiction": 24, "notes": 40}


def export_file(db: Database, path: Path | str, status: Status | None = None) -> int:
    """Write the register (all, or those with `status`) to `path`: a workbook for .xlsx,
    else CSV in UTF-8 with a byte-order mark (Excel reads UTF-8 only with one). Returns
    how many; OSError when the file cannot be written (any file there is left as it was)."""
    from sciapp.files import open_atomic

    suffix = Path(path).suffix.lower()
    if suffix in UNWRITABLE:
        raise ServiceError(
            f"sciapp cannot write {UNWRITABLE[suffix]} ({suffix}) files; export to .xlsx "
            "(LibreOffice and Excel open it) or .csv"
        )
    if suffix in WORKBOOK_SUFFIXES:
        with open_atomic(path, "wb") as out:
            return export_xlsx(db, out, status)
    from sciapp.services.partnerships.csv_io import export_csv

    with open_atomic(path, "w", encoding="utf-8-sig", newline="") as text:
        return export_csv(db, cast("TextIO", text), status)


def export_xlsx(db: Database, out: IO[bytes], status: Status | None = None) -> int:
    from openpyxl import Workbook
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.styles import Font

    from sciapp.services.partnerships.csv_io import COLUMNS

    book = Workbook(write_only=True)
    sheet = book.create_sheet(SHEET)
    sheet.freeze_panes = "A2"
    for index, name in enumerate(COLUMNS):
        letter = chr(ord("A") + index)
        sheet.column_dimensions[letter].width = _WIDTHS.get(name, 16)

    def text(value: Any) -> Any:
        """The cell for `value`: None is empty, all else text. openpyxl would run a string
        starting with "=" as a formula: that one is a cell typed as text, shown, never run
        (a cell for every value would double the time 20,000 rows take)."""
        if value is None or value == "":
            return None
        value = str(value)
        if not value.startswith("="):
            return value
        cell = WriteOnlyCell(sheet, value=value)
        cell.data_type = "s"
        return cell

    header = []
    for name in COLUMNS:
        cell = WriteOnlyCell(sheet, value=name)
        cell.font = Font(bold=True)
        header.append(cell)
    sheet.append(header)
    stored = stored_table(Partnership.__table__).c  # the text as kept
    query = select(*(stored[c] for c in COLUMNS)).order_by(stored.id)
    if status is not None:
        query = query.where(stored.status == status.value)
    count = 0
    with db.engine.connect() as conn:
        for record in conn.execute(query):
            kind = record[0].removesuffix("_city")  # "sister", as the CSV and README say
            sheet.append([kind, *(text(value) for value in record[1:])])
            count += 1
    book.save(out)
    return count
