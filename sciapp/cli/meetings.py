"""`sciapp meetings list|show|calendar`: meetings newest first, a meeting's minutes as plain
text, a body's meetings as an iCalendar feed."""

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
    calendar = actions.add_parser(
        "calendar", help="a body's meetings as an iCalendar (.ics) feed to subscribe to"
    )
    calendar.add_argument("body", metavar="BODY", help="the body's name (or its id)")
    calendar.add_argument(
        "-o", "--output", metavar="FILE.ics", default="-", help="'-' (default) standard output"
    )
    on_register(calendar, _calendar)


def _calendar(args: argparse.Namespace, workspace: Workspace) -> int:
    from sciapp.cli.output import write_output
    from sciapp.services.reports.calendar import body_calendar

    name = args.body.strip()
    if name.isdigit() and not any(b.name == name for b in workspace.bodies.list_bodies()):
        body = workspace.bodies.get_body(int(name))  # "Body 9 does not exist."
    else:
        body = workspace.bodies.find_body(name)  # "No body called 'X'."
    feed = body_calendar(workspace, body.id).decode("utf-8")
    if not write_output(args.output, lambda out: out.write(feed)):
        return 1
    if args.output != "-":
        count = feed.count("BEGIN:VEVENT")
        print(f"wrote {args.output} ({plural(count, 'meeting')} of {body.name})", file=sys.stderr)
    return 0


def _show(args: argparse.Namespace, workspace: Workspace) -> int:
    from sciapp.domain.text import printable

    workspace.meetings.get(args.id)  # "Meeting 99 does not exist."
    text = workspace.minutes.text(args.id)  # approved minutes: as sealed
    sys.stdout.write(printable(text, keep_newlines=True))
    return 0


def _list(args: argparse.Namespace, workspace: Workspace) -> int:
    from sciapp.cli.table import render_table, terminal_locale
    from sciapp.domain.formats import short_date, time_of_day

    body_id = workspace.bodies.find_body(args.body).id if args.body else None
    rows = workspace.meetings.list_meetings(body_id)
    locale = terminal_locale()
    header = ("ID", "Date", "Time", "Body", "Kind", "Minutes")
    body = [  # as the Meetings list shows them
        (
            str(r.id),
            short_date(r.date, locale),
            time_of_day(r.start_time, locale),
            r.body_name,
            r.kind.capitalize(),
            "Cancelled" if r.cancelled else r.minutes_status.label,
        )
        for r in rows
    ]
    sys.stdout.write(render_table(header, body))
    print(plural(len(rows), "meeting"))
    return 0
