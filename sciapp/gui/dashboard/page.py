"""The start page: upcoming meetings, minutes due, terms ending, anniversaries.

Each line opens its record (a click, or Enter).
"""

from __future__ import annotations

import datetime as dt
import threading
from contextlib import suppress
from typing import TYPE_CHECKING, cast

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QGridLayout,
    QGroupBox,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)

from sciapp.domain.countries import country_name
from sciapp.domain.formats import long_date
from sciapp.gui import theme
from sciapp.gui.dashboard.first_steps import FirstSteps
from sciapp.services.changes import Area
from sciapp.services.reports.sci_lines import MEMBERSHIP, SETTINGS

if TYPE_CHECKING:
    from collections.abc import Callable

    from sciapp.gui.bus import ChangeBus
    from sciapp.gui.opening import Register
    from sciapp.services.reports.dashboard import Dashboard, DashboardLine

SECTIONS = (
    ("upcoming", "Upcoming meetings", "No meetings in the next two months."),
    ("minutes_due", "Minutes overdue or due soon", "No minutes are due."),
    ("terms_ending", "Terms ending within 90 days", "No terms end soon."),
    ("anniversaries", "Partnership anniversaries this year", "No anniversaries this year."),
    # Shown only when a state law on partner countries touches a tie (across the page).
    ("law_flags", "Partnerships a state law touches", ""),
    # Live ties nothing on record has named for the commission's years (settings).
    ("dormant", "Partnerships due for review", ""),
    # SCI's Annual Awards deadline (a setting) and this year's dues when none are recorded.
    ("sci", "Sister Cities International", ""),
)

OPENING = "Reading the register…"  # a moment after the start, until the workspace is made


