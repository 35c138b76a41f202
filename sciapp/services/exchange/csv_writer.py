"""The one CSV writer: every CSV sciapp produces goes through it (README "CSV format").

Excel's dialect (CRLF), and the spreadsheet-formula rule: a text cell that a spreadsheet
would run as a formula is written with a leading `'`, so `=HYPERLINK(…)` in a member's
name is shown, never run. `unescape_formula` undoes it on import.
"""

from __future__ import annotations

import csv
from typing import TYPE_CHECKING, TextIO

if TYPE_CHECKING:
    from collections.abc import Iterable

# A spreadsheet runs a cell starting with one of these as a formula (CSV injection).
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def _needs_quote(text: str) -> bool:
    # Quotes already in front count too ("'=1" is written "''=1"), so that import, which
    # takes one quote off, gives back exactly what was exported.
    return text.lstrip("'").startswith(FORMULA_STARTS)


def escape_formula(text: str) -> str:
    return "'" + text if _needs_quote(text) else text


def unescape_formula(text: str) -> str:
    return text[1:] if text.startswith("'") and _needs_quote(text[1:]) else text


def cell(value: object) -> str | int | float:
    """None is empty; numbers stay numbers (-3 is not a formula); all else is escaped text."""
    if value is None:
        return ""
    if isinstance(value, int | float) and not isinstance(value, bool):
        return value
    return escape_formula(str(value))


class CsvWriter:
    """`csv.writer` with the formula rule on every cell, header included."""

    def __init__(self, out: TextIO) -> None:
        self._writer = csv.writer(out, lineterminator="\r\n")

    def writerow(self, cells: Iterable[object]) -> None:
        self._writer.writerow([cell(value) for value in cells])
