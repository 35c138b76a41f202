"""What an imported cell may say, and how a problem with it is told.

Dates: ISO (`1968`, `1968-05`, `1968-05-03`) as the form takes them, and the `M/D/YYYY` a US
spreadsheet writes for a date cell saved as CSV (`3/14/2022`; LibreOffice's `03/14/22` too,
two-digit years read as the spreadsheets read them: 00-29 as 20xx, 30-99 as 19xx). Every
message quotes the value it is about: "'19x5' is not a date; use YYYY-MM-DD, …".
"""

from __future__ import annotations

import re

DATE_COLUMNS = ("established", "status_since")
IMPORT_DATE_HINT = "YYYY-MM-DD, YYYY-MM, YYYY or M/D/YYYY"
_US_DATE = re.compile(r"^\s*(\d{1,2})/(\d{1,2})/(\d{4}|\d{2})\s*$")
_SHOWN = 40  # characters of a value quoted in a message
_SENTENCE = ("is ", "must ", "holds ", "has ", "duplicates ")


def iso_date(text: str) -> str:
    """`text` with a US `M/D/YYYY` date as `YYYY-MM-DD`; anything else as it is, for the
    date rules to judge (a month 13 stays month 13)."""
    match = _US_DATE.match(text)
    if not match:
        return text
    month, day, year = (int(part) for part in match.groups())
    if len(match.group(3)) == 2:
        year += 2000 if year < 30 else 1900
    return f"{year:04}-{month:02}-{day:02}"


def quoted(value: str) -> str:
    shown = value if len(value) <= _SHOWN else value[: _SHOWN - 1] + "…"
    return repr(shown)


def told(field: str, value: str, message: str) -> str:
    """`message` about `field` with the cell's `value` quoted in it."""
    if not value.strip():
        return message
    value = value.strip()
    shown = quoted(value)
    if field in DATE_COLUMNS and (message.startswith("use ") or " (use " in message):
        if message.startswith("use "):
            return f"{shown} is not a date; use {IMPORT_DATE_HINT}"
        reason = message.split(" (use ")[0]
        read_as = " (read as M/D/YYYY)" if _US_DATE.match(value) else ""
        return f"{shown} is not a date: {reason}{read_as}"
    if field == "kind" and message.startswith("use "):
        return f"{shown} is not a kind; {message}"
    if shown[:-1] in message:  # quoted already ("no country called 'XX'")
        return message
    return f"{shown} {message}" if message.startswith(_SENTENCE) else f"{shown}: {message}"


def in_units(problem: str, unit: str) -> str:
    """A problem as csv_io words it ("line 4: …") counted in `unit` ("row 4: …" in a sheet)."""
    if unit != "line" and problem.startswith("line "):
        problem = unit + problem[len("line") :]
        return problem.replace(" duplicates line ", f" duplicates {unit} ", 1)
    return problem
