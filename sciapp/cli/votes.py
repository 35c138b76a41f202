"""`sciapp vote-outcome` (whether a vote carried; no database) and `sciapp votes
export-popolo [--format popolo|ocd]|export-csv`."""

from __future__ import annotations

import argparse
import sys
from typing import TYPE_CHECKING, TextIO

from sciapp.cli.output import write_output
from sciapp.cli.runner import alone, on_register
from sciapp.domain.votes import VoteRule

if TYPE_CHECKING:
    from sciapp.services.workspace import Workspace


def _count(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a whole number") from None
    if value < 0:
        raise argparse.ArgumentTypeError(f"{value} is negative")
    return value


def register(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    outcome = commands.add_parser(
        "vote-outcome", help="compute whether a vote carried, as JSON (no database needed)"
    )
    outcome.add_argument("--rule", required=True, choices=[r.value for r in VoteRule])
    for name in ("yes", "no"):
        outcome.add_argument(f"--{name}", type=_count, required=True, metavar="N")
    outcome.add_argument("--abstain", type=_count, default=0, metavar="N")
    outcome.add_argument("--present", type=_count, metavar="N", help="voting members present")
    outcome.add_argument("--members", type=_count, metavar="N", help="voting members in office")
    outcome.add_argument("--seats", type=_count, metavar="N", help="fixed number of seats")
    outcome.add_argument("--quorum", type=_count, metavar="N", help="members needed for quorum")
    alone(outcome, _vote_outcome)

    votes = commands.add_parser("votes", help="export motions and votes")
    actions = votes.add_subparsers(dest="action", metavar="ACTION", required=True)
    popolo = actions.add_parser(
        "export-popolo", help="all bodies, members, meetings, motions and votes as Popolo JSON"
    )
    popolo.add_argument("file", metavar="FILE.json", help="'-' writes standard output")
    popolo.add_argument(
        "--format",
        choices=("popolo", "ocd"),
        default="popolo",
        help="popolo (default), or ocd: the vote events as Open Civic Data (pupa's shape)",
    )
    on_register(popolo, _export)
    meeting_csv = actions.add_parser("export-csv", help="one meeting's votes as CSV")
    meeting_csv.add_argument("meeting", type=int, metavar="MEETING_ID")
    meeting_csv.add_argument("file", metavar="FILE.csv", help="'-' writes standard output")
    on_register(meeting_csv, _export)


def _vote_outcome(parser: argparse.ArgumentParser, args: argparse.Namespace) -> int:
    import json

    from sciapp.domain.votes import Tally, decide

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


def _export(args: argparse.Namespace, workspace: Workspace) -> int:
    import json

    from sciapp.domain.text import printable_json
    from sciapp.services.reports.popolo import popolo_document, write_meeting_votes_csv

    def write(out: TextIO) -> None:
        if args.action == "export-popolo":
            if args.format == "ocd":
                from sciapp.services.reports.ocd import ocd_document

                data = ocd_document(workspace)
            else:
                data = popolo_document(workspace)
            document = json.dumps(data, ensure_ascii=False, indent=2)
            out.write(printable_json(document) + "\n")
        else:
            write_meeting_votes_csv(workspace.motions.for_meeting(args.meeting), out)

    if args.action == "export-csv":
        workspace.meetings.get(args.meeting)  # refuse an unknown meeting before writing
    if not write_output(args.file, write):
        return 1
    if args.file != "-":
        print(f"wrote {args.file}", file=sys.stderr)
    return 0
