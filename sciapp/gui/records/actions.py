"""The File menu's record-keeping commands: back up, restore, check, verify, audit, settings."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import TYPE_CHECKING, cast

from PySide6.QtWidgets import QFileDialog, QMessageBox

from sciapp.domain.formats import date_time
from sciapp.gui.locale import ui_locale
from sciapp.gui.records.history import AuditDialog
from sciapp.gui.records.settings_dialog import SettingsDialog
from sciapp.gui.widgets.dialogs import confirm_delete, exec_and_free
from sciapp.services.safekeeping.backups import BackupError, check_backup

if TYPE_CHECKING:
    from sciapp.gui.activities.gift_register import GiftRegisterWindow
    from sciapp.gui.app_window import AppWindow

BACKUP_FILTER = "sciapp databases (*.sqlite3 *.db);;All files (*)"


def back_up_now(window: AppWindow, destination: str | None = None) -> Path | None:
    if not destination:
        suggested = str(Path.home() / f"sciapp-backup-{dt.date.today().isoformat()}.sqlite3")
        destination, _ = QFileDialog.getSaveFileName(
            window, "Back up the database", suggested, BACKUP_FILTER
        )
    if not destination:
        return None
    try:
        made = window.workspace.safekeeping.back_up_to(Path(destination))
    except BackupError as exc:
        QMessageBox.warning(window, "Back up", str(exc))
        return None
    window.statusBar().showMessage(f"Backed up to {made}.", 10000)
    return made


def restore_from_backup(window: AppWindow, source: str | None = None) -> bool:
    """Check the chosen backup, confirm, then close the window so the app can swap files."""
    if not source:
        folder = str(window.settings.backup_dir(window.workspace.path))
        source, _ = QFileDialog.getOpenFileName(
            window, "Restore from a backup", folder, BACKUP_FILTER
        )
    if not source:
        return False
    try:
        version = check_backup(Path(source))
    except BackupError as exc:
        QMessageBox.warning(window, "Restore from a backup", f"Nothing was restored: {exc}")
        return False
    taken = dt.datetime.fromtimestamp(Path(source).stat().st_mtime)
    restore = confirm_delete(
        window,
        "Restore from a backup",
        f"Replace the current database with the backup from {date_time(taken, ui_locale())}?\n\n"
        f"{source}\n(schema version {version}; checked and sound)\n\n"
        "Changes made since that backup will no longer show. The current database is first "
        f"copied to {window.settings.backup_dir(window.workspace.path)}, so nothing is lost.",
        verb="&Restore",
    )
    if not restore:
        return False
    window.requests.restore(Path(source))
    window.close()  # run_app swaps the files once the database is closed, then reopens
    return True


ARCHIVE_FILTER = "sciapp archives (*.zip);;All files (*)"


def export_archive(window: AppWindow, destination: str | None = None) -> bool:
    if not destination:
        suggested = str(Path.home() / f"sciapp-archive-{dt.date.today().isoformat()}.zip")
        destination, _ = QFileDialog.getSaveFileName(
            window, "Export the whole commission", suggested, ARCHIVE_FILTER
        )
    if not destination:
        return False
    try:
        report = window.workspace.safekeeping.export_archive(Path(destination))
    except OSError as exc:
        QMessageBox.warning(window, "Export archive", f"Could not write {destination}: {exc}")
        return False
    window.statusBar().showMessage(
        f"Archived {report.total} records and {report.attachments} attachments to {destination}.",
        10000,
    )
    return True


def import_archive(window: AppWindow, source: str | None = None) -> bool:
    """Into this register only while it is empty: an archive is a whole commission."""
    from sciapp.services.errors import ImportRejectedError

    if not source:
        source, _ = QFileDialog.getOpenFileName(
            window, "Import a commission archive", "", ARCHIVE_FILTER
        )
    if not source:
        return False
    try:
        # Attachments go into the register's own folder.
        report = window.workspace.safekeeping.import_archive(Path(source))
    except ImportRejectedError as exc:
        from sciapp.gui.widgets.problems import ProblemsDialog

        ProblemsDialog.show_problems(
            window,
            "Import archive",
            f"{exc}. To bring in a whole commission, start sciapp on a new database "
            "(sciapp --db new.sqlite3) and import it there.",
            exc.problems,
        )
        return False
    except OSError as exc:
        QMessageBox.warning(window, "Import archive", f"Could not read {source}: {exc}")
        return False
    window.statusBar().showMessage(f"Imported {report.total} records from {source}.", 10000)
    return True


def check_database(window: AppWindow) -> bool:
    report = window.workspace.safekeeping.check()
    if report.ok and not report.warnings:
        QMessageBox.information(
            window,
            "Check the database",
            "No problems found: the file, its links, status "
            "histories, vote tallies and seals are all sound.",
        )
        return True
    lines = [f"Problem: {p}" for p in report.problems] + [f"Note: {w}" for w in report.warnings]
    box = QMessageBox(
        QMessageBox.Icon.Warning if not report.ok else QMessageBox.Icon.Information,
        "Check the database",
        f"{len(report.problems)} problems and {len(report.warnings)} notes found.",
        parent=window,
    )
    box.setDetailedText("\n".join(lines))
    exec_and_free(box)
    return report.ok


def verify_seals(window: AppWindow) -> bool:
    report = window.workspace.seals.verify()  # the same service as `sciapp verify`
    if report.ok:
        QMessageBox.information(
            window,
            "Verify seals",
            f"All {report.seals} seals verified: every sealed record matches and the audit "
            f"trail is whole. Write the heads down to check later:\n\n{report.summary}",
        )
        return True
    box = QMessageBox(
        QMessageBox.Icon.Warning,
        "Verify seals",
        f"{len(report.problems)} problems: sealed records no longer match their seals, or the "
        "chains are not whole. Someone may have changed the file outside sciapp; restore a "
        "backup or ask the clerk.",
        parent=window,
    )
    box.setDetailedText("\n".join([*(str(p) for p in report.problems), "", report.summary]))
    exec_and_free(box)
    return False


def show_audit_trail(window: AppWindow) -> AuditDialog:
    dialog = AuditDialog(window.workspace.audit.entries, "Audit trail: every change", window)
    dialog.open_window()
    return dialog


def edit_settings(window: AppWindow) -> bool:
    from sciapp.settings import save_settings

    default = str(window.workspace.path.parent / "backups")
    database = str(window.workspace.path) if window.workspace.is_file else ""
    if window.workspace.is_demo or window.workspace.read_only:
        database = ""  # nothing to move
    shown = database or (
        "the demo database (discarded on exit)"
        if window.workspace.is_demo
        else window.workspace.location
    )
    answer = SettingsDialog.edit(
        window, window.settings, default, database, window.documents.edit_settings, shown
    )
    if answer is None:
        return False
    changed, move_to = answer
    try:
        save_settings(window.paths.config_dir, changed)
    except OSError as exc:
        QMessageBox.warning(window, "Settings", f"Could not save the settings: {exc}")
        return False
    window.settings = changed
    window.workspace.audit.set_actor(changed.actor)
    from PySide6.QtWidgets import QApplication

    from sciapp.gui.theme import apply_theme

    apply_theme(cast("QApplication", QApplication.instance()), changed.theme)  # the GUI's own
    if window.dashboard.isVisible():  # its ties due for review follow the years set
        window.dashboard.refresh()
    if move_to is not None:
        window.requests.move(move_to)
        window.close()  # run_app copies the closed database, checked, then reopens it there
    return True


def show_gifts(window: AppWindow) -> GiftRegisterWindow:
    """File ▸ Gift register…: every gift, a tie's or none's (gui/activities/gift_register.py)."""
    from sciapp.gui.activities.gift_register import GiftRegisterWindow

    return GiftRegisterWindow.show_for(window.workspace, window.bus, window.locale_name, window)
