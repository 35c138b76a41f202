"""Start the desktop app: open (or create) the database, show the main window."""

from __future__ import annotations

import gc
import sys
from collections.abc import Callable
from pathlib import Path

from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from sciapp import APP_NAME, __version__
from sciapp.config import AppPaths
from sciapp.services.errors import ServiceError
from sciapp.services.workspace import Workspace, load_demo, open_demo_workspace, open_workspace


def run_app(
    db: Path | None = None,
    demo: bool = False,
    on_shown: Callable[[QWidget], None] | None = None,
    meeting: int | None = None,
) -> int:
    """Run the app until its window closes; returns the exit code."""
    app = QApplication.instance() or QApplication(sys.argv)
    app.setApplicationName(APP_NAME)
    app.setApplicationVersion(__version__)
    app.setDesktopFileName(APP_NAME)
    try:
        workspace = (
            open_demo_workspace()
            if demo
            else open_workspace(db or AppPaths.from_environment().default_db)
        )
    except ServiceError as exc:
        QMessageBox.critical(None, "sciapp cannot open the database", str(exc))
        return 1
    try:
        window = build_window(workspace)
        window.show()
        if not gc.isenabled():  # the entry point paused it for the start
            gc.freeze()  # what start-up made stays: keep it out of every later collection
            gc.enable()
        if workspace.created and not workspace.is_demo:
            offer_demo(window, workspace)
        if meeting is not None:
            try:
                window.open_meeting_mode(meeting)  # type: ignore[attr-defined]
            except ServiceError as exc:
                QMessageBox.warning(window, "Meeting mode", str(exc))
        if on_shown is not None:
            on_shown(window)
        return app.exec()
    finally:
        workspace.close()


def build_window(workspace: Workspace) -> QWidget:
    from sciapp.gui.locale import ui_locale
    from sciapp.gui.main_window import MainWindow

    return MainWindow(workspace, ui_locale())


def offer_demo(window: QWidget, workspace: Workspace) -> bool:
    """On a first start, offer the demo commission so there is something to explore."""
    answer = QMessageBox.question(
        window,
        "Welcome to sciapp",
        f"A new, empty register was created at\n{workspace.path}\n\n"
        "Load the demo commission (Lansing, Michigan: seven sister cities and four friendship "
        "cities) to explore? You can delete its records later.",
        QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
        QMessageBox.StandardButton.No,
    )
    if answer != QMessageBox.StandardButton.Yes:
        return False
    load_demo(workspace)
    window.reload_all()  # type: ignore[attr-defined]
    return True
