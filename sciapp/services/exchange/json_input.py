"""Reading JSON that someone handed us (documents files, archive manifests) with limits:
a file nested 100,000 deep, a number of 5,000 digits or text that is not text ends in a
sentence naming the problem, never a traceback or a hang."""

from __future__ import annotations

import json
from typing import Any

from sciapp.services.errors import ImportRejectedError

MAX_DEPTH = 32  # the deepest sciapp writes is 6 (archive tables, documents roll calls)
MAX_DIGITS = 20  # a whole number longer than this is no id, count or year
# SQLite stores 64 bits and PostgreSQL's INTEGER 32: a whole number that fits both.
MAX_INT = 2**31 - 1

INVALID_TEXT = (
    "the file holds escaped characters that are not text (lone \\uD800–\\uDFFF surrogates)"
)


class HugeNumber(float):
    """Stands in for a number too long to be one (it reads as infinity): the checks that
    want a whole number or text refuse it at its path, and nothing converts 5,000 digits."""

    digits: int

    def __new__(cls, text: str) -> HugeNumber:
        value = super().__new__(cls, "-inf" if text.startswith("-") else "inf")
        value.digits = len(text.lstrip("-"))
        return value


def _int(text: str) -> int | HugeNumber:
    return HugeNumber(text) if len(text) > MAX_DIGITS else int(text)


def _too_deep(data: Any) -> bool:
    """Without recursion: deeper than MAX_DEPTH lists and objects."""
    stack = [(data, 1)]
    while stack:
        value, depth = stack.pop()
        if isinstance(value, dict | list):
            if depth > MAX_DEPTH:
                return True
            children = value.values() if isinstance(value, dict) else value
            stack.extend((child, depth + 1) for child in children if isinstance(child, dict | list))
    return False


def valid_text(data: object) -> bool:
    """JSON's \\u escapes can spell half a character, which no database can store."""
    try:
        json.dumps(data, ensure_ascii=False).encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


def load_json(content: bytes | str, where: str = "the file") -> Any:
    """The parsed JSON, or ImportRejectedError with one problem that starts with `where`."""
    try:
        text = content.decode("utf-8-sig") if isinstance(content, bytes) else content
    except UnicodeDecodeError as exc:
        problem = f"{where} is not UTF-8 text ({exc.reason} at byte {exc.start})"
        raise ImportRejectedError([problem]) from None
    deep = f"{where} is nested more than {MAX_DEPTH} levels deep"
    try:
        data = json.loads(text, parse_int=_int)
    except RecursionError:  # the parser gave up first; same meaning
        raise ImportRejectedError([deep]) from None
    except ValueError as exc:  # JSONDecodeError among them
        raise ImportRejectedError([f"{where} is not valid JSON: {exc}"]) from None
    if _too_deep(data):
        raise ImportRejectedError([deep])
    if not valid_text(data):
        raise ImportRejectedError([f"{where}: {INVALID_TEXT}"])
    return data
