"""`sciapp partnerships list|import|export`: the register as a table, CSV or JSON."""

from __future__ import annotations

import sys
from enum import StrEnum
from typing import TYPE_CHECKING

from sciapp.cli.output import plural, read_input
from sciapp.cli.runner import on_register
from sciapp.domain.status import Status

if TYPE_CHECKING:
    import argparse

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
    from sciapp.cli.table import render_table
    from sciapp.domain.partnership import Kind

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
    print(plural(len(rows), "partnership"))
    return 0


def _import(args: argparse.Namespace, workspace: Workspace) -> int:
    from sciapp.domain.text import printable

    content = read_input(args.file)
    if content is None:
        return 1
    report = workspace.partnerships.import_csv(content, args.sheet)  # CSV or a workbook
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
