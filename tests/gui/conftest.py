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
