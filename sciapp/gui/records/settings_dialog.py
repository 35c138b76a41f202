"""Settings that belong to the person and the machine: the name in the audit trail, backups."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from sciapp.gui.theme import THEMES, themed
from sciapp.gui.widgets.dialogs import Dialog
from sciapp.gui.widgets.pickers import date_picker, picked_date
from sciapp.settings import Settings, os_user

if TYPE_CHECKING:
    from collections.abc import Callable


class SettingsDialog(Dialog):
    def __init__(
        self,
        settings: Settings,
        default_backups: str,
        parent: QWidget | None = None,
        database: str = "",
        letterhead: Callable[[], object] | None = None,
        shown: str = "",
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle("Settings")
        self.move_to: Path | None = None
        self.database = database
        self.theme = QComboBox()
        for key, label in THEMES.items():
            self.theme.addItem(label, key)
        self.theme.setCurrentIndex(max(0, self.theme.findData(settings.theme)))
        self.letterhead_button = QPushButton("&Letterhead, signers and paper…")
        self.letterhead_button.setEnabled(letterhead is not None)
        if letterhead is not None:
            self.letterhead_button.clicked.connect(lambda: letterhead())
        self.database_label = QLabel(shown or database)
        self.database_label.setWordWrap(True)
        self.database_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.move_button = QPushButton("&Move…")
        self.move_button.setToolTip(
            "Copy the database to another folder, checked, and use it there"
        )
        self.move_button.setEnabled(bool(database))
        self.move_button.clicked.connect(lambda: self._choose_move())
        self.user_name = QLineEdit(settings.user_name)
        self.user_name.setPlaceholderText(f"{os_user()} (the computer's user name)")
        self.user_name.setAccessibleName("Your name in the history")
        self.backup_folder = QLineEdit(settings.backup_folder)
        self.backup_folder.setPlaceholderText(default_backups)
        self.backup_folder.setAccessibleName("Backup folder")
        browse = QPushButton("&Browse…")
        browse.clicked.connect(lambda: self._browse())
        folder_row = QHBoxLayout()
        folder_row.addWidget(self.backup_folder, 1)
        folder_row.addWidget(browse)
        self.keep = QSpinBox()
        self.keep.setRange(1, 1000)
        self.keep.setValue(settings.backup_keep)
        self.keep.setSuffix(" newest backups")
        self.months = QSpinBox()
        self.months.setRange(0, 120)
        self.months.setValue(settings.backup_months)
        self.months.setSuffix(" months")
        self.dormant = QSpinBox()  # the Start page's "due for review" (domain/dormancy.py)
        self.dormant.setRange(1, 50)
        self.dormant.setValue(settings.dormant_years)
        self.dormant.setSuffix(" years without activity")
        # SCI sets its Annual Awards deadline each round: no date is assumed (Start page).
        due = settings.awards_due
        self.awards_set = QCheckBox("Entries due on")
        self.awards_set.setChecked(due is not None)
        self.awards_due = date_picker(due or dt.date.today())  # unset: a date to start from
        self.awards_due.setAccessibleName("SCI Annual Awards entries due")
        self.awards_due.setEnabled(due is not None)
        self.awards_set.toggled.connect(self.awards_due.setEnabled)
        self.daily = QCheckBox("Also back up once a day while sciapp is open")
        self.daily.setChecked(settings.daily_backups)

        form = QFormLayout()
        where = QHBoxLayout()
        where.addWidget(self.database_label, 1)
        where.addWidget(self.move_button)
        form.addRow("Database:", where)
        form.addRow("Your &name:", self.user_name)
        hint = QLabel("Changes you make are recorded in each record's history under this name.")
        hint.setWordWrap(True)
        themed(hint, "color: {muted};")
        form.addRow("", hint)
        folder_label = QLabel("Backup &folder:")
        folder_label.setBuddy(self.backup_folder)
        form.addRow(folder_label, folder_row)
        form.addRow("&Keep:", self.keep)
        form.addRow("plus one a month for:", self.months)
        form.addRow("", self.daily)
        form.addRow("&Theme:", self.theme)
        form.addRow("Documents:", self.letterhead_button)
        form.addRow("&Review a tie after:", self.dormant)
        awards = QHBoxLayout()
        awards.addWidget(self.awards_set)
        awards.addWidget(self.awards_due, 1)
        awards_label = QLabel("SCI Annual &Awards:")
        awards_label.setBuddy(self.awards_set)
        form.addRow(awards_label, awards)
        note = QLabel(
            "sciapp backs up the database when it starts and when it closes. Backups are "
            "checked before they are kept, and an interrupted one never replaces a good one."
        )
        note.setWordWrap(True)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(note)
        layout.addWidget(buttons)
        self.resize(560, self.sizeHint().height())

    def _browse(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, "Backup folder", self.backup_folder.text())
        if folder:
            self.backup_folder.setText(folder)

    def _choose_move(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, "Move the database to", "")
        if folder:
            self.move_to = Path(folder) / Path(self.database).name
            self.database_label.setText(f"{self.database}\n→ moves to {self.move_to} on Save")

    def result_settings(self, base: Settings) -> Settings:
        return base.with_changes(
            theme=self.theme.currentData(),
            # The move itself (and the new path) is settled once the copy has been checked.
            user_name=self.user_name.text().strip(),
            backup_folder=self.backup_folder.text().strip(),
            backup_keep=self.keep.value(),
            backup_months=self.months.value(),
            daily_backups=self.daily.isChecked(),
            dormant_years=self.dormant.value(),
            sci_awards_due=(
                picked_date(self.awards_due).isoformat() if self.awards_set.isChecked() else ""
            ),
        )

    @classmethod
    def edit(
        cls,
        parent: QWidget | None,
        settings: Settings,
        default_backups: str,
        database: str = "",
        letterhead: Callable[[], object] | None = None,
        shown: str = "",
    ) -> tuple[Settings, Path | None] | None:
        """The changed settings and where to move the database (if asked), or None."""
        dialog = cls(settings, default_backups, parent, database, letterhead, shown)
        if not dialog.exec_and_free():
            return None
        return dialog.result_settings(settings), dialog.move_to
