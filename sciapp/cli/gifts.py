"""`sciapp gifts list [--year YYYY] [--format table|csv|json]`: the gifts given and received,
the register a clerk discloses (CSV: the gift register, as GiftService.register_csv writes it);
`sciapp gifts register [YEAR] -o FILE.pdf`: the same register as a tagged PDF
(services/reports/gift_register.py), written whole or not at all."""

from __future__ import annotations

import sys
from typing import TYPE_CHECKING

from sciapp.cli.activities import FORMATS, year_argument
from sciapp.cli.runner import on_register

if TYPE_CHECKING:
    import argparse

    from sciapp.services.workspace import Workspace


def register(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    gifts = commands.add_parser("gifts", help="the gifts given and received (the gift register)")
    actions = gifts.add_subparsers(dest="action", metavar="ACTION", required=True)
    listing = actions.add_parser("list", help="list gifts, oldest first")
    listing.add_argument("--year", type=year_argument, metavar="YYYY", help="only this year's")
    listing.add_argument("--format", choices=FORMATS, default="table")
    on_register(listing, _list)
    pdf = actions.add_parser("register", help="write the gift register as a tagged PDF")
    pdf.add_argument(
        "year", nargs="?", type=year_argument, metavar="YEAR", help="only this year's (YYYY)"
    )
    pdf.add_argument("-o", "--output", required=True, metavar="FILE.pdf")
    on_register(pdf, _register, must_exist=True)


def _register(args: argparse.Namespace, workspace: Workspace) -> int:
    from pathlib import Path

    from sciapp.cli.runner import refuse
    from sciapp.files import write_atomic, write_problem

    rendered = workspace.gift_register.pdf(args.year)
    output = Path(args.output)
    try:
        write_atomic(output, rendered.pdf)
    except OSError as exc:
        return refuse(write_problem(exc, output))
    if rendered.missing:
        chars = " ".join(sorted(rendered.missing))
        print(
            f"sciapp: warning: no font on this machine has these characters: {chars}",
            file=sys.stderr,
        )
    pages = f"{rendered.pages} page{'s' if rendered.pages != 1 else ''}"
    print(f"wrote {output} ({pages})", file=sys.stderr)
    return 0


def _list(args: argparse.Namespace, workspace: Workspace) -> int:
    if args.format == "csv":
        sys.stdout.write(workspace.gifts.register_csv(args.year))
        return 0
    records = workspace.gifts.list(args.year)
    if args.format == "json":
        import dataclasses
        import json

        from sciapp.domain.text import printable_json

        rows = [
            {
                **dataclasses.asdict(g),
                "direction": g.direction.value,
                "exchanged_on": g.exchanged_on.isoformat() if g.exchanged_on else None,
                "disposed_on": g.disposed_on.isoformat() if g.disposed_on else None,
            }
            for g in records
        ]
        sys.stdout.write(printable_json(json.dumps(rows, ensure_ascii=False, indent=2)) + "\n")
        return 0
    from sciapp.cli.table import render_table, terminal_locale
    from sciapp.domain.formats import short_date

    locale = terminal_locale()
    header = (
        "ID",
        "Date",
        "Given or received",
        "Gift",
        "From or to",
        "Value",
        "Owner",
        "Kept at",
        "Disposition",
    )
    body = [
        (
            str(g.id),
            short_date(g.exchanged_on, locale) if g.exchanged_on else "",
            g.direction.label,
            g.description,
            g.counterpart,
            g.value_text if g.value_cents is not None else "",
            "City" if g.city_property else "Personal",
            ", ".join(part for part in (g.custodian, g.location) if part),
            g.disposition,
        )
        for g in records
    ]
    sys.stdout.write(render_table(header, body))
    return 0
