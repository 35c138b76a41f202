"""The files a register lives in, read into plain rows of text.

A CSV file in whatever encoding and delimiter the spreadsheet saved it with (UTF-8 with or
without a byte-order mark, UTF-16 with one, else Windows-1252; comma, semicolon or tab), and
Excel (.xlsx, .xls) and OpenDocument (.ods) workbooks read directly with python-calamine:
the first visible sheet or a named one, a date cell as its ISO date. What was read is said
(`Table.read_as`), so a wrongly guessed encoding shows at a glance.

Nothing here knows the register's columns; csv_io checks the rows. The kind of file is told
by its first bytes, not its name: a workbook renamed .csv is still read as a workbook.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
from contextlib import contextmanager
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from sciapp.services.errors import ImportRejectedError
from sciapp.services.exchange.csv_writer import escape_formula

if TYPE_CHECKING:
    from collections.abc import Iterator

_ZIP = b"PK\x03\x04"  # .xlsx and .ods are zip files
_OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # .xls (Excel 97-2003)
_DELIMITERS = {",": "comma", ";": "semicolon", "\t": "tab"}
_ENCODINGS = {"utf-8-sig": "UTF-8", "utf-16": "UTF-16", "cp1252": "Windows-1252"}


@dataclass(frozen=True)
class Table:
    """Rows of cells as text, the header first, each with its line (CSV) or row number."""

    rows: list[tuple[int, list[str]]]
    read_as: str  # "Read as Windows-1252, semicolon-separated"
    unit: str = "line"  # what the numbers count: "line" in a CSV file, "row" in a sheet


def is_workbook(content: bytes) -> bool:
    return content.startswith((_ZIP, _OLE))


def read_table(content: bytes, sheet: str | None = None) -> Table:
    """The rows of a CSV file or of a workbook's sheet; ImportRejectedError names what
    could not be read."""
    if is_workbook(content):
        return read_sheet(content, sheet)
    if sheet is not None:
        raise ImportRejectedError([f"sheet {sheet!r}: this is a CSV file, which has no sheets"])
    return read_csv(content)


# -- CSV ------------------------------------------------------------------------------------


def read_csv(content: bytes) -> Table:
    text, encoding = _decode(content)
    delimiter = _delimiter(text)
    read_as = f"Read as {_ENCODINGS[encoding]}, {_DELIMITERS[delimiter]}-separated"
    if encoding == "cp1252" and "?" in text:
        read_as += (
            ". Where the file shows '?', the spreadsheet lost a letter this encoding cannot "
            "hold (Korean, Cyrillic …): save it as 'CSV UTF-8' to keep them"
        )
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    if '"' not in text and "\r" not in text.replace("\r\n", ""):
        # Nothing quoted and no old Mac line ends: each record is one line, numbered in turn.
        try:
            read = list(reader)
        except csv.Error as exc:
            raise ImportRejectedError([f"line {reader.line_num}: not valid CSV ({exc})"]) from None
        return Table(list(zip(range(1, len(read) + 1), read, strict=True)), read_as)
    rows: list[tuple[int, list[str]]] = []
    start = 1
    try:
        for cells in reader:
            rows.append((start, cells))
            start = reader.line_num + 1
    except csv.Error as exc:
        raise ImportRejectedError([f"line {reader.line_num}: not valid CSV ({exc})"]) from None
    return Table(rows, read_as)


def _decode(content: bytes) -> tuple[str, str]:
    """The text and the encoding it was read with: UTF-8 first (what sciapp and "CSV UTF-8"
    write), UTF-16 when its byte-order mark says so (Excel's "Unicode Text"), else the
    Windows code page Excel's plain "CSV (Comma delimited)" writes in."""
    if content.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return content.decode("utf-16"), "utf-16"
        except UnicodeDecodeError:
            pass  # not UTF-16 after all
    try:
        return content.decode("utf-8-sig"), "utf-8-sig"
    except UnicodeDecodeError as exc:
        line = content[: exc.start].count(b"\n") + 1
    if b"\x00" not in content:
        try:
            return content.decode("cp1252"), "cp1252"
        except UnicodeDecodeError:
            pass
    raise ImportRejectedError(
        [
            f"line {line}: the file is not text that sciapp can read (neither UTF-8 nor "
            "Windows-1252); import a .xlsx or .ods workbook, or save it as 'CSV UTF-8'"
        ]
    )


def _delimiter(text: str) -> str:
    """The delimiter the header row uses most, outside quotes; a comma when none shows."""
    counts = dict.fromkeys(_DELIMITERS, 0)
    quoted = False
    for char in text:
        if char == '"':
            quoted = not quoted
        elif quoted:
            continue
        elif char in counts:
            counts[char] += 1
        elif char in "\r\n":
            break
    best = max(counts, key=lambda d: counts[d])  # dicts keep order: a tie goes to the comma
    return best if counts[best] else ","


# -- workbooks ------------------------------------------------------------------------------


def sheet_names(content: bytes) -> list[str]:
    """The worksheets a clerk can see, in the workbook's order; [] for a CSV file."""
    if not is_workbook(content):
        return []
    with _open_workbook(content) as book:
        return _visible_sheets(book)


def read_sheet(content: bytes, sheet: str | None = None) -> Table:
    from python_calamine import CalamineError

    from sciapp.services.partnerships.sheet_extent import check_sheet

    with _open_workbook(content) as book:
        names = _visible_sheets(book)
        if sheet is None:
            if not names:
                raise ImportRejectedError(["the workbook has no worksheet"])
            sheet = names[0]
        elif sheet not in book.sheet_names:
            listed = ", ".join(repr(n) for n in names)
            raise ImportRejectedError([f"sheet {sheet!r}: no such sheet (the sheets: {listed})"])
        check_sheet(content, sheet)  # before calamine lays out a grid it cannot hold
        try:
            grid = book.get_sheet_by_name(sheet).to_python(skip_empty_area=False)
        except CalamineError as exc:
            raise ImportRejectedError([f"sheet {sheet!r}: cannot be read ({exc})"]) from None
    rows = _trimmed(
        [
            [escape_formula(v) if type(v) is str else _cell_text(v) for v in cells]  # text first
            for cells in grid
        ]
    )
    kind = "OpenDocument spreadsheet" if _is_ods(content) else "Excel workbook"
    of = f" (first of {len(names)}: {', '.join(names)})" if len(names) > 1 else ""
    read_as = f"Read sheet {sheet!r} of the {kind}{of if sheet == names[0] else ''}"
    return Table([(number, cells) for number, cells in enumerate(rows, 1)], read_as, "row")


@contextmanager
def _open_workbook(content: bytes) -> Iterator[Any]:
    """python-calamine's workbook, closed after use; its refusal as one sentence."""
    from python_calamine import CalamineError, load_workbook

    from sciapp.services.partnerships.sheet_extent import check_workbook

    check_workbook(content)  # an .ods has every sheet laid out at once: checked first
    try:
        book = load_workbook(io.BytesIO(content))
    except CalamineError as exc:  # a damaged file, a password, not a workbook at all
        kind = "an Excel (.xls) workbook" if content.startswith(_OLE) else "a workbook"
        raise ImportRejectedError(
            [f"the file cannot be read as {kind} ({exc}); save it again as .xlsx or CSV"]
        ) from None
    try:
        yield book
    finally:
        book.close()


def _visible_sheets(book: Any) -> list[str]:
    from python_calamine import SheetTypeEnum, SheetVisibleEnum

    return [
        meta.name
        for meta in book.sheets_metadata
        if meta.visible == SheetVisibleEnum.Visible and meta.typ == SheetTypeEnum.WorkSheet
    ]


def _is_ods(content: bytes) -> bool:
    # An OpenDocument zip starts with its uncompressed "mimetype" entry.
    return content[30:38] == b"mimetype" and b"opendocument.spreadsheet" in content[:100]


def _cell_text(value: object) -> str:
    """A cell as the CSV would hold it: dates as YYYY-MM-DD, a whole number without ".0"
    (a year typed as 1968), text escaped as sciapp's CSV escapes a formula (csv_io takes the
    escape off again, so a sheet's "=x" arrives as "=x")."""
    if value is None or value == "":
        return ""
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, dt.datetime):
        return value.date().isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, float):
        return str(int(value)) if value.is_integer() else repr(value)
    if isinstance(value, int):
        return str(value)
    return escape_formula(str(value))


def _trimmed(grid: list[list[str]]) -> list[list[str]]:
    """Without the empty columns a sheet pads every row with (to its widest row), and
    without the empty columns left of the table."""
    widest = max((_last_filled(cells) for cells in grid), default=0)
    first = min((_first_filled(cells) for cells in grid if any(cells)), default=0)
    return [cells[first : max(first, _last_filled(cells))] for cells in grid] if widest else grid


def _last_filled(cells: list[str]) -> int:
    for index in range(len(cells), 0, -1):
        if cells[index - 1].strip():
            return index
    return 0


def _first_filled(cells: list[str]) -> int:
    return next((index for index, cell in enumerate(cells) if cell.strip()), 0)
