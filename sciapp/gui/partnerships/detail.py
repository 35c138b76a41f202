"""The selected partnership: its particulars and its history as a timeline."""

from __future__ import annotations

from html import escape
from typing import TYPE_CHECKING

from PySide6.QtCore import QPointF, Qt
from PySide6.QtGui import QColor, QPainter, QPen
from PySide6.QtWidgets import (
    QFormLayout,
    QFrame,
    QLabel,
    QScrollArea,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from sciapp.domain.countries import country_name
from sciapp.domain.formats import partial_date, short_date
from sciapp.gui.partnerships.table_model import status_colour
from sciapp.gui.theme import colour, heading, themed

if TYPE_CHECKING:
    from sciapp.services.partnerships.records import EventRecord, PartnershipDetail
    from sciapp.services.votes.records import MotionRecord

DOT_X = 10


def _label(text: str = "", rich: bool = False) -> QLabel:
    label = QLabel(text)
    label.setWordWrap(True)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    label.setTextFormat(Qt.TextFormat.RichText if rich else Qt.TextFormat.PlainText)
    return label


class TimelineEvent(QWidget):
    """One event: a coloured dot on a vertical line, what happened, when, who, why."""

    def __init__(self, event: EventRecord, locale: str, last: bool) -> None:
        super().__init__()
        self._color = status_colour(event.change.status.value)
        self._last = last
        change = event.change
        when = (
            partial_date(change.effective.iso(), locale)
            if change.effective
            else "date not recorded"
        )
        lines = [f"<b>{escape(event.summary())}</b>", f"<span>{escape(when)}</span>"]
        if change.reason:
            lines.append(f"Reason: {escape(change.reason)}")
        if change.condition:
            lines.append(f"Condition: <i>{escape(change.condition)}</i>")
        if change.decided_by is None and event.sequence > 1:
            lines.append("<i>Who decided was not recorded.</i>")
        self.text = _label("<br>".join(lines), rich=True)
        self.text.setAccessibleName(f"{event.summary()}, {when}")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(DOT_X * 2 + 8, 2, 0, 10)
        layout.addWidget(self.text)

    def paintEvent(self, _event: object) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(QPen(QColor(colour("line")), 2))
        if not self._last:
            painter.drawLine(DOT_X, 14, DOT_X, self.height())
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(self._color)
        painter.drawEllipse(QPointF(DOT_X, 10), 6, 6)
        painter.end()


class Timeline(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName("Status history")
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(0, 0, 0, 0)
        self._layout.setSpacing(0)
        self.events: list[TimelineEvent] = []

    def show_events(self, events: tuple[EventRecord, ...], locale: str) -> None:
        for widget in self.events:
            self._layout.removeWidget(widget)
            widget.hide()  # gone now; deleteLater frees it once the event loop turns
            widget.deleteLater()
        self.events = []
        for number, event in enumerate(events):
            item = TimelineEvent(event, locale, last=number == len(events) - 1)
            self._layout.addWidget(item)
            self.events.append(item)

    def texts(self) -> list[str]:
        """Each event as read aloud: plain text, a line per fact."""
        from PySide6.QtGui import QTextDocumentFragment

        return [QTextDocumentFragment.fromHtml(w.text.text()).toPlainText() for w in self.events]


class DetailPanel(QScrollArea):
    """Read-only view of one partnership; empty when nothing is selected."""

    def __init__(self, locale: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._locale = locale
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setMinimumWidth(280)
        body = QWidget()
        layout = QVBoxLayout(body)
        self.title = _label()
        self.title.setObjectName("detailTitle")
        heading(self.title)
        self.subtitle = _label()
        themed(self.subtitle, "color: {muted};")
        # What a state law on partner countries says of this tie, with its citation.
        self.law = _label()
        self.law.setObjectName("partnershipLaw")
        themed(self.law, "color: {danger}; font-weight: bold;")
        self.facts = QFormLayout()
        self.facts.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        history = QLabel("<b>History</b>")
        self.timeline = Timeline()
        self.motions = _label(rich=True)
        self.motions.setObjectName("partnershipMotions")
        self.notes = _label()
        self.placeholder = _label("Select a partnership to see its details and history.")
        self.placeholder.setAlignment(Qt.AlignmentFlag.AlignCenter)
        themed(self.placeholder, "color: {muted};")
        for widget in (self.title, self.subtitle, self.law):
            layout.addWidget(widget)
        layout.addLayout(self.facts)
        layout.addSpacing(8)
        layout.addWidget(history)
        layout.addWidget(self.timeline)
        layout.addWidget(self.motions)
        layout.addWidget(self.notes)
        layout.addWidget(self.placeholder)
        layout.addStretch(1)
        body.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Minimum)
        self.setWidget(body)
        self._content = (self.title, self.subtitle, history, self.timeline, self.notes)
        self.show_partnership(None)

    def show_partnership(
        self,
        detail: PartnershipDetail | None,
        motions: list[MotionRecord] | None = None,
        law: str = "",
    ) -> None:
        """`law`: what a state law on partner countries says of the tie ("" if none)."""
        self.law.setText(f"State law: {law}" if detail is not None and law else "")
        self.law.setAccessibleName(self.law.text())
        self.law.setVisible(bool(self.law.text()))
        while self.facts.rowCount():
            self.facts.removeRow(0)
        for widget in self._content:
            widget.setVisible(detail is not None)
        self.placeholder.setVisible(detail is None)
        if detail is None:
            self.timeline.show_events((), self._locale)
            self.motions.hide()
            return
        data = detail.data
        country = country_name(data.partner_country, self._locale)
        self.title.setText(f"{data.partner_city}, {country}")
        native = f"{data.partner_city_native} · " if data.partner_city_native else ""
        self.subtitle.setText(f"{native}{data.kind.label} of {data.local_jurisdiction or '—'}")
        status = detail.status.label
        if detail.status_since:
            status += f" since {partial_date(detail.status_since.iso(), self._locale)}"
        facts = [
            ("Status", status),
            ("Region", data.partner_region),
            (
                "Established",
                partial_date(data.established.iso(), self._locale) if data.established else "",
            ),
            (
                "Expires",
                partial_date(data.expires.iso(), self._locale) if data.expires else "No expiry",
            ),
            ("Signed for us", _signatory(data.local_signatory_name, data.local_signatory_title)),
            (
                "Signed for partner",
                _signatory(data.partner_signatory_name, data.partner_signatory_title),
            ),
        ]
        for caption, value in facts:
            if value:
                self.facts.addRow(f"{caption}:", _label(value))
        self.timeline.show_events(detail.events, self._locale)
        lines = [
            f"• {short_date(m.meeting_date, self._locale)}, {escape(m.body_name)}: "
            f"{escape(m.text)}<br>"
            f"&nbsp;&nbsp;<i>{escape(m.explanation or 'not yet voted on')}</i>"
            for m in motions or []
        ]
        self.motions.setText("<b>Motions</b><br>" + "<br>".join(lines) if lines else "")
        self.motions.setVisible(bool(lines))
        self.notes.setText(f"Notes:\n{data.notes}" if data.notes else "")
        self.notes.setVisible(bool(data.notes))


def _signatory(name: str, title: str) -> str:
    return ", ".join(part for part in (name, title) if part)
