"""The GUI tests' fixtures: the main window on the demo, a demo register file, demo records
found by what they are (never by a hard-coded id)."""

import datetime as dt

import pytest

from sciapp.gui.main_window import MainWindow


@pytest.fixture
def window(qtbot, demo_workspace):
    win = MainWindow(demo_workspace, "en_US")
    win.show()
    qtbot.waitExposed(win)
    yield win
    # Closed here rather than by qtbot (whose teardown comes first): a test's half-typed
    # document is let go without the question a person would get.
    documents = win._built("Documents")
    if documents is not None:
        documents.resolution_editor.mark_clean()
        documents.letter_editor.mark_clean()
    for mode in list(win.meeting_windows.values()):
        mode.close()
    win.close()
    win.deleteLater()


@pytest.fixture
def demo_register(tmp_path):
    """A closed demo register file (changes audited under Andrea Lopez), for `run_app`."""
    from sciapp.demo import load_demo
    from sciapp.services.opening import open_workspace

    path = tmp_path / "register.sqlite3"
    ws = open_workspace(path, actor="Andrea Lopez")
    load_demo(ws)
    ws.close()
    return path


@pytest.fixture
def draft_meeting(demo_workspace):
    """A demo meeting that has been held and whose minutes are still a draft."""
    rows = demo_workspace.meetings.list_meetings()
    return next(r for r in rows if r.date < dt.date.today() and r.minutes_status.value == "draft")


@pytest.fixture
def missing_meeting(demo_workspace):
    """A meeting number no meeting has."""
    return max(r.id for r in demo_workspace.meetings.list_meetings()) + 1
