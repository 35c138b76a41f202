"""The register as CSV: import all-or-nothing with every problem by line, export round-trips.

Format (README): a header row; any column order; columns kind, partner_city,
partner_city_native, partner_region, partner_country, local_jurisdiction, established, status,
status_since, notes. readers.py reads a CSV file (in its encoding and delimiter) or a workbook's
sheet into rows; cells.py reads US dates and quotes the value in every message.
"""

from __future__ import annotations

import gc
import hashlib
from contextlib import contextmanager
from itertools import zip_longest
from operator import attrgetter
from typing import TYPE_CHECKING, Any, TextIO, cast

from sqlalchemy import select
from sqlalchemy.exc import DBAPIError

from sciapp.domain.dates import PartialDate
from sciapp.domain.partnership import identity_key
from sciapp.domain.partnership_columns import parse_columns
from sciapp.domain.status import Status
from sciapp.services.clock import Clock, utc_now
from sciapp.services.errors import ImportRejectedError
from sciapp.services.exchange.csv_writer import CsvWriter, unescape_formula
from sciapp.services.partnerships.bulk import GIVEN
from sciapp.services.partnerships.cells import in_units, iso_date, quoted
from sciapp.services.partnerships.history import stamp
from sciapp.services.partnerships.import_rows import (
    IMPORTED_REASON,
    REQUIRED,
    Checked,
    Row,
    Standings,
    parse_row,
    standing_for,
)
from sciapp.services.partnerships.records import ImportReport
from sciapp.storage.models import Partnership
from sciapp.storage.types import stored_table, stored_value

if TYPE_CHECKING:
    import datetime as dt
    from collections.abc import Iterator

    from sciapp.storage.database import Database

COLUMNS = (
    "kind",
    "partner_city",
    "partner_city_native",
    "partner_region",
    "partner_country",
    "local_jurisdiction",
    "established",
    "status",
    "status_since",
    "notes",
)


def import_csv(
    db: Database,
    content: bytes,
    sheet: str | None = None,
    clock: Clock = utc_now,
    source: str = "",
) -> ImportReport:
    """Check every row, then write all of them in one transaction, or none. `content` is a
    CSV file or a workbook (`sheet`, else its first): readers.py turns it into rows. `source`
    names the file for the audit trail ("register.csv")."""
    with _no_collections():  # re-enabled once the rows are gone: none left to look at
        return _import(db, content, sheet, stamp(clock), source)


def _import(
    db: Database, content: bytes, sheet: str | None, now: dt.datetime, source: str
) -> ImportReport:
    from sciapp.services.partnerships.bulk import write_import
    from sciapp.services.partnerships.readers import read_table

    table = read_table(content, sheet)
    problems: list[str] = []
    batch = _read_rows(table.rows, problems)
    _check_duplicates(db, batch, problems)  # in the same pass as every other problem
    if problems:
        told = [in_units(problem, table.unit) for problem in problems]
        raise ImportRejectedError(told, read_as=table.read_as)
    file_digest = hashlib.sha256(content).hexdigest()
    try:
        write_import(db, batch.stored(), now, IMPORTED_REASON, (source, file_digest))
    except DBAPIError as exc:  # a server gone, a full disk: one sentence, nothing written
        from sciapp.services.safekeeping.failures import explain_failure

        problem = explain_failure(exc, db)
        if problem is None:
            raise
        raise problem from exc
    return ImportReport(imported=len(batch.lines), read_as=table.read_as)


def export_csv(db: Database, out: TextIO, status: Status | None = None) -> int:
    """Write partnerships (all, or those with `status`) with the import's columns."""
    stored = stored_table(Partnership.__table__).c  # the text as kept
    query = select(*(stored[c] for c in COLUMNS)).order_by(stored.id)
    if status is not None:
        query = query.where(stored.status == status.value)
    writer = CsvWriter(out)
    writer.writerow(COLUMNS)
    count = 0
    with db.engine.connect() as conn:
        for record in conn.execute(query):
            # The kind as the README and import word it: "sister", not "sister_city".
            writer.writerow((record[0].removesuffix("_city"), *record[1:]))
            count += 1
    return count


@contextmanager
def _no_collections() -> Iterator[None]:
    """The cyclic collector paused while a file is read and written: 20,000 rows of new lists
    and tuples (none in a cycle) would set off full passes over them and every object the
    process holds, which find nothing and cost more than reading the file. Re-enabled only
    once they are freed (`_import` returned): a collection then finds none of them left."""
    paused = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if paused:
            gc.enable()


