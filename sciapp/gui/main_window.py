"""The main window: a sidebar of the areas that exist, and the area shown."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, TypeVar, cast

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence
from PySide6.QtWidgets import (
    QLabel,
    QListWidget,
    QListWidgetItem,
    QSplitter,
    QStackedWidget,
    QWidget,
)

from sciapp.config import AppPaths
from sciapp.gui.app_window import AppWindow
from sciapp.gui.bus import ChangeBus
from sciapp.gui.dashboard.page import DashboardPage
from sciapp.gui.drafts import DraftStore
from sciapp.gui.opening import Register, draft_scope, window_title
from sciapp.gui.records.requests import SessionRequests
from sciapp.gui.widgets.status_note import show_sayings
from sciapp.services.changes import Area
from sciapp.settings import load_settings

if TYPE_CHECKING:
    from collections.abc import Callable

    from sciapp.gui.bodies.page import MembersPage
    from sciapp.gui.documents.page import DocumentsPage
    from sciapp.gui.meetings.meeting_mode import MeetingModeWindow
    from sciapp.gui.meetings.page import MeetingsPage
    from sciapp.gui.partnerships.page import PartnershipsPage
    from sciapp.services.opening import Opening
    from sciapp.services.workspace import Workspace

AREAS = ("Start", "Partnerships", "Meetings", "Members", "Documents")
Page = TypeVar("Page", bound=QWidget)


class MainWindow(AppWindow):
    def __init__(
        self,
        workspace: Workspace | Opening,
        locale: str,
        today: Callable[[], dt.date] = dt.date.today,
        paths: AppPaths | None = None,
        requests: SessionRequests | None = None,
    ) -> None:
        super().__init__()
        # Until the workspace is made (a moment after the first paint): what sqlite3 read.
        self.register = Register(workspace, self)
        self.register.opened.connect(self._opened)
        self.register.failed.connect(self._failed_to_open)
        self.paths = paths or AppPaths.from_environment()
        self.settings = load_settings(self.paths.config_dir)
        # Restore and moving the file leave their request here: run_app acts after close.
        self.requests = requests or SessionRequests()
        self.meeting_windows: dict[int, MeetingModeWindow] = {}
        self.setWindowTitle(window_title(self.register))
        room = self.screen().availableGeometry()  # a 1024 × 768 projector: no wider than it
        self.resize(min(1180, room.width()), min(720, room.height()))
        self.sidebar = QListWidget()
        self.sidebar.setAccessibleName("Areas")
        self.sidebar.setIconSize(QSize(20, 20))
        self.sidebar.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.pages = QStackedWidget()
        self.locale_name = locale
        self.today = today
        # Areas other than Start are built when first shown: a quicker, smaller start.
        self._areas: dict[str, QWidget] = {}
        # As wide as its longest name in this font (never "Partners…"), and never squeezed.
        width = max(self.sidebar.fontMetrics().horizontalAdvance(t) for t in AREAS) + 40
        self.sidebar.setFixedWidth(width)
        for title in AREAS:
            item = QListWidgetItem(title)
            item.setSizeHint(QSize(width - 8, 34))
            self.sidebar.addItem(item)
            self.pages.addWidget(QWidget())
        self.bus = ChangeBus(workspace, self)  # hears the workspace from when it is made
        self.open_folder_button = show_sayings(self, self.bus)
        self.dashboard = self._install(
            "Start", DashboardPage(self.register, locale, self.bus, today)
        )
        self.drafts = DraftStore(self.paths.config_dir / "drafts" / draft_scope(self.register))
        self.dashboard.openRecord.connect(self.open_record)
        self.dashboard.openSettings.connect(lambda: self.settings_action.trigger())  # SCI awards
        self.dashboard.first_steps.addPartnership.connect(self._add_first_partnership)
        self.dashboard.first_steps.importRegister.connect(self.import_csv)
        # The set-up or the letterhead dialog names the commission: the title follows.
        self.bus.watch(
            self,
            lambda changes: changes.touches(Area.DOCUMENTS),
            lambda: self.setWindowTitle(window_title(self.register)),
        )
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(self.sidebar)
        splitter.addWidget(self.pages)
        splitter.setStretchFactor(1, 1)
        splitter.setCollapsible(0, False)
        splitter.setSizes([width, 1180 - width])
        self.setCentralWidget(splitter)
        self.sidebar.currentRowChanged.connect(self._area_changed)
        self.sidebar.setCurrentRow(0)
        self._build_menus()
        where = "demo database (discarded on exit)" if workspace.is_demo else workspace.location
        if workspace.read_only:
            where += " — read-only: someone else has it open; nothing can be changed"
        # Kept on the right for the whole session: messages come and go on the left.
        self.database_label = QLabel(f"Database: {where}")
        self.database_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.statusBar().addPermanentWidget(self.database_label)

    @property
    def workspace(self) -> Workspace:
        """The open register, made now if it is still opening."""
        return self.register.workspace

    def _opened(self, workspace: Workspace) -> None:
        self.setWindowTitle(window_title(self.register))
        self.dashboard.opened()

    def _failed_to_open(self, why: str) -> None:
        from PySide6.QtWidgets import QMessageBox

        QMessageBox.critical(self, "sciapp cannot open the database", why)
        self.close()

    # -- areas, built on first use --------------------------------------------------------

    def _install(self, title: str, page: Page) -> Page:
        index = AREAS.index(title)
        placeholder = self.pages.widget(index)
        self.pages.insertWidget(index, page)
        if placeholder is not None:
            self.pages.removeWidget(placeholder)
            placeholder.deleteLater()
        self._areas[title] = page
        return page

    def _built(self, title: str) -> QWidget | None:
        return self._areas.get(title)

    @property
    def partnerships(self) -> PartnershipsPage:
        from sciapp.gui.partnerships.page import PartnershipsPage  # loaded once built

        page = self._areas.get("Partnerships")
        if isinstance(page, PartnershipsPage):
            return page
        built = PartnershipsPage(self.workspace, self.locale_name, self.bus, self.drafts)
        self._install("Partnerships", built)
        self._fill_partnership_menu(built)
        return built

    @property
    def meetings(self) -> MeetingsPage:
        from sciapp.gui.meetings.page import MeetingsPage  # loaded once built

        page = self._areas.get("Meetings")
        if isinstance(page, MeetingsPage):
            return page
        built = MeetingsPage(self.workspace, self.locale_name, self.bus, self.today)
        built.meetingModeRequested.connect(self.open_meeting_mode)
        return self._install("Meetings", built)

    @property
    def members(self) -> MembersPage:
        from sciapp.gui.bodies.page import MembersPage  # loaded once built

        page = self._areas.get("Members")
        if isinstance(page, MembersPage):
            return page
        return self._install("Members", MembersPage(self.workspace, self.bus, self.today))

    @property
    def documents(self) -> DocumentsPage:
        from sciapp.gui.documents.page import DocumentsPage  # loaded once built

        page = self._areas.get("Documents")
        if isinstance(page, DocumentsPage):
            return page
        return self._install("Documents", DocumentsPage(self.workspace, self.bus, self.today))

    def _area_changed(self, row: int) -> None:
        title = AREAS[row]
        page = getattr(self, title.lower()) if title != "Start" else self.dashboard
        self.pages.setCurrentWidget(page)
        # Its commands act on the selected row: only where that row can be seen.
        menu = getattr(self, "partnership_menu", None)
        if menu is not None:
            menu.setEnabled(page is self._built("Partnerships"))
        if page is self.dashboard:
            self.dashboard.refresh()  # "today" moves on even when nothing was written

    def offer_kept_drafts(self) -> bool:
        """On a start after a crash: reopen a partnership form that was left unsaved."""
        drafts = self.drafts  # looked at without building the page: most starts have none
        keys = drafts.keys()
        if not keys:
            return False
        self.show_area(self.partnerships)
        key = keys[0]
        if key == "partnership-new":
            self.partnerships.new_partnership()
        elif key.startswith("partnership-") and key.removeprefix("partnership-").isdigit():
            self.partnerships.show_partnership(int(key.removeprefix("partnership-")))
            self.partnerships.edit_selected()
        else:
            drafts.discard(key)
        return True

    def show_area(self, page: QWidget) -> None:
        self.sidebar.setCurrentRow(self.pages.indexOf(page))

    def open_record(self, target: str, record_id: int) -> None:
        """Open what a start-page line points at."""
        if target == "meeting":
            self.show_area(self.meetings)
            self.meetings.select(record_id)
        elif target == "partnership":
            self.show_area(self.partnerships)
            self.partnerships.show_partnership(record_id)
        elif target == "body":
            self.show_area(self.members)
            self.members.show_body(record_id)

    def _add_first_partnership(self) -> None:
        self.show_area(self.partnerships)
        self.partnerships.new_partnership()

    def open_meeting_mode(self, meeting_id: int) -> MeetingModeWindow:
        from sciapp.gui.meetings.meeting_mode import MeetingModeWindow

        window = self.meeting_windows.get(meeting_id)
        if window is None or not window.isVisible():
            window = MeetingModeWindow(self.workspace, meeting_id, self.bus)
            window.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
            window.destroyed.connect(lambda *_: self.meeting_windows.pop(meeting_id, None))
            self.meeting_windows[meeting_id] = window
        window.show()
        window.raise_()
        window.activateWindow()
        return window

    def closeEvent(self, event: QCloseEvent) -> None:
        # Each area's own page is installed under its title (see the properties above).
        documents = cast("DocumentsPage | None", self._built("Documents"))
        if documents is not None and not documents.confirm_leave():
            event.ignore()  # the user chose to stay with unsaved text
            return
        for window in list(self.meeting_windows.values()):
            window.close()  # saves any typed notes
        if (meetings := cast("MeetingsPage | None", self._built("Meetings"))) is not None:
            meetings.editor.autosave.flush()
        super().closeEvent(event)
        self.register.stop()
        self.dashboard.settle()  # its first reading, if under way, before the workspace closes

    def _build_menus(self) -> None:
        bar = self.menuBar()
        file_menu = bar.addMenu("&File")
        self.import_action = QAction("&Import partnerships…", self)
        self.import_action.triggered.connect(lambda: self.import_csv())
        self.export_action = QAction("&Export partnerships…", self)
        self.export_action.triggered.connect(lambda: self.export_csv())
        quit_action = QAction("&Quit", self)
        quit_action.setShortcut(QKeySequence.StandardKey.Quit)
        quit_action.triggered.connect(self.close)
        actions = _RecordActions()  # gui/records/actions.py, loaded when one is chosen
        self.annual_report_action = self._action("Annual &report to council…", self.annual_report)
        self.gifts_action = self._action("&Gift register…", lambda: actions.show_gifts(self))
        file_menu.addActions([self.import_action, self.export_action, self.annual_report_action])
        file_menu.addAction(self.gifts_action)  # every gift, a tie's or none's
        file_menu.addSeparator()
        self.backup_action = self._action("&Back up now…", lambda: actions.back_up_now(self))
        self.restore_action = self._action(
            "&Restore from a backup…", lambda: actions.restore_from_backup(self)
        )
        self.check_action = self._action(
            "&Check the database", lambda: actions.check_database(self)
        )
        self.verify_action = self._action("&Verify seals", lambda: actions.verify_seals(self))
        self.audit_action = self._action("Audit &trail…", lambda: actions.show_audit_trail(self))
        self.settings_action = self._action("&Settings…", lambda: actions.edit_settings(self))
        self.settings_action.setShortcut(QKeySequence.StandardKey.Preferences)
        self.settings_action.setMenuRole(QAction.MenuRole.PreferencesRole)
        self.archive_export_action = self._action(
            "Export the commission as an &archive…", lambda: actions.export_archive(self)
        )
        self.archive_import_action = self._action(
            "Import an a&rchive…", lambda: actions.import_archive(self)
        )
        file_menu.addActions([self.archive_export_action, self.archive_import_action])
        file_menu.addSeparator()
        file_menu.addActions([self.backup_action, self.restore_action])
        file_menu.addSeparator()
        file_menu.addActions([self.check_action, self.verify_action, self.audit_action])
        file_menu.addSeparator()
        file_menu.addAction(self.settings_action)
        file_menu.addSeparator()
        file_menu.addAction(quit_action)
        source = self.register.source  # known before the workspace is made
        if source.read_only:
            for act in (
                self.import_action,
                self.archive_import_action,
                self.restore_action,
                self.settings_action,
            ):
                act.setEnabled(False)
        if not source.is_file:  # a server's own tools back it up
            self.backup_action.setEnabled(False)
            self.restore_action.setEnabled(False)

        # Filled when the Partnerships area is first built; usable only where its rows are.
        self.partnership_menu = bar.addMenu("&Partnership")
        self.partnership_menu.setEnabled(False)
        built = cast("PartnershipsPage | None", self._built("Partnerships"))  # its own page
        if built is not None:
            self._fill_partnership_menu(built)

        help_menu = bar.addMenu("&Help")
        self.guide_action = self._action("&User guide", lambda: self.show_help("guide"))
        self.guide_action.setShortcut(QKeySequence.StandardKey.HelpContents)
        self.shortcuts_action = self._action(
            "&Keyboard shortcuts", lambda: self.show_help("shortcuts")
        )
        about = self.about_action = self._action("&About sciapp", self.show_about)
        about.setMenuRole(QAction.MenuRole.AboutRole)
        help_menu.addActions([self.guide_action, self.shortcuts_action])
        help_menu.addSeparator()
        help_menu.addAction(about)

    def _fill_partnership_menu(self, page: PartnershipsPage) -> None:
        menu = getattr(self, "partnership_menu", None)
        if menu is None:
            return  # _build_menus fills it
        menu.addActions([page.new_action, page.edit_action, page.status_action, page.delete_action])
        menu.addSeparator()
        menu.addAction(page.find_action)
        menu.setEnabled(self.pages.currentWidget() is page)

    def _action(self, text: str, slot: Callable[[], object]) -> QAction:
        action = QAction(text, self)
        action.triggered.connect(lambda _checked=False: slot())
        return action

    # -- file actions ----------------------------------------------------------------------

    def import_csv(self) -> None:
        """The register from a spreadsheet: a CSV file or a workbook (gui/partnerships)."""
        from sciapp.gui.partnerships.file_actions import import_register

        import_register(self)

    def export_csv(self) -> None:
        """The register to an Excel workbook or a CSV file, as the name or filter says."""
        from sciapp.gui.partnerships.file_actions import export_register

        export_register(self)

    def annual_report(self) -> None:  # as PDF or JSON (gui/reports/annual_dialog.py)
        from sciapp.gui.reports.annual_dialog import AnnualReportDialog

        AnnualReportDialog.run(self.workspace, self.bus, self, self.today)

    def show_help(self, which: str) -> QWidget:  # "guide", "shortcuts" or "about"
        from sciapp.gui.help import show_help

        return show_help(self, which)

    def show_about(self) -> QWidget:
        return self.show_help("about")


class _RecordActions:
    """`gui.records.actions`, imported when a command is chosen (after the first paint)."""

    def __getattr__(self, name: str) -> Callable[[MainWindow], object]:
        from sciapp.gui.records import actions

        command: Callable[[MainWindow], object] = getattr(actions, name)
        return command
