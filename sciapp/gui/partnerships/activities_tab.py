"""The Activities tab of a partnership: its exchanges, delegations and events; the selected
one's participants and files (attached into the register, opened or saved from it). Read
only while the tab is showing, so browsing the register stays one query per row."""

from __future__ import annotations

import tempfile
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QUrl
from PySide6.QtGui import QDesktopServices, QShowEvent
from PySide6.QtWidgets import (
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from sciapp.domain.formats import short_date
from sciapp.gui.activities.activity_dialog import ActivityDialog
from sciapp.gui.activities.common import record_table, selected_row, warn
from sciapp.gui.activities.models import RecordsModel
from sciapp.gui.activities.participant_dialog import ParticipantDialog
from sciapp.gui.bus import areas
from sciapp.gui.widgets.dialogs import confirm_delete
from sciapp.gui.widgets.file_dialogs import ask_open_path, ask_save_path
from sciapp.services.changes import Area
from sciapp.services.errors import ServiceError

if TYPE_CHECKING:
    from collections.abc import Callable

    from sciapp.gui.bus import ChangeBus
    from sciapp.services.activities.records import (
        ActivityRecord,
        FileRecord,
        ParticipantDraft,
        ParticipantRecord,
    )
    from sciapp.services.workspace import Workspace


def _size(size: int) -> str:
    return f"{size:,} bytes" if size < 10_000 else f"{size / 1024:,.0f} KB"


_KINDS = {"application/pdf": "PDF", "text/plain": "Text", "text/csv": "CSV"}


def _kind(media_type: str) -> str:
    """A file's type as a clerk says it ("PDF", "JPEG image"), not "application/pdf"."""
    if media_type in _KINDS:
        return _KINDS[media_type]
    major, _, minor = media_type.partition("/")
    if major in ("image", "video", "audio") and minor:
        return f"{minor.removeprefix('x-').upper()} {major}"
    if "wordprocessing" in minor or minor == "msword":
        return "Word document"
    if "spreadsheet" in minor or minor == "vnd.ms-excel":
        return "Spreadsheet"
    return "File" if media_type in ("", "application/octet-stream") else media_type


class ActivitiesTab(QWidget):
    def __init__(self, workspace: Workspace, bus: ChangeBus, locale: str) -> None:
        super().__init__()
        self.workspace = workspace
        self.service = workspace.activities
        self.bus = bus
        self._locale = locale
        self._pid: int | None = None
        self._city = ""
        self._shown: int | None = -1
        self.model: RecordsModel[ActivityRecord] = RecordsModel(
            [
                ("Starts", lambda a: short_date(a.starts_on, locale)),
                ("Kind", lambda a: a.kind.label),
                ("Title", lambda a: a.title),
                ("People", lambda a: str(len(a.participants))),
                ("Budget", lambda a: a.budget_text if a.budget_cents is not None else ""),
                ("Spent", lambda a: a.spent_line),
            ],
            self,
        )
        self.table = record_table(self.model, "Activities")
        self.people: RecordsModel[ParticipantRecord] = RecordsModel(
            [
                ("Name", lambda p: p.name),
                ("Taking part as", lambda p: p.role.label),
                ("Chaperone", lambda p: p.chaperone_name),
            ],
            self,
        )
        self.people_table = record_table(self.people, "Participants")
        self.files: RecordsModel[FileRecord] = RecordsModel(
            [
                ("File", lambda f: f.name),
                ("Type", lambda f: _kind(f.media_type)),
                ("Size", lambda f: _size(f.size)),
            ],
            self,
        )
        self.files_table = record_table(self.files, "Files")
        self.empty = QLabel()
        self.empty.setWordWrap(True)
        self.new_button = QPushButton("&New activity…")
        self.edit_button = QPushButton("&Edit…")
        self.delete_button = QPushButton("De&lete")
        self.travel_button = QPushButton("Draft travel re&quest…")
        self.travel_button.setToolTip("A letter to the council or the partner, or an agenda item")
        self.add_person = QPushButton("Add &participant…")
        self.edit_person = QPushButton("Edit participant…")
        self.remove_person = QPushButton("Remove participant")
        self.attach = QPushButton("A&ttach file…")
        self.open_file = QPushButton("&Open")
        self.save_file = QPushButton("Save cop&y…")
        self.remove_file = QPushButton("Remove file")
        layout = QVBoxLayout(self)
        layout.addLayout(
            self._row(self.new_button, self.edit_button, self.delete_button, self.travel_button)
        )
        layout.addWidget(self.empty)
        layout.addWidget(self.table, 1)
        people = QGroupBox("Participants")
        column = QVBoxLayout(people)
        column.addWidget(self.people_table)
        column.addLayout(self._row(self.add_person, self.edit_person, self.remove_person))
        files = QGroupBox("Files (kept in the register)")
        column = QVBoxLayout(files)
        column.addWidget(self.files_table)
        column.addLayout(self._row(self.attach, self.open_file, self.save_file, self.remove_file))
        below = QHBoxLayout()  # side by side: each list gets the height
        below.addWidget(people, 1)
        below.addWidget(files, 1)
        layout.addLayout(below, 2)
        self.new_button.clicked.connect(lambda: self.new_activity())
        self.edit_button.clicked.connect(lambda: self.edit_activity())
        self.delete_button.clicked.connect(lambda: self.delete_activity())
        self.travel_button.clicked.connect(lambda: self.draft_travel_request())
        self.add_person.clicked.connect(lambda: self.edit_participant(None))
        self.edit_person.clicked.connect(lambda: self.edit_participant(self._person()))
        self.remove_person.clicked.connect(lambda: self.remove_participant())
        self.attach.clicked.connect(lambda: self.attach_file())
        self.open_file.clicked.connect(lambda: self.open_selected_file())
        self.save_file.clicked.connect(lambda: self.save_selected_file())
        self.remove_file.clicked.connect(lambda: self.remove_selected_file())
        self.table.doubleClicked.connect(lambda _i: self.edit_activity())
        self.table.selectionModel().selectionChanged.connect(lambda *_: self._show_current())
        self.people_table.selectionModel().selectionChanged.connect(lambda *_: self._enable())
        self.files_table.selectionModel().selectionChanged.connect(lambda *_: self._enable())
        bus.watch(self, areas(Area.ACTIVITIES, Area.PARTNERSHIPS), self.refresh)
        self._enable()

    @staticmethod
    def _row(*buttons: QPushButton) -> QHBoxLayout:
        row = QHBoxLayout()
        for button in buttons:
            row.addWidget(button)
        row.addStretch(1)
        return row

    # -- showing ---------------------------------------------------------------------------

    def show_partnership(self, pid: int | None, city: str = "") -> None:
        self._pid, self._city = pid, city
        if self.isVisible():
            self.refresh()

    def showEvent(self, event: QShowEvent) -> None:
        if self._shown != self._pid:
            self.refresh()
        super().showEvent(event)

    def refresh(self) -> None:
        self._shown = self._pid
        chosen = self.current()
        try:
            records = self.service.list(self._pid) if self._pid is not None else []
        except ServiceError:
            records = []
        self.model.set_records(records)
        if self._pid is None:
            self.empty.setText("Select a partnership to see its activities.")
        elif not records:
            self.empty.setText(f"No activities with {self._city} recorded yet.")
        self.empty.setVisible(self._pid is None or not records)
        ids = [r.id for r in records]
        row = ids.index(chosen.id) if chosen is not None and chosen.id in ids else len(ids) - 1
        if row >= 0:
            self.table.selectRow(row)
        self._show_current()

    def current(self) -> ActivityRecord | None:
        return self.model.record(selected_row(self.table))

    def _person(self) -> ParticipantRecord | None:
        return self.people.record(selected_row(self.people_table))

    def _file(self) -> FileRecord | None:
        return self.files.record(selected_row(self.files_table))

    def _show_current(self) -> None:
        activity = self.current()
        self.people.set_records(activity.participants if activity else ())
        self.files.set_records(activity.files if activity else ())
        self._enable()

    def _enable(self) -> None:
        has_tie, activity = self._pid is not None, self.current() is not None
        self.new_button.setEnabled(has_tie)
        for button in (
            self.edit_button,
            self.delete_button,
            self.travel_button,
            self.add_person,
            self.attach,
        ):
            button.setEnabled(activity)
        for button in (self.edit_person, self.remove_person):
            button.setEnabled(self._person() is not None)
        for button in (self.open_file, self.save_file, self.remove_file):
            button.setEnabled(self._file() is not None)

    # -- activities ------------------------------------------------------------------------

    def new_activity(self) -> None:
        if self._pid is None:
            return
        saved = ActivityDialog.run(
            self, self._pid, self._city, self.service.motion_choices(), self.service.add
        )
        if saved is not None:
            self.bus.say("Activity added.")
            self._select(saved)

    def edit_activity(self) -> None:
        activity = self.current()
        if activity is None:
            return
        saved = ActivityDialog.run(
            self,
            activity.partnership_id,
            self._city,
            self.service.motion_choices(),
            lambda draft: self.service.update(activity.id, draft),
            activity,
        )
        if saved is not None:
            self.bus.say("Activity saved.")

    def delete_activity(self) -> None:
        activity = self.current()
        if activity is None:
            return
        text = (
            f"Delete “{activity.title}” with its {len(activity.participants)} participants and "
            f"{len(activity.files)} files? Gifts made at it stay with the partnership."
        )
        if confirm_delete(self, "Delete activity", text):
            self._act(lambda: self.service.delete(activity.id), "Activity deleted.")

    def draft_travel_request(self) -> None:
        """A letter draft or an agenda item from the activity (gui/activities/travel_dialog)."""
        from sciapp.gui.activities.travel_dialog import TravelRequestDialog

        activity = self.current()
        if activity is None:
            return
        said = TravelRequestDialog.run(self.workspace, self.bus, activity, self, self._locale)
        if said:
            self.bus.say(said)

    def _select(self, activity_id: int) -> None:
        ids = [r.id for r in self.model.records]
        if activity_id in ids:
            self.table.selectRow(ids.index(activity_id))

    def _act(self, write: Callable[[], object], said: str) -> bool:
        try:
            write()
        except ServiceError as exc:
            warn(self, "Activities", str(exc))
            return False
        self.bus.say(said)
        return True

    # -- participants ----------------------------------------------------------------------

    def edit_participant(self, person: ParticipantRecord | None) -> None:
        activity = self.current()
        if activity is None:
            return
        chaperones = [(p.id, p.name) for p in activity.participants if p.role.value == "chaperone"]

        def save(draft: ParticipantDraft) -> ParticipantRecord:
            if person is None:
                return self.service.add_participant(activity.id, draft)
            return self.service.update_participant(person.id, draft)

        if ParticipantDialog.run(
            self, activity.title, self.service.member_choices(), chaperones, save, person
        ):
            self.bus.say("Participant saved.")

    def remove_participant(self) -> None:
        person = self._person()
        if person is not None and confirm_delete(
            self, "Remove participant", f"Remove {person.name} from this activity?", "&Remove"
        ):
            self._act(lambda: self.service.remove_participant(person.id), "Participant removed.")

    # -- files -----------------------------------------------------------------------------

    def attach_file(self) -> None:
        activity = self.current()
        if activity is None:
            return
        path = ask_open_path(self, "Attach file", "All files (*)", "attachments")
        if path is None:
            return
        try:
            content = path.read_bytes()
        except OSError as exc:
            warn(self, "Attach file", f"{path.name} cannot be read: {exc.strerror or exc}")
            return
        self._act(
            lambda: self.service.attach_file(activity.id, path.name, content),
            f"{path.name} attached.",
        )

    def _content(self) -> tuple[FileRecord, bytes] | None:
        chosen = self._file()
        if chosen is None:
            return None
        try:
            return self.service.file_content(chosen.id)
        except ServiceError as exc:
            warn(self, "File", str(exc))
            return None

    def open_selected_file(self) -> Path | None:
        """A private copy in a folder of its own, opened with the desktop's own viewer."""
        found = self._content()
        if found is None:
            return None
        record, content = found
        folder = Path(tempfile.mkdtemp(prefix="sciapp-file-"))
        target = folder / record.name
        target.write_bytes(content)
        target.chmod(0o600)
        if not QDesktopServices.openUrl(QUrl.fromLocalFile(str(target))):
            warn(
                self,
                "File",
                f"No program on this computer opens {record.name}. "
                "Use Save copy… to keep it in a folder of your choice.",
            )
        return target

    def save_selected_file(self) -> None:
        found = self._content()
        if found is None:
            return
        record, content = found
        suffix = Path(record.name).suffix
        path = ask_save_path(
            self, "Save a copy", record.name, f"{suffix or 'All'} files (*{suffix})"
        )
        if path is None:
            return
        try:
            path.write_bytes(content)
        except OSError as exc:
            warn(self, "Save a copy", f"{path} cannot be written: {exc.strerror or exc}")
            return
        self.bus.say(f"Saved {path.name}.", path)

    def remove_selected_file(self) -> None:
        chosen = self._file()
        if chosen is not None and confirm_delete(
            self, "Remove file", f"Remove {chosen.name} from the register?", "&Remove"
        ):
            self._act(lambda: self.service.remove_file(chosen.id), f"{chosen.name} removed.")
