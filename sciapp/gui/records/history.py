"""A record's history from the audit trail: when, who, what, and each field's old and new."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialogButtonBox,
    QHeaderView,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from sciapp.domain.formats import date_time
from sciapp.gui.locale import ui_locale
from sciapp.gui.widgets.dialogs import Dialog
from sciapp.services.safekeeping.audit import ACTION_WORDS, AuditRecord

if TYPE_CHECKING:
    from collections.abc import Callable, Sequence


class HistoryView(QTreeWidget):
    """Newest first; expand an entry to see its fields."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName("History")
        self.setColumnCount(3)
        self.setHeaderLabels(["When", "Who", "What"])
        self.setRootIsDecorated(True)
        self.setUniformRowHeights(True)
        self.setAlternatingRowColors(True)
        self.header().setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        self.header().setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        self.header().setStretchLastSection(True)
        self._placeholder = "No changes recorded yet."

    def show_entries(self, entries: Sequence[AuditRecord], with_record: bool = False) -> None:
        self.clear()
        locale = ui_locale()
        for entry in reversed(entries):
            when = date_time(entry.at.astimezone(), locale)
            what = entry.what_in(locale) if with_record else _what(entry)
            item = QTreeWidgetItem([when, entry.actor, what])
            item.setToolTip(0, entry.at.astimezone().isoformat(timespec="seconds"))
            for line in entry.describe_changes(locale=locale).splitlines():
                child = QTreeWidgetItem(["", "", line])
                child.setToolTip(2, line)
                item.addChild(child)
            self.addTopLevelItem(item)
        if not entries:
            item = QTreeWidgetItem(["", "", self._placeholder])
            item.setFlags(Qt.ItemFlag.NoItemFlags)
            self.addTopLevelItem(item)
        elif len(entries) <= 3:
            self.expandAll()

    def texts(self) -> list[str]:
        """Top-level lines as shown (for tests and screen readers)."""
        items = (self.topLevelItem(i) for i in range(self.topLevelItemCount()))
        return [" | ".join(item.text(c) for c in range(3)) for item in items if item is not None]


def _what(entry: AuditRecord) -> str:
    """Within one record's history: "Changed country and no expiry"."""
    if entry.imported:
        return entry.imported_from()  # "Imported from register.csv"
    word = ACTION_WORDS.get(entry.action, entry.action)
    fields = [label[:1].lower() + label[1:] for label in entry.fields()]
    if entry.action == "update" and fields:
        shown = fields[:4] + ([f"{len(fields) - 4} more"] if len(fields) > 4 else [])
        listed = shown[0] if len(shown) == 1 else ", ".join(shown[:-1]) + " and " + shown[-1]
        return f"{word} {listed}"
    return word


class AuditDialog(Dialog):
    """The whole trail (or one record's), in a window of its own."""

    def __init__(
        self,
        load: Callable[[], Sequence[AuditRecord]],
        title: str,
        parent: QWidget | None = None,
        with_record: bool = True,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.resize(760, 520)
        self.view = HistoryView()
        self.view.show_entries(load(), with_record=with_record)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.view)
        layout.addWidget(buttons)
