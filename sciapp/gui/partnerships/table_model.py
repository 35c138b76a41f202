"""The register as a table model that filters and sorts 20,000 rows within a keystroke.

Filtering and sorting happen here in plain Python over precomputed keys rather than in a
QSortFilterProxyModel, whose per-row call into Python costs more than the whole filter.
"""

from __future__ import annotations

import datetime as dt
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt
from PySide6.QtGui import QColor, QIcon, QPainter, QPixmap

from sciapp.domain.countries import country_name
from sciapp.domain.formats import partial_date
from sciapp.domain.partnership import Kind
from sciapp.domain.status import Status
from sciapp.gui.theme import colours

if TYPE_CHECKING:
    from collections.abc import Sequence

    from sciapp.services.partnerships.records import PartnershipRow
    from sciapp.services.workspace import Workspace

HEADERS = ("Partner city", "Native name", "Country", "Kind", "Status", "Since", "Established")
STATUS_COLUMN = 4
Index = QModelIndex | QPersistentModelIndex
# Roles as plain ints: data() runs hundreds of times per paint, and comparing against the
# enum members costs more than the lookup itself.
DISPLAY = Qt.ItemDataRole.DisplayRole.value
DECORATION = Qt.ItemDataRole.DecorationRole.value
TOOLTIP = Qt.ItemDataRole.ToolTipRole.value
USER = Qt.ItemDataRole.UserRole.value
ACCESSIBLE_DESCRIPTION = Qt.ItemDataRole.AccessibleDescriptionRole.value
LAW_ROLE = USER + 1  # what a state law on partner countries says of the row's tie, or None


def fold(text: str) -> str:
    """Case- and accent-blind form for search: "São Paulo" is found by "sao paulo"."""
    if text.isascii():  # most names: skip the costly Unicode decomposition
        return text.lower()
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


fold_cached = lru_cache(maxsize=4096)(fold)  # for values that repeat: countries, kinds


def status_colour(status: str) -> QColor:
    """A status's dot colour in the current theme."""
    values = colours()
    return QColor(values.get(f"status_{status}", values["muted"]))


def status_icon(status: str) -> QIcon:
    return _dot(status_colour(status).name())


@lru_cache(maxsize=16)  # by colour: a theme change draws the dots anew
def _dot(hex_colour: str) -> QIcon:
    pixmap = QPixmap(12, 12)
    pixmap.fill(QColor(0, 0, 0, 0))
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setBrush(QColor(hex_colour))
    painter.setPen(Qt.PenStyle.NoPen)
    painter.drawEllipse(1, 1, 10, 10)
    painter.end()
    return QIcon(pixmap)


def law_flags(workspace: Workspace, on: dt.date | None = None) -> dict[int, str]:
    """What the badges say, by partnership id: each tie a state law on partner countries
    touches today, "barred: maintaining; must be terminated (Tex. Gov't Code §795.003)"."""
    touched = workspace.partner_laws.touched(on or dt.date.today())
    return {tie.id: tie.describe() for tie in touched}


@lru_cache(maxsize=4)
def law_icon(fill: str) -> QIcon:
    """The badge of a tie a state law touches: a warning triangle in the theme's danger."""
    from PySide6.QtCore import QPointF
    from PySide6.QtGui import QFont, QPolygonF

    pixmap = QPixmap(14, 14)
    pixmap.fill(QColor(0, 0, 0, 0))
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setBrush(QColor(fill))
    painter.setPen(Qt.PenStyle.NoPen)
    painter.drawPolygon(QPolygonF([QPointF(7, 0.5), QPointF(13.5, 13), QPointF(0.5, 13)]))
    painter.setPen(QColor(colours()["on_danger"]))
    font = QFont()
    font.setPixelSize(10)
    font.setBold(True)
    painter.setFont(font)
    painter.drawText(pixmap.rect().adjusted(0, 3, 0, 0), Qt.AlignmentFlag.AlignCenter, "!")
    painter.end()
    return QIcon(pixmap)


@dataclass(slots=True)
class _Entry:
    row: PartnershipRow
    cells: tuple[str, ...]
    keys: tuple[object, ...]
    haystack: str


