"""A list and what it shows: side by side where the list fits whole beside the other pane,
the list above it on a narrower screen (a 1024 × 768 projector), so no column is cut."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QSplitter, QWidget

if TYPE_CHECKING:
    from collections.abc import Callable

    from PySide6.QtGui import QResizeEvent


class SideOrAbove(QSplitter):
    """`needed()`: how wide the list must be to show every column whole; `above_share`: the
    part of the height the list takes when it sits above."""

    def __init__(
        self,
        listing: QWidget,
        other: QWidget,
        needed: Callable[[], int],
        above_share: float = 2 / 7,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(Qt.Orientation.Horizontal, parent)
        self.needed = needed
        self.above_share = above_share
        self.listing, self.other = listing, other  # the splitter's two, kept typed
        self.addWidget(listing)
        self.addWidget(other)
        self.setChildrenCollapsible(False)

    def beside(self) -> bool:
        return self.orientation() == Qt.Orientation.Horizontal

    def arrange(self) -> None:
        """Side by side when both fit, the list as wide as it needs; else the list above."""
        wide = self.needed()
        room = self.width() - self.handleWidth()
        fits = room >= wide + self.other.minimumSizeHint().width()
        orientation = Qt.Orientation.Horizontal if fits else Qt.Orientation.Vertical
        if orientation != self.orientation():
            self.setOrientation(orientation)
        if fits:
            self.setSizes([wide, room - wide])
        else:
            height = self.height() - self.handleWidth()
            above = max(int(height * self.above_share), self.listing.minimumSizeHint().height())
            self.setSizes([above, height - above])

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self.arrange()
