"""Members: each body's roster with filled seats, vacancies and terms ending soon."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from PySide6.QtCore import QDate, Qt
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from sciapp.domain.bodies import TERM_WARNING_DAYS, Office
from sciapp.domain.formats import short_date
from sciapp.domain.labels import counted, yes_no
from sciapp.gui.bodies.body_dialog import BodyDialog, BodyForm
from sciapp.gui.bus import ChangeBus, areas
from sciapp.gui.locale import ui_locale
from sciapp.gui.theme import colour
from sciapp.gui.widgets.columns import date_samples, fit_columns
from sciapp.gui.widgets.dialogs import Dialog, exec_and_free
from sciapp.gui.widgets.pickers import date_picker, picked_date
from sciapp.gui.widgets.validated_form import error_label
from sciapp.services.changes import Area
from sciapp.services.errors import ValidationError
from sciapp.services.meetings.records import MemberDraft, MemberRecord

if TYPE_CHECKING:
    from collections.abc import Callable

    from sciapp.services.votes.records import MotionRecord
    from sciapp.services.workspace import Workspace

COLUMNS = ("Name", "Office", "Seat", "Voting", "Appointed by", "Term start", "Term end")


class MemberDialog(Dialog):
    """`MemberDialog.run(...)` adds a member through `save`; True when saved."""

    def __init__(
        self,
        parent: QWidget | None,
        seats: int,
        save: Callable[[MemberDraft], object],
        today: dt.date,
        member: MemberRecord | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle("Edit member" if member else "Add member")
        self.setMinimumWidth(460)
        self._save = save
        self.name = QLineEdit()
        self.office = QComboBox()
        for office in Office:
            self.office.addItem(office.label, office.value)
        self.office.setCurrentIndex(self.office.findData(Office.MEMBER.value))
        self.seat = QSpinBox()
        self.seat.setRange(0, seats)
        self.seat.setSpecialValueText("none")
        self.voting = QCheckBox("Voting member")
        self.voting.setChecked(True)
        self.appointed_by = QLineEdit()
        self.appointed_by.setPlaceholderText("e.g. Mayor, confirmed by Council")
        self.start = date_picker(today)
        self.open_ended = QCheckBox("No end date")
        self.end = date_picker(dt.date(today.year + 3, 6, 30))
        self.problem = error_label()
        if member is not None:
            self._load(member)
        form = QFormLayout()
        for label, widget in (
            ("&Name:", self.name),
            ("&Office:", self.office),
            ("&Seat:", self.seat),
            ("", self.voting),
            ("&Appointed by:", self.appointed_by),
            ("Term &starts:", self.start),
            ("Term &ends:", self.end),
            ("", self.open_ended),
        ):
            form.addRow(label, widget)
            caption = widget.text() if isinstance(widget, QCheckBox) else ""
            widget.setAccessibleName(label.replace("&", "").rstrip(":") or caption)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.problem)
        layout.addWidget(buttons)
        self.open_ended.toggled.connect(self.end.setDisabled)

    @classmethod
    def run(
        cls,
        parent: QWidget | None,
        seats: int,
        save: Callable[[MemberDraft], object],
        today: dt.date,
        member: MemberRecord | None = None,
    ) -> bool:
        return cls(parent, seats, save, today, member).exec_and_free()

    def _load(self, member: MemberRecord) -> None:
        self.name.setText(member.name)
        self.office.setCurrentIndex(self.office.findData(member.office.value))
        self.seat.setValue(member.seat or 0)
        self.voting.setChecked(member.voting)
        self.appointed_by.setText(member.appointed_by)
        start, end = member.term_start, member.term_end
        self.start.setDate(QDate(start.year, start.month, start.day))
        self.open_ended.setChecked(end is None)
        self.end.setDisabled(end is None)
        if end is not None:
            self.end.setDate(QDate(end.year, end.month, end.day))

    def draft(self) -> MemberDraft:
        return MemberDraft(
            name=self.name.text(),
            term_start=picked_date(self.start),
            term_end=None if self.open_ended.isChecked() else picked_date(self.end),
            office=Office(self.office.currentData()),
            voting=self.voting.isChecked(),
            appointed_by=self.appointed_by.text(),
            seat=self.seat.value() or None,
        )

    def accept(self) -> None:
        try:
            self._save(self.draft())
        except ValidationError as exc:
            self.problem.setText(str(exc))
            return
        super().accept()


def _counted(motion: MotionRecord, member_id: int) -> bool:
    """False where the member's vote was set aside (a chair voting only to break ties)."""
    return all(v.counted for v in motion.votes if v.member_id == member_id)


