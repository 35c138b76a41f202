"""Export votes…: every body, member, meeting, motion and vote as open data, in Popolo JSON or
as Open Civic Data vote events (pupa's shape), the user picking the file type: the same file
`sciapp votes export-popolo [--format ocd]` writes (services/reports/popolo.py, ocd.py), built
from the minutes model, so nothing of a closed session is in it."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import QMessageBox

if TYPE_CHECKING:
    from pathlib import Path

    from PySide6.QtWidgets import QWidget

    from sciapp.gui.bus import ChangeBus
    from sciapp.services.workspace import Workspace

# The save dialog's file types, in the order `export_votes`'s `kind` counts them.
FILE_TYPES = ("Popolo JSON (*.json)", "Open Civic Data vote events (*.json)")
NAMES = ("Popolo", "Open Civic Data")
TITLE = "Export votes"


def export_votes(
    parent: QWidget,
    workspace: Workspace,
    bus: ChangeBus,
    path: Path | None = None,
    kind: int = 0,
) -> Path | None:
    """Write the votes to `path` (asked for, with its file type, unless given)."""
    import json

    from sciapp.domain.text import printable_json
    from sciapp.files import open_atomic, write_problem
    from sciapp.gui.widgets.dialogs import exec_and_free
    from sciapp.gui.widgets.file_dialogs import ask_save_as
    from sciapp.services.errors import ServiceError

    if path is None:
        chosen = ask_save_as(parent, TITLE, "votes.json", FILE_TYPES)
        if chosen is None:
            return None
        path, kind = chosen
    try:
        if kind == 1:
            from sciapp.services.reports.ocd import ocd_document

            data = ocd_document(workspace)
        else:
            from sciapp.services.reports.popolo import popolo_document

            data = popolo_document(workspace)
    except ServiceError as exc:
        exec_and_free(QMessageBox(QMessageBox.Icon.Warning, TITLE, str(exc), parent=parent))
        return None
    text = printable_json(json.dumps(data, ensure_ascii=False, indent=2)) + "\n"
    try:
        with open_atomic(path, "w") as out:
            out.write(text)
    except OSError as exc:
        box = QMessageBox(QMessageBox.Icon.Warning, TITLE, write_problem(exc, path), parent=parent)
        exec_and_free(box)
        return None
    count = len(data.get("vote_events", []))
    noun = "vote event" if count == 1 else "vote events"
    bus.say(f"Saved the votes as {NAMES[kind]}: {count} {noun}.", path)
    return path
