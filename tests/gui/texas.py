"""The Pecan Springs demo (a Texas register with a tie the state's law touches) in a window."""

from __future__ import annotations

import datetime as dt
from contextlib import contextmanager

from sciapp.demo.texas import load_texas_demo
from sciapp.gui.main_window import MainWindow
from sciapp.services.opening import open_workspace


@contextmanager
def texas_window(qtbot, tmp_path):
    workspace = open_workspace(tmp_path / "texas.sqlite3", actor="Dana Whitaker")
    load_texas_demo(workspace, dt.date.today())
    win = MainWindow(workspace, "en_US")
    win.show()
    qtbot.waitExposed(win)
    try:
        yield win
    finally:
        win.close()
        win.deleteLater()
        workspace.close()
