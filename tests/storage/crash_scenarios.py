"""What the crash harness kills: a writing session, CSV import, backup, restore, archive
import and documents import. Each child reports every finished step; after the kill,
`after` checks that every reported step is there, that the interrupted one is whole or
absent (never half), and that the database and its folder are fit for the next start."""

from __future__ import annotations

import datetime as dt
import json
import os
import shutil
import sqlite3
from contextlib import closing
from dataclasses import replace
from pathlib import Path

from sciapp.demo import load_demo
from sciapp.domain.dates import PartialDate
from sciapp.domain.partnership import PartnershipDraft
from sciapp.domain.status import Decider, Status, StatusChange
from sciapp.services.opening import open_workspace
from sciapp.services.partnerships.csv_io import import_csv
from sciapp.services.safekeeping.archive import export_archive, import_archive
from sciapp.services.safekeeping.backups import (
    automatic_backup,
    back_up_to,
    check_backup,
    restore_database,
)
from sciapp.services.workspace import Workspace
from sciapp.settings import Settings
from sciapp.storage.trouble import quiet_uri
from tests.storage.crash_harness import Report, Tally, sound

SUSPEND = StatusChange(
    Status.SUSPENDED, PartialDate(2022, 3, 14), Decider.CITY_COUNCIL, "Res. 2022-01", "war"
)
SETTINGS = Settings(backup_keep=100_000)  # retention would prune what the test counts
SEAL = b"\x89PNG\r\n\x1a\n the commission's seal"


def leftovers(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if ".part" in p.name or ".restoring" in p.name)


def sound_rows(path: Path, where: str) -> tuple[list[str], dict[str, str]]:
    """`sound`, and the register's partnerships by city (their status)."""
    rows: dict[str, str] = {}

    def look(ws: Workspace) -> None:
        rows.update((r.partner_city, r.status) for r in ws.partnerships.list_rows())

    return sound(path, where, look), rows


def fresh_home(folder: Path, round_no: int) -> None:
    """Settings and what sciapp remembers about registers, new for each round (the child
    inherits them): nothing carries over from one round's register to the next."""
    for old in folder.glob("home-*"):
        shutil.rmtree(old)
    os.environ["SCIAPP_HOME"] = str(folder / f"home-{round_no}")


class Fresh:
    """Each round works on a register of its own, copied from a template made once: the
    checks stay as quick in round 100 as in round 1."""

    span = 3.0

    def setup(self, folder: Path) -> None:
        open_workspace(folder / "template.sqlite3", actor="setup").close()

    def begin(self, folder: Path, round_no: int) -> None:
        fresh_home(folder, round_no)
        for old in folder.glob("r-*"):  # the last round's register, its lock and backups
            shutil.rmtree(old) if old.is_dir() else old.unlink()
        shutil.rmtree(folder / "backups", ignore_errors=True)
        shutil.copy(folder / "template.sqlite3", self.db(folder, round_no))

    @staticmethod
    def db(folder: Path, round_no: int) -> Path:
        return folder / f"r-{round_no}.sqlite3"


def whole_or_absent(present: int, size: int, tally: Tally, where: str) -> list[str]:
    if present == size:
        tally.in_flight_whole += 1
    elif present == 0:
        tally.in_flight_absent += 1
    else:
        return [f"{where}: {present} of {size} written: half an import"]
    return []


class Writes(Fresh):
    """A clerk typing: each partnership created (and every third suspended) is a commit."""

    name = "writes"

    def child(self, folder: Path, round_no: int, report: Report) -> None:
        ws = open_workspace(self.db(folder, round_no), actor="crash test")
        report.ready()
        n = 0
        while True:
            draft = PartnershipDraft(
                kind="sister",
                partner_city=f"City {round_no}-{n}",
                partner_country="Japan",
                established="1990",
                notes="x" * (n * 997 % 3000),
            )
            created = ws.partnerships.create(draft)
            report.done("c", f"{round_no}-{n}")
            if n % 3 == 0:
                ws.partnerships.record_change(created.id, SUSPEND)
                report.done("s", f"{round_no}-{n}")
            n += 1

    def after(self, folder: Path, round_no: int, done: list[list[str]], tally: Tally) -> list[str]:
        where = f"round {round_no}"
        problems, rows = sound_rows(self.db(folder, round_no), where)
        for kind, key in done:
            city = f"City {key}"
            if city not in rows:
                problems.append(f"{where}: committed {city} is missing")
            elif kind == "s" and rows[city] != "suspended":
                problems.append(f"{where}: committed suspension of {city} is missing")
        return problems