class PartnershipTableModel(QAbstractTableModel):
    def __init__(self, locale: str = "en_US", parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._locale = locale
        self._entries: list[_Entry] = []  # all rows, in the current sort order
        self._visible: list[_Entry] = []
        self._text = ""
        self._tokens: list[str] = []
        self._status: str | None = None
        self._kind: str | None = None
        self._sort: tuple[int, Qt.SortOrder] = (0, Qt.SortOrder.AscendingOrder)
        self._law: dict[int, str] = {}  # partnership id: what a state law says of it

    # -- content ---------------------------------------------------------------------------

    def set_rows(self, rows: Sequence[PartnershipRow]) -> None:
        self.beginResetModel()
        self._entries = [self._entry(row) for row in rows]
        self._apply_sort()
        self._visible = self._filtered()
        self.endResetModel()

    def _entry(self, row: PartnershipRow) -> _Entry:
        loc = self._locale
        country = country_name(row.partner_country, loc)
        kind = Kind(row.kind).label
        since = partial_date(row.status_since, loc) if row.status_since else ""
        established = partial_date(row.established, loc) if row.established else ""
        cells = (
            row.partner_city,
            row.partner_city_native,
            country,
            kind,
            Status(row.status).label,
            since,
            established,
        )
        city = fold(row.partner_city)
        native = fold(row.partner_city_native) if row.partner_city_native else ""
        folded_country = fold_cached(country)
        # Unknown dates sort last; ties break on the city so the order is stable.
        keys = (
            city,
            native,
            folded_country,
            kind,
            row.status,
            row.status_since or "~",
            row.established or "~",
        )
        haystack = f"{city}\n{native}\n{folded_country}\n{row.partner_country.lower()}"
        return _Entry(row, cells, keys, haystack)

    def set_law_flags(self, flags: dict[int, str]) -> None:
        """Badge the ties a state law on partner countries touches ("barred: maintaining;
        must be terminated (Tex. Gov't Code §795.003)"), by partnership id."""
        if flags == self._law:
            return
        self._law = dict(flags)
        if self._visible:
            last = self.index(len(self._visible) - 1, 0)
            self.dataChanged.emit(self.index(0, 0), last)

    def law_flag(self, partnership_id: int) -> str:
        return self._law.get(partnership_id, "")

    # -- filtering and sorting -------------------------------------------------------------

    def set_filter(
        self, text: str | None = None, status: str | None = "", kind: str | None = ""
    ) -> None:
        """Change the search text and the status and kind filters ('' keeps a filter as is)."""
        narrowing = False
        if text is not None:
            folded = fold(text)
            # Typing on extends the old text, so the matches are among those shown now.
            narrowing = folded.startswith(self._text) and folded != self._text
            self._text = folded
            self._tokens = folded.split()
        if status != "" and status != self._status:
            self._status, narrowing = status, False
        if kind != "" and kind != self._kind:
            self._kind, narrowing = kind, False
        self.beginResetModel()
        self._visible = self._filtered(self._visible if narrowing else None)
        self.endResetModel()

    def _filtered(self, among: list[_Entry] | None = None) -> list[_Entry]:
        entries = self._entries if among is None else among
        if self._status:
            entries = [e for e in entries if e.row.status == self._status]
        if self._kind:
            entries = [e for e in entries if e.row.kind == self._kind]
        for token in self._tokens:
            entries = [e for e in entries if token in e.haystack]
        return entries

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        self._sort = (column, order)
        self.layoutAboutToBeChanged.emit()
        old = self.persistentIndexList()
        old_ids = [self._visible[i.row()].row.id for i in old]
        self._apply_sort()
        self._visible = self._filtered()
        positions = {e.row.id: n for n, e in enumerate(self._visible)}
        self.changePersistentIndexList(
            old,
            [self.index(positions[pid], i.column()) for pid, i in zip(old_ids, old, strict=True)],
        )
        self.layoutChanged.emit()

    def _apply_sort(self) -> None:
        column, order = self._sort
        self._entries.sort(
            key=lambda e: (e.keys[column], e.keys[0], e.row.id),
            reverse=order == Qt.SortOrder.DescendingOrder,
        )

    # -- lookups ---------------------------------------------------------------------------

    def partnership_id(self, row: int) -> int:
        return self._visible[row].row.id

    def row_of(self, partnership_id: int) -> int | None:
        for number, entry in enumerate(self._visible):
            if entry.row.id == partnership_id:
                return number
        return None

    def total_count(self) -> int:
        return len(self._entries)

    # -- Qt model interface ----------------------------------------------------------------

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._visible)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(HEADERS)

    def data(self, index: Index, role: int = DISPLAY) -> object:
        role = int(role)
        if role == DISPLAY:
            return self._visible[index.row()].cells[index.column()]
        if role == DECORATION:
            if index.column() == STATUS_COLUMN:
                return status_icon(self._visible[index.row()].row.status)
            if index.column() == 0 and self._law:
                return self._law_badge(index.row())
        elif role == TOOLTIP:
            if index.column() == 0:
                return self._tooltip(index.row())
        elif role == USER:
            return self._visible[index.row()].row.id
        elif role == LAW_ROLE:
            return self._law.get(self._visible[index.row()].row.id)
        elif role == ACCESSIBLE_DESCRIPTION and index.column() == 0:
            law = self._law.get(self._visible[index.row()].row.id)
            return f"State law: {law}" if law else None
        return None

    def _law_badge(self, row: int) -> QIcon | None:
        if self._visible[row].row.id not in self._law:
            return None
        from sciapp.gui.theme import colour

        return law_icon(colour("danger"))

    def _tooltip(self, row: int) -> str | None:
        entry = self._visible[row].row
        law = self._law.get(entry.id)
        notes = entry.notes[:300] if entry.notes else ""
        if law:
            return f"State law: {law}" + (f"\n\n{notes}" if notes else "")
        return notes or None

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> object:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return HEADERS[section]
        return None