def _read_rows(table: list[tuple[int, list[str]]], problems: list[str]) -> _Batch:
    """The rows that hold something, judged a column at a time; a row that column cannot
    vouch for is judged on its own (import_rows.parse_row), which words its problems."""
    if not table:
        problems.append("line 1: the file is empty; it needs a header row")
        return _Batch.empty()
    columns = _check_header(table[0][1], problems)
    if problems:
        return _Batch.empty()
    body = table[1:]
    if not body:
        return _Batch.empty()
    width, count = len(columns), len(body)
    lines, grid = (list(column) for column in zip(*body, strict=True))
    doubtful: set[int] = set()
    if max(map(len, grid)) > width:  # too many cells: parse_row says so
        doubtful = {i for i, cells in enumerate(grid) if len(cells) > width}
        grid = [cells[:width] for cells in grid]  # the others line up as read
    texts = dict(zip(columns, _columns(grid, width, count), strict=True))
    for name in REQUIRED:
        if "" in texts[name]:
            doubtful.update(i for i, text in enumerate(texts[name]) if not text)
    dated = {name: texts[name] for name in ("established",) if name in texts}
    for name, column in dated.items():
        spelled = {text: iso_date(text) for text in set(column)}  # 3/14/2022 too
        texts[name] = list(map(spelled.__getitem__, column))
    fields = {k: v for k, v in texts.items() if k not in ("status", "status_since")}
    values, unsure = parse_columns(fields, count)
    doubtful |= unsure
    standings: Standings = {}
    blank = [""] * count
    keys = list(
        zip(
            texts.get("status", blank),
            texts.get("status_since", blank),
            texts.get("established", blank),
            strict=True,
        )
    )
    read = dict(zip(texts.get("established", blank), values["established"], strict=True))
    known = {  # per distinct combination: a few hundred in 20,000 rows
        key: standing_for(key, read[key[2]], standings)
        for key in set(keys)
        if read[key[2]] is None or isinstance(read[key[2]], PartialDate)  # else doubtful
    }
    checked = list(map(known.get, keys))
    if None in checked:
        doubtful.update(i for i, standing in enumerate(checked) if standing is None)
    established = list(texts.get("established", blank))
    # A doubtful row's standing may be None until parse_row puts it or it is left out.
    batch = _Batch(lines, values, cast("list[Checked]", checked), established)
    failed = []
    for i in sorted(doubtful):  # in the file's order: their problems come in line order
        if not "".join(body[i][1]).strip():  # a blank row (its kind is empty): left out,
            failed.append(i)  # as spreadsheets leave them at the end
            continue
        row = parse_row(lines[i], columns, body[i][1], problems, standings)
        if row is None:
            failed.append(i)
        else:
            batch.put(i, row)
    return batch.without(failed) if failed else batch


def _columns(grid: list[list[str]], width: int, count: int) -> list[list[str]]:
    """The cells column by column, each stripped (a missing cell is empty), a formula
    escaped on export ('=SUM) read back as written."""
    read = [list(map(str.strip, column)) for column in zip_longest(*grid, fillvalue="")]
    read += [[""] * count for _ in range(width - len(read))]
    for index, column in enumerate(read):
        joined = "\n".join(column)
        if joined.startswith("'") or "\n'" in joined:
            read[index] = [unescape_formula(t) if t.startswith("'") else t for t in column]
    return read


def _check_header(header: list[str], problems: list[str]) -> list[str]:
    columns = [cell.strip().lower().replace(" ", "_") for cell in header]
    for index, name in enumerate(columns, start=1):
        if not name:
            problems.append(f"line 1: column {index}: the header cell is empty")
        elif name not in COLUMNS:
            problems.append(f"line 1: {name}: unknown column (known: {', '.join(COLUMNS)})")
        elif columns.index(name) != index - 1:
            problems.append(f"line 1: {name}: the column appears twice")
    problems.extend(
        f"line 1: {name}: required column is missing" for name in REQUIRED if name not in columns
    )
    return columns


def _conflict(a_status: Status, a_est: object, b_status: Status, b_est: object) -> bool:
    """Same tie twice, unless one ended and the other is a later, new tie."""
    live = Status.TERMINATED not in (a_status, b_status)
    return live or a_est == b_est


