"""Start the desktop app: open (or create) the database, show the main window."""

from __future__ import annotations

import gc
import sys
from typing import TYPE_CHECKING, cast

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QFileDialog, QMessageBox, QWidget

from sciapp import APP_NAME, __version__
from sciapp.config import AppPaths
from sciapp.gui.records.requests import MoveRequest, SessionRequests
from sciapp.services.errors import ServiceError
from sciapp.services.opening import Opening, StoreInUseError, StoreReadOnlyError, begin_open
from sciapp.services.safekeeping.backups import restore_database

if TYPE_CHECKING:
    from collections.abc import Callable
    from pathlib import Path

    from sciapp.gui.main_window import MainWindow
    from sciapp.gui.records.auto_backup import AutoBackup
    from sciapp.services.workspace import Workspace


def run_app(
    db: Path | None = None,
    demo: bool | str = False,  # True or "lansing": the Lansing demo; "texas": Pecan Springs
    on_shown: Callable[[QWidget], None] | None = None,
    meeting: int | None = None,
    db_url: str | None = None,
    theme: str | None = None,
) -> int:
    """Run the app until its window closes; returns the exit code.

    `theme` (or $SCIAPP_THEME) overrides the theme setting for this session only."""
    running = QApplication.instance()  # typed QCoreApplication: a test's may be running
    app = running if isinstance(running, QApplication) else QApplication(sys.argv)
    app.setApplicationName(APP_NAME)
    app.setApplicationVersion(__version__)
    app.setDesktopFileName(APP_NAME)
    from sciapp.gui.icon import app_icon

    app.setWindowIcon(app_icon())
    paths = AppPaths.from_environment()
    from sciapp.gui.errors import install_error_handler, log

    previous_hook = sys.excepthook
    install_error_handler(paths.log_dir)
    log.info("sciapp %s started", __version__)
    try:
        from sciapp.gui.theme import apply_theme
        from sciapp.settings import load_settings

        settings = load_settings(paths.config_dir)
        apply_theme(app, session_theme(theme, settings.theme))
        return _run(db or settings.database_path(paths.default_db), demo, on_shown, meeting, db_url)
    finally:
        sys.excepthook = previous_hook
        log.info("sciapp stopped")


THEME_ENV = "SCIAPP_THEME"


def session_theme(flag: str | None, setting: str) -> str:
    """The --theme flag, else $SCIAPP_THEME when it names a theme, else the setting."""
    import os

    from sciapp.gui.theme import THEMES

    for choice in (flag, os.environ.get(THEME_ENV, "").strip().lower()):
        if choice in THEMES:
            return choice
    return setting


def _run(
    path: Path,
    demo: bool | str,
    on_shown: Callable[[QWidget], None] | None,
    meeting: int | None,
    db_url: str | None,
) -> int:
    notice = ""
    if db_url:
        from sciapp.services.opening import open_workspace_url

        try:
            on_server = open_workspace_url(db_url)
        except ServiceError as exc:
            QMessageBox.critical(None, "sciapp cannot open the database", str(exc))
            return 1
        return _session(on_server, on_shown, meeting, "", SessionRequests())[1]
    while True:
        opened = _open_demo(demo) if demo else _open(path, straight_away=meeting is not None)
        if opened is None:
            return 1
        workspace = opened
        demo = False  # a restored demo is reopened as the file it now is
        path = workspace.path
        requests = SessionRequests()
        window, code = _session(workspace, on_shown, meeting, notice, requests)
        request = requests.after_close
        if request is None:
            return code
        if isinstance(request, MoveRequest):
            path, notice = _move(path, request.target, window)
        else:
            notice = _restore(path, request.source, window)
        meeting = None  # on_shown stays: a test sees the reopened window too


def _restore(path: Path, source: Path, window: MainWindow) -> str:
    """Swap the closed database for the backup at `source`; the notice for the next window."""
    try:
        kept = restore_database(path, source, window.settings)
    except ServiceError as exc:
        QMessageBox.critical(None, "Restore from a backup", str(exc))
        return ""
    return f"Restored from {source}." + (f" The previous database is in {kept}." if kept else "")


def _move(path: Path, target: Path, window: MainWindow) -> tuple[Path, str]:
    """Copy the closed database to `target` (checked, under the one-writer lock), then use
    it there from now on."""
    from sciapp.services.safekeeping.backups import move_database
    from sciapp.settings import save_settings

    try:
        move_database(path, target)
        settings = window.settings.with_changes(database=str(target))
        save_settings(window.paths.config_dir, settings)
    except (ServiceError, OSError) as exc:
        QMessageBox.warning(None, "Move the database", f"The database was not moved: {exc}")
        return path, ""
    return target, (
        f"The database now lives at {target}. The old copy is still at {path}; delete it once "
        "you are sure."
    )


def _open_demo(which: bool | str = True) -> Workspace:
    from sciapp.demo import open_demo_workspace

    return open_demo_workspace(which if isinstance(which, str) else "lansing")


