"""The first start: set up the commission, explore the demo, or bring back a backup or an
archive. Nothing else asks questions on a first start."""

from __future__ import annotations

from enum import Enum
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QCommandLinkButton,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from sciapp.demo import load_demo
from sciapp.domain.bodies import Profile
from sciapp.gui.theme import colour
from sciapp.gui.widgets.dialogs import Dialog
from sciapp.gui.widgets.validated_form import error_label
from sciapp.services.errors import ServiceError
from sciapp.services.meetings.setup import CommissionSetup, set_up_commission
from sciapp.settings import Settings, os_user

if TYPE_CHECKING:
    from sciapp.services.workspace import Workspace


class Choice(Enum):
    SET_UP = "set up"
    DEMO = "demo"
    RESTORE = "restore"
    EMPTY = "empty"


class WelcomeDialog(Dialog):
    def __init__(
        self, workspace: Workspace, settings: Settings, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.workspace = workspace
        self.settings = settings
        self.choice = Choice.EMPTY
        self.setWindowTitle("Welcome to sciapp")
        self.pages = QStackedWidget()
        self.pages.addWidget(self._choices())
        self.pages.addWidget(self._setup_form())
        layout = QVBoxLayout(self)
        layout.addWidget(self.pages)
        self.resize(620, 440)

    def _choices(self) -> QWidget:
        page = QWidget()
        intro = QLabel(
            "<h2>Welcome to sciapp</h2><p>The register, meetings, votes and documents of your "
            "sister-city commission, kept safe on this computer.</p>"
            f"<p style='color:{colour('muted')}'>A new register was created at "
            f"{self.workspace.location}.</p>"
        )
        intro.setWordWrap(True)
        self.setup_button = QCommandLinkButton(
            "Set up our commission", "Its name, city and open-meetings rules; your name."
        )
        self.demo_button = QCommandLinkButton(
            "Explore the demo commission",
            "Lansing, Michigan: eleven partnerships, members, meetings and a council vote.",
        )
        self.restore_button = QCommandLinkButton(
            "Bring back our records", "From a sciapp backup (.sqlite3) or archive (.zip)."
        )
        self.empty_button = QPushButton("Start with an empty register")
        self.setup_button.clicked.connect(lambda: self.pages.setCurrentIndex(1))
        self.demo_button.clicked.connect(lambda: self._finish(Choice.DEMO))
        self.restore_button.clicked.connect(lambda: self._finish(Choice.RESTORE))
        self.empty_button.clicked.connect(lambda: self._finish(Choice.EMPTY))
        layout = QVBoxLayout(page)
        layout.addWidget(intro)
        for button in (self.setup_button, self.demo_button, self.restore_button):
            layout.addWidget(button)
        layout.addStretch(1)
        layout.addWidget(self.empty_button, 0, Qt.AlignmentFlag.AlignRight)
        return page

    def _setup_form(self) -> QWidget:
        page = QWidget()
        self.name = QLineEdit()
        self.name.setPlaceholderText("e.g. Lansing Regional Sister Cities Commission")
        self.city = QLineEdit()
        self.city.setPlaceholderText("e.g. Lansing, Michigan")
        self.profile = QComboBox()
        self.profile.setAccessibleName("Open-meetings profile")
        self.profile.addItem("Choose…", None)  # no state's rules are assumed
        for profile in Profile:
            self.profile.addItem(profile.label, profile)
        self.seats = QSpinBox()
        self.seats.setRange(1, 99)
        self.seats.setValue(7)
        self.user_name = QLineEdit(self.settings.user_name)
        self.user_name.setPlaceholderText(os_user())
        self.problem = error_label()
        form = QFormLayout()
        form.addRow("Commission &name:", self.name)
        form.addRow("&City and state:", self.city)
        form.addRow("&Open-meetings profile:", self.profile)  # the word its message uses
        form.addRow("&Seats:", self.seats)
        form.addRow("&Your name in the records:", self.user_name)
        buttons = QDialogButtonBox()
        self.create_button = buttons.addButton("Set up", QDialogButtonBox.ButtonRole.AcceptRole)
        back = buttons.addButton("Back", QDialogButtonBox.ButtonRole.RejectRole)
        self.create_button.clicked.connect(self._set_up)
        back.clicked.connect(lambda: self.pages.setCurrentIndex(0))
        layout = QVBoxLayout(page)
        layout.addWidget(QLabel("<h3>Set up the commission</h3>"))
        layout.addLayout(form)
        layout.addWidget(self.problem)
        layout.addStretch(1)
        layout.addWidget(buttons)
        return page

    def _set_up(self) -> None:
        setup = CommissionSetup(
            self.name.text(),
            self.city.text(),
            None if self.profile.currentData() is None else Profile(self.profile.currentData()),
            self.seats.value(),
        )
        settings = self.settings.with_changes(user_name=self.user_name.text().strip())
        self.workspace.audit.set_actor(settings.actor)  # the set-up is theirs in the history
        try:
            set_up_commission(self.workspace, setup)
        except ServiceError as exc:  # a ValidationError names the field
            self.problem.setText(str(exc))
            return
        self.settings = settings
        self._finish(Choice.SET_UP)

    def _finish(self, choice: Choice) -> None:
        self.choice = choice
        if choice is Choice.DEMO:
            load_demo(self.workspace)
        self.accept()

    @classmethod
    def run(
        cls, parent: QWidget | None, workspace: Workspace, settings: Settings
    ) -> tuple[Choice, Settings]:
        """What the user chose, and the settings as they now stand."""
        dialog = cls(workspace, settings, parent)
        dialog.exec_and_free()
        return dialog.choice, dialog.settings
