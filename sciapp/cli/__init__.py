"""The `sciapp` command: with no command it opens the app, with a command it runs headless.

Exit codes: 0 done, 1 the work was refused (the message says why), 2 a usage error.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from sciapp import __version__
from sciapp.cli.safekeeping import (
    RECORD_COMMANDS,
    add_record_commands,
    restore_command,
    run_record_command,
)

if TYPE_CHECKING:
    from sciapp.services.workspace import Workspace

STATUSES = ("proposed", "active", "suspended", "terminated")
RULES = (
    "majority-cast",
    "two-thirds-cast",
    "majority-present",
    "two-thirds-present",
    "majority-membership",
    "unanimous",
)


def _count(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a whole number") from None
    if value < 0:
        raise argparse.ArgumentTypeError(f"{value} is negative")
    return value


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="sciapp",
        description="The register, meetings, votes and documents of a sister-city commission. "
        "With no command, opens the desktop app.",
    )
    parser.add_argument("--version", action="version", version=f"sciapp {__version__}")
    where = parser.add_mutually_exclusive_group()
    where.add_argument("--db", type=Path, metavar="PATH", help="use this database file")
    where.add_argument(
        "--demo", action="store_true", help="use a fresh demo database in a temporary folder"
    )
    where.add_argument(
        "--db-url",
        metavar="URL",
        help="use a shared database server, e.g. postgresql+psycopg://user@host/sciapp",
    )
    parser.add_argument(
        "--meeting", type=int, metavar="ID", help="open straight into meeting mode for meeting ID"
    )
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")
    commands.add_parser("info", help="print the database path and schema version")

    partnerships = commands.add_parser("partnerships", help="list, import or export the register")
    actions = partnerships.add_subparsers(dest="action", metavar="ACTION", required=True)
    listing = actions.add_parser("list", help="list partnerships")
    listing.add_argument("--status", choices=STATUSES)
    listing.add_argument("--format", choices=("table", "csv", "json"), default="table")
    importing = actions.add_parser(
        "import", help="import partnerships from a CSV file or an .xlsx/.xls/.ods workbook"
    )
    importing.add_argument("file", metavar="FILE", help="'-' reads standard input")
    importing.add_argument(
        "--sheet", metavar="NAME", help="the workbook's sheet to read (default: the first)"
    )
    exporting = actions.add_parser(
        "export", help="export partnerships to FILE.csv, or to an Excel workbook FILE.xlsx"
    )
    exporting.add_argument("file", metavar="FILE", help="'-' writes CSV to standard output")

    outcome = commands.add_parser(
        "vote-outcome", help="compute whether a vote carried, as JSON (no database needed)"
    )
    outcome.add_argument("--rule", required=True, choices=RULES)
    for name in ("yes", "no"):
        outcome.add_argument(f"--{name}", type=_count, required=True, metavar="N")
    outcome.add_argument("--abstain", type=_count, default=0, metavar="N")
    outcome.add_argument("--present", type=_count, metavar="N", help="voting members present")
    outcome.add_argument("--members", type=_count, metavar="N", help="voting members in office")
    outcome.add_argument("--seats", type=_count, metavar="N", help="fixed number of seats")
    outcome.add_argument("--quorum", type=_count, metavar="N", help="members needed for quorum")

    votes = commands.add_parser("votes", help="export motions and votes")
    vote_actions = votes.add_subparsers(dest="action", metavar="ACTION", required=True)
    popolo = vote_actions.add_parser("export-popolo", help="all motions and votes as Popolo JSON")
    popolo.add_argument("file", metavar="FILE.json", help="'-' writes standard output")
    meeting_csv = vote_actions.add_parser("export-csv", help="one meeting's votes as CSV")
    meeting_csv.add_argument("meeting", type=int, metavar="MEETING_ID")
    meeting_csv.add_argument("file", metavar="FILE.csv", help="'-' writes standard output")

    render = commands.add_parser(
        "render", help="write a resolution, letter, minutes or agenda as PDF"
    )
    render.add_argument("what", choices=("resolution", "letter", "minutes", "agenda"))
    render.add_argument(
        "key",
        metavar="NUMBER_OR_ID",
        help="the resolution's number, or the letter's or meeting's id",
    )
    render.add_argument("-o", "--output", required=True, metavar="FILE.pdf")

    documents = commands.add_parser("documents", help="import or export resolutions and letters")
    doc_actions = documents.add_subparsers(dest="action", metavar="ACTION", required=True)
    doc_import = doc_actions.add_parser(
        "import", help="import a documents JSON file, all or nothing"
    )
    doc_import.add_argument("file", metavar="FILE.json", help="'-' reads standard input")
    doc_export = doc_actions.add_parser("export", help="export every resolution and letter")
    doc_export.add_argument("file", metavar="FILE.json", help="'-' writes standard output")

    meetings = commands.add_parser("meetings", help="list meetings or print minutes")
    meeting_actions = meetings.add_subparsers(dest="action", metavar="ACTION", required=True)
    meeting_list = meeting_actions.add_parser("list", help="list meetings, newest first")
    meeting_list.add_argument("--body", metavar="NAME", help="only this body's meetings")
    show = meeting_actions.add_parser("show", help="print a meeting's minutes as plain text")
    show.add_argument("id", type=int, metavar="ID")
    add_record_commands(commands)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if args.db_url:
        from sciapp.storage.database import sqlite_file

        file = sqlite_file(args.db_url)
        if file is not None:  # the same file as --db, with its lock and its messages
            args.db, args.db_url = file, None
    if args.command == "vote-outcome":
        return _vote_outcome(parser, args)
    if args.command is None:
        from sciapp.gui.system_check import startup_problem

        # Before Qt loads: a missing library or display is a sentence here, not a Qt abort.
        problem = startup_problem()
        if problem:
            print(problem, file=sys.stderr)
            return 1
        import gc

        # Start-up builds ~a million objects (Qt bindings, SQLAlchemy) that all live on;
        # collecting while they are made only slows the start. run_app turns it back on.
        gc.disable()
        from sciapp.gui.app import run_app

        return run_app(db=args.db, demo=args.demo, meeting=args.meeting, db_url=args.db_url)
    if args.command == "restore":
        return restore_command(args)
    from sciapp.domain.text import printable
    from sciapp.services.errors import ImportRejectedError, ServiceError

    try:
        workspace = _open(args)
    except ServiceError as exc:
        print(f"sciapp: {printable(str(exc))}", file=sys.stderr)
        return 1
    try:
        return _dispatch(args, workspace)
    except BrokenPipeError:  # e.g. `sciapp partnerships export - | head`
        sys.stdout = open(os.devnull, "w")  # noqa: SIM115 - silence the flush at exit
        return 0
    except ImportRejectedError as exc:
        if exc.read_as:  # a wrongly guessed encoding shows here first
            print(printable(exc.read_as), file=sys.stderr)
        for problem in exc.problems:  # they quote the file: never raw to the terminal
            print(printable(problem), file=sys.stderr)
        print(f"sciapp: {printable(str(exc))}", file=sys.stderr)
        return 1
    except ServiceError as exc:
        print(f"sciapp: {printable(str(exc))}", file=sys.stderr)
        return 1
    except Exception as exc:
        from sciapp.services.safekeeping.failures import explain_failure

        problem = explain_failure(exc, workspace.db)  # a damaged page, a full disk, a lost server
        if problem is None:
            raise
        print(f"sciapp: {printable(str(problem))}", file=sys.stderr)
        return 1
    finally:
        workspace.close()


def _vote_outcome(parser: argparse.ArgumentParser, args: argparse.Namespace) -> int:
    from sciapp.domain.votes import Tally, VoteRule, decide

    try:
        tally = Tally(
            args.yes, args.no, args.abstain, args.present, args.members, args.seats, args.quorum
        )
    except ValueError as exc:
        parser.error(str(exc))
    outcome = decide(tally, VoteRule(args.rule))
    json.dump(
        {"result": outcome.result.value, "explanation": outcome.explanation},
        sys.stdout,
        ensure_ascii=False,
    )
    sys.stdout.write("\n")
    return 0


def gui_main() -> int:
    """Entry point for desktop shortcuts (a GUI script: no console window on Windows)."""
    return main()


WRITING = {("partnerships", "import"), ("documents", "import"), ("archive", "import")}
# Commands that look at a register someone has: on a path typed wrong they must say so, not
# create an empty database and report on it ("no problems found").
MUST_EXIST = {("info", None), ("check", None), ("verify", None), ("audit", None)}
MUST_EXIST |= {("backup", None), ("archive", "export")}


def _open(args: argparse.Namespace) -> Workspace:
    from sciapp.demo import open_demo_workspace
    from sciapp.services.workspace import (
        StoreInUseError,
        StoreReadOnlyError,
        StoreUnavailableError,
        open_workspace,
    )

    if args.demo:
        return open_demo_workspace()
    if args.db_url:
        from sciapp.services.workspace import open_workspace_url

        return open_workspace_url(args.db_url)
    path = args.db
    if path is None:  # the app's own place: created on a first start, as the app does
        from sciapp.config import AppPaths

        path = AppPaths.from_environment().default_db
    elif (args.command, getattr(args, "action", None)) in MUST_EXIST and not path.exists():
        raise StoreUnavailableError(f"no such file: {path} (nothing was created)")
    try:
        return open_workspace(path)
    except (StoreInUseError, StoreReadOnlyError) as exc:
        if (args.command, getattr(args, "action", None)) in WRITING:
            raise
        if not getattr(exc, "can_read", True):
            raise
        # Looking needs no lock, nor a file it may write: read while the app has the file
        # open, or where it cannot be changed.
        return open_workspace(path, read_only=True)


def _dispatch(args: argparse.Namespace, workspace: Workspace) -> int:
    if args.command in RECORD_COMMANDS:
        return run_record_command(args, workspace)
    if args.command == "info":
        print(f"database: {workspace.location}")
        print(f"schema version: {workspace.schema_version} (revision {workspace.revision})")
        print(f"partnerships: {workspace.partnerships.count()}")
        if workspace.backup_made:
            print(f"backup before migration: {workspace.backup_made}")
        return 0
    if args.command == "meetings":
        return _meetings(workspace, args)
    if args.command == "partnerships" and args.action == "list":
        return _list(workspace, args.status, args.format)
    from sciapp.cli import documents

    return documents.run(args, workspace)


def _list(workspace: Workspace, status: str | None, fmt: str) -> int:
    from sciapp.cli.table import render_table
    from sciapp.domain.countries import country_name
    from sciapp.domain.partnership import Kind
    from sciapp.domain.status import Status
    from sciapp.domain.text import printable_json

    rows = workspace.partnerships.list_rows(Status(status) if status else None)
    if fmt == "csv":
        from sciapp.services.partnerships.csv_io import export_csv

        export_csv(workspace.db, sys.stdout, Status(status) if status else None)
    elif fmt == "json":
        records = [
            {**row._asdict(), "country_name": country_name(row.partner_country)} for row in rows
        ]
        sys.stdout.write(printable_json(json.dumps(records, ensure_ascii=False, indent=2)) + "\n")
    else:
        header = (
            "ID",
            "Partner city",
            "Native name",
            "Country",
            "Kind",
            "Status",
            "Since",
            "Established",
        )
        body = [
            (
                str(r.id),
                r.partner_city,
                r.partner_city_native,
                country_name(r.partner_country),
                Kind(r.kind).label,
                r.status,
                r.status_since or "",
                r.established or "",
            )
            for r in rows
        ]
        sys.stdout.write(render_table(header, body))
        print(f"{len(rows)} partnership{'s' if len(rows) != 1 else ''}")
    return 0


def _meetings(workspace: Workspace, args: argparse.Namespace) -> int:
    if args.action == "show":
        from sciapp.domain.text import printable

        workspace.meetings.get(args.id)  # "Meeting 99 does not exist."
        text = workspace.minutes.text(args.id)  # approved minutes: as sealed
        sys.stdout.write(printable(text, keep_newlines=True))
        return 0
    from sciapp.cli.table import render_table

    body_id = workspace.bodies.find_body(args.body).id if args.body else None
    rows = workspace.meetings.list_meetings(body_id)
    header = ("ID", "Date", "Time", "Body", "Kind", "Minutes")
    body = [
        (
            str(r.id),
            r.date.isoformat(),
            r.start_time.strftime("%H:%M"),
            r.body_name,
            r.kind,
            r.minutes_status.value,
        )
        for r in rows
    ]
    sys.stdout.write(render_table(header, body))
    print(f"{len(rows)} meeting{'s' if len(rows) != 1 else ''}")
    return 0