def _check_duplicates(db: Database, batch: _Batch, problems: list[str]) -> None:
    if not batch.lines:
        return
    keys: list[tuple[str, str, str, str]] = []
    seen: dict[tuple[str, str, str, str], list[int]] = {}
    cities = batch.folded("partner_city")
    if len(set(cities)) < len(cities):  # a partner city twice: perhaps a tie twice
        keys = batch.identities(cities)
        for i, key in enumerate(keys):
            for j in seen.get(key, []):
                if _conflict(*batch.tie(i), *batch.tie(j)):
                    problems.append(
                        f"line {batch.lines[i]}: partner_city: {quoted(batch.city(i))} "
                        f"duplicates line {batch.lines[j]} "
                        "(same kind, partner city, country and local jurisdiction)"
                    )
                    break
            seen.setdefault(key, []).append(i)
    # Plain rows, not ORM objects: a national register holds tens of thousands.
    columns = ("id", "kind", "partner_city", "partner_country", "local_jurisdiction")
    query = select(*(getattr(Partnership, c) for c in (*columns, "established", "status")))
    with db.engine.connect() as conn:
        for number, kind, city, country, local, established, status in conn.execute(query):
            if not seen:  # the register has rows: the file's ties, to look them up
                for i, key in enumerate(keys or batch.identities(cities)):
                    seen.setdefault(key, []).append(i)
            for i in seen.get(identity_key(kind, city, country, local), []):
                if _conflict(*batch.tie(i), Status(status), established):
                    problems.append(
                        f"line {batch.lines[i]}: partner_city: {quoted(batch.city(i))} "
                        "is already in the register "
                        f"(number {number}, {city})"
                    )
    problems.sort(key=lambda p: int(p.split(":")[0].removeprefix("line ")))


class _Batch:
    """The rows to import, column by column (bulk.GIVEN's fields), in the file's order."""

    def __init__(
        self,
        lines: list[int],
        values: dict[str, list[Any]],
        checked: list[Checked],
        established_read: list[str],
    ) -> None:
        self.lines = lines
        self.values = values  # parse_columns' fields
        self.checked = checked
        self.established_read = established_read  # as read (ISO), for the stored text

    @classmethod
    def empty(cls) -> _Batch:
        return cls([], {name: [] for name in COLUMNS}, [], [])

    def put(self, index: int, row: Row) -> None:
        """A row judged on its own (parse_row), in its place."""
        for name in self.values:
            self.values[name][index] = getattr(row.data, name)
        self.checked[index] = row.checked
        established = row.data.established
        self.established_read[index] = established.iso() if established else ""

    def without(self, indexes: list[int]) -> _Batch:
        gone = set(indexes)
        keep = [i for i in range(len(self.lines)) if i not in gone]
        return _Batch(
            [self.lines[i] for i in keep],
            {name: [column[i] for i in keep] for name, column in self.values.items()},
            [self.checked[i] for i in keep],
            [self.established_read[i] for i in keep],
        )

    def folded(self, name: str) -> list[str]:
        """A name column as identity_key folds it, for 20,000 rows at once."""
        return list(map(str.casefold, map(" ".join, map(str.split, self.values[name]))))

    def identities(self, cities: list[str]) -> list[tuple[str, str, str, str]]:
        """identity_key of each row (`cities`: the partner cities folded)."""
        kinds = self.kinds()
        locals_ = self.folded("local_jurisdiction")
        countries = self.values["partner_country"]
        return list(zip(kinds, cities, countries, locals_, strict=True))

    def kinds(self) -> list[str]:
        """Each row's kind as stored: an enum's `.value` read once per kind, not per row."""
        column = self.values["kind"]
        stored = {kind: kind.value for kind in set(column)}
        return list(map(stored.__getitem__, column))

    def tie(self, index: int) -> tuple[Status, PartialDate | None]:
        return self.checked[index].where.status, self.values["established"][index]

    def city(self, index: int) -> str:
        return str(self.values["partner_city"][index])

    def stored(self) -> list[tuple[Any, ...]]:
        """bulk.GIVEN's values of each row, as the columns store them."""
        table = Partnership.__table__.c
        columns = {name: self.values[name] for name in GIVEN[:-2]}
        columns["kind"] = self.kinds()
        # By the text read, not the PartialDate: hashing 20,000 dataclasses costs more.
        spelled = {
            text: stored_value(table.established, PartialDate.parse_optional(text))
            for text in set(self.established_read)
        }
        columns["established"] = list(map(spelled.__getitem__, self.established_read))
        status = list(zip(*map(attrgetter("stored"), self.checked), strict=True))
        columns["status"], columns["status_since"] = (
            (list(c) for c in status) if status else ([], [])
        )
        return list(zip(*(columns[name] for name in GIVEN), strict=True))