class CsvImport(Fresh):
    """Imports of five rows each, all or nothing."""

    name = "csv"
    size = 5

    def child(self, folder: Path, round_no: int, report: Report) -> None:
        ws = open_workspace(self.db(folder, round_no), actor="crash test")
        report.ready()
        for k in range(10_000):
            body = "".join(
                f"sister,CSV {round_no}-{k}-{i},JP,1990,suspended,2022-03-14\n"
                for i in range(self.size)
            )
            header = "kind,partner_city,partner_country,established,status,status_since\n"
            import_csv(ws.db, (header + body).encode())
            report.done(k)

    def after(self, folder: Path, round_no: int, done: list[list[str]], tally: Tally) -> list[str]:
        where = f"round {round_no}"
        problems, rows = sound_rows(self.db(folder, round_no), where)

        def present(k: int) -> int:
            return sum(f"CSV {round_no}-{k}-{i}" in rows for i in range(self.size))

        for (k,) in done:
            if present(int(k)) != self.size:
                problems.append(f"{where}: reported import {k} is not all there")
        return problems + whole_or_absent(present(len(done)), self.size, tally, where)


class Backup(Fresh):
    """Automatic backups: each reported one is a sound copy; the next clears half copies."""

    name = "backup"

    def setup(self, folder: Path) -> None:
        ws = open_workspace(folder / "template.sqlite3", actor="setup")
        load_demo(ws)
        ws.close()

    def child(self, folder: Path, round_no: int, report: Report) -> None:
        start = dt.datetime(2026, 1, 1) + dt.timedelta(hours=round_no)
        for k in range(3600):
            made = automatic_backup(
                self.db(folder, round_no), SETTINGS, "daily", start + dt.timedelta(seconds=k)
            )
            report.done(made.name)

    def after(self, folder: Path, round_no: int, done: list[list[str]], tally: Tally) -> list[str]:
        where = f"round {round_no}"
        backups = folder / "backups"
        problems = sound(self.db(folder, round_no), where)
        for (name,) in done:
            try:
                check_backup(backups / name)
            except Exception as exc:
                problems.append(f"{where}: reported backup {name}: {exc}")
            else:
                if (backups / name).stat().st_mode & 0o077:
                    problems.append(f"{where}: backup {name} is readable by others")
        if leftovers(backups):
            tally.in_flight_absent += 1  # killed mid-copy: the half copy is still there
        else:
            tally.in_flight_whole += 1
        automatic_backup(self.db(folder, round_no), SETTINGS, "start", dt.datetime(2027, 1, 1))
        if leftovers(backups):
            problems.append(f"{where}: the next backup left {leftovers(backups)}")
        return problems


class Restore(Fresh):
    """Restores from two backups in turn: the register is always one of them, whole."""

    name = "restore"

    def setup(self, folder: Path) -> None:
        sources = folder / "sources"
        for marker in ("Alpha", "Beta"):
            ws = open_workspace(folder / f"{marker}.sqlite3", actor="setup")
            load_demo(ws)
            ws.partnerships.create(
                PartnershipDraft(kind="sister", partner_city=marker, partner_country="JP")
            )
            ws.close()
            back_up_to(folder / f"{marker}.sqlite3", sources / f"{marker}.sqlite3")
        shutil.copy(sources / "Alpha.sqlite3", folder / "template.sqlite3")

    def child(self, folder: Path, round_no: int, report: Report) -> None:
        for k in range(10_000):
            marker = "Alpha" if (round_no + k) % 2 else "Beta"
            restore_database(
                self.db(folder, round_no), folder / "sources" / f"{marker}.sqlite3", SETTINGS
            )
            report.done(marker)

    def after(self, folder: Path, round_no: int, done: list[list[str]], tally: Tally) -> list[str]:
        where = f"round {round_no}"
        # Its open clears what a killed swap left.
        problems, rows = sound_rows(self.db(folder, round_no), where)
        found = [m for m in ("Alpha", "Beta") if m in rows]
        last = done[-1][0]
        following = "Alpha" if (round_no + len(done)) % 2 else "Beta"
        if found == [last]:
            tally.in_flight_absent += 1
        elif found == [following]:
            tally.in_flight_whole += 1
        else:
            problems.append(f"{where}: after restoring {last}, the register holds {found}")
        if leftovers(folder):
            problems.append(f"{where}: left behind: {leftovers(folder)}")
        return problems


