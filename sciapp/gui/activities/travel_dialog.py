"""Draft travel request…: from the chosen activity, a letter draft to the council or to the
partner city, or an item on an upcoming meeting's agenda (services/reports/travel.py)."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialogButtonBox,
    QLabel,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from sciapp.domain.formats import short_date
from sciapp.gui.widgets.dialogs import Dialog
from sciapp.gui.widgets.validated_form import error_label
from sciapp.services.errors import ServiceError
from sciapp.services.reports import travel

if TYPE_CHECKING:
    from sciapp.gui.bus import ChangeBus
    from sciapp.services.activities.records import ActivityRecord
    from sciapp.services.workspace import Workspace


class TravelRequestDialog(Dialog):
    def __init__(
        self,
        workspace: Workspace,
        bus: ChangeBus,
        activity: ActivityRecord,
        parent: QWidget | None = None,
        today: dt.date | None = None,
        locale: str = "en_US",
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle("Draft travel request")
        self.workspace, self.bus, self.activity = workspace, bus, activity
        self.today, self.locale_name = today or dt.date.today(), locale
        self.said = ""
        self.to_council = QRadioButton("A &letter to the council asking approval")
        self.to_partner = QRadioButton(f"A letter to the &partner city ({activity.partner_city})")
        self.as_item = QRadioButton("An &item on the agenda of:")
        self.meeting = QComboBox()
        self.meeting.setAccessibleName("Meeting")
        for row in workspace.travel.upcoming_meetings(self.today):
            day = short_date(row.date, locale)
            self.meeting.addItem(f"{day} — {row.body_name}, {row.kind} meeting", row.id)
        if not self.meeting.count():
            self.meeting.addItem("(no upcoming meeting)", None)
            self.as_item.setEnabled(False)
        self.to_council.setChecked(True)
        self.meeting.setEnabled(False)
        self.as_item.toggled.connect(self.meeting.setEnabled)
        self.problem = error_label()
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.draft_button = self.buttons.addButton("&Draft", QDialogButtonBox.ButtonRole.AcceptRole)
        self.buttons.accepted.connect(self.draft)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        facts = QLabel(
            f"<b>{activity.title}</b><br>{travel.when(activity, locale)}"
            + (f", {activity.place}" if activity.place else "")
        )
        facts.setWordWrap(True)
        layout.addWidget(facts)
        for choice in (self.to_council, self.to_partner, self.as_item):
            layout.addWidget(choice, 0, Qt.AlignmentFlag.AlignLeft)  # a click lands on it
        layout.addWidget(self.meeting)
        layout.addWidget(self.problem)
        layout.addWidget(self.buttons)

    def draft(self) -> None:
        aid = self.activity.id
        try:
            with self.bus.acting_for(self):
                if self.as_item.isChecked():
                    item = self.workspace.travel.add_agenda_item(
                        aid, self.meeting.currentData(), self.locale_name
                    )
                    self.said = f"Added “{item.title[:60]}…” to the agenda."
                else:
                    to = travel.Addressee.COUNCIL
                    if self.to_partner.isChecked():
                        to = travel.Addressee.PARTNER
                    letter = self.workspace.travel.draft_letter(
                        aid, to, self.today, self.locale_name
                    )
                    self.said = (
                        f"Drafted the letter “{letter.draft.subject}” (Documents ▸ Letters)."
                    )
        except ServiceError as exc:
            self.problem.setText(str(exc))
            return
        self.accept()

    @classmethod
    def run(
        cls,
        workspace: Workspace,
        bus: ChangeBus,
        activity: ActivityRecord,
        parent: QWidget | None,
        locale: str = "en_US",
    ) -> str:
        """What was drafted, in words; "" when cancelled."""
        dialog = cls(workspace, bus, activity, parent, locale=locale)
        return dialog.said if dialog.exec_and_free() else ""
