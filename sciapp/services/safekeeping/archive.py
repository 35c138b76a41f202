"""The whole commission as one archive: JSON of every table plus attachments, in a zip.

For a new laptop, the next clerk, or the city archive. Import goes into an empty register
only, checks every row and every zip entry before it writes, and writes in one transaction.
"""

from __future__ import annotations

import datetime as dt
import io
import json
import zipfile
from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from typing import IO, TYPE_CHECKING, Any

from sqlalchemy import Boolean, Integer, LargeBinary, func, insert, select
from sqlalchemy.exc import IntegrityError

from sciapp import __version__
from sciapp.files import open_atomic
from sciapp.services.errors import ImportRejectedError, ServiceError
from sciapp.services.exchange.json_input import MAX_INT, HugeNumber, load_json
from sciapp.services.safekeeping.attachments import resolve as resolve_attachment
from sciapp.services.safekeeping.attachments import save as save_attachment
from sciapp.storage.schema import HEAD
from sciapp.storage.sequences import sync_sequences
from sciapp.storage.tables import metadata
from sciapp.storage.types import stored_table

if TYPE_CHECKING:
    from sqlalchemy import Table

    from sciapp.storage.database import Database

FORMAT = "sciapp-archive"
FORMAT_VERSION = 1
MANIFEST = "sciapp-archive.json"
ATTACHMENTS = "attachments/"
DOCUMENT_SETTINGS = "documents"
MAX_ENTRY_BYTES = 50_000_000  # a seal image, not a film
MAX_TOTAL_BYTES = 500_000_000
MAX_PROBLEMS = 50
# Files kept in the database itself (an activity's itinerary, waivers, photos): in an
# archive each is a zip entry of its own, which the row names in place of the bytes.
BLOB_TABLES = {"activity_file": "content"}


@dataclass(frozen=True)
class ArchiveReport:
    rows: dict[str, int]
    attachments: int  # the letterheads' seal images
    files: int = 0  # the files kept in the register (an activity's), each a zip entry

    @property
    def total(self) -> int:
        return sum(self.rows.values())


def _tables() -> list[Table]:
    return list(metadata.sorted_tables)  # parents before children


# -- export -----------------------------------------------------------------------------------


def export_archive(db: Database, destination: Path | io.BytesIO) -> ArchiveReport:
    tables: dict[str, list[dict[str, Any]]] = {}
    with db.engine.connect() as conn, conn.begin():  # one consistent snapshot
        for table in _tables():
            stored = stored_table(table)  # dates and lists as the text they are stored as
            order = list(stored.primary_key.columns)
            rows = conn.execute(select(stored).order_by(*order)).mappings()
            tables[table.name] = [dict(row) for row in rows]
    attachments: dict[str, Path] = {}
    for row, column, label in _letterheads(tables):
        value = json.loads(row[column])
        seal = resolve_attachment(db, value.get("seal") or "")
        if seal is not None and seal.is_file():
            name = f"{ATTACHMENTS}{label}{seal.suffix.lower()}"
            attachments[name] = seal
            value["seal"] = name  # inside the archive, paths are the archive's own
            row[column] = json.dumps(value)
    blobs = _blobs_out(tables)
    files: dict[str, Path | bytes] = {**attachments, **blobs}
    manifest = {
        "format": FORMAT,
        "version": FORMAT_VERSION,
        "schema": HEAD,
        "exported_at": dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
        "exported_by": f"sciapp {__version__}",
        "tables": tables,
    }
    if isinstance(destination, io.BytesIO):
        _write_zip(destination, manifest, files)
    else:
        # Owner-only and whole: an archive holds everything, and a full disk must not
        # leave half of one over the last good copy.
        with open_atomic(destination, "wb", private=True) as out:
            _write_zip(out, manifest, files)
    return ArchiveReport({k: len(v) for k, v in tables.items()}, len(attachments), len(blobs))


