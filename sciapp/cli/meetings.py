"""`sciapp meetings list|show`: meetings newest first, a meeting's minutes as plain text."""

from __future__ import annotations

import sys
from typing import TYPE_CHECKING

from sciapp.cli.output import plural
from sciapp.cli.runner import on_register

if TYPE_CHECKING:
    import argparse

    from sciapp.services.workspace import Workspace


def register(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    meetings = commands.add_parser("meetings", help="list meetings or print minutes")
    actions = meetings.add_subparsers(dest="action", metavar="ACTION", required=True)
    listing = actions.add_parser("list", help="list meetings, newest first")
    listing.add_argument("--body", metavar="NAME", help="only this body's meetings")
    on_register(listing, _list)
    show = actions.add_parser("show", help="print a meeting's minutes as plain text")
    show.add_argument("id", type=int, metavar="ID")
    on_register(show, _show)


def _show(args: argparse.Namespace, workspace: Workspace) -> int:
    from sciapp.domain.text import printable

    workspace.meetings.get(args.id)  # "Meeting 99 does not exist."
    text = workspace.minutes.text(args.id)  # approved minutes: as sealed
    sys.stdout.write(printable(text, keep_newlines=True))
    return 0


def _list(args: argparse.Namespace, workspace: Workspace) -> int:
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
    print(plural(len(rows), "meeting"))
    return 0
