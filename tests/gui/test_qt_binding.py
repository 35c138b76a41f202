"""The Qt binding must not leak or over-release references: the app runs for hours."""

import sys

from PySide6.QtWidgets import QListWidget


def test_void_calls_do_not_release_none(qtbot):
    widget = QListWidget()
    qtbot.addWidget(widget)
    before = sys.getrefcount(None)
    for _ in range(500):
        widget.setEnabled(True)
        widget.addItem("x")
    # A binding that drops None on each call loses 1,000 here and crashes a long session.
    assert sys.getrefcount(None) - before > -50
