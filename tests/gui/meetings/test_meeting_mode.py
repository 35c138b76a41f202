import datetime as dt
import os
import signal
import subprocess
import sys
import textwrap

import pytest
from PySide6.QtCore import Qt

from sciapp.gui.meetings.meeting_mode import MeetingModeWindow
from sciapp.services.workspace import open_workspace


class FakeClock:
    def __init__(self, when: dt.datetime) -> None:
        self.now = when

    def __call__(self) -> dt.datetime:
        return self.now


@pytest.fixture
def draft_meeting(demo_workspace):
    rows = demo_workspace.meetings.list_meetings()
    return next(r for r in rows if r.date < dt.date.today() and r.minutes_status.value == "draft")


@pytest.fixture
def mode(qtbot, demo_workspace, draft_meeting):
    clock = FakeClock(dt.datetime.combine(draft_meeting.date, dt.time(18, 45)))
    window = MeetingModeWindow(demo_workspace.meetings, draft_meeting.id, clock)
    qtbot.addWidget(window)
    window.show()
    window.clock_fake = clock
    return window


def row_of(window, name):
    return next(r for r in window.detail.attendance if r.name == name)


def test_quorum_turns_red_when_members_leave(qtbot, mode):
    assert mode.quorum.has_quorum
    assert mode.quorum.text() == "QUORUM  7 of 5 needed"  # Grace arrives at 18:55
    mode.clock_fake.now = mode.clock_fake.now.replace(hour=19, minute=10)
    for name in ("Daniel Reyes", "Irina Volkova", "Luis Carrillo", "Hannah Becker"):
        qtbot.mouseClick(
            mode.attendance_buttons[row_of(mode, name).member_id], Qt.MouseButton.LeftButton
        )
    assert row_of(mode, "Daniel Reyes").departed == dt.time(19, 10)
    assert not mode.quorum.has_quorum
    assert mode.quorum.text() == "NO QUORUM  4 of 5 needed"
    assert "#b91c1c" in mode.quorum.styleSheet()
    mode.clock_fake.now = mode.clock_fake.now.replace(minute=15)
    qtbot.mouseClick(
        mode.attendance_buttons[row_of(mode, "Daniel Reyes").member_id], Qt.MouseButton.LeftButton
    )
    assert mode.quorum.has_quorum  # back: arrival stamped 19:15
    assert row_of(mode, "Daniel Reyes").arrived == dt.time(19, 15)


def test_call_to_order_and_adjourn_are_stamped_to_the_minute(qtbot, demo_workspace, mode):
    mode.clock_fake.now = mode.clock_fake.now.replace(hour=18, minute=32, second=41)
    qtbot.mouseClick(mode.call_button, Qt.MouseButton.LeftButton)
    assert mode.detail.called_to_order == dt.time(18, 32)
    assert "Called to order 18:32" in mode.times_label.text()


def test_notes_are_saved_within_two_seconds_without_pressing_save(qtbot, demo_workspace, mode):
    mode._step(1)
    item_id = mode.current_item_id()
    qtbot.keyClicks(mode.notes, "Moved by Okafor")
    assert mode.autosave.dirty
    qtbot.waitUntil(lambda: not mode.autosave.dirty, timeout=2000)
    fresh = open_workspace(demo_workspace.path, read_only=True)  # another connection
    notes = {i.id: i.notes for i in fresh.meetings.get(mode.meeting_id).items}
    fresh.close()
    assert notes[item_id] == "Moved by Okafor"
    assert mode.save_status.text().startswith("Saved")


def test_switching_items_saves_at_once_and_navigates(qtbot, demo_workspace, mode):
    first = mode.current_item_id()
    qtbot.keyClicks(mode.notes, "quick note")
    qtbot.keyClick(mode, Qt.Key.Key_PageDown, Qt.KeyboardModifier.ControlModifier)
    assert mode.current_item_id() != first
    assert not mode.autosave.dirty
    saved = {i.id: i.notes for i in demo_workspace.meetings.get(mode.meeting_id).items}
    assert saved[first].endswith("quick note")
    mode._step(-1)
    assert mode.notes.toPlainText().endswith("quick note")


def test_approved_minutes_open_read_only(qtbot, demo_workspace):
    window = MeetingModeWindow(demo_workspace.meetings, 1)
    qtbot.addWidget(window)
    assert window.locked_banner.isVisibleTo(window)
    assert window.notes.isReadOnly()
    assert not window.attendance_box.isEnabled()


KILLED_CHILD = """
import datetime as dt, os, signal, sys
from pathlib import Path
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication
from sciapp.gui.meetings.meeting_mode import MeetingModeWindow
from sciapp.services.workspace import open_workspace

app = QApplication([])
workspace = open_workspace(Path(sys.argv[1]))
window = MeetingModeWindow(workspace.meetings, int(sys.argv[2]))
window.show()
window.notes.insertPlainText("The chair read SCI's letter of March 1, 2022.")
print(window.current_item_id(), flush=True)
# No Save pressed, no clean exit: the process is killed 1.5 s after the typing.
QTimer.singleShot(1500, lambda: os.kill(os.getpid(), signal.SIGKILL))
app.exec()
"""


def test_typing_survives_the_app_being_killed(tmp_path, demo_workspace, draft_meeting):
    path = demo_workspace.path
    demo_workspace.close()
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    result = subprocess.run(
        [sys.executable, "-c", textwrap.dedent(KILLED_CHILD), str(path), str(draft_meeting.id)],
        capture_output=True,
        text=True,
        env=env,
        timeout=60,
        check=False,
    )
    assert result.returncode == -signal.SIGKILL
    item_id = int(result.stdout.split()[0])
    reopened = open_workspace(path)
    notes = {i.id: i.notes for i in reopened.meetings.get(draft_meeting.id).items}
    reopened.close()
    assert notes[item_id].endswith("The chair read SCI's letter of March 1, 2022.")
