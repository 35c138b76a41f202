"""The people-to-people tabs beside a partnership's details: Activities, Gifts, Contacts.
Each reads only while it is showing, so browsing the register stays one query per row."""

from __future__ import annotations

from typing import TYPE_CHECKING

from sciapp.gui.partnerships.activities_tab import ActivitiesTab
from sciapp.gui.partnerships.contacts_tab import ContactsTab
from sciapp.gui.partnerships.gifts_tab import GiftsTab

if TYPE_CHECKING:
    from PySide6.QtWidgets import QTabWidget

    from sciapp.gui.bus import ChangeBus
    from sciapp.services.workspace import Workspace


class TieTabs:
    def __init__(self, tabs: QTabWidget, workspace: Workspace, bus: ChangeBus, locale: str) -> None:
        self.activities = ActivitiesTab(workspace, bus, locale)
        self.gifts = GiftsTab(workspace, bus, locale)
        self.contacts = ContactsTab(workspace, bus)
        tabs.addTab(self.activities, "Ac&tivities")
        tabs.addTab(self.gifts, "&Gifts")
        tabs.addTab(self.contacts, "C&ontacts")

    def show_partnership(self, pid: int | None, city: str) -> None:
        self.activities.show_partnership(pid, city)
        self.gifts.show_partnership(pid)
        self.contacts.show_partnership(pid, city)
