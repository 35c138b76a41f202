"""Meeting mode as its live helpers see it (live_vote.py, live_closed.py): the window is one;
they are typed against this, declared below it, so they need not import the window that
imports them."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import QWidget

if TYPE_CHECKING:
    from PySide6.QtWidgets import QLabel, QPushButton

    from sciapp.gui.bus import ChangeBus
    from sciapp.gui.meetings.autosave import NotesAutosaver
    from sciapp.services.workspace import Workspace


class LiveHost(QWidget):
    workspace: Workspace
    bus: ChangeBus
    meeting_id: int
    last_vote: QLabel  # the line for the last motion, and what became of it
    vote_button: QPushButton  # "Take the vote…" for a motion put but not voted on
    pending_motion: int | None
    autosave: NotesAutosaver