class DashboardPage(QWidget):
    openRecord = Signal(str, int)  # ("meeting" | "partnership" | "body", id)
    openSettings = Signal()  # the SCI Annual Awards line: its date is set there
    filled = Signal()  # the lines are shown
    _read = Signal(int, object)  # from the worker thread: a reading's number, its Dashboard

    def __init__(
        self,
        register: Register,
        locale: str,
        bus: ChangeBus,
        today: Callable[[], dt.date] = dt.date.today,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.register = register  # the lines wait for its workspace; the count need not
        self.locale_name = locale
        self.today = today
        self._generation = 0  # of the newest reading: an older one's lines are not shown
        self._reader: threading.Thread | None = None
        self._read.connect(self._arrived)
        self.title = QLabel()
        theme.heading(self.title)
        self.lists: dict[str, QListWidget] = {}
        grid = QGridLayout()
        wide = 0  # the boxes shown only when they have lines: a row each, across the page
        for number, (key, heading, _empty) in enumerate(SECTIONS):
            box = QGroupBox(heading)
            lines = QListWidget()
            lines.setAccessibleName(heading)
            lines.setWordWrap(True)
            lines.itemActivated.connect(self._activated)
            lines.itemClicked.connect(self._activated)
            QVBoxLayout(box).addWidget(lines)
            if key == "sci":  # two lines at most: the others keep the room
                lines.setMaximumHeight(lines.fontMetrics().lineSpacing() * 3 + 12)
            if _empty:
                grid.addWidget(box, number // 2, number % 2)
            else:
                grid.addWidget(box, 2 + wide, 0, 1, 2)
                wide += 1
            box.setVisible(bool(_empty))  # one without words when empty shows only when not
            self.lists[key] = lines
        layout = QVBoxLayout(self)
        layout.addWidget(self.title)
        self.first_steps = FirstSteps()  # shown while the register is empty
        layout.addWidget(self.first_steps)
        layout.addLayout(grid, 1)
        # Filled by refresh() when the page is shown (the main window shows it first).
        watched = (
            Area.PARTNERSHIPS,
            Area.MEMBERS,
            Area.MEETINGS,
            Area.VOTES,
            Area.DOCUMENTS,
            Area.CONTACTS,  # the SCI membership's dues
        )
        bus.watch(self, lambda changes: changes.touches(*watched), self.refresh)

    def opened(self) -> None:
        """The workspace is made, a moment after the start: the lines are read on a worker
        thread (a big register takes a while), and 'Reading the register…' stays until they
        come. Any later refresh reads them here, at once."""
        if not self.isVisible():
            return  # refreshed when shown
        today = self._heading()
        generation = self._generation
        workspace, locale = self.register.workspace, self.locale_name

        def read() -> None:
            try:
                board: object = workspace.dashboard(
                    today, lambda code: country_name(code, locale), locale
                )
            except Exception as exc:  # raised again on the GUI thread
                board = exc
            with suppress(RuntimeError):  # the page is gone: nobody to show them to
                self._read.emit(generation, board)

        self._reader = threading.Thread(target=read, name="sciapp-start-page", daemon=True)
        self._reader.start()

    def settle(self) -> None:
        """Wait for a reading under way (before the workspace closes)."""
        if self._reader is not None:
            self._reader.join()

    def refresh(self) -> None:
        today = self._heading()
        if not self.register.ready:
            for key, _heading, _empty in SECTIONS:
                self.lists[key].clear()
                waiting = QListWidgetItem(OPENING)
                waiting.setFlags(Qt.ItemFlag.NoItemFlags)
                self.lists[key].addItem(waiting)
            return
        self._show(
            self.register.workspace.dashboard(
                today, lambda code: country_name(code, self.locale_name), self.locale_name
            )
        )

    def _heading(self) -> dt.date:
        """The title and the next step for today; a reading under way is outdated now."""
        self._generation += 1
        count = self.register.partnership_count()
        self.first_steps.setVisible(count == 0)
        today = self.today()
        if self.register.ready:
            self.title.setText(f"Today, {long_date(today, self.locale_name)}")
        else:  # the date in words (babel) comes with the lines
            self.title.setText("Today")
        return today

    def _arrived(self, generation: int, board: object) -> None:
        if generation != self._generation:
            return  # a newer refresh showed its own
        if isinstance(board, Exception):
            raise board
        self._show(cast("Dashboard", board))

    def _show(self, board: Dashboard) -> None:
        for key, _heading, empty in SECTIONS:
            widget = self.lists[key]
            widget.clear()
            lines: tuple[DashboardLine, ...] = getattr(board, key)
            for line in lines:
                item = QListWidgetItem(("⚠ " if line.urgent else "") + line.text)
                item.setData(Qt.ItemDataRole.UserRole, (line.target, line.target_id))
                if line.urgent:
                    item.setForeground(QBrush(QColor(theme.colour("danger"))))
                widget.addItem(item)
            if board.more[key]:
                more = QListWidgetItem(f"… and {board.more[key]} more")
                more.setFlags(Qt.ItemFlag.NoItemFlags)
                widget.addItem(more)
            if (box := widget.parentWidget()) is not None:  # its group box
                box.setVisible(bool(lines or empty))
            if not lines and empty:
                placeholder = QListWidgetItem(empty)
                placeholder.setFlags(Qt.ItemFlag.NoItemFlags)
                widget.addItem(placeholder)
        self.filled.emit()

    def lines(self, key: str) -> list[str]:
        widget = self.lists[key]
        return [widget.item(i).text() for i in range(widget.count())]

    def _activated(self, item: QListWidgetItem) -> None:
        target = item.data(Qt.ItemDataRole.UserRole)
        if not target:
            return
        if target[0] == SETTINGS:
            self.openSettings.emit()
        elif target[0] == MEMBERSHIP:  # SCI dues by year, recorded in its dialog
            from sciapp.gui.activities.membership_dialog import MembershipDialog

            MembershipDialog.run(self, self.register.workspace.membership)
        else:
            self.openRecord.emit(*target)
