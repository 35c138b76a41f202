"""The demo commission (Lansing's sister cities): partnerships, meetings and documents,
seeded through the services like any clerk's work."""

from __future__ import annotations

import datetime as dt
import tempfile
from pathlib import Path
from typing import TYPE_CHECKING

from sciapp.services.opening import open_workspace

if TYPE_CHECKING:
    from sciapp.services.workspace import Workspace


def load_demo(workspace: Workspace, today: dt.date | None = None) -> int:
    """Seed the demo commission; returns the number of partnerships added."""
    from sciapp.demo.activities import seed_activities
    from sciapp.demo.documents import seed_documents
    from sciapp.demo.meetings import seed_meetings
    from sciapp.demo.partnerships import seed_demo

    count = seed_demo(workspace.partnerships)
    seed_meetings(workspace, today or dt.date.today())
    seed_documents(workspace, today or dt.date.today())
    seed_activities(workspace, today or dt.date.today())
    return count


def open_demo_workspace(which: str = "lansing") -> Workspace:
    """A fresh database in a new temporary folder, seeded with the Lansing demo (or with
    "texas", the Pecan Springs one); closing the workspace removes the folder."""
    folder = Path(tempfile.mkdtemp(prefix="sciapp-demo-"))
    workspace = open_workspace(folder / "demo.sqlite3")
    workspace.is_demo = True
    if which == "texas":
        from sciapp.demo.texas import load_texas_demo

        load_texas_demo(workspace)
    else:
        load_demo(workspace)
    return workspace
