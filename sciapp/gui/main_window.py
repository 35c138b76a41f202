"""The main window: a sidebar of the areas that exist, and the area shown."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QFileDialog,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QMessageBox,
    QSplitter,
    QStackedWidget,
    QWidget,
)

from sciapp import __version__
from sciapp.gui.bodies.page import MembersPage
from sciapp.gui.dashboard.page import DashboardPage
from sciapp.gui.documents.page import DocumentsPage
from sciapp.gui.meetings.meeting_mode import MeetingModeWindow
from sciapp.gui.meetings.page import MeetingsPage
from sciapp.gui.partnerships.page import PartnershipsPage
from sciapp.services.errors import ImportRejectedError, ServiceError
from sciapp.services.workspace import Workspace


class MainWindow(QMainWindow):
    def __init__(
        self, workspace: Workspace, locale: str, today: Callable[[], dt.date] = dt.date.today
    ) -> None:
        super().__init__()
        self.workspace = workspace
        self.meeting_windows: dict[int, MeetingModeWindow] = {}
        self.setWindowTitle(
            "sciapp — demo commission" if workspace.is_demo else f"sciapp — {workspace.path.name}"
        )
        self.resize(1180, 720)
        self.sidebar = QListWidget()
        self.sidebar.setAccessibleName("Areas")
        self.sidebar.setIconSize(QSize(20, 20))
        self.sidebar.setMaximumWidth(180)
        self.sidebar.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.pages = QStackedWidget()
        self.dashboard = DashboardPage(workspace, locale, today)
        self.partnerships = PartnershipsPage(workspace.partnerships, locale)
        self.partnerships.motions_for = workspace.motions.for_partnership
        self.meetings = MeetingsPage(workspace, locale, today)
        self.members = MembersPage(workspace, today)
        self.documents = DocumentsPage(workspace, today)
        self._add_area("Start", self.dashboard)
        self._add_area("Partnerships", self.partnerships)
        self._add_area("Meetings", self.meetings)
        self._add_area("Members", self.members)
        self._add_area("Documents", self.documents)
        self.dashboard.openRecord.connect(self.open_record)
        for page in (self.partnerships, self.meetings):
            page.changed.connect(self.dashboard.refresh)
        self.meetings.changed.connect(self.partnerships.mark_stale)
        self.meetings.meetingModeRequested.connect(self.open_meeting_mode)
        self.members.changed.connect(self.meetings.reload_bodies)
        self.members.changed.connect(self.dashboard.refresh)
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(self.sidebar)
        splitter.addWidget(self.pages)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([130, 1050])
        self.setCentralWidget(splitter)
        self.sidebar.currentRowChanged.connect(self._area_changed)
        self.sidebar.setCurrentRow(0)
        self._build_menus()
        where = "demo database (discarded on exit)" if workspace.is_demo else str(workspace.path)
        self.statusBar().showMessage(f"Database: {where}")

    def _area_changed(self, row: int) -> None:
        self.pages.setCurrentIndex(row)
        page = self.pages.currentWidget()
        if page is self.dashboard:
            self.dashboard.refresh()
        elif page is self.members:
            self.members.refresh()

    def reload_all(self) -> None:
        """Every view re-reads its data (after a bulk change such as loading the demo)."""
        self.partnerships.refresh()
        self.meetings.reload_bodies()
        self.members.reload_bodies()
        self.dashboard.refresh()

    def show_area(self, page: QWidget) -> None:
        self.sidebar.setCurrentRow(self.pages.indexOf(page))

    def open_record(self, target: str, record_id: int) -> None:
        """Open what a start-page line points at."""
        if target == "meeting":
            self.show_area(self.meetings)
            self.meetings.select(record_id)
        elif target == "partnership":
            self.show_area(self.partnerships)
            self.partnerships.search.clear()
            self.partnerships._select(record_id)
        elif target == "body":
            self.show_area(self.members)
            self.members.show_body(record_id)

    def open_meeting_mode(self, meeting_id: int) -> MeetingModeWindow:
        window = self.meeting_windows.get(meeting_id)
        if window is None or not window.isVisible():
            window = MeetingModeWindow(
                self.workspace.meetings, meeting_id, workspace=self.workspace
            )
            window.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
            window.destroyed.connect(lambda *_: self._meeting_mode_closed(meeting_id))
            self.meeting_windows[meeting_id] = window
        window.show()
        window.raise_()
        window.activateWindow()
        return window

    def _meeting_mode_closed(self, meeting_id: int) -> None:
        self.meeting_windows.pop(meeting_id, None)
        self.meetings.refresh()
        self.meetings.editor.reload()
        self.dashboard.refresh()
        self.partnerships.mark_stale()

    def closeEvent(self, event) -> None:  # type: ignore[no-untyped-def]
        for window in list(self.meeting_windows.values()):
            window.close()  # saves any typed notes
        self.meetings.editor.autosave.flush()
        super().closeEvent(event)

    def _add_area(self, title: str, page: QWidget) -> None:
        item = QListWidgetItem(title)
        item.setSizeHint(QSize(150, 34))
        self.sidebar.addItem(item)
        self.pages.addWidget(page)

    def _build_menus(self) -> None:
        bar = self.menuBar()
        file_menu = bar.addMenu("&File")
        self.import_action = QAction("&Import partnerships from CSV…", self)
        self.import_action.triggered.connect(self.import_csv)
        self.export_action = QAction("&Export partnerships to CSV…", self)
        self.export_action.triggered.connect(self.export_csv)
        quit_action = QAction("&Quit", self)
        quit_action.setShortcut(QKeySequence.StandardKey.Quit)
        quit_action.triggered.connect(self.close)
        file_menu.addActions([self.import_action, self.export_action])
        file_menu.addSeparator()
        file_menu.addAction(quit_action)

        page = self.partnerships
        edit_menu = bar.addMenu("&Partnership")
        edit_menu.addActions(
            [page.new_action, page.edit_action, page.status_action, page.delete_action]
        )
        edit_menu.addSeparator()
        edit_menu.addAction(page.find_action)

        help_menu = bar.addMenu("&Help")
        about = QAction("&About sciapp", self)
        about.triggered.connect(self.show_about)
        help_menu.addAction(about)

    # -- file actions ----------------------------------------------------------------------

    def import_csv(self, path: str | None = None) -> None:
        if not path:
            path, _ = QFileDialog.getOpenFileName(
                self, "Import partnerships", "", "CSV files (*.csv);;All files (*)"
            )
        if not path:
            return
        from pathlib import Path

        from sciapp.services.csv_io import import_csv

        try:
            report = import_csv(self.workspace.db, Path(path).read_bytes())
        except ImportRejectedError as exc:
            box = QMessageBox(
                QMessageBox.Icon.Warning,
                "Import partnerships",
                f"{exc}. Correct the file and import it again.",
                parent=self,
            )
            box.setDetailedText("\n".join(exc.problems))
            box.exec()
            return
        except (OSError, ServiceError) as exc:
            QMessageBox.warning(self, "Import partnerships", str(exc))
            return
        self.partnerships.refresh()
        self.statusBar().showMessage(f"Imported {report.imported} partnerships.", 8000)

    def export_csv(self, path: str | None = None) -> None:
        if not path:
            path, _ = QFileDialog.getSaveFileName(
                self, "Export partnerships", "partnerships.csv", "CSV files (*.csv)"
            )
        if not path:
            return
        from sciapp.services.csv_io import export_csv

        try:
            with open(path, "w", encoding="utf-8-sig", newline="") as out:
                count = export_csv(self.workspace.db, out)
        except OSError as exc:
            QMessageBox.warning(self, "Export partnerships", f"Could not write {path}: {exc}")
            return
        self.statusBar().showMessage(f"Exported {count} partnerships to {path}.", 8000)

    def show_about(self) -> None:
        QMessageBox.about(
            self,
            "About sciapp",
            f"<b>sciapp {__version__}</b><br>The register, meetings, votes and documents of a "
            f"sister-city commission.<br><br>Database: {self.workspace.path}<br>"
            f"Schema version: {self.workspace.schema_version}",
        )