def _write_zip(
    out: IO[bytes], manifest: dict[str, Any], attachments: dict[str, Path | bytes]
) -> None:
    with zipfile.ZipFile(out, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        archive.writestr(MANIFEST, json.dumps(manifest, ensure_ascii=False, indent=1))
        for name, item in attachments.items():
            if isinstance(item, bytes):
                archive.writestr(name, item)
            else:
                archive.write(item, name)


def _blobs_out(tables: dict[str, list[dict[str, Any]]]) -> dict[str, bytes]:
    """Each file kept in the database as a zip entry; its row names the entry instead."""
    entries = {}
    for table, column in BLOB_TABLES.items():
        for row in tables.get(table, []):
            content = row.get(column)
            if isinstance(content, bytes):
                name = f"{ATTACHMENTS}{table.replace('_', '-')}-{row.get('id')}"
                entries[name] = content
                row[column] = name
    return entries


def _blobs_in(tables: dict[str, Any], files: dict[str, bytes]) -> list[str]:
    """Put each file's bytes back in its row, checked against the size and SHA-256 the row
    keeps; the problems, naming the row, if any is missing or differs."""
    import hashlib

    problems = []
    for table, column in BLOB_TABLES.items():
        rows = tables.get(table)
        if not isinstance(rows, list):
            continue
        for index, row in enumerate(rows):
            if not isinstance(row, dict):
                continue
            where = f"tables.{table}[{index}].{column}"
            entry = row.get(column)
            if not isinstance(entry, str) or entry not in files:
                problems.append(f"{where}: names no file of the archive ({_shown(entry)})")
                continue
            content = files[entry]
            if row.get("size") != len(content):
                problems.append(
                    f"{where}: {entry} holds {len(content):,} bytes, not {row.get('size')}"
                )
            elif row.get("sha256") != hashlib.sha256(content).hexdigest():
                problems.append(f"{where}: {entry} does not match its SHA-256 digest")
            row[column] = content
    return problems


# -- import -----------------------------------------------------------------------------------


def import_archive(
    db: Database, source: Path | io.BytesIO, attachments_dir: Path | None = None
) -> ArchiveReport:
    """All or nothing; ImportRejectedError lists what is wrong, naming the table and row.

    Attachments go into the database's own folder (services/attachments), whatever
    `attachments_dir` a caller still passes: a folder shared by the registers beside it
    would let one register's import replace or remove another's files.
    """
    if db.read_only:
        raise ServiceError(
            "This register is open read-only: nothing can be imported. Close it and open it "
            "again for writing when nobody else has it open."
        )
    tables, files = _read(source)
    problems = _blobs_in(tables, files) + _check_rows(tables)
    if problems:
        raise ImportRejectedError(problems[:MAX_PROBLEMS])
    from sciapp.services.safekeeping.archive_checks import archive_problems

    problems = archive_problems(tables, MAX_PROBLEMS)  # the rules of `check` and `verify`
    if problems:
        raise ImportRejectedError(problems)
    with db.engine.connect() as conn:
        held = [t.name for t in _tables() if t.name in tables and _count(conn, t)]
        held = [name for name in held if name not in ("setting",)]
        if held:
            raise ImportRejectedError(
                [
                    f"this register already holds records ({', '.join(held)}); import an "
                    "archive into a new, empty database file instead"
                ]
            )
    placed, saved = _place_attachments(db, files, tables)
    try:
        with db.engine.begin() as conn:
            for table in _tables():
                rows = tables.get(table.name, [])
                if table.name == "setting":
                    conn.execute(table.delete().where(table.c.key.in_([r["key"] for r in rows])))
                if rows:
                    conn.execute(insert(stored_table(table)), rows)
            sync_sequences(conn, [t.name for t in _tables() if "id" in t.c])
    except BaseException as exc:
        for path in saved:  # only what this import created, never a file that was there
            path.unlink(missing_ok=True)
        if not isinstance(exc, IntegrityError):
            raise
        detail = str(exc.orig) if exc.orig else str(exc)
        raise ImportRejectedError([f"the records do not fit together: {detail}"]) from exc
    db.changes.publish({name: [] for name in tables})  # a whole commission arrived
    kept = sum(len(tables.get(table, [])) for table in BLOB_TABLES)  # files in the rows
    return ArchiveReport({k: len(v) for k, v in tables.items()}, placed, kept)


def _count(conn: Any, table: Table) -> int:
    return int(conn.execute(select(func.count()).select_from(table)).scalar_one())


def _read(source: Path | io.BytesIO) -> tuple[dict[str, list[dict[str, Any]]], dict[str, bytes]]:
    try:
        archive = zipfile.ZipFile(source)
    except (zipfile.BadZipFile, OSError, ValueError) as exc:
        raise ImportRejectedError([f"archive: not a zip file ({exc})"]) from exc
    with archive:
        problems = []
        total = 0
        seen: set[str] = set()
        for info in archive.infolist():
            where = f"zip entry {info.filename!r}"
            if info.filename in seen:
                problems.append(f"{where}: appears twice; which one is meant is unclear")
            seen.add(info.filename)
            if not _safe_name(info.filename):
                problems.append(f"{where}: a path outside the archive's folder is not allowed")
            elif info.file_size > MAX_ENTRY_BYTES:
                problems.append(f"{where}: {info.file_size:,} bytes is too large")
            total += info.file_size
        if total > MAX_TOTAL_BYTES:
            problems.append(f"archive: {total:,} bytes unpacked is too large")
        if problems:
            raise ImportRejectedError(problems)
        names = set(archive.namelist())
        if MANIFEST not in names:
            raise ImportRejectedError([f"archive: {MANIFEST} is missing; not a sciapp archive"])
        try:
            raw = archive.read(MANIFEST)
            files = {
                n: archive.read(n) for n in names if n.startswith(ATTACHMENTS) and n != ATTACHMENTS
            }
        except (ValueError, zipfile.BadZipFile, OSError) as exc:
            raise ImportRejectedError([f"{MANIFEST}: cannot be read ({exc})"]) from exc
    manifest = load_json(raw, MANIFEST)  # depth, number and text limits
    return _tables_of(manifest), files


def _safe_name(name: str) -> bool:
    path = PurePosixPath(name.replace("\\", "/"))
    return bool(name) and not path.is_absolute() and ".." not in path.parts and ":" not in name


def _tables_of(manifest: Any) -> dict[str, list[dict[str, Any]]]:
    if not isinstance(manifest, dict) or manifest.get("format") != FORMAT:
        raise ImportRejectedError([f"{MANIFEST}: not a sciapp archive (format)"])
    if manifest.get("version") != FORMAT_VERSION:
        raise ImportRejectedError(
            [f"{MANIFEST}: archive format {_shown(manifest.get('version'))} unknown"]
        )
    if manifest.get("schema") != HEAD:
        raise ImportRejectedError(
            [
                f"{MANIFEST}: made with schema {_shown(manifest.get('schema'))}; this sciapp reads "
                f"schema {HEAD} archives (open it with the sciapp that made it and export again)"
            ]
        )
    tables = manifest.get("tables")
    if not isinstance(tables, dict):
        raise ImportRejectedError([f"{MANIFEST}: tables: expected an object of tables"])
    return tables


def _cut(text: str) -> str:
    """A name or value quoted in a message: short, whatever the file holds."""
    return text if len(text) <= 60 else text[:59] + "…"


def _shown(value: object) -> str:
    return _cut(repr(value))


def _check_rows(tables: dict[str, Any]) -> list[str]:
    known = {t.name: t for t in _tables()}
    problems = [f"tables.{_cut(name)}: no such table" for name in tables if name not in known]
    for name, rows in tables.items():
        table = known.get(name)
        if table is None:
            continue
        if not isinstance(rows, list):
            problems.append(f"tables.{name}: expected a list of rows")
            continue
        for index, row in enumerate(rows):
            problems += _check_row(table, f"tables.{name}[{index}]", row)
            if len(problems) > MAX_PROBLEMS:
                return problems
    return problems


def _check_row(table: Table, where: str, row: Any) -> list[str]:
    if not isinstance(row, dict):
        return [f"{where}: expected an object"]
    problems = [f"{where}.{_cut(key)}: no such column" for key in row if key not in table.c]
    for column in table.columns:
        value = row.get(column.name)
        name = f"{where}.{column.name}"
        if value is None:
            if column.name not in row and column.default is not None:
                continue
            if not column.nullable:
                problems.append(f"{name}: required")
            continue
        if isinstance(value, HugeNumber):
            problems.append(f"{name}: a number of {value.digits:,} digits is too long")
            continue
        if isinstance(column.type, LargeBinary):
            ok = isinstance(value, bytes)
            wanted = "a file of the archive"
        elif isinstance(column.type, Boolean):
            ok = isinstance(value, bool)
            wanted = "true or false"
        elif isinstance(column.type, Integer):
            ok = isinstance(value, int) and not isinstance(value, bool)
            wanted = "a whole number"
            if ok and not -MAX_INT - 1 <= value <= MAX_INT:
                problems.append(f"{name}: {value} is too large for a whole-number column")
                continue
        else:
            ok = isinstance(value, str)
            wanted = "text"
            length = getattr(column.type, "length", None)
            if ok and length and len(value) > length:
                problems.append(f"{name}: longer than {length} characters")
            if ok and "\x00" in value:  # no database text can hold it (PostgreSQL refuses)
                problems.append(f"{name}: holds a NUL character (U+0000)")
        if not ok:
            problems.append(f"{name}: expected {wanted}, found {type(value).__name__}")
    return problems


def _letterheads(
    tables: dict[str, list[dict[str, Any]]],
) -> list[tuple[dict[str, Any], str, str]]:
    """Where letterheads are kept, as stored text: the general one (the documents setting)
    and each body's own; (row, column, the name of its seal in an archive)."""
    found = [
        (row, "value", "seal")
        for row in tables.get("setting", [])
        if row.get("key") == DOCUMENT_SETTINGS
    ]
    found += [
        (row, "letterhead", f"seal-body-{row.get('id')}")
        for row in tables.get("body", [])
        if row.get("letterhead")
    ]
    return found


def _place_attachments(
    db: Database, files: dict[str, bytes], tables: dict[str, list[dict[str, Any]]]
) -> tuple[int, list[Path]]:
    """Write the attachments the letterheads refer to, and point them at them; returns how
    many were placed and the files this call created."""
    placed, saved = 0, []
    for row, column, label in _letterheads(tables):
        try:
            value = json.loads(row[column])
        except (TypeError, ValueError) as exc:
            where = f"setting {DOCUMENT_SETTINGS}" if label == "seal" else f"body {row.get('id')}"
            raise ImportRejectedError([f"{where}: letterhead not JSON ({exc})"]) from exc
        seal = value.get("seal") if isinstance(value, dict) else None
        if not seal:
            continue
        if seal not in files:
            value["seal"] = ""  # a path from another computer: drop it, keep the rest
        else:
            stored, target, created = save_attachment(db, PurePosixPath(seal).name, files[seal])
            placed += 1
            if created:
                saved.append(target)
            value["seal"] = stored
        row[column] = json.dumps(value)
    return placed, saved
