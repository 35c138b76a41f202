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
from sciapp.cli import (
    activities,
    closed_sessions,
    documents,
    gifts,
    info,
    meetings,
    partnerships,
    reports,
    safekeeping,
    votes,
)
from sciapp.cli.runner import run_on_register

if TYPE_CHECKING:
    from collections.abc import Sequence

# In the order `sciapp --help` lists them.
GROUPS = (
    info,
    partnerships,
    activities,
    gifts,
    votes,
    documents,
    meetings,
    closed_sessions,
    reports,
    safekeeping,
)


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
        "--demo",
        nargs="?",
        const="lansing",
        choices=DEMOS,
        help="use a fresh demo database in a temporary folder: Lansing, Michigan (the default) "
        "or texas (a Texas city with a tie the state's law on partner countries touches)",
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
    args = parser.parse_args(_demo_named(sys.argv[1:] if argv is None else argv))
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


DEMOS = ("lansing", "texas")


def _demo_named(argv: Sequence[str]) -> list[str]:
    """`--demo texas` names the demo; a bare `--demo` is Lansing's, whatever follows it (a
    command: `--demo partnerships list`), so argparse never takes a command for its value."""
    out = list(argv)
    for i, arg in enumerate(out):
        if arg == "--":
            break
        if arg == "--demo":
            named = i + 1 < len(out) and out[i + 1] in DEMOS
            out[i : i + 1 + named] = [f"--demo={out[i + 1] if named else DEMOS[0]}"]
            break
    return out


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
