"""A clerk's day on the demo commission, driven only through the widgets a person touches."""

import pytest

from sciapp.gui.main_window import MainWindow


@pytest.fixture
def register_window(qtbot, workspace):
    """The Lansing register alone (no meetings yet): St. Petersburg is still active."""
    from sciapp.demo.partnerships import seed_demo

    seed_demo(workspace.partnerships)
    win = MainWindow(workspace, "en_US")
    win.show()
    qtbot.waitExposed(win)
    yield win
    win.close()
    win.deleteLater()