class ArchiveImport:
    """A whole commission into a new register, seal image included, all or nothing."""

    name = "archive"
    span = 1.5  # an import is long: kill within the next one

    def setup(self, folder: Path) -> None:
        ws = open_workspace(folder / "source.sqlite3", actor="setup")
        for city in ("Okayama", "Graz", "Guadalajara"):  # small: a hundred imports to make
            ws.partnerships.create(
                PartnershipDraft(kind="sister", partner_city=city, partner_country="JP")
            )
        ws.documents.import_json(DocumentsImport.document("A"))  # a sealed resolution too
        (folder / "seal.png").write_bytes(SEAL)
        ws.documents.save_settings(replace(ws.documents.settings(), seal=str(folder / "seal.png")))
        export_archive(ws.db, folder / "commission.zip")
        (folder / "expected").write_text(str(ws.partnerships.count()))
        ws.close()
        open_workspace(folder / "template.sqlite3", actor="setup").close()

    def begin(self, folder: Path, round_no: int) -> None:
        fresh_home(folder, round_no)  # each import makes a register of its own

    def child(self, folder: Path, round_no: int, report: Report) -> None:
        for k in range(10_000):
            target = folder / f"imp-{round_no}-{k}.sqlite3"  # a new register each time
            # The new, empty register appears whole (the test's own copy is no sciapp write).
            shutil.copy(folder / "template.sqlite3", folder / "copying")
            os.replace(folder / "copying", target)
            ws = open_workspace(target, actor="crash test")
            import_archive(ws.db, folder / "commission.zip")
            ws.close()
            report.done(k)

    @staticmethod
    def _contents(path: Path, where: str) -> tuple[int, list[str]]:
        """How many partnerships the register holds, and whether its seal image is the
        archive's (read straight from the file: quick, and changes nothing)."""
        with closing(sqlite3.connect(quiet_uri(path), uri=True)) as conn:
            (count,) = conn.execute("SELECT count(*) FROM partnership").fetchone()
            row = conn.execute("SELECT value FROM setting WHERE key = 'documents'").fetchone()
        seal = json.loads(row[0]).get("seal", "") if row else ""
        if count and (not seal or (path.parent / seal).read_bytes() != SEAL):
            return count, [f"{where}: the imported seal image is missing or wrong"]
        return count, []

    def after(self, folder: Path, round_no: int, done: list[list[str]], tally: Tally) -> list[str]:
        where = f"round {round_no}"
        expected = int((folder / "expected").read_text())
        problems: list[str] = []
        for (k,) in done:
            path = folder / f"imp-{round_no}-{k}.sqlite3"
            if k == done[-1][0]:  # one full check a round; every one's records and seal
                problems += sound(path, f"{where}: import {k}")
            count, wrong = self._contents(path, f"{where}: import {k}")
            problems += wrong
            if count != expected:
                problems.append(f"{where}: reported import {k} holds {count} of {expected}")
        flight = folder / f"imp-{round_no}-{len(done)}.sqlite3"
        if flight.exists():
            problems += sound(flight, f"{where}: interrupted import")
            count, wrong = self._contents(flight, f"{where}: interrupted import")
            problems += wrong + whole_or_absent(count, expected, tally, where)
            if count == 0:  # the next start: the import is tried again, and works
                ws = open_workspace(flight, actor="checker")
                import_archive(ws.db, folder / "commission.zip")
                ws.close()
                count, wrong = self._contents(flight, f"{where}: import again")
                problems += wrong if count == expected else [f"{where}: import again: {count}"]
        else:
            tally.in_flight_absent += 1
        for path in folder.glob("imp-*"):
            shutil.rmtree(path) if path.is_dir() else path.unlink()
        return problems


class DocumentsImport(Fresh):
    """Documents files of two resolutions (one adopted, so sealed) and a letter."""

    name = "documents"

    @staticmethod
    def document(key: str) -> bytes:
        votes = {"ayes": ["A. Lopez", "T. Smith"], "nays": [], "abstain": [], "absent": []}
        resolution = {
            "title": f"On ties {key}",
            "body": "City Council",
            "preamble": ["WHEREAS ties matter"],
            "operative": ["The council keeps them"],
        }
        letter = {
            "date": "2026-01-06",
            "to": ["Mayor of Okayama"],
            "salutation": "Dear Mayor",
            "body": [f"Letter {key}."],
            "closing": "Sincerely",
            "signers": [{"name": "A. Lopez", "title": "Chair"}],
        }
        adopted = {"status": "adopted", "adopted_on": "2026-01-05", "votes": votes}
        return json.dumps(
            {
                "resolutions": [
                    {**resolution, "number": f"D{key}-1", "status": "draft"},
                    {**resolution, "number": f"D{key}-2", **adopted},
                ],
                "letters": [letter],
            }
        ).encode()

    def child(self, folder: Path, round_no: int, report: Report) -> None:
        ws = open_workspace(self.db(folder, round_no), actor="crash test")
        report.ready()
        for k in range(10_000):
            ws.documents.import_json(self.document(f"{round_no}-{k}"))
            report.done(k)

    def after(self, folder: Path, round_no: int, done: list[list[str]], tally: Tally) -> list[str]:
        where = f"round {round_no}"
        numbers: set[str] = set()

        def look(ws: Workspace) -> None:
            numbers.update(r.number for r in ws.documents.list_resolutions())

        problems = sound(self.db(folder, round_no), where, look)

        def present(k: int) -> int:
            return sum(f"D{round_no}-{k}-{i}" in numbers for i in (1, 2))

        for (k,) in done:
            if present(int(k)) != 2:
                problems.append(f"{where}: reported documents import {k} is not all there")
        return problems + whole_or_absent(present(len(done)), 2, tally, where)


SCENARIOS = {
    s.name: s for s in (Writes, CsvImport, Backup, Restore, ArchiveImport, DocumentsImport)
}
