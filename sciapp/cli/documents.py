"""`sciapp render` (a resolution, letter, minutes or agenda as PDF) and `sciapp documents
import|export` (resolutions and letters as JSON).

A file is written whole or not at all (sciapp/files.py); '-' streams to standard output.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING

from sciapp.cli.output import read_input, write_output
from sciapp.cli.runner import on_register

if TYPE_CHECKING:
    import argparse

    from sciapp.services.workspace import Workspace

# What `render` makes, and the function of services/reports/rendering that makes it
# (ReportLab is loaded only when one runs). A resolution is named by its number, the
# others by their id.
RENDERINGS = {
    "resolution": "render_resolution",
    "letter": "render_letter",
    "minutes": "render_minutes",
    "agenda": "render_agenda",
}


def register(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    render = commands.add_parser(
        "render", help="write a resolution, letter, minutes or agenda as PDF"
    )
    render.add_argument("what", choices=tuple(RENDERINGS))
    render.add_argument(
        "key",
        metavar="NUMBER_OR_ID",
        help="the resolution's number, or the letter's or meeting's id",
    )
    render.add_argument("-o", "--output", required=True, metavar="FILE.pdf")
    render.add_argument(
        "--archival",
        action="store_true",
        help="write the archival copy (PDF/A-2b; minutes PDF/A-3b with the meeting's Popolo "
        "JSON inside) instead of the one for posting (PDF/UA)",
    )
    on_register(render, _render)

    documents = commands.add_parser("documents", help="import or export resolutions and letters")
    actions = documents.add_subparsers(dest="action", metavar="ACTION", required=True)
    importing = actions.add_parser("import", help="import a documents JSON file, all or nothing")
    importing.add_argument("file", metavar="FILE.json", help="'-' reads standard input")
    on_register(importing, _import, writes=True)
    exporting = actions.add_parser("export", help="export every resolution and letter")
    exporting.add_argument("file", metavar="FILE.json", help="'-' writes standard output")
    on_register(exporting, _export)


def _render(args: argparse.Namespace, workspace: Workspace) -> int:
    from sciapp.services.reports import rendering

    what, key, output = args.what, args.key, Path(args.output)
    render = getattr(rendering, RENDERINGS[what])
    if what == "resolution":
        rendered = render(workspace, key)
    else:
        try:
            number = int(key)
        except ValueError:
            print(f"sciapp: {what} takes a numeric id, not {key!r}", file=sys.stderr)
            return 2
        rendered = render(workspace, number)
    if args.archival and what == "minutes":  # PDF/A-3b, the meeting's data inside
        from sciapp.services.reports.minutes_record import archival_minutes

        rendered = archival_minutes(workspace, int(key))
    elif args.archival:
        from sciapp.services.reports.pdf_kinds import PdfKind, as_kind

        rendered = as_kind(rendered, PdfKind.ARCHIVAL)
    from sciapp.files import write_atomic, write_problem

    try:
        write_atomic(output, rendered.pdf)
    except OSError as exc:
        print(f"sciapp: {write_problem(exc, output)}", file=sys.stderr)
        return 1
    if rendered.missing:
        chars = " ".join(sorted(rendered.missing))
        print(
            f"sciapp: warning: no font on this machine has these characters: {chars}",
            file=sys.stderr,
        )
    print(
        f"wrote {output} ({rendered.pages} page{'s' if rendered.pages != 1 else ''})",
        file=sys.stderr,
    )
    return 0


def _import(args: argparse.Namespace, workspace: Workspace) -> int:
    content = read_input(args.file)
    if content is None:
        return 1
    resolutions, letters = workspace.documents.import_json(content)
    print(f"imported {resolutions} resolution(s) and {letters} letter(s)")
    return 0


def _export(args: argparse.Namespace, workspace: Workspace) -> int:
    import json

    from sciapp.domain.text import printable_json

    text = json.dumps(workspace.documents.export_json(), ensure_ascii=False, indent=2)
    text = printable_json(text) + "\n"  # the same data; no control character raw
    return 0 if write_output(args.file, lambda out: out.write(text)) else 1
