"""Closed session…: the motion to close, asked as the law asks it. The purposes are the
statute's own (a list to tick, each with its citation), the vote is a roll call of the
members present, and the live tally is counted by the domain's function under the profile's
rule for the purposes ticked (MCL 15.267(1): two-thirds of the members serving)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialogButtonBox,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from sciapp.domain.rollcall import ANSWERS, count_roll_call
from sciapp.domain.votes import VoteOption
from sciapp.gui.widgets.dialogs import Dialog
from sciapp.gui.widgets.pickers import picked_time, time_picker
from sciapp.gui.widgets.validated_form import error_label
from sciapp.services.errors import ServiceError
from sciapp.services.meetings.closed_records import ClosedSessionCall, ClosedSessionDraft

if TYPE_CHECKING:
    import datetime as dt
    from collections.abc import Callable

    from sciapp.domain.closed_sessions import ClosedSessionLaw
    from sciapp.services.meetings.roll_sheet import RollCall

NOBODY = "—"


class ClosedSessionDialog(Dialog):
    def __init__(
        self,
        parent: QWidget | None,
        law: ClosedSessionLaw,
        roll_call: Callable[[dt.time, tuple[str, ...]], RollCall],
        save: Callable[[ClosedSessionDraft], ClosedSessionCall],
        at: dt.time,
        item_id: int | None = None,
    ) -> None:
        super().__init__(parent)
        self.law, self._save, self.item_id = law, save, item_id
        self._fetch = roll_call
        self._rolls: dict[tuple[dt.time, tuple[str, ...]], RollCall] = {}
        self.outcome: ClosedSessionCall | None = None
        self.setWindowTitle(f"Move to meet in {law.name}")
        self.resize(760, 640)
        self.purposes = QListWidget()
        self.purposes.setAccessibleName("Purposes")
        self.purposes.setWordWrap(True)
        for purpose in law.purposes:
            entry = QListWidgetItem(f"({purpose.code}) {purpose.text} — {purpose.citation}")
            entry.setFlags(entry.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            entry.setCheckState(Qt.CheckState.Unchecked)
            entry.setData(Qt.ItemDataRole.UserRole, purpose.code)
            self.purposes.addItem(entry)
        self.moved_at = time_picker(at)
        self.moved_at.setAccessibleName("Moved at")
        self.mover = QComboBox()
        self.mover.setAccessibleName("Moved by")
        self.seconder = QComboBox()
        self.seconder.setAccessibleName("Seconded by")
        self.rule = QLabel()
        self.rule.setWordWrap(True)
        self.tally = QLabel()
        self.tally.setWordWrap(True)
        self.problem = error_label()
        self.votes: dict[int, QComboBox] = {}
        self.sheet_box = QGroupBox("Roll call of the members present")
        self.sheet_grid = QGridLayout()
        inner = QWidget()
        inner.setLayout(self.sheet_grid)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(inner)
        QVBoxLayout(self.sheet_box).addWidget(scroll)
        form = QFormLayout()
        form.addRow("Moved at:", self.moved_at)
        form.addRow("Moved by:", self.mover)
        form.addRow("Seconded by:", self.seconder)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.record_button = buttons.addButton(
            "&Record the vote", QDialogButtonBox.ButtonRole.AcceptRole
        )
        buttons.accepted.connect(lambda: self.record())
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(f"Purpose (only those {law.purposes_citation} permits):"))
        layout.addWidget(self.purposes, 2)
        layout.addLayout(form)
        layout.addWidget(self.rule)
        layout.addWidget(self.sheet_box, 2)
        layout.addWidget(self.tally)
        layout.addWidget(self.problem)
        layout.addWidget(buttons)
        self.purposes.itemChanged.connect(lambda _item: self._recount())
        self.moved_at.timeChanged.connect(lambda _t: self._load_sheet())
        self._load_sheet()

    @classmethod
    def run(
        cls,
        parent: QWidget | None,
        law: ClosedSessionLaw,
        roll_call: Callable[[dt.time, tuple[str, ...]], RollCall],
        save: Callable[[ClosedSessionDraft], ClosedSessionCall],
        at: dt.time,
        item_id: int | None = None,
    ) -> ClosedSessionCall | None:
        dialog = cls(parent, law, roll_call, save, at, item_id)
        return dialog.outcome if dialog.exec_and_free() else None

    # -- reading the form --------------------------------------------------------------------

    def codes(self) -> tuple[str, ...]:
        return tuple(
            str(self.purposes.item(i).data(Qt.ItemDataRole.UserRole))
            for i in range(self.purposes.count())
            if self.purposes.item(i).checkState() is Qt.CheckState.Checked
        )

    def _roll_call(self, at: dt.time, codes: tuple[str, ...]) -> RollCall:
        """Read once per moment and purposes: ticking a vote counts without the database."""
        key = (at, codes)
        if key not in self._rolls:
            self._rolls[key] = self._fetch(at, codes)
        return self._rolls[key]

    def _votes(self) -> dict[int, VoteOption]:
        return {
            member: VoteOption(combo.currentData())
            for member, combo in self.votes.items()
            if combo.currentData()
        }

    def _load_sheet(self) -> None:
        """Who is present at the moment moved, each with a vote to choose."""
        kept = self._votes()
        while self.sheet_grid.count():
            taken = self.sheet_grid.takeAt(0)
            widget = taken.widget() if taken is not None else None
            if widget is not None:
                widget.deleteLater()
        self.votes.clear()
        roll = self._roll_call(picked_time(self.moved_at), self.codes())
        present = [s for s in roll.sheet if s.present]
        for combo in (self.mover, self.seconder):
            chosen = combo.currentData()
            combo.clear()
            combo.addItem(NOBODY, None)
            for seat in present:
                combo.addItem(seat.name, seat.member_id)
            combo.setCurrentIndex(max(0, combo.findData(chosen)))
        for row, seat in enumerate(present):
            name = QLabel(seat.name + (" (chair)" if seat.is_chair else ""))
            combo = QComboBox()
            combo.setAccessibleName(f"Vote of {seat.name}")
            combo.addItem(NOBODY, "")
            for option in ANSWERS:
                combo.addItem(option.label, option.value)
            if seat.member_id in kept:
                combo.setCurrentIndex(combo.findData(kept[seat.member_id].value))
            combo.currentIndexChanged.connect(lambda _i: self._recount())
            self.sheet_grid.addWidget(name, row, 0)
            self.sheet_grid.addWidget(combo, row, 1)
            self.votes[seat.member_id] = combo
        self.sheet_grid.setColumnStretch(0, 1)
        self._recount()

    def _recount(self) -> None:
        roll = self._roll_call(picked_time(self.moved_at), self.codes())
        count = count_roll_call(roll.sheet, self._votes(), roll.rules)
        serving = len(roll.sheet)
        present = sum(1 for s in roll.sheet if s.present)
        label = roll.rules.rule.label
        article = "" if label.startswith("two-thirds") else "a "
        self.rule.setText(
            f"Needs {article}{label} ({self.law.rule_citation})"
            f"{', by roll call' if self.law.roll_call else ''}: {serving} serving, "
            f"{present} present."
        )
        if count.missing:
            self.tally.setText(
                f"Yes {count.cast(VoteOption.YES)} · No {count.cast(VoteOption.NO)} · "
                f"waiting for {len(count.missing)}"
            )
        else:
            self.tally.setText(count.outcome.explanation)

    def record(self) -> None:
        draft = ClosedSessionDraft(
            purposes=self.codes(),
            moved_at=picked_time(self.moved_at),
            votes=self._votes(),
            mover_id=self.mover.currentData(),
            seconder_id=self.seconder.currentData(),
            agenda_item_id=self.item_id,
        )
        try:
            self.outcome = self._save(draft)
        except ServiceError as exc:
            self.problem.setText(str(exc))
            return
        self.accept()
