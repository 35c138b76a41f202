"""`sciapp activities list [--partnership ID] [--year YYYY] [--format table|csv|json]`: the
activities on the ties (exchanges, delegations, sister schools …) with their dates, place,
participants and spending against budget."""

from __future__ import annotations

import argparse
import sys
from typing import TYPE_CHECKING, Any

from sciapp.cli.runner import on_register

if TYPE_CHECKING:
    from sciapp.services.activities.records import ActivityRecord
    from sciapp.services.workspace import Workspace

FORMATS = ("table", "csv", "json")


def register(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    activities = commands.add_parser(
        "activities", help="the activities on the ties: exchanges, delegations, events"
    )
    actions = activities.add_subparsers(dest="action", metavar="ACTION", required=True)
    listing = actions.add_parser("list", help="list activities, oldest first")
    listing.add_argument("--partnership", type=int, metavar="ID", help="only this partnership's")
    listing.add_argument(
        "--year", type=year_argument, metavar="YYYY", help="only those under way in this year"
    )
    listing.add_argument("--format", choices=FORMATS, default="table")
    on_register(listing, _list)


def year_argument(text: str) -> int:
    if not (text.isdigit() and len(text) == 4):
        raise argparse.ArgumentTypeError(f"{text!r} is not a year (YYYY)")
    return int(text)


def as_json(record: ActivityRecord) -> dict[str, Any]:
    """One activity as the JSON listing (and the annual report) give it: amounts in cents."""
    return {
        "id": record.id,
        "partnership_id": record.partnership_id,
        "partner_city": record.partner_city,
        "kind": record.kind.value,
        "kind_label": record.kind.label,
        "title": record.title,
        "starts_on": record.starts_on.isoformat(),
        "ends_on": record.ends_on.isoformat() if record.ends_on else None,
        "place": record.place,
        "budget_cents": record.budget_cents,
        "spent_cents": record.spent_cents,
        "currency": record.currency,
        "motion_id": record.motion_id,
        "participants": [
            {"name": p.name, "role": p.role.value, "chaperone": p.chaperone_name or None}
            for p in record.participants
        ],
        "files": [
            {"name": f.name, "media_type": f.media_type, "size": f.size, "sha256": f.sha256}
            for f in record.files
        ],
        "notes": record.notes,
    }


def _list(args: argparse.Namespace, workspace: Workspace) -> int:
    records = workspace.activities.list(args.partnership, args.year)
    if args.format == "json":
        import json

        from sciapp.domain.text import printable_json

        text = json.dumps([as_json(r) for r in records], ensure_ascii=False, indent=2)
        sys.stdout.write(printable_json(text) + "\n")
        return 0
    from sciapp.domain.activities import amount_text

    header = (
        "ID",
        "Partner city",
        "Kind",
        "Title",
        "Starts",
        "Ends",
        "Place",
        "Participants",
        "Budget",
        "Spent",
        "Currency",
    )
    if args.format == "csv":
        from sciapp.services.exchange.csv_writer import CsvWriter

        writer = CsvWriter(sys.stdout)
        writer.writerow(header)
        for r in records:
            writer.writerow(
                [
                    r.id,
                    r.partner_city,
                    r.kind.label,
                    r.title,
                    r.starts_on.isoformat(),
                    r.ends_on.isoformat() if r.ends_on else "",
                    r.place,
                    len(r.participants),
                    amount_text(r.budget_cents),
                    amount_text(r.spent_cents),
                    r.currency,
                ]
            )
        return 0
    from sciapp.cli.table import render_table, terminal_locale
    from sciapp.domain.formats import short_date

    locale = terminal_locale()
    body = [
        (
            str(r.id),
            r.partner_city,
            r.kind.label,
            r.title,
            short_date(r.starts_on, locale),
            short_date(r.ends_on, locale) if r.ends_on else "",
            r.place,
            str(len(r.participants)),
            r.budget_text if r.budget_cents is not None else "",
            r.spent_text if r.spent_cents is not None else "",
            r.currency,
        )
        for r in records
    ]
    sys.stdout.write(render_table(header, body))
    return 0
