"""Commands that keep the record safe: backup, restore, check, audit, verify, archive."""

from __future__ import annotations

import argparse
import datetime as dt
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from sciapp.cli.runner import alone, on_register

if TYPE_CHECKING:
    from sciapp.services.workspace import Workspace

SERVER_BACKUPS = (
    "the database is on a server: back it up and restore it with the server's own tools "
    "(pg_dump and pg_restore), or move it with `sciapp archive export`"
)


def _date(text: str) -> dt.date:
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a date (YYYY-MM-DD)") from None


def register(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    backup = commands.add_parser("backup", help="write a checked copy of the database to FILE")
    backup.add_argument("file", type=Path, metavar="FILE")
    on_register(backup, _backup, must_exist=True)
    restore = commands.add_parser(
        "restore", help="replace the database with a backup (the current one is kept)"
    )
    restore.add_argument("file", type=Path, metavar="FILE")
    alone(restore, _restore)
    check = commands.add_parser(
        "check", help="integrity and foreign-key checks plus the app's own rules; exit 1 if wrong"
    )
    on_register(check, _check, must_exist=True)
    audit = commands.add_parser("audit", help="print the audit trail: who changed what, when")
    audit.add_argument("--since", type=_date, metavar="DATE", help="from this day (YYYY-MM-DD)")
    on_register(audit, _audit, must_exist=True)
    verify = commands.add_parser(
        "verify",
        help="recompute the seals on approved minutes and adopted resolutions and the audit "
        "trail's chain; print both heads",
    )
    on_register(verify, _verify, must_exist=True)
    archive = commands.add_parser(
        "archive", help="the whole commission as one zip: for a new laptop or the next clerk"
    )
    actions = archive.add_subparsers(dest="action", metavar="ACTION", required=True)
    exporting = actions.add_parser("export", help="write every record and attachment")
    exporting.add_argument("file", type=Path, metavar="FILE.zip")
    on_register(exporting, _archive_export, must_exist=True)
    importing = actions.add_parser(
        "import", help="read an archive into a new, empty database; all or nothing"
    )
    importing.add_argument("file", type=Path, metavar="FILE.zip")
    on_register(importing, _archive_import, writes=True)


def _restore(_parser: argparse.ArgumentParser, args: argparse.Namespace) -> int:
    """Runs with the database closed: it is about to be replaced."""
    if args.db_url:
        print(f"sciapp: {SERVER_BACKUPS}", file=sys.stderr)
        return 1
    from sciapp.config import AppPaths
    from sciapp.services.safekeeping.backups import BackupError, restore_database
    from sciapp.settings import load_settings

    paths = AppPaths.from_environment()
    db_path = args.db or paths.default_db
    try:  # under the one-writer lock: refused while open, and nobody opens it meanwhile
        kept = restore_database(db_path, args.file, load_settings(paths.config_dir))
    except BackupError as exc:
        print(f"sciapp: {exc}", file=sys.stderr)
        return 1
    print(f"restored {db_path} from {args.file}")
    if kept:
        print(f"the database as it was is kept at {kept}")
    return 0


def _backup(args: argparse.Namespace, workspace: Workspace) -> int:
    if not workspace.is_file:
        print(f"sciapp: {SERVER_BACKUPS}", file=sys.stderr)
        return 1
    made = workspace.safekeeping.back_up_to(args.file)
    print(f"backed up {workspace.path} to {made}")
    return 0


def _check(args: argparse.Namespace, workspace: Workspace) -> int:
    from sciapp.domain.text import printable

    workspace.safekeeping.check_readable()  # a damaged file: where, and which backup
    report = workspace.safekeeping.check()
    for warning in report.warnings:
        print(f"warning: {printable(warning)}")
    for problem in report.problems:
        print(f"problem: {printable(problem)}")
    if not report.ok:
        print(f"sciapp: {len(report.problems)} problems found in {workspace.path}", file=sys.stderr)
        return 1
    print(f"{workspace.path}: no problems found")
    return 0


def _verify(args: argparse.Namespace, workspace: Workspace) -> int:
    from sciapp.domain.text import printable

    workspace.safekeeping.check_readable()  # seals read from a damaged file prove nothing
    report = workspace.seals.verify()
    for problem in report.problems:
        print(printable(str(problem)))
    print(report.summary)  # to write down: a later head must follow from this one
    if not report.ok:
        print(f"sciapp: {len(report.problems)} problems with the seals", file=sys.stderr)
        return 1
    print(f"{report.seals} seals verified; every sealed record matches; the trail is whole")
    return 0


def _archive_export(args: argparse.Namespace, workspace: Workspace) -> int:
    from sciapp.files import write_problem

    workspace.safekeeping.check_readable()  # an archive of a damaged file carries the damage
    try:
        report = workspace.safekeeping.export_archive(args.file)
    except OSError as exc:
        print(f"sciapp: {write_problem(exc, args.file)}", file=sys.stderr)
        return 1
    print(f"archived {report.total} records and {report.attachments} attachments to {args.file}")
    return 0


def _archive_import(args: argparse.Namespace, workspace: Workspace) -> int:
    if not args.file.is_file():
        print(f"sciapp: {args.file} does not exist", file=sys.stderr)
        return 1
    report = workspace.safekeeping.import_archive(args.file)  # attachments: its own folder
    print(f"imported {report.total} records and {report.attachments} attachments from {args.file}")
    return 0


def _audit(args: argparse.Namespace, workspace: Workspace) -> int:
    from sciapp.cli.table import terminal_locale
    from sciapp.domain.formats import clock_time, short_date
    from sciapp.domain.text import printable

    locale = terminal_locale()
    # Every value here was typed or imported by someone: escaped, never sent raw to the
    # terminal (an ESC in a partner's name could rewrite the lines above it).
    for entry in workspace.audit.entries(since=args.since):
        at = entry.at.astimezone()  # to the second, as the Audit trail shows it
        stamp = f"{short_date(at.date(), locale)} {clock_time(at.time(), locale)}"
        print(f"{stamp}  {printable(entry.actor)}  {printable(entry.what)}")
        for line in entry.describe_changes().split("\n"):
            if line:
                print(f"    {printable(line)}")
    return 0
