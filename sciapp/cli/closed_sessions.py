"""`sciapp closed-sessions rules|list|show`: a profile's rules for closed sessions with their
citations; a register's closed sessions (times, purposes, deadline or retention, never the
minutes); one session's own minutes, headed NOT PUBLIC."""

from __future__ import annotations

import sys
from typing import TYPE_CHECKING

from sciapp.cli.output import plural
from sciapp.cli.runner import alone, on_register

if TYPE_CHECKING:
    import argparse

    from sciapp.services.meetings.closed_records import ClosedSessionRecord
    from sciapp.services.workspace import Workspace

PROFILES = ("michigan", "new_york", "north_carolina")  # the open-meetings profiles with rules


def register(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    closed = commands.add_parser("closed-sessions", help="closed (executive) sessions")
    actions = closed.add_subparsers(dest="action", metavar="ACTION", required=True)
    rules = actions.add_parser("rules", help="a profile's vote, purposes and minutes, cited")
    rules.add_argument("profile", choices=PROFILES)
    alone(rules, _rules)
    listing = actions.add_parser("list", help="closed sessions, oldest first (not their minutes)")
    listing.add_argument("--meeting", type=int, metavar="ID", help="only this meeting's")
    on_register(listing, _list)
    show = actions.add_parser("show", help="print one closed session's own minutes (not public)")
    show.add_argument("id", type=int, metavar="ID")
    on_register(show, _show)


def _rules(_parser: argparse.ArgumentParser, args: argparse.Namespace) -> int:
    from sciapp.domain.bodies import Profile
    from sciapp.domain.closed_sessions import closed_session_law

    law = closed_session_law(Profile(args.profile))
    assert law is not None
    roll = ", by roll call" if law.roll_call else ""
    print(f"{Profile(args.profile).label}: {law.name}")
    print(f"vote to close: {law.rule.label}{roll} ({law.rule_citation})")
    simple = [p.code for p in law.purposes if p.simple_majority]
    if simple:
        print(f"  a majority of votes cast for purposes {', '.join(simple)}")
    print(f"purposes ({law.purposes_citation}):")
    for purpose in law.purposes:
        print(f"  ({purpose.code}) {purpose.text}")
    print(f"minutes: {law.minutes} ({law.minutes_citation})")
    return 0


def _list(args: argparse.Namespace, workspace: Workspace) -> int:
    from sciapp.cli.table import render_table, terminal_locale
    from sciapp.domain.formats import short_date, time_of_day

    closed = workspace.closed_sessions
    if args.meeting is not None:
        records = closed.for_meeting(args.meeting)  # "Meeting 99 does not exist."
    else:
        records = closed.all_sessions()
    locale = terminal_locale()
    header = ("ID", "Meeting", "Body", "In", "Out", "Purposes", "Minutes")
    rows = [
        (
            str(r.id),
            short_date(r.meeting_date, locale),
            r.body_name,
            time_of_day(r.entered_at, locale),
            time_of_day(r.left_at, locale) if r.left_at else "",
            ", ".join(p.citation for p in r.purposes),
            _keeping(r, locale),
        )
        for r in records
    ]
    sys.stdout.write(render_table(header, rows))
    print(plural(len(records), "closed session"))
    return 0


def _keeping(record: ClosedSessionRecord, locale: str) -> str:
    from sciapp.domain.formats import short_date

    if not record.minutes.strip():
        return "not written"
    if record.may_destroy_from is not None:
        return f"may be destroyed from {short_date(record.may_destroy_from, locale)}"
    if record.minutes_due is not None:
        return f"due {short_date(record.minutes_due, locale)}"
    return "kept"


def _show(args: argparse.Namespace, workspace: Workspace) -> int:
    from sciapp.cli.table import terminal_locale
    from sciapp.domain.formats import long_date
    from sciapp.domain.text import printable

    record = workspace.closed_sessions.get(args.id)  # "Closed session 9 does not exist."
    day = long_date(record.meeting_date, terminal_locale())
    print(f"NOT PUBLIC — {record.minutes_rule}")
    print(printable(f"{record.body_name}, {record.name} of {day}"))
    sys.stdout.write(printable(record.minutes, keep_newlines=True).rstrip("\n") + "\n")
    return 0