class MembersPage(QWidget):
    def __init__(
        self,
        workspace: Workspace,
        bus: ChangeBus,
        today: Callable[[], dt.date] = dt.date.today,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.workspace = workspace
        self.today = today
        self.body = QComboBox()
        self.body.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.body.setMinimumContentsLength(18)  # a long body name is cut in the closed box only
        self.body.setAccessibleName("Body")
        self.add_button = QPushButton("&Add member…")
        self.add_button.setToolTip("Appoint a member to this body")
        self.new_body_button = QPushButton("&New body…")
        self.new_body_button.setToolTip("Add a commission, council or committee")
        self.edit_body_button = QPushButton("Body &settings…")
        self.edit_body_button.setToolTip("Seats, quorum rule, open-meetings profile, usual agenda")
        self.edit_member_button = QPushButton("&Edit member…")
        self.edit_member_button.setToolTip("Office, seat, term of the selected member")
        self.record_button = QPushButton("&Voting record…")
        self.record_button.setToolTip("How the selected member voted, motion by motion")
        self.summary = QLabel()
        self.summary.setTextFormat(Qt.TextFormat.RichText)
        self.summary.setWordWrap(True)  # a long summary wraps rather than widen the window
        self.table = QTableWidget(0, len(COLUMNS))
        self.table.setAccessibleName("Members")
        self.table.setHorizontalHeaderLabels(COLUMNS)
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setColumnWidth(0, 200)
        dates = date_samples(ui_locale())
        offices = [office.label for office in Office]
        fit_columns(self.table, {1: offices, 2: ["88"], 3: ["Yes", "No"], 5: dates, 6: dates}, 4)
        top = QHBoxLayout()
        top.addWidget(self.body, 1)
        top.addWidget(self.new_body_button)
        top.addWidget(self.edit_body_button)
        top.addWidget(self.add_button)
        top.addWidget(self.edit_member_button)
        top.addWidget(self.record_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 8, 8, 8)
        layout.addLayout(top)
        layout.addWidget(self.summary)
        layout.addWidget(self.table, 1)
        self.body.currentIndexChanged.connect(lambda _i: self.refresh())
        self.add_button.clicked.connect(lambda: self.add_member())
        self.new_body_button.clicked.connect(lambda: self.new_body())
        self.edit_member_button.clicked.connect(lambda: self.edit_member(self.table.currentRow()))
        self.record_button.clicked.connect(lambda: self.show_voting_record(self.table.currentRow()))
        self.edit_body_button.clicked.connect(lambda: self.edit_body())
        self.table.doubleClicked.connect(lambda index: self.edit_member(index.row()))
        self.table.itemSelectionChanged.connect(self._update_buttons)
        self._shown: list[MemberRecord] = []
        self.reload_bodies()
        bus.watch(self, areas(Area.MEMBERS), self.reload_bodies)

    def reload_bodies(self) -> None:
        chosen = self.body.currentData()
        self.body.blockSignals(True)
        self.body.clear()
        for body in self.workspace.bodies.list_bodies():
            self.body.addItem(body.name, body.id)
        self.body.setCurrentIndex(max(0, self.body.findData(chosen)))
        self.body.blockSignals(False)
        self.refresh()

    def _update_buttons(self) -> None:
        chosen = 0 <= self.table.currentRow() < len(self._shown)
        self.edit_member_button.setEnabled(chosen)
        self.record_button.setEnabled(chosen)

    def show_body(self, body_id: int) -> None:
        self.body.setCurrentIndex(max(0, self.body.findData(body_id)))

    def refresh(self) -> None:
        body_id = self.body.currentData()
        self.add_button.setEnabled(body_id is not None)
        self.edit_body_button.setEnabled(body_id is not None)
        if body_id is None:
            self.summary.setText("<i>No bodies yet.</i>")
            self.table.setRowCount(0)
            self._shown = []
            self._update_buttons()
            return
        today = self.today()
        roster = self.workspace.bodies.roster(body_id, today)
        members = [m for m in self.workspace.bodies.members(body_id) if m.in_office(today)]
        self._shown = members
        vacancy = (
            f"<span style='color:{colour('warning')}'><b>{roster.vacancies} vacant</b></span>"
            if roster.vacancies
            else "no vacancies"
        )
        self.summary.setText(
            f"{roster.seats} seats: {roster.voting_in_office} filled by voting members, {vacancy}; "
            f"{roster.in_office - roster.voting_in_office} non-voting. "
            + _terms_ending(len(roster.ending_soon))
        )
        horizon = today + dt.timedelta(days=TERM_WARNING_DAYS)
        self.table.setRowCount(len(members))
        for row, m in enumerate(members):
            cells = (
                m.name,
                m.office.label,
                str(m.seat or ""),
                yes_no(m.voting),
                m.appointed_by,
                short_date(m.term_start, ui_locale()),
                short_date(m.term_end, ui_locale()) if m.term_end else "open",
            )
            ending = m.term_end is not None and m.term_end <= horizon
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                if ending:
                    item.setForeground(QBrush(QColor(colour("warning"))))
                    item.setToolTip("Term ends within 90 days")
                self.table.setItem(row, column, item)
        self._update_buttons()

    def new_body(self) -> None:
        body_id = BodyDialog.run(
            self,
            None,
            lambda f: (
                self.workspace.bodies.create_body(
                    f.name,
                    f.kind,
                    f.seats,
                    f.profile,
                    f.quorum,
                    f.usual_agenda,
                    f.default_rule,
                    f.chair_voting,
                    f.letterhead,
                    f.usual.time,
                    f.usual.place,
                    f.time_zone,
                ).id
            ),
            self.workspace.documents.settings().letterhead,
            self._default_zone,
        )
        if body_id is not None:
            self.reload_bodies()
            self.show_body(body_id)

    def _default_zone(self, profile: str) -> str:
        """The zone a body of this profile without one of its own meets in."""
        from sciapp.services.reports.meeting_times import default_zone_name

        return default_zone_name(self.workspace, profile)

    def edit_body(self) -> None:
        body = self.workspace.bodies.get_body(self.body.currentData())

        def save(f: BodyForm) -> int:
            return self.workspace.bodies.update_body(
                body.id,
                f.name,
                f.kind,
                f.seats,
                f.profile,
                f.quorum,
                f.usual_agenda,
                f.default_rule,
                f.chair_voting,
                f.letterhead,
                f.usual,
                f.time_zone,
            ).id

        general = self.workspace.documents.settings().letterhead
        if BodyDialog.run(self, body, save, general, self._default_zone) is not None:
            self.reload_bodies()
            self.show_body(body.id)

    def edit_member(self, row: int) -> None:
        if not 0 <= row < len(self._shown):
            return
        member = self._shown[row]
        body = self.workspace.bodies.get_body(member.body_id)
        if MemberDialog.run(
            self,
            body.seats,
            lambda d: self.workspace.bodies.update_member(member.id, d),
            self.today(),
            member,
        ):
            self.refresh()

    def voting_record(self, row: int) -> list[str]:
        """Lines of the member's voting record: date, body, motion, vote, outcome."""
        if not 0 <= row < len(self._shown):
            return []
        return [
            f"{short_date(motion.meeting_date, ui_locale())} · "
            f"{motion.body_name} · {motion.text} — voted {option.value}"
            + (" (not counted)" if not _counted(motion, self._shown[row].id) else "")
            + f" · {motion.explanation}"
            for motion, option in self.workspace.motions.member_votes(self._shown[row].id)
        ]

    def show_voting_record(self, row: int) -> None:
        if not 0 <= row < len(self._shown):
            QMessageBox.information(self, "Voting record", "Select a member first.")
            return
        lines = self.voting_record(row) or ["No recorded roll-call votes."]
        box = QMessageBox(
            QMessageBox.Icon.NoIcon,
            f"Voting record: {self._shown[row].name}",
            "\n\n".join(lines),
            parent=self,
        )
        exec_and_free(box)

    def add_member(self) -> None:
        body = self.workspace.bodies.get_body(self.body.currentData())
        if MemberDialog.run(
            self, body.seats, lambda d: self.workspace.bodies.add_member(body.id, d), self.today()
        ):
            self.refresh()


def _terms_ending(count: int) -> str:
    """ "No terms end", "1 term ends", "3 terms end" … within the warning period."""
    if count == 0:
        return f"No terms end within {TERM_WARNING_DAYS} days."
    verb = "ends" if count == 1 else "end"
    return f"{counted(count, 'term')} {verb} within {TERM_WARNING_DAYS} days."
