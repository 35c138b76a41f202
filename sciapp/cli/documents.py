"""The commands that read and write files: exports, imports and rendered PDFs.

A file is written whole or not at all (sciapp/files.py); '-' streams to standard output.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, TextIO

if TYPE_CHECKING:
    from sciapp.services.workspace import Workspace


def run(args: argparse.Namespace, workspace: Workspace) -> int:
    if args.command == "votes":
        return _votes(workspace, args)
    if args.command == "render":
        return _render(workspace, args.what, args.key, Path(args.output))
    if args.command == "documents":
        return _documents(workspace, args)
    if args.action == "import":
        return _import(workspace, args.file, args.sheet)
    return _export(workspace, args.file)


def _votes(workspace: Workspace, args: argparse.Namespace) -> int:
    from sciapp.domain.text import printable_json
    from sciapp.services.reports.popolo import popolo_document, write_meeting_votes_csv

    def write(out: TextIO) -> None:
        if args.action == "export-popolo":
            document = json.dumps(popolo_document(workspace), ensure_ascii=False, indent=2)
            out.write(printable_json(document) + "\n")
        else:
            write_meeting_votes_csv(workspace.motions.for_meeting(args.meeting), out)

    if args.action == "export-csv":
        workspace.meetings.get(args.meeting)  # refuse an unknown meeting before writing
    if not _write_output(args.file, write):
        return 1
    if args.file != "-":
        print(f"wrote {args.file}", file=sys.stderr)
    return 0


def _write_output(file: str, write: Callable[[TextIO], object], encoding: str = "utf-8") -> bool:
    """Stream to standard output for '-', else to a file written whole or not at all.

    False (the reason printed) when the file could not be written.
    """
    if file == "-":
        write(sys.stdout)
        return True
    from sciapp.files import open_atomic, write_problem

    try:
        with open_atomic(file, "w", encoding=encoding, newline="") as out:
            write(out)
    except OSError as exc:
        print(f"sciapp: {write_problem(exc, file)}", file=sys.stderr)
        return False
    return True


def _render(workspace: Workspace, what: str, key: str, output: Path) -> int:
    from sciapp.services.reports import rendering

    if what == "resolution":
        rendered = rendering.render_resolution(workspace, key)
    else:
        try:
            number = int(key)
        except ValueError:
            print(f"sciapp: {what} takes a numeric id, not {key!r}", file=sys.stderr)
            return 2
        render = {
            "letter": rendering.render_letter,
            "minutes": rendering.render_minutes,
            "agenda": rendering.render_agenda,
        }[what]
        rendered = render(workspace, number)
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


def _documents(workspace: Workspace, args: argparse.Namespace) -> int:
    from sciapp.domain.text import printable_json

    if args.action == "import":
        try:
            content = sys.stdin.buffer.read() if args.file == "-" else Path(args.file).read_bytes()
        except OSError as exc:
            print(f"sciapp: cannot read {args.file}: {exc.strerror}", file=sys.stderr)
            return 1
        resolutions, letters = workspace.documents.import_json(content)
        print(f"imported {resolutions} resolution(s) and {letters} letter(s)")
        return 0
    text = json.dumps(workspace.documents.export_json(), ensure_ascii=False, indent=2)
    text = printable_json(text) + "\n"  # the same data; no control character raw
    return 0 if _write_output(args.file, lambda out: out.write(text)) else 1


def _import(workspace: Workspace, file: str, sheet: str | None = None) -> int:
    from sciapp.domain.text import printable

    try:
        content = sys.stdin.buffer.read() if file == "-" else Path(file).read_bytes()
    except OSError as exc:
        print(f"sciapp: cannot read {file}: {exc.strerror}", file=sys.stderr)
        return 1
    report = workspace.partnerships.import_csv(content, sheet)  # a CSV file or a workbook
    print(printable(report.read_as))  # "Read as Windows-1252, semicolon-separated"
    print(f"imported {report.imported} partnership{'s' if report.imported != 1 else ''}")
    return 0


def _export(workspace: Workspace, file: str) -> int:
    if file == "-":
        workspace.partnerships.export_csv(sys.stdout)
        return 0
    from sciapp.files import write_problem

    try:
        count = workspace.partnerships.export_file(file)  # .xlsx a workbook, else CSV
    except OSError as exc:
        print(f"sciapp: {write_problem(exc, file)}", file=sys.stderr)
        return 1
    print(f"exported {count} partnership{'s' if count != 1 else ''} to {file}", file=sys.stderr)
    return 0
