"""The `sciapp` command: with no command it opens the app, with a command it runs headless.

Exit codes: 0 done, 1 the work was refused (the message says why), 2 a usage error.

One module per command group registers its subcommands (`register(commands)`), each naming
the function that runs it (runner.py). Importing this package loads no ORM, PDF or Qt
module: `--version`, `vote-outcome` and `info` on a quiet file answer in a blink; the heavy
modules come with the commands that use them.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from sciapp import __version__
from sciapp.cli import documents, info, meetings, partnerships, safekeeping, votes
from sciapp.cli.runner import run_on_register

if TYPE_CHECKING:
    from collections.abc import Sequence

# In the order `sciapp --help` lists them.
GROUPS = (info, partnerships, votes, documents, meetings, safekeeping)


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
    parser.add_argument(
        "--theme",
        choices=("system", "light", "dark"),
        help="colours for this session only (default: the setting, or $SCIAPP_THEME)",
    )
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")
    for group in GROUPS:
        group.register(commands)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if args.db_url:
        from sciapp.storage.server import sqlite_file

        file = sqlite_file(args.db_url)
        if file is not None:  # the same file as --db, with its lock and its messages
            args.db, args.db_url = file, None
    if args.command is None:
        return _desktop(args)
    if args.alone:
        return args.run(parser, args)
    return run_on_register(args, args.run)


def _desktop(args: argparse.Namespace) -> int:
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

    return run_app(
        db=args.db, demo=args.demo, meeting=args.meeting, db_url=args.db_url, theme=args.theme
    )


def gui_main() -> int:
    """Entry point for desktop shortcuts (a GUI script: no console window on Windows)."""
    return main()
