"""Typed columns: dates, times, timestamps, partial dates and JSON, stored as the text they
always were ("2022-03-16", "19:00", "2022-03-16T19:02:00+00:00", "1968-05", '["a", "b"]').
The ORM hands the services `datetime.date`, `PartialDate`, lists …; the file does not change,
so older databases open as they are and no migration is needed.

Seals and the audit chain hash what is stored, never a value read back and written out again
(a date another tool wrote as "20220308" must not pass for "2022-03-08"): `stored_table` is a
table's twin whose columns read and write that text unchanged, and `stored_value` gives the text
a column keeps for a value.
"""

from __future__ import annotations

import datetime as dt
import json
import threading
from typing import TYPE_CHECKING, Any, Protocol, cast

from sqlalchemy import Column, MetaData, String, Table, Text
from sqlalchemy.types import TypeDecorator, TypeEngine

from sciapp.domain.dates import PartialDate

if TYPE_CHECKING:
    from sqlalchemy.engine import Dialect
    from sqlalchemy.sql import FromClause


class StoredValueError(ValueError):
    """Text in a typed column that is not what the column holds (another tool wrote it):
    `sciapp check` names the row."""


def _refuse(kind: str, value: object) -> TypeError:
    return TypeError(f"expected {kind}, got {type(value).__name__} {value!r}")


class IsoDate(TypeDecorator[dt.date]):
    """A calendar date as ISO text, "2022-03-16"."""

    impl = String
    cache_ok = True

    def process_bind_param(self, value: Any, dialect: Dialect | None) -> str | None:
        if value is None:
            return None
        if isinstance(value, dt.datetime) or not isinstance(value, dt.date):
            raise _refuse("a date", value)
        return value.isoformat()

    def process_result_value(self, value: Any, dialect: Dialect | None) -> dt.date | None:
        if not value:
            return None
        try:
            return dt.date.fromisoformat(value)
        except (TypeError, ValueError):
            raise StoredValueError(f"{value!r} is not a date (YYYY-MM-DD)") from None


class HourMinute(TypeDecorator[dt.time]):
    """A time of day to the minute, "19:02" (seconds are not kept)."""

    impl = String
    cache_ok = True

    def process_bind_param(self, value: Any, dialect: Dialect | None) -> str | None:
        if value is None:
            return None
        if not isinstance(value, dt.time):
            raise _refuse("a time", value)
        return value.strftime("%H:%M")

    def process_result_value(self, value: Any, dialect: Dialect | None) -> dt.time | None:
        if not value:
            return None
        try:
            return dt.time.fromisoformat(value)
        except (TypeError, ValueError):
            raise StoredValueError(f"{value!r} is not a time (HH:MM)") from None


class IsoDateTime(TypeDecorator[dt.datetime]):
    """A moment as ISO text to `timespec` ("seconds": "2022-03-16T19:02:00+00:00"), with its
    offset when it has one (the app's stamps are UTC; a notice's posting time is local)."""

    impl = String
    cache_ok = True

    def __init__(self, length: int | None = None, timespec: str = "seconds") -> None:
        super().__init__(length)
        self.timespec = timespec

    def process_bind_param(self, value: Any, dialect: Dialect | None) -> str | None:
        if value is None:
            return None
        if not isinstance(value, dt.datetime):
            raise _refuse("a datetime", value)
        return value.isoformat(timespec=self.timespec)

    def process_result_value(self, value: Any, dialect: Dialect | None) -> dt.datetime | None:
        if not value:
            return None
        try:
            return dt.datetime.fromisoformat(value)
        except (TypeError, ValueError):
            raise StoredValueError(f"{value!r} is not a date and time (ISO 8601)") from None


class PartialDateText(TypeDecorator[PartialDate]):
    """A date known to the year, the month or the day: "1968", "1968-05", "1968-05-03"
    (these sort correctly as text)."""

    impl = String
    cache_ok = True

    def process_bind_param(self, value: Any, dialect: Dialect | None) -> str | None:
        if value is None:
            return None
        if not isinstance(value, PartialDate):
            raise _refuse("a PartialDate", value)
        return value.iso()

    def process_result_value(self, value: Any, dialect: Dialect | None) -> PartialDate | None:
        if value is None or not str(value).strip():
            return None
        try:
            return PartialDate.parse(value)
        except (TypeError, ValueError):
            raise StoredValueError(f"{value!r} is not a date (YYYY, YYYY-MM or full)") from None


