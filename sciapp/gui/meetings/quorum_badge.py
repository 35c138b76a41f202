"""A label that is green with quorum and turns red when quorum is lost: "Quorum: 7 present,
5 needed", "No quorum: 4 present, 5 needed"."""

from PySide6.QtCore import QEvent
from PySide6.QtGui import QFont, QFontMetrics
from PySide6.QtWidgets import QLabel, QWidget

from sciapp.gui.theme import themed
from sciapp.services.meetings.records import QuorumState

BADGE = "color:{fill_text};font-weight:600;padding:6px 12px;border-radius:4px;"
OK_STYLE = "background:{quorum_fill};" + BADGE
LOST_STYLE = "background:{no_quorum_fill};" + BADGE
WIDEST = "No quorum: 88 present, 88 needed"
PADDING = 2 * 12 + 8  # the style's padding on both sides, and a little air


def badge_text(state: QuorumState) -> str:
    """What the badge says: the verdict, then the count and what is needed, never
    "QUORUM 7 of 5 needed"."""
    verdict = "Quorum" if state.has_quorum else "No quorum"
    return f"{verdict}: {state.voting_present} present, {state.required} needed"


class QuorumBadge(QLabel):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName("Quorum")
        self.has_quorum: bool | None = None
        self._fit()

    def _fit(self) -> None:
        """As wide as its widest text in its own (bold) font, so the buttons beside it never
        jump when it changes, and no word is cut off."""
        bold = QFont(self.font())
        bold.setBold(True)
        self.setMinimumWidth(QFontMetrics(bold).horizontalAdvance(WIDEST) + PADDING)

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.FontChange:
            self._fit()

    def show_state(self, state: QuorumState) -> None:
        self.has_quorum = state.has_quorum
        self.setText(badge_text(state))
        self.setToolTip(f"{state.describe()} ({state.rule})")
        self.setAccessibleDescription(state.describe())
        themed(self, OK_STYLE if state.has_quorum else LOST_STYLE)
