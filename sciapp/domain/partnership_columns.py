"""`parse_partnership`'s rules applied a column at a time, for a file of thousands of rows.

A register imported from a spreadsheet is 20,000 drafts whose columns repeat a few hundred
values (kinds, countries, years, jurisdictions) and whose names are mostly plain already.
Each field here is judged by the same functions `parse_partnership` calls (`clean_name`,
`clean_text`, `Kind.parse`, `resolve_country`, `PartialDate.parse_optional`), once per
distinct value or, for names already clean, once per column. A row this cannot vouch for is
named, not explained: `parse_partnership` judges it and words its problems, so every message
still comes from one place. Drafts here have no expiry (what an import gives).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from sciapp.domain.countries import resolve_country
from sciapp.domain.dates import PartialDate
from sciapp.domain.partnership import _TEXT_FIELDS, MAX_NAME, MAX_NOTES, Kind
from sciapp.domain.text import already_clean_names, already_clean_texts, clean_name, clean_text

if TYPE_CHECKING:
    from collections.abc import Callable, Mapping, Sequence

_BAD = object()  # a value its rule refused


def parse_columns(
    texts: Mapping[str, Sequence[str]], count: int
) -> tuple[dict[str, list[Any]], set[int]]:
    """The fields `parse_partnership` would give each of `count` drafts, from `texts` (a
    column of raw text per draft field; one not given is empty in every row), and the
    indexes of the rows it must judge itself: their values here mean nothing."""
    doubtful: set[int] = set()
    values: dict[str, list[Any]] = {}
    for name in _TEXT_FIELDS:
        values[name] = _names(texts.get(name), count, doubtful)
    if "" in values["partner_city"]:  # "enter the partner city"
        doubtful.update(i for i, city in enumerate(values["partner_city"]) if not city)
    notes = list(map(str.strip, texts.get("notes", ())))
    if not already_clean_texts(notes, MAX_NOTES):
        _judge(notes, lambda text: clean_text(text, MAX_NOTES), doubtful)
    values["notes"] = notes or [""] * count
    values["kind"] = _each(texts.get("kind"), count, Kind.parse, doubtful)
    values["partner_country"] = _each(texts.get("partner_country"), count, _country, doubtful)
    values["established"] = _each(
        texts.get("established"), count, PartialDate.parse_optional, doubtful
    )
    return values, doubtful


def _names(column: Sequence[str] | None, count: int, doubtful: set[int]) -> list[str]:
    if column is None:
        return [""] * count
    if already_clean_names(column, MAX_NAME):
        return list(column)
    return _each(column, count, lambda text: clean_name(text, MAX_NAME), doubtful)


def _country(text: str) -> str:
    code = resolve_country(text) if text.strip() else None
    if code is None:
        raise ValueError("no such country")
    return code


def _each(
    column: Sequence[str] | None,
    count: int,
    rule: Callable[[str], Any],
    doubtful: set[int],
) -> list[Any]:
    """`rule` of each value, judged once per distinct value; a refusal marks its rows."""
    column = column if column is not None else [""] * count
    judged: dict[str, Any] = {}
    for text in set(column):
        try:
            judged[text] = rule(text)
        except ValueError:
            judged[text] = _BAD
    out = list(map(judged.__getitem__, column))
    if _BAD in judged.values():
        doubtful.update(i for i, value in enumerate(out) if value is _BAD)
    return out


def _judge(column: Sequence[str], rule: Callable[[str], Any], doubtful: set[int]) -> None:
    for index, text in enumerate(column):
        try:
            rule(text)
        except ValueError:
            doubtful.add(index)
