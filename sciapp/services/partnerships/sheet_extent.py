"""How far a workbook's sheet reaches, found before python-calamine reads it.

calamine lays a sheet out as one dense grid from A1 to its farthest cell, allocated at once:
a single stray entry at XFD1048576 asks for 512 GiB and aborts the whole process (no Python
exception to catch). So the sheet's XML is scanned first, streamed, for its farthest filled
cell, and a sheet that would not fit is refused in a sentence naming that cell.
"""

from __future__ import annotations

import io
import re
import zipfile
import zlib
from contextlib import contextmanager
from typing import TYPE_CHECKING, TypeVar
from xml.etree import ElementTree

from sciapp.services.errors import ImportRejectedError

if TYPE_CHECKING:
    from collections.abc import Callable, Iterator

T = TypeVar("T")
MAX_CELLS = 2_000_000  # a register is ~10 columns; 20,000 rows are 200,000 cells
MAX_XML = 512 * 1024 * 1024  # decompressed bytes read from one sheet at most
_CHUNK = 1 << 20
_CELL = re.compile(rb'<(?:\w+:)?c\b[^>]*?\sr="([A-Z]{1,3})([0-9]{1,7})"')
_ROW = re.compile(rb'<(?:\w+:)?row\b[^>]*?\sr="([0-9]{1,7})"')
_REL = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}id"
_T = "urn:oasis:names:tc:opendocument:xmlns:table:1.0"
_OFFICE = "urn:oasis:names:tc:opendocument:xmlns:office:1.0"


def check_workbook(content: bytes) -> None:
    """Before python-calamine opens `content`: an OpenDocument file has every sheet read at
    once, so each is checked here (an .xlsx sheet is read when asked for: `check_sheet`)."""
    with _zip(content) as archive:
        if archive is None or "content.xml" not in archive.namelist():
            return
        for sheet, (rows, columns) in _damaged(lambda: _ods_extents(archive)).items():
            _refuse_beyond(sheet, rows, columns)


def check_sheet(content: bytes, sheet: str) -> None:
    """Before python-calamine reads the .xlsx sheet `sheet`."""
    with _zip(content) as archive:
        if archive is None:
            return  # an .xls: calamine says what is wrong with it
        part = _damaged(lambda: _xlsx_part(archive, sheet))
        if part is not None and part in archive.namelist():
            _refuse_beyond(sheet, *_damaged(lambda: _xlsx_extent(archive, part, sheet)))


def _damaged(measure: Callable[[], T]) -> T:
    """`measure()`; a damaged zip or XML refused in a sentence, as calamine's own refusal."""
    try:
        return measure()
    except (
        zipfile.BadZipFile,
        zlib.error,
        NotImplementedError,
        ValueError,
        EOFError,
        ElementTree.ParseError,
        OSError,
        RuntimeError,  # an encrypted entry
    ) as exc:
        raise ImportRejectedError(
            [f"the file cannot be read as a workbook ({exc}); save it again as .xlsx or CSV"]
        ) from None


@contextmanager
def _zip(content: bytes) -> Iterator[zipfile.ZipFile | None]:
    try:
        archive = zipfile.ZipFile(io.BytesIO(content))
    except (zipfile.BadZipFile, ValueError, OSError, EOFError, NotImplementedError):
        yield None  # calamine says what is wrong with it
        return
    with archive:
        yield archive


def _refuse_beyond(sheet: str, rows: int, columns: int) -> None:
    if rows * columns > MAX_CELLS:
        raise ImportRejectedError(
            [
                f"sheet {sheet!r}: its cells reach as far as row {rows} and column "
                f"{_letters(columns)}, far beyond a register; delete what lies outside the "
                "register (or copy the register to a sheet of its own) and import again"
            ]
        )


def _letters(column: int) -> str:
    text = ""
    while column:
        column, rest = divmod(column - 1, 26)
        text = chr(ord("A") + rest) + text
    return text


def _column(letters: bytes) -> int:
    number = 0
    for char in letters:
        number = number * 26 + char - ord("A") + 1
    return number


def _xlsx_part(archive: zipfile.ZipFile, sheet: str) -> str | None:
    """The zip entry holding the sheet called `sheet` (workbook.xml and its relationships)."""
    try:
        book = ElementTree.fromstring(archive.read("xl/workbook.xml"))
        rels = ElementTree.fromstring(archive.read("xl/_rels/workbook.xml.rels"))
    except (KeyError, ElementTree.ParseError):
        return None
    rel_id = next((s.get(_REL) for s in book.iter() if s.get("name") == sheet), None)
    for rel in rels:
        if rel.get("Id") == rel_id:
            target = rel.get("Target", "")
            return target.lstrip("/") if target.startswith("/") else f"xl/{target}"
    return None


def _xlsx_extent(archive: zipfile.ZipFile, part: str, sheet: str) -> tuple[int, int]:
    rows = columns = 0
    read = 0
    tail = b""
    with archive.open(part) as stream:
        while chunk := stream.read(_CHUNK):
            read += len(chunk)
            if read > MAX_XML:
                raise ImportRejectedError([f"sheet {sheet!r}: too large to import"])
            text = tail + chunk
            for letters, number in _CELL.findall(text):
                columns = max(columns, _column(letters))
                rows = max(rows, int(number))
            for number in _ROW.findall(text):
                rows = max(rows, int(number))
            tail = text[-256:]  # a tag cut by the chunk's end is read whole next time
    return rows, max(columns, 1)


def _ods_extents(archive: zipfile.ZipFile) -> dict[str, tuple[int, int]]:
    """Each table's rows and columns up to its last filled cell, repeats counted."""
    extents: dict[str, tuple[int, int]] = {}
    name = ""
    rows = columns = row = column = 0
    with archive.open("content.xml") as stream:
        for event, element in ElementTree.iterparse(stream, events=("start", "end")):
            tag = element.tag
            if tag == f"{{{_T}}}table":
                if event == "start":
                    name = element.get(f"{{{_T}}}name") or ""
                    rows = columns = row = 0
                else:
                    extents[name] = (rows, max(columns, 1))
                    element.clear()
            elif event != "end":
                continue
            elif tag in (f"{{{_T}}}table-cell", f"{{{_T}}}covered-table-cell"):
                column += int(element.get(f"{{{_T}}}number-columns-repeated") or 1)
                if element.get(f"{{{_OFFICE}}}value-type") is not None or len(element):
                    columns = max(columns, column)
                    rows = max(rows, row + 1)
                element.clear()
            elif tag == f"{{{_T}}}table-row":
                repeat = int(element.get(f"{{{_T}}}number-rows-repeated") or 1)
                if rows == row + 1:
                    rows = row + repeat  # a filled row, repeated
                row += repeat
                column = 0
                element.clear()
    return extents
