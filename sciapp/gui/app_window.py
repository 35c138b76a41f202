"""The main window as the File and Help menus' commands see it (records/actions.py,
partnerships/file_actions.py, help.py). MainWindow is one; the commands are typed against
this, declared below it, so they need not import the window that imports them."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import QMainWindow

if TYPE_CHECKING:
    from sciapp.config import AppPaths
    from sciapp.gui.bus import ChangeBus
    from sciapp.gui.dashboard.page import DashboardPage
    from sciapp.gui.documents.page import DocumentsPage
    from sciapp.gui.partnerships.page import PartnershipsPage
    from sciapp.gui.records.requests import SessionRequests
    from sciapp.services.workspace import Workspace
    from sciapp.settings import Settings


class AppWindow(QMainWindow):
    paths: AppPaths
    settings: Settings
    requests: SessionRequests
    locale_name: str
    bus: ChangeBus
    dashboard: DashboardPage

    @property
    def workspace(self) -> Workspace:
        """The open register (made on first use while the start is still loading it)."""
        raise NotImplementedError  # MainWindow's

    @property
    def partnerships(self) -> PartnershipsPage:
        raise NotImplementedError  # MainWindow's: built on first use

    @property
    def documents(self) -> DocumentsPage:
        raise NotImplementedError  # MainWindow's: built on first use
