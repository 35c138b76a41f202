"""Add or edit a participant: name, taking part as (member, resident, student, chaperone, host
family), the commission member they are, and a student's chaperone."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtWidgets import QComboBox, QDialogButtonBox, QLineEdit, QVBoxLayout, QWidget

from sciapp.domain.activities import ParticipantRole
from sciapp.gui.widgets.dialogs import Dialog
from sciapp.gui.widgets.validated_form import ValidatedForm, error_label
from sciapp.services.activities.records import ParticipantDraft, ParticipantRecord

Save = Callable[[ParticipantDraft], ParticipantRecord]


class ParticipantDialog(Dialog):
    def __init__(
        self,
        parent: QWidget | None,
        title: str,
        members: Sequence[tuple[int, str]],
        chaperones: Sequence[tuple[int, str]],
        save: Save,
        record: ParticipantRecord | None = None,
    ) -> None:
        super().__init__(parent)
        self._save = save
        self.saved: int | None = None
        self.setWindowTitle(f"{'Edit' if record else 'Add'} participant: {title}")
        form = self.form = ValidatedForm()
        self.name = QLineEdit()
        form.add_field("name", "&Name:", self.name)
        self.role = QComboBox()
        for role in ParticipantRole:
            self.role.addItem(role.label, role.value)
        form.add_field("role", "Taking part &as:", self.role)
        self.member = QComboBox()
        self.member.addItem("(not a member)", None)
        for member_id, name in members:
            self.member.addItem(name, member_id)
        form.add_field("member_id", "Commission &member:", self.member)
        self.chaperone = QComboBox()
        self.chaperone.addItem("(none)", None)
        for person_id, name in chaperones:
            if record is None or person_id != record.id:
                self.chaperone.addItem(name, person_id)
        form.add_field("chaperone_id", "&Chaperone:", self.chaperone)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        self.problem = error_label()
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.problem)
        layout.addWidget(self.buttons)
        self.buttons.accepted.connect(self._accept)
        self.buttons.rejected.connect(self.reject)
        self.member.currentIndexChanged.connect(lambda _i: self._member_chosen())
        self.role.currentIndexChanged.connect(lambda _i: self._role_chosen())
        if record is not None:
            self.name.setText(record.name)
            self.role.setCurrentIndex(self.role.findData(record.role.value))
            self.member.setCurrentIndex(max(self.member.findData(record.member_id), 0))
            self.chaperone.setCurrentIndex(max(self.chaperone.findData(record.chaperone_id), 0))
        self._role_chosen()

    @classmethod
    def run(
        cls,
        parent: QWidget | None,
        title: str,
        members: Sequence[tuple[int, str]],
        chaperones: Sequence[tuple[int, str]],
        save: Save,
        record: ParticipantRecord | None = None,
    ) -> int | None:
        dialog = cls(parent, title, members, chaperones, save, record)
        return dialog.saved if dialog.exec_and_free() else None

    def _member_chosen(self) -> None:
        if self.member.currentData() is not None:
            if not self.name.text().strip():
                self.name.setText(self.member.currentText())
            self.role.setCurrentIndex(self.role.findData(ParticipantRole.MEMBER.value))

    def _role_chosen(self) -> None:
        student = self.role.currentData() == ParticipantRole.STUDENT.value
        self.chaperone.setEnabled(student)
        if not student:
            self.chaperone.setCurrentIndex(0)

    def draft(self) -> ParticipantDraft:
        return ParticipantDraft(
            name=self.name.text(),
            role=ParticipantRole(self.role.currentData()),
            member_id=self.member.currentData(),
            chaperone_id=self.chaperone.currentData(),
        )

    def _accept(self) -> None:
        saved = self.form.submit(self.problem, lambda: self._save(self.draft()))
        if saved is not None:
            self.saved = saved.id
            self.accept()
