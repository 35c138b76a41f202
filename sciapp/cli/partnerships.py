"""`sciapp partnerships list|import|export|check-law|laws`: the register as a table, CSV or
JSON, the partnerships a state law on partner countries touches, and those laws."""

from __future__ import annotations

import argparse
import sys
from enum import StrEnum
from typing import TYPE_CHECKING

from sciapp.cli.output import plural, read_input
from sciapp.cli.partner_laws import show_laws
from sciapp.cli.runner import alone, on_register
from sciapp.domain.status import Status

if TYPE_CHECKING:
    import datetime as dt

    from sciapp.services.workspace import Workspace


class ListFormat(StrEnum):
    TABLE = "table"
    CSV = "csv"
    JSON = "json"


def register(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    partnerships = commands.add_parser("partnerships", help="list, import or export the register")
    actions = partnerships.add_subparsers(dest="action", metavar="ACTION", required=True)
    listing = actions.add_parser("list", help="list partnerships")
    listing.add_argument("--status", choices=[s.value for s in Status])
    listing.add_argument(
        "--format", choices=[f.value for f in ListFormat], default=ListFormat.TABLE.value
    )
    on_register(listing, _list)
    importing = actions.add_parser(
        "import", help="import partnerships from a CSV file or an .xlsx/.xls/.ods workbook"
    )
    importing.add_argument("file", metavar="FILE", help="'-' reads standard input")
    importing.add_argument(
        "--sheet", metavar="NAME", help="the workbook's sheet to read (default: the first)"
    )
    on_register(importing, _import, writes=True)
    exporting = actions.add_parser(
        "export", help="export partnerships to FILE.csv, or to an Excel workbook FILE.xlsx"
    )
    exporting.add_argument("file", metavar="FILE", help="'-' writes CSV to standard output")
    on_register(exporting, _export)
    checking = actions.add_parser(
        "check-law",
        help="list the partnerships a state law on partner countries touches (exit 1: barred)",
    )
    checking.add_argument(
        "--on", metavar="YYYY-MM-DD", type=_day, help="judge on this day (default: today)"
    )
    on_register(checking, _check_law)
    laws = actions.add_parser("laws", help="the state laws on partner countries, as shipped")
    alone(laws, show_laws)


def _list(args: argparse.Namespace, workspace: Workspace) -> int:
    import json

    status = Status(args.status) if args.status else None
    fmt = ListFormat(args.format)
    if fmt is ListFormat.CSV:
        workspace.partnerships.export_csv(sys.stdout, status)
        return 0
    from sciapp.domain.countries import country_name

    rows = workspace.partnerships.list_rows(status)
    if fmt is ListFormat.JSON:
        from sciapp.domain.text import printable_json

        records = [
            {**row._asdict(), "country_name": country_name(row.partner_country)} for row in rows
        ]
        sys.stdout.write(printable_json(json.dumps(records, ensure_ascii=False, indent=2)) + "\n")
        return 0
    from sciapp.cli.table import render_table, terminal_locale
    from sciapp.domain.formats import partial_date
    from sciapp.domain.partnership import Kind

    locale = terminal_locale()

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
            Status(r.status).label,
            partial_date(r.status_since, locale) if r.status_since else "",
            partial_date(r.established, locale) if r.established else "",
        )
        for r in rows
    ]
    sys.stdout.write(render_table(header, body))
    print(plural(len(rows), "partnership"))
    return 0


def _import(args: argparse.Namespace, workspace: Workspace) -> int:
    from pathlib import Path

    from sciapp.domain.text import printable

    content = read_input(args.file)
    if content is None:
        return 1
    source = "standard input" if args.file == "-" else Path(args.file).name
    report = workspace.partnerships.import_csv(content, args.sheet, source)  # or a workbook
    print(printable(report.read_as))  # "Read as Windows-1252, semicolon-separated"
    print(f"imported {plural(report.imported, 'partnership')}")
    return 0


def _export(args: argparse.Namespace, workspace: Workspace) -> int:
    if args.file == "-":
        workspace.partnerships.export_csv(sys.stdout)
        return 0
    from sciapp.files import write_problem

    try:
        count = workspace.partnerships.export_file(args.file)  # .xlsx a workbook, else CSV
    except OSError as exc:
        print(f"sciapp: {write_problem(exc, args.file)}", file=sys.stderr)
        return 1
    print(f"exported {plural(count, 'partnership')} to {args.file}", file=sys.stderr)
    return 0


def _day(text: str) -> dt.date:
    import datetime as dt

    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a date: {text!r} (use YYYY-MM-DD)") from None


def _check_law(args: argparse.Namespace, workspace: Workspace) -> int:
    """Each touched partnership with the citation; exit 1 if any is barred today."""
    import datetime as dt

    from sciapp.domain.countries import country_name
    from sciapp.domain.partner_country_laws import laws_for

    on = args.on or dt.date.today()
    place = workspace.partner_laws.jurisdiction()
    touched = workspace.partner_laws.touched(on)
    where = f"{place.label}, from {place.source}"
    if not touched:
        laws = laws_for(place.state)
        named = ", ".join(law.citation for law in laws) or "a state law on partner countries"
        print(f"No partnership is touched by {named} ({where}).")
        return 0
    from sciapp.cli.table import render_table

    print(f"Jurisdiction: {where}")
    header = ("ID", "Partner city", "Country", "Status", "What the law says")
    body = [
        (
            str(tie.id),
            tie.partner_city,
            country_name(tie.partner_country),
            tie.status.label,
            tie.describe(),
        )
        for tie in touched
    ]
    sys.stdout.write(render_table(header, body))
    barred = sum(1 for tie in touched if tie.is_barred)
    print(f"{plural(len(touched), 'partnership')} touched by a state law; {barred} barred")
    return 1 if barred else 0
