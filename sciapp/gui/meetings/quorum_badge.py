"""A label that is green with quorum and turns red when quorum is lost."""

from PySide6.QtWidgets import QLabel, QWidget

from sciapp.services.meetings.records import QuorumState

OK_STYLE = "background:#15803d;color:white;font-weight:600;padding:6px 12px;border-radius:4px;"
LOST_STYLE = "background:#b91c1c;color:white;font-weight:600;padding:6px 12px;border-radius:4px;"


class QuorumBadge(QLabel):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName("Quorum")
        self.has_quorum: bool | None = None
        # As wide as its widest text, so the buttons beside it never jump when it changes.
        self.setMinimumWidth(
            self.fontMetrics().horizontalAdvance("NO QUORUM  88 present, 88 needed") + 30
        )

    def show_state(self, state: QuorumState) -> None:
        self.has_quorum = state.has_quorum
        verdict = "QUORUM" if state.has_quorum else "NO QUORUM"
        self.setText(f"{verdict}  {state.voting_present} present, {state.required} needed")
        self.setToolTip(f"{state.describe()} ({state.rule})")
        self.setAccessibleDescription(state.describe())
        self.setStyleSheet(OK_STYLE if state.has_quorum else LOST_STYLE)
