"""Commands that keep the record safe: backup, restore, check, audit, verify."""

from __future__ import annotations

import argparse
import datetime as dt
import sys
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from sciapp.services.workspace import Workspace

RECORD_COMMANDS = ("backup", "restore", "check", "audit", "verify", "archive")


def _date(text: str) -> dt.date:
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a date (YYYY-MM-DD)") from None


def add_record_commands(commands: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    backup = commands.add_parser("backup", help="write a checked copy of the database to FILE")
    backup.add_argument("file", type=Path, metavar="FILE")
    restore = commands.add_parser(
        "restore", help="replace the database with a backup (the current one is kept)"
    )
    restore.add_argument("file", type=Path, metavar="FILE")
    commands.add_parser(
        "check", help="integrity and foreign-key checks plus the app's own rules; exit 1 if wrong"
    )
    audit = commands.add_parser("audit", help="print the audit trail: who changed what, when")
    audit.add_argument("--since", type=_date, metavar="DATE", help="from this day (YYYY-MM-DD)")
    commands.add_parser(
        "verify",
        help="recompute the seals on approved minutes and adopted resolutions and the audit "
        "trail's chain; print both heads",
    )
    archive = commands.add_parser(
        "archive", help="the whole commission as one zip: for a new laptop or the next clerk"
    )
    archive_actions = archive.add_subparsers(dest="action", metavar="ACTION", required=True)
    archive_actions.add_parser("export", help="write every record and attachment").add_argument(
        "file", type=Path, metavar="FILE.zip"
    )
    archive_actions.add_parser(
        "import", help="read an archive into a new, empty database; all or nothing"
    ).add_argument("file", type=Path, metavar="FILE.zip")


SERVER_BACKUPS = (
    "the database is on a server: back it up and restore it with the server's own tools "
    "(pg_dump and pg_restore), or move it with `sciapp archive export`"
)


def restore_command(args: argparse.Namespace) -> int:
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


def run_record_command(args: argparse.Namespace, workspace: Workspace) -> int:
    if args.command == "backup":
        from sciapp.services.safekeeping.backups import back_up_to

        if not workspace.is_file:
            print(f"sciapp: {SERVER_BACKUPS}", file=sys.stderr)
            return 1
        made = back_up_to(workspace.path, args.file)
        print(f"backed up {workspace.path} to {made}")
        return 0
    if args.command == "check":
        return _check(workspace)
    if args.command == "archive":
        return _archive(workspace, args.action, args.file)
    if args.command == "verify":
        from sciapp.domain.text import printable
        from sciapp.services.safekeeping.failures import check_readable

        check_readable(workspace.db)  # seals read from a damaged file prove nothing
        report = workspace.seals.verify()
        for problem in report.problems:
            print(printable(str(problem)))
        print(report.summary)  # to write down: a later head must follow from this one
        if not report.ok:
            print(f"sciapp: {len(report.problems)} problems with the seals", file=sys.stderr)
            return 1
        print(f"{report.seals} seals verified; every sealed record matches; the trail is whole")
        return 0
    return _audit(workspace, args.since)


def _archive(workspace: Workspace, action: str, file: Path) -> int:
    from sciapp.services.safekeeping.archive import export_archive, import_archive

    if action == "export":
        from sciapp.services.safekeeping.failures import check_readable
        from sciapp.files import write_problem

        check_readable(workspace.db)  # an archive of a damaged file would carry the damage
        try:
            report = export_archive(workspace.db, file)
        except OSError as exc:
            print(f"sciapp: {write_problem(exc, file)}", file=sys.stderr)
            return 1
        print(f"archived {report.total} records and {report.attachments} attachments to {file}")
        return 0
    if not file.is_file():
        print(f"sciapp: {file} does not exist", file=sys.stderr)
        return 1
    report = import_archive(workspace.db, file)  # attachments: the database's own folder
    print(f"imported {report.total} records and {report.attachments} attachments from {file}")
    return 0


def _check(workspace: Workspace) -> int:
    from sciapp.services.safekeeping.failures import check_readable
    from sciapp.services.safekeeping.integrity import check_database

    check_readable(workspace.db)  # a damaged file: where, and which backup to restore
    report = check_database(workspace.db)
    from sciapp.domain.text import printable

    for warning in report.warnings:
        print(f"warning: {printable(warning)}")
    for problem in report.problems:
        print(f"problem: {printable(problem)}")
    if not report.ok:
        print(f"sciapp: {len(report.problems)} problems found in {workspace.path}", file=sys.stderr)
        return 1
    print(f"{workspace.path}: no problems found")
    return 0


def _audit(workspace: Workspace, since: dt.date | None) -> int:
    from sciapp.domain.text import printable

    # Every value here was typed or imported by someone: escaped, never sent raw to the
    # terminal (an ESC in a partner's name could rewrite the lines above it).
    for entry in workspace.audit.entries(since=since):
        stamp = entry.at.astimezone().strftime("%Y-%m-%d %H:%M:%S")
        print(f"{stamp}  {printable(entry.actor)}  {printable(entry.what)}")
        for line in entry.describe_changes().split("\n"):
            if line:
                print(f"    {printable(line)}")
    return 0
