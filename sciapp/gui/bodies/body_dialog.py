"""Create or edit a body: name, kind, seats, quorum rule, open-meetings profile, usual agenda,
the time zone it meets in (a searchable list of IANA names), and its own letterhead and signers
(what its resolutions, minutes and letters print on)."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QCompleter,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from sciapp.domain.bodies import BodyKind, Profile, QuorumRule
from sciapp.domain.votes import ChairVoting, VoteRule
from sciapp.gui.widgets.dialogs import Dialog
from sciapp.gui.widgets.pickers import picked_time, time_picker
from sciapp.gui.widgets.validated_form import error_label
from sciapp.services.documents.records import LetterheadSettings
from sciapp.services.errors import ValidationError
from sciapp.services.meetings.bodies import DEFAULT_AGENDA
from sciapp.services.meetings.records import Usual

if TYPE_CHECKING:
    from collections.abc import Callable

    from sciapp.services.meetings.records import BodyRecord

QUORUM_CHOICES = (
    ("in_office", "Majority of members in office (Robert's Rules)"),
    ("seats", "Majority of all seats, vacant or not"),
    ("fixed", "A fixed number"),
)


@dataclass(frozen=True)
class BodyForm:
    name: str
    kind: BodyKind
    seats: int
    profile: Profile
    quorum: QuorumRule
    usual_agenda: tuple[str, ...]
    default_rule: str = "majority-cast"
    chair_voting: str = "always"
    letterhead: LetterheadSettings | None = None  # its own; None: the general letterhead
    usual: Usual = field(default_factory=Usual)  # when and where it usually meets
    time_zone: str | None = None  # an IANA name; None: the default (its profile's state's)


class BodyDialog(Dialog):
    """`BodyDialog.run(...)` saves through `save` and returns the body's id, or None."""

    def __init__(
        self,
        parent: QWidget | None,
        body: BodyRecord | None,
        save: Callable[[BodyForm], int],
        general: LetterheadSettings | None = None,
        default_zone: Callable[[str], str] | None = None,
    ) -> None:
        super().__init__(parent)
        self._default_zone = default_zone
        self.setWindowTitle("Edit body" if body else "New body")
        self.resize(520, 520)
        self._save = save
        self.saved_id: int | None = None
        self.name = QLineEdit(body.name if body else "")
        self.name.setPlaceholderText("e.g. Sister Cities Commission")
        self.kind = QComboBox()
        for kind in BodyKind:
            self.kind.addItem(kind.label, kind.value)
        self.seats = QSpinBox()
        self.seats.setRange(1, 200)
        self.seats.setValue(body.seats if body else 9)
        self.quorum = QComboBox()
        for key, label in QUORUM_CHOICES:
            self.quorum.addItem(label, key)
        self.fixed = QSpinBox()
        self.fixed.setRange(1, 200)
        self.profile = QComboBox()
        for profile in Profile:
            self.profile.addItem(profile.label, profile.value)
        self.rule = QComboBox()
        for rule in VoteRule:
            self.rule.addItem(rule.label.capitalize(), rule.value)
        self.chair = QComboBox()
        self.chair.addItem("Votes like any member", ChairVoting.ALWAYS.value)
        self.chair.addItem("Votes only to make or break a tie", ChairVoting.TIE_ONLY.value)
        if body:
            self.rule.setCurrentIndex(self.rule.findData(body.default_rule))
            self.chair.setCurrentIndex(self.chair.findData(body.chair_voting))
        usual = body.usual if body else Usual()
        self.usual_time = time_picker(usual.start_time)
        self.usual_place = QLineEdit(usual.place)
        self.usual_place.setPlaceholderText("e.g. City Hall, Room 10")
        self.usual_place.setCursorPosition(0)  # its start, where a long place begins
        usual_row = QWidget()
        line = QHBoxLayout(usual_row)
        line.setContentsMargins(0, 0, 0, 0)
        line.addWidget(self.usual_time)
        in_label = QLabel("&in")
        in_label.setBuddy(self.usual_place)
        line.addWidget(in_label)
        line.addWidget(self.usual_place, 1)
        self.time_zone = _zone_chooser(body.time_zone if body else None)
        self.agenda = QPlainTextEdit("\n".join(body.usual_agenda if body else DEFAULT_AGENDA))
        self.agenda.setTabChangesFocus(True)
        # Its own letterhead and signers, or the general one (Documents ▸ Letterhead …).
        self.general = general or LetterheadSettings()
        self.letterhead: LetterheadSettings | None = body.letterhead if body else None
        self.letterhead_note = QLabel()
        self.letterhead_note.setWordWrap(True)
        self.letterhead_button = QPushButton("&Own letterhead and signers…")
        self.general_button = QPushButton("Use the &general letterhead")
        self.letterhead_button.clicked.connect(lambda: self.edit_letterhead())
        self.general_button.clicked.connect(lambda: self.use_general())
        letterhead_row = QWidget()
        column = QVBoxLayout(letterhead_row)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(self.letterhead_note)
        row = QHBoxLayout()
        row.addWidget(self.letterhead_button)
        row.addWidget(self.general_button)
        row.addStretch(1)
        column.addLayout(row)
        self._show_letterhead()
        self.problem = error_label()
        if body:
            self.kind.setCurrentIndex(self.kind.findData(body.kind.value))
            self.profile.setCurrentIndex(self.profile.findData(body.profile.value))
            key = (
                "fixed"
                if body.quorum.fixed
                else "seats"
                if body.quorum.count_seats
                else "in_office"
            )
            self.quorum.setCurrentIndex(self.quorum.findData(key))
            self.fixed.setValue(body.quorum.fixed or 1)
        form = QFormLayout()
        for label, widget in (
            ("&Name:", self.name),
            ("&Kind:", self.kind),
            ("&Seats:", self.seats),
            ("&Quorum:", self.quorum),
            ("F&ixed quorum:", self.fixed),
            ("Open-meetings &profile:", self.profile),
            ("Motions &need by default:", self.rule),
            ("The c&hair:", self.chair),
            ("Usually &meets at:", usual_row),
            ("&Time zone:", self.time_zone),
            ("&Usual agenda (one item a line):", self.agenda),
            ("Letterhead:", letterhead_row),
        ):
            form.addRow(label, widget)
            widget.setAccessibleName(label.replace("&", "").rstrip(":"))
        usual_label = form.labelForField(usual_row)
        if isinstance(usual_label, QLabel):
            usual_label.setBuddy(self.usual_time)
        self.usual_time.setAccessibleName("Usually meets at")
        self.usual_place.setAccessibleName("Usually meets in")
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.problem)
        layout.addWidget(buttons)
        self.quorum.currentIndexChanged.connect(self._quorum_changed)
        self._quorum_changed()
        self.profile.currentIndexChanged.connect(self._profile_changed)
        self._profile_changed()

    @classmethod
    def run(
        cls,
        parent: QWidget | None,
        body: BodyRecord | None,
        save: Callable[[BodyForm], int],
        general: LetterheadSettings | None = None,
        default_zone: Callable[[str], str] | None = None,
    ) -> int | None:
        """`general`: the register's general letterhead, where a body's own starts from;
        `default_zone`: the zone a body of a profile without one of its own meets in."""
        dialog = cls(parent, body, save, general, default_zone)
        return dialog.saved_id if dialog.exec_and_free() else None

    def _show_letterhead(self) -> None:
        head = self.letterhead
        if head is None:
            self.letterhead_note.setText(f"The general letterhead: {self.general.name}")
        else:
            signer = ", ".join(p for p in (head.presiding.name, head.presiding.title) if p)
            self.letterhead_note.setText(
                f"Its own: {head.name}" + (f"; {signer}" if signer else "")
            )
        self.general_button.setEnabled(head is not None)

    def edit_letterhead(self) -> None:
        """The body's own letterhead and signers, starting from what it prints on now."""
        from sciapp.gui.documents.letterhead_dialog import LetterheadDialog

        name = self.name.text().strip() or "the body"
        chosen = LetterheadDialog.ask(
            self, self.letterhead or self.general, f"Letterhead and signers of {name}"
        )
        if chosen is not None:
            self.letterhead = chosen
            self._show_letterhead()

    def use_general(self) -> None:
        self.letterhead = None
        self._show_letterhead()

    def _quorum_changed(self) -> None:
        self.fixed.setEnabled(self.quorum.currentData() == "fixed")

    def _profile_changed(self) -> None:
        """The first choice names the zone a body without one of its own is in."""
        from sciapp.domain.time_zones import body_zone, zone_name

        profile = self.profile.currentData()
        if self._default_zone is not None:  # the register's: its commission's state too
            default = self._default_zone(profile)
        else:
            default = zone_name(body_zone(None, profile))
        self.time_zone.setItemText(0, f"{DEFAULT_ZONE} ({default})")

    def chosen_zone(self) -> str | None:
        """The chosen IANA name; None for the default; the one zone a city typed names
        ("chicago", "new york": America/Chicago, America/New_York); else what was typed,
        for the service to check."""
        text = self.time_zone.currentText().strip()
        index = self.time_zone.findText(text)
        if index >= 0:
            return self.time_zone.itemData(index)
        if not text or text.startswith(DEFAULT_ZONE):
            return None
        city = text.replace(" ", "_").casefold()
        names = [str(self.time_zone.itemData(i)) for i in range(1, self.time_zone.count())]
        named = [name for name in names if name.rsplit("/", 1)[-1].casefold() == city]
        return named[0] if len(named) == 1 else text

    def form(self) -> BodyForm:
        key = self.quorum.currentData()
        quorum = QuorumRule(self.fixed.value() if key == "fixed" else None, key == "seats")
        return BodyForm(
            name=self.name.text(),
            kind=BodyKind(self.kind.currentData()),
            seats=self.seats.value(),
            profile=Profile(self.profile.currentData()),
            quorum=quorum,
            usual_agenda=tuple(self.agenda.toPlainText().splitlines()),
            default_rule=self.rule.currentData(),
            chair_voting=self.chair.currentData(),
            letterhead=self.letterhead,
            usual=Usual(picked_time(self.usual_time), self.usual_place.text()),
            time_zone=self.chosen_zone(),
        )

    def accept(self) -> None:
        try:
            self.saved_id = self._save(self.form())
        except ValidationError as exc:
            self.problem.setText(str(exc))
            return
        super().accept()


DEFAULT_ZONE = "Default"


def _zone_chooser(current: str | None) -> QComboBox:
    """Every IANA zone name, searched as typed (any part of the name: "detroit", "paris")."""
    from sciapp.domain.time_zones import zone_names

    combo = QComboBox()
    combo.setEditable(True)
    combo.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
    combo.addItem(DEFAULT_ZONE, None)
    for name in zone_names():
        combo.addItem(name, name)
    completer = QCompleter(combo.model(), combo)
    completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
    completer.setFilterMode(Qt.MatchFlag.MatchContains)
    completer.setCompletionMode(QCompleter.CompletionMode.PopupCompletion)
    combo.setCompleter(completer)
    if current:
        index = combo.findData(current)
        if index >= 0:
            combo.setCurrentIndex(index)
        else:  # a name this computer's zone database lacks: kept as it is
            combo.addItem(current, current)
            combo.setCurrentIndex(combo.count() - 1)
    return combo