def _open(path: Path, straight_away: bool = False) -> Workspace | Opening | None:
    """The workspace, or None after telling the user why not (or they chose not to).

    A file at this version's schema is opened with sqlite3 alone first (an `Opening`): the
    window shows from that and makes the workspace once SQLAlchemy is loaded, a moment after
    its first paint. One to create or migrate, or `straight_away`, is opened whole now."""
    try:
        opening = begin_open(path)
        if opening.upgrade_due or straight_away or opening.facts() is None:
            return opening.finish()
        return opening
    except (StoreInUseError, StoreReadOnlyError) as exc:
        if not getattr(exc, "can_read", True):
            QMessageBox.critical(None, "sciapp cannot open the database", str(exc))
            return None
        in_use = isinstance(exc, StoreInUseError)
        answer = QMessageBox.question(
            None,
            "The database is in use" if in_use else "The database cannot be changed here",
            f"{exc}\n\nOpen it read-only, to look without changing anything?",
            QMessageBox.StandardButton.Open | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Open,
        )
        if answer != QMessageBox.StandardButton.Open:
            return None
        from sciapp.services.opening import open_workspace

        try:
            return open_workspace(path, read_only=True)
        except ServiceError as again:
            QMessageBox.critical(None, "sciapp cannot open the database", str(again))
            return None
    except ServiceError as exc:
        QMessageBox.critical(None, "sciapp cannot open the database", str(exc))
        return None


def _session(
    workspace: Workspace | Opening,
    on_shown: Callable[[QWidget], None] | None,
    meeting: int | None,
    notice: str,
    requests: SessionRequests,
) -> tuple[MainWindow, int]:
    """One window on one open database, until it closes; what it asks for afterwards
    (a restore, a move) is left in `requests`."""
    app = cast("QApplication", QApplication.instance())  # made by run_app before this
    backups = None
    try:
        window = build_window(workspace, requests)
        window.show()
        if window.register.ready:
            _start_over()
        else:  # once painted, SQLAlchemy and the use cases load on a worker thread
            window.register.opened.connect(_start_over)
            window.register.load_after_first_paint(window)
        if notice:
            window.statusBar().showMessage(notice, 15000)
        if workspace.is_file and not workspace.is_demo and not workspace.read_only:
            backups = _start_backups(window, workspace)
            warn_about_location(window, workspace.path)
        if workspace.created and not workspace.is_demo:
            welcome(window, window.workspace)
        elif not workspace.read_only:
            QTimer.singleShot(0, window.offer_kept_drafts)
        if meeting is not None:
            try:
                window.open_meeting_mode(meeting)
            except ServiceError as exc:
                QMessageBox.warning(window, "Meeting mode", str(exc))
        if on_shown is not None:
            on_shown(window)
        code = app.exec()
        if backups is not None:
            backups.at_quit()
        return window, code
    finally:
        workspace.close()


def _start_over() -> None:
    """The window is up and its register open: said in the log (what a packager's smoke
    test waits for), and garbage collection back on."""
    from sciapp.gui.errors import log

    log.info("window shown, register open")
    _collect_again()


def _collect_again() -> None:
    """Garbage collection back on once the start is over (the workspace made)."""
    if not gc.isenabled():  # the entry point paused it for the start
        gc.freeze()  # what start-up made stays: keep it out of every later collection
        gc.enable()


def _start_backups(window: MainWindow, workspace: Workspace | Opening) -> AutoBackup:
    from sciapp.gui.records.auto_backup import AutoBackup

    backups = AutoBackup(workspace.path, lambda: window.settings, window)
    bar = window.statusBar()
    backups.finished.connect(lambda text: bar.showMessage(text, 8000))
    backups.failed.connect(lambda text: QMessageBox.warning(window, "Backup", text))
    backups.at_start()
    return backups


def warn_about_location(window: QWidget, path: Path) -> str | None:
    """A database in a sync folder or on a share is at risk: say so, once per start."""
    from sciapp.services.safekeeping.backups import location_risk

    risk = location_risk(path)
    if risk:
        QMessageBox.warning(window, "Where the database is kept", risk)
    return risk


def build_window(
    workspace: Workspace | Opening, requests: SessionRequests | None = None
) -> MainWindow:
    from sciapp.gui.locale import ui_locale
    from sciapp.gui.main_window import MainWindow

    return MainWindow(workspace, ui_locale(), requests=requests)


def welcome(window: MainWindow, workspace: Workspace) -> object:
    """A first start: the welcome screen, then whatever the user chose."""
    from sciapp.gui.records import actions
    from sciapp.gui.welcome import Choice, WelcomeDialog
    from sciapp.settings import save_settings

    choice, settings = WelcomeDialog.run(window, workspace, window.settings)
    if settings != window.settings:
        window.settings = settings
        workspace.audit.set_actor(settings.actor)
        try:
            save_settings(window.paths.config_dir, settings)
        except OSError as exc:
            QMessageBox.warning(window, "Settings", f"Could not save the settings: {exc}")
    if choice is Choice.RESTORE:
        source, _ = QFileDialog.getOpenFileName(
            window,
            "Bring back our records",
            "",
            "Backups and archives (*.sqlite3 *.db *.zip);;All files (*)",
        )
        if source.lower().endswith(".zip"):
            actions.import_archive(window, source)
        elif source:
            actions.restore_from_backup(window, source)
    return choice