class JsonText(TypeDecorator[Any]):
    """A value always read and written whole (a list of clauses, of signers) as JSON text,
    written as `json.dumps` writes it by default (ASCII, ", " between items)."""

    impl = Text
    cache_ok = True

    def process_bind_param(self, value: Any, dialect: Dialect | None) -> str | None:
        return None if value is None else json.dumps(value)

    def process_result_value(self, value: Any, dialect: Dialect | None) -> Any:
        if value is None:
            return None
        try:
            return json.loads(value)
        except (TypeError, ValueError):
            raise StoredValueError(f"{str(value)[:40]!r}… is not JSON") from None


def empty_list() -> list[Any]:
    """A JSON column's default: a new list each time."""
    return []


# -- the stored text ------------------------------------------------------------------------


def stored_type(column: Any) -> TypeEngine[Any]:
    """The type a column's text is stored as: its typed column's impl, else its own."""
    kind = column.type
    return kind.impl_instance if isinstance(kind, TypeDecorator) else kind


class _BindsWithoutDialect(Protocol):
    """Our typed columns' conversion, which needs no dialect (SQLAlchemy's signature
    asks for one)."""

    def process_bind_param(self, value: Any, dialect: Dialect | None) -> Any: ...


def _binding(kind: TypeDecorator[Any]) -> _BindsWithoutDialect:
    # Every TypeDecorator in our models is one of this module's, which accept None:
    return cast("_BindsWithoutDialect", kind)


def stored_value(column: Any, value: Any, dialect: Dialect | None = None) -> Any:
    """What `column` stores for `value` (the ISO text of a date; other values as they are)."""
    kind = column.type
    if isinstance(kind, TypeDecorator):
        return _binding(kind).process_bind_param(value, dialect)
    return value


def stored_rows(table: FromClause, rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """`rows` of typed values (as a model takes them) as the text `table` stores, in place:
    for bulk inserts through `stored_table`, which bypass the ORM."""
    for column in table.columns:
        if not isinstance(column.type, TypeDecorator):
            continue
        name, bind = column.name, _binding(column.type).process_bind_param
        seen: dict[Any, Any] = {}  # 20,000 rows share a stamp and a few dozen dates
        for row in rows:
            if name not in row:
                continue
            value = row[name]
            key = (value, getattr(value, "tzinfo", None))  # 12:00 UTC is not 13:00+01:00
            try:
                row[name] = seen[key]
            except KeyError:
                row[name] = seen[key] = bind(value, None)
            except TypeError:  # a list (JSON) is not hashable
                row[name] = bind(value, None)
    return rows


_STORED = MetaData()
_LOCK = threading.Lock()


def stored_table(table: FromClause) -> Table:
    """`table` as stored: its typed columns read and written as their text, unchanged (for
    digests, `check`, archives and bulk imports). Defaults are the stored defaults.

    `table` is a model's `__table__` (typed by SQLAlchemy as any FromClause) or a Table."""
    if not isinstance(table, Table):
        raise TypeError(f"{table!r} is not a table")
    with _LOCK:
        found = _STORED.tables.get(table.key)
        if found is not None:
            return found
        columns = [
            Column(
                c.name,
                stored_type(c),
                primary_key=c.primary_key,
                nullable=c.nullable,
                default=_stored_default(c),
                autoincrement=c.autoincrement,
            )
            for c in table.columns
        ]
        return Table(table.name, _STORED, *columns, schema=table.schema)


def _stored_default(column: Any) -> Any:
    default = column.default
    if default is None:
        return None
    if not isinstance(column.type, TypeDecorator):
        return default.arg
    if default.is_scalar:
        return stored_value(column, default.arg)
    make = default.arg
    return lambda ctx: stored_value(column, make(ctx))


__all__ = [
    "HourMinute",
    "IsoDate",
    "IsoDateTime",
    "JsonText",
    "PartialDateText",
    "StoredValueError",
    "empty_list",
    "stored_rows",
    "stored_table",
    "stored_type",
    "stored_value",
]
