"""Plain-text tables for the terminal, aligned for wide (CJK) characters too; cells from
user data have their control characters escaped (domain.text.printable)."""

from __future__ import annotations

import unicodedata
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from collections.abc import Sequence


def terminal_locale() -> str:
    """The locale a table for people is written in: the terminal's (LC_ALL, LC_TIME, LANG),
    else US English. CSV and JSON keep ISO dates whatever it is."""
    import os

    from sciapp.domain.dates import babel_locale

    for name in ("LC_ALL", "LC_TIME", "LANG"):
        value = os.environ.get(name, "").strip()
        if value:
            return babel_locale(value)
    return "en_US"


def display_width(text: str) -> int:
    return sum(
        0 if unicodedata.combining(ch) else 2 if unicodedata.east_asian_width(ch) in "WF" else 1
        for ch in text
    )


def render_table(header: Sequence[str], rows: Sequence[Sequence[str]]) -> str:
    from sciapp.domain.text import printable

    rows = [[printable(cell) for cell in row] for row in rows]
    widths = [display_width(h) for h in header]
    for row in rows:
        widths = [max(w, display_width(cell)) for w, cell in zip(widths, row, strict=True)]

    def line(cells: Sequence[str]) -> str:
        padded = (
            cell + " " * (w - display_width(cell)) for cell, w in zip(cells, widths, strict=True)
        )
        return "  ".join(padded).rstrip() + "\n"

    rule = "  ".join("-" * w for w in widths) + "\n"
    return line(header) + rule + "".join(line(row) for row in rows)
