"""Add or edit a partnership. Checks as you type; Save stays disabled until all is well."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import asdict, dataclass
from typing import TYPE_CHECKING

from PySide6.QtCore import QTimer
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from sciapp.domain.errors import InvalidInputError
from sciapp.domain.labels import describe_errors
from sciapp.domain.partnership import Kind, PartnershipDraft, parse_partnership
from sciapp.domain.status import Status
from sciapp.gui.widgets.country_combo import CountryCombo
from sciapp.gui.widgets.dialogs import Dialog
from sciapp.gui.widgets.partial_date_edit import PartialDateEdit
from sciapp.gui.widgets.validated_form import ValidatedForm, error_label
from sciapp.services.errors import ValidationError

if TYPE_CHECKING:
    from sciapp.gui.drafts import DraftStore


@dataclass(frozen=True)
class PartnershipForm:
    draft: PartnershipDraft
    initial: Status = Status.ACTIVE


Saver = Callable[[PartnershipForm], int]

TEXT_FIELDS = (
    ("partner_city", "Partner &city:", "e.g. Otsu"),
    ("partner_city_native", "Name in its own &script:", "e.g. 大津市, Санкт-Петербург"),
    ("partner_region", "&Region:", "province, prefecture or state"),
)
SIGNATORY_FIELDS = (
    ("local_signatory_name", "Our signatory:", "name"),
    ("local_signatory_title", "Our signatory's title:", "e.g. Mayor"),
    ("partner_signatory_name", "Partner's signatory:", "name"),
    ("partner_signatory_title", "Partner signatory's title:", "e.g. Mayor of Otsu"),
)


class PartnershipDialog(Dialog):
    """Use `PartnershipDialog.run(...)`: it returns the saved partnership's id or None."""

    def __init__(
        self,
        parent: QWidget | None,
        locale: str,
        draft: PartnershipDraft,
        save: Saver,
        creating: bool,
        drafts: DraftStore | None = None,
        draft_key: str = "",
    ) -> None:
        super().__init__(parent)
        self._drafts = drafts
        self._draft_key = draft_key
        self._save = save
        self._creating = creating
        self.saved_id: int | None = None
        self.setWindowTitle("New partnership" if creating else "Edit partnership")
        self.setMinimumWidth(560)
        self.resize(620, 700)
        self.form = ValidatedForm()
        self.inputs: dict[str, QWidget] = {}
        self._build(locale)
        self._load(draft)
        self._original = self.draft()
        self._connect()
        self._validate()
        # While typing, the form is kept as a draft: a crash loses at most half a second.
        self._keep_timer = QTimer(self)
        self._keep_timer.setSingleShot(True)
        self._keep_timer.setInterval(500)
        self._keep_timer.timeout.connect(self.keep_draft)

    @property
    def changed(self) -> bool:
        return self.draft() != self._original

    def keep_draft(self) -> None:
        if self._drafts is None or not self._draft_key:
            return
        if self.changed:
            draft = self.draft()
            self._drafts.save(self._draft_key, draft.partner_city or "(no city yet)", asdict(draft))
        else:
            self._drafts.discard(self._draft_key)

    def _forget_draft(self) -> None:
        self._keep_timer.stop()
        if self._drafts is not None and self._draft_key:
            self._drafts.discard(self._draft_key)

    def reject(self) -> None:
        """Cancel, Esc or the close button: unsaved changes are never dropped silently."""
        if self.changed:
            answer = QMessageBox.question(
                self,
                self.windowTitle(),
                "Discard the changes you typed in this form?",
                QMessageBox.StandardButton.Discard | QMessageBox.StandardButton.Cancel,
                QMessageBox.StandardButton.Cancel,
            )
            if answer != QMessageBox.StandardButton.Discard:
                return
        self._forget_draft()
        super().reject()

    def accept(self) -> None:
        self._forget_draft()
        super().accept()

    @classmethod
    def run(
        cls,
        parent: QWidget | None,
        locale: str,
        draft: PartnershipDraft,
        save: Saver,
        creating: bool,
        drafts: DraftStore | None = None,
        draft_key: str = "",
    ) -> int | None:
        dialog = cls(parent, locale, draft, save, creating, drafts, draft_key)
        return dialog.saved_id if dialog.exec_and_free() else None

    # -- building --------------------------------------------------------------------------

    def _build(self, locale: str) -> None:
        form = self.form
        self._section("Partner")
        self.kind = QComboBox()
        for kind in Kind:
            self.kind.addItem(kind.label, kind.value)
        form.add_field("kind", "&Kind:", self.kind)
        for name, label, hint in TEXT_FIELDS:
            self._line(name, label, hint)
        self.country = CountryCombo(locale)
        form.add_field("partner_country", "C&ountry:", self.country, "Partner country")
        self.inputs["partner_country"] = self.country
        self._section("Agreement")
        self._line("local_jurisdiction", "&Local jurisdiction:", "e.g. Lansing, Michigan")
        self.established = PartialDateEdit(locale)
        form.add_field("established", "&Established:", self.established)
        self.initial = QComboBox()
        self.initial.addItem("Active", Status.ACTIVE.value)
        self.initial.addItem("Proposed", Status.PROPOSED.value)
        if self._creating:
            form.add_field("status", "&Status:", self.initial, "Starting status")
        for name, label, hint in SIGNATORY_FIELDS:
            self._line(name, label, hint)
        expiry = QWidget()
        row = QHBoxLayout(expiry)
        row.setContentsMargins(0, 0, 0, 0)
        self.no_expiry = QCheckBox("&No expiry")
        self.no_expiry.setAccessibleName("No expiry")
        self.expires = PartialDateEdit(locale)
        self.expires.setAccessibleName("End date")
        row.addWidget(self.no_expiry)
        row.addWidget(self.expires, 1)
        form.add_field("expires", "Ex&pires:", expiry, "Expiry")
        self._section("Notes")
        self.notes = QPlainTextEdit()
        self.notes.setTabChangesFocus(True)
        self.notes.setMinimumHeight(70)
        form.add_field("notes", "No&tes:", self.notes)

        body = QWidget()
        body.setLayout(form)
        scroll = QScrollArea()
        scroll.setWidget(body)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        self.save_button = self.buttons.button(QDialogButtonBox.StandardButton.Save)
        self.problem = error_label()
        self.problem.setObjectName("formProblem")
        layout = QVBoxLayout(self)
        layout.addWidget(scroll, 1)
        layout.addWidget(self.problem)
        layout.addWidget(self.buttons)
        self.buttons.accepted.connect(self._accept)
        self.buttons.rejected.connect(self.reject)

    def _section(self, title: str) -> None:
        label = QLabel(title)
        font = QFont(label.font())
        font.setBold(True)
        label.setFont(font)
        self.form.addRow(label)

    def _line(self, name: str, label: str, hint: str) -> None:
        edit = QLineEdit()
        edit.setPlaceholderText(hint)
        self.inputs[name] = edit
        self.form.add_field(name, label, edit)

    # -- data ------------------------------------------------------------------------------

    def _load(self, draft: PartnershipDraft) -> None:
        self.kind.setCurrentIndex(max(0, self.kind.findData(draft.kind)))
        for name, edit in self.inputs.items():
            if isinstance(edit, QLineEdit):
                edit.setText(getattr(draft, name))
        self.country.set_code(draft.partner_country)
        self.established.setText(draft.established)
        self.no_expiry.setChecked(draft.no_expiry)
        self.expires.setText(draft.expires)
        self.expires.setEnabled(not draft.no_expiry)
        self.notes.setPlainText(draft.notes)

    def draft(self) -> PartnershipDraft:
        texts = {n: e.text() for n, e in self.inputs.items() if isinstance(e, QLineEdit)}
        return PartnershipDraft(
            kind=self.kind.currentData(),
            partner_country=self.country.code() or self.country.text(),
            established=self.established.text(),
            no_expiry=self.no_expiry.isChecked(),
            expires=self.expires.text(),
            notes=self.notes.toPlainText(),
            **texts,
        )

    def _connect(self) -> None:
        def touched(name: str) -> Callable[..., None]:
            def edited(*_: object) -> None:
                self.form.touch(name)
                self._validate()
                self._keep_timer.start()

            return edited

        for name, edit in self.inputs.items():
            if isinstance(edit, QLineEdit):
                edit.textChanged.connect(touched(name))
        self.country.codeChanged.connect(touched("partner_country"))
        self.established.textChanged.connect(touched("established"))
        self.expires.textChanged.connect(touched("expires"))
        self.no_expiry.toggled.connect(self.expires.setDisabled)
        self.no_expiry.toggled.connect(touched("expires"))
        self.notes.textChanged.connect(touched("notes"))
        self.kind.currentIndexChanged.connect(touched("kind"))

    def _validate(self) -> dict[str, str]:
        try:
            parse_partnership(self.draft())
            errors: dict[str, str] = {}
        except InvalidInputError as exc:
            errors = exc.errors
        self.form.show_errors(errors)
        self.save_button.setEnabled(not errors)
        self.save_button.setToolTip(
            "Fix: " + describe_errors(errors, "partnership") if errors else ""
        )
        self.problem.clear()
        return errors

    def _accept(self) -> None:
        self.form.touch_all()
        if self._validate():
            return
        initial = Status(self.initial.currentData())
        try:
            self.saved_id = self._save(PartnershipForm(self.draft(), initial))
        except ValidationError as exc:
            self.form.show_errors(exc.errors)
            self.problem.setText(str(exc))
            return
        self.accept()
