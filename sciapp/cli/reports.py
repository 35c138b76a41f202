"""`sciapp report annual YEAR -o FILE.pdf [--json FILE.json]`: the annual report to council
(services/reports/annual.py) as a tagged PDF, and the same facts as JSON.

Both files come from one reading of the register; each is written whole or not at all
(sciapp/files.py); '-' as the JSON file writes it to standard output.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING

from sciapp.cli.output import write_output
from sciapp.cli.runner import on_register, refuse

if TYPE_CHECKING:
    import argparse

    from sciapp.services.workspace import Workspace


def register(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    report = commands.add_parser("report", help="write the annual report to council")
    kinds = report.add_subparsers(dest="action", metavar="KIND", required=True)
    annual = kinds.add_parser(
        "annual",
        help="the year's partnerships and decisions, meetings and attendance, motions, "
        "members, terms ending, vacancies and state-law flags, as PDF (and JSON)",
    )
    annual.add_argument("year", type=_year, metavar="YEAR", help="the calendar year, e.g. 2022")
    annual.add_argument("-o", "--output", required=True, metavar="FILE.pdf")
    annual.add_argument(
        "--json", metavar="FILE.json", help="also write the same data as JSON ('-': stdout)"
    )
    on_register(annual, _annual, must_exist=True)


def _year(text: str) -> int:
    import argparse

    if not (text.isdigit() and len(text) == 4):
        raise argparse.ArgumentTypeError(f"YEAR is a four-digit year, not {text!r}")
    return int(text)


def _annual(args: argparse.Namespace, workspace: Workspace) -> int:
    from sciapp.files import write_atomic, write_problem
    from sciapp.services.reports.annual import report_json

    service = workspace.annual_report
    report = service.build(args.year)
    rendered = service.render(report)
    output = Path(args.output)
    try:
        write_atomic(output, rendered.pdf)
    except OSError as exc:
        return refuse(write_problem(exc, output))
    if args.json and not write_output(args.json, lambda out: out.write(report_json(report))):
        return 1
    if rendered.missing:
        chars = " ".join(sorted(rendered.missing))
        print(
            f"sciapp: warning: no font on this machine has these characters: {chars}",
            file=sys.stderr,
        )
    pages = f"{rendered.pages} page{'s' if rendered.pages != 1 else ''}"
    also = f" and {args.json}" if args.json and args.json != "-" else ""
    print(f"wrote {output} ({pages}){also}", file=sys.stderr)
    return 0
