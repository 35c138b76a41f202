"""Meetings as a table: newest first, as the service lists them."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt

from sciapp.domain.formats import short_date, time_of_day

if TYPE_CHECKING:
    from collections.abc import Sequence

    from sciapp.services.meetings.records import MeetingRow

HEADERS = ("Date", "Time", "Body", "Kind", "Minutes")
Index = QModelIndex | QPersistentModelIndex


class MeetingTableModel(QAbstractTableModel):
    def __init__(self, locale: str = "en_US", parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._locale = locale
        self._rows: list[MeetingRow] = []
        self._cells: list[tuple[str, ...]] = []

    def set_rows(self, rows: Sequence[MeetingRow]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self._cells = [
            (
                short_date(r.date, self._locale),
                time_of_day(r.start_time, self._locale),
                r.body_name,
                r.kind.capitalize(),
                "Cancelled" if r.cancelled else r.minutes_status.label,
            )
            for r in self._rows
        ]
        self.endResetModel()

    def meeting_id(self, row: int) -> int:
        return self._rows[row].id

    def row_of(self, meeting_id: int) -> int | None:
        return next((n for n, r in enumerate(self._rows) if r.id == meeting_id), None)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(HEADERS)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid():
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return self._cells[index.row()][index.column()]
        if role == Qt.ItemDataRole.UserRole:
            return self._rows[index.row()].id
        return None

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> object:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return HEADERS[section]
        return None
