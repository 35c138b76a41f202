"""The meetings list shows every column whole, the body's name too: beside the meeting on a
wide screen, above it on a 1024 × 768 one."""

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from sciapp.demo.meetings import COMMISSION
from tests.gui.helpers import go_to


@pytest.mark.parametrize(
    ("size", "orientation"),
    [((1024, 740), Qt.Orientation.Vertical), ((1600, 1000), Qt.Orientation.Horizontal)],
)
def test_the_body_column_shows_the_longest_name_whole(qtbot, window, size, orientation):
    window.resize(*size)
    page = go_to(qtbot, window, "Meetings")
    QApplication.processEvents()
    assert window.width() == size[0]
    assert page.splitter.orientation() == orientation
    table, header = page.table, page.table.horizontalHeader()
    body = header.sectionSize(2)
    assert body >= table.fontMetrics().horizontalAdvance(COMMISSION) + 8
    shown = sum(header.sectionSize(c) for c in range(header.count()))
    assert shown <= table.viewport().width()  # no column cut off at the right
    assert page.editor.width() >= page.editor.minimumSizeHint().width()


def test_the_list_follows_the_window_from_narrow_to_wide(qtbot, window):
    page = go_to(qtbot, window, "Meetings")
    window.resize(1024, 740)
    QApplication.processEvents()
    assert page.splitter.orientation() == Qt.Orientation.Vertical
    window.resize(1600, 1000)
    QApplication.processEvents()
    assert page.splitter.orientation() == Qt.Orientation.Horizontal
    assert page.table.width() >= page.list_width() - 2
