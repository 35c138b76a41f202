import datetime as dt
import os
import signal
import subprocess
import sys
import textwrap

import pytest
from PySide6.QtCore import Qt

from sciapp.gui.bus import ChangeBus
from sciapp.gui.meetings.meeting_mode import MeetingModeWindow
from sciapp.services.opening import open_workspace
from tests.gui.helpers import click


class FakeClock:
    def __init__(self, when: dt.datetime) -> None:
        self.now = when

    def __call__(self) -> dt.datetime:
        return self.now


@pytest.fixture
def mode(qtbot, demo_workspace, draft_meeting):
    clock = FakeClock(dt.datetime.combine(draft_meeting.date, dt.time(18, 45)))
    bus = ChangeBus(demo_workspace)
    window = MeetingModeWindow(demo_workspace, draft_meeting.id, bus, clock)
    window.bus_keeper = bus
    qtbot.addWidget(window)
    window.show()
    window.clock_fake = clock
    return window


def row_of(window, name):
    return next(r for r in window.detail.attendance if r.name == name)


def test_quorum_turns_red_when_members_leave(qtbot, mode):
    assert mode.quorum.has_quorum
    assert mode.quorum.text() == "Quorum: 7 present, 5 needed"  # Grace arrives at 18:55
    mode.clock_fake.now = mode.clock_fake.now.replace(hour=19, minute=10)
    for name in ("Daniel Reyes", "Irina Volkova", "Luis Carrillo", "Hannah Becker"):
        click(qtbot, mode.attendance_buttons[row_of(mode, name).member_id])
    assert row_of(mode, "Daniel Reyes").departed == dt.time(19, 10)
    assert not mode.quorum.has_quorum
    assert mode.quorum.text() == "No quorum: 4 present, 5 needed"
    assert "#b91c1c" in mode.quorum.styleSheet()
    mode.clock_fake.now = mode.clock_fake.now.replace(minute=15)
    click(qtbot, mode.attendance_buttons[row_of(mode, "Daniel Reyes").member_id])
    assert mode.quorum.has_quorum  # back: arrival stamped 19:15
    assert row_of(mode, "Daniel Reyes").arrived == dt.time(19, 15)


def test_call_to_order_and_adjourn_are_stamped_to_the_minute(qtbot, demo_workspace, mode):
    mode.clock_fake.now = mode.clock_fake.now.replace(hour=18, minute=32, second=41)
    click(qtbot, mode.call_button)
    assert mode.detail.called_to_order == dt.time(18, 32)
    assert "Called to order 6:32\u00a0PM" in mode.times_label.text()


def test_notes_are_saved_within_two_seconds_without_pressing_save(qtbot, demo_workspace, mode):
    click(qtbot, mode.next_button)
    item_id = mode.current_item_id()
    qtbot.keyClicks(mode.notes, "Moved by Okafor")
    assert mode.autosave.dirty
    qtbot.waitUntil(lambda: not mode.autosave.dirty, timeout=10000)  # no Save pressed
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
    click(qtbot, mode.prev_button)
    assert mode.notes.toPlainText().endswith("quick note")


def test_approved_minutes_open_read_only(qtbot, demo_workspace):
    bus = ChangeBus(demo_workspace)
    window = MeetingModeWindow(demo_workspace, 1, bus)
    qtbot.addWidget(window)
    assert window.locked_banner.isVisibleTo(window)
    assert window.notes.isReadOnly()
    assert not window.attendance_box.isEnabled()


KILLED_CHILD = """
import os, sys
from pathlib import Path
from PySide6.QtWidgets import QApplication
from sciapp.gui.bus import ChangeBus
from sciapp.gui.meetings.meeting_mode import MeetingModeWindow
from sciapp.services.opening import open_workspace

app = QApplication([])
workspace = open_workspace(Path(sys.argv[1]))
bus = ChangeBus(workspace)
window = MeetingModeWindow(workspace, int(sys.argv[2]), bus)
window.show()
# Nobody presses Save: the autosave says when the typing is on disk, and then the laptop dies.
window.autosave.saved.connect(lambda _text: print(window.current_item_id(), flush=True))
window.notes.insertPlainText("The chair read SCI's letter of March 1, 2022.")
app.exec()
"""


def test_typing_survives_the_app_being_killed(tmp_path, demo_workspace, draft_meeting):
    path = demo_workspace.path
    demo_workspace.close()
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    child = subprocess.Popen(
        [sys.executable, "-c", textwrap.dedent(KILLED_CHILD), str(path), str(draft_meeting.id)],
        stdout=subprocess.PIPE,
        text=True,
        env=env,
    )
    try:
        line = child.stdout.readline()  # the autosave reported the text saved
    finally:
        child.send_signal(signal.SIGKILL)
        child.wait(timeout=60)
    assert child.returncode == -signal.SIGKILL
    item_id = int(line.split()[0])
    reopened = open_workspace(path)
    notes = {i.id: i.notes for i in reopened.meetings.get(draft_meeting.id).items}
    reopened.close()
    assert notes[item_id].endswith("The chair read SCI's letter of March 1, 2022.")


def test_escape_and_the_close_button_leave_meeting_mode(qtbot, mode):
    assert mode.close_button.isVisible()
    qtbot.keyClick(mode, Qt.Key.Key_Escape)
    assert not mode.isVisible()


def test_an_arrival_recorded_in_the_main_window_shows_in_meeting_mode(qtbot, window):
    from tests.gui.clerk_day.test_meetings import open_meeting
    from tests.gui.helpers import go_to, show_tab

    page = go_to(qtbot, window, "Meetings")
    editor = open_meeting(qtbot, page, dt.date.today() + dt.timedelta(days=3))
    click(qtbot, editor.mode_button)
    mode = window.meeting_windows[editor.detail.id]
    assert not mode.quorum.has_quorum  # nobody has arrived yet
    attendance = show_tab(qtbot, editor.tabs, "Attendance")
    click(qtbot, attendance.all_present_button)
    assert mode.quorum.has_quorum  # at once, with both windows open
    mode.close()
