"""Files the commands read and write. A file is written whole or not at all
(sciapp/files.py); '-' streams standard input or output."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING, TextIO, cast

if TYPE_CHECKING:
    from collections.abc import Callable


def write_output(file: str, write: Callable[[TextIO], object], encoding: str = "utf-8") -> bool:
    """Stream to standard output for '-', else to a file written whole or not at all.

    False (the reason printed) when the file could not be written.
    """
    if file == "-":
        write(sys.stdout)
        return True
    from sciapp.files import open_atomic, write_problem

    try:
        with open_atomic(file, "w", encoding=encoding, newline="") as out:
            write(cast("TextIO", out))
    except OSError as exc:
        print(f"sciapp: {write_problem(exc, file)}", file=sys.stderr)
        return False
    return True


def read_input(file: str) -> bytes | None:
    """The bytes of `file` ('-': standard input); None (the reason printed) if unreadable."""
    try:
        return sys.stdin.buffer.read() if file == "-" else Path(file).read_bytes()
    except OSError as exc:
        print(f"sciapp: cannot read {file}: {exc.strerror}", file=sys.stderr)
        return None


def plural(count: int, word: str) -> str:
    return f"{count} {word}{'s' if count != 1 else ''}"
