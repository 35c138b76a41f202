"""A tie a state law on partner countries touches is flagged, with the citation, in the
register's table and details and on the Start page (the Pecan Springs demo, in Texas)."""

import pytest
from PySide6.QtCore import Qt

from sciapp.gui.partnerships.table_model import LAW_ROLE, PartnershipTableModel
from tests.gui.helpers import cells, click_row, go_to, row_with
from tests.gui.partnerships.test_table_model import ROWS
from tests.gui.texas import texas_window

TVER = "barred: maintaining; must be terminated (Tex. Gov't Code §795.003)"


@pytest.fixture
def window(qtbot, tmp_path):
    with texas_window(qtbot, tmp_path) as win:
        yield win


def test_the_register_badges_the_touched_ties_and_the_details_cite_the_law(qtbot, window):
    page = go_to(qtbot, window, "Partnerships")
    assert cells(page.table, 0) == ["Harbin", "Monterrey", "Tainan", "Tver"]
    model = page.table.model()
    tver = model.index(row_with(page.table, "Tver"), 0)
    assert tver.data(LAW_ROLE) == TVER
    assert tver.data(Qt.ItemDataRole.DecorationRole) is not None  # the badge
    assert tver.data(Qt.ItemDataRole.ToolTipRole).startswith(f"State law: {TVER}\n\n")
    monterrey = model.index(row_with(page.table, "Monterrey"), 0)
    assert monterrey.data(LAW_ROLE) is None
    assert monterrey.data(Qt.ItemDataRole.DecorationRole) is None
    click_row(qtbot, page.table, "Tver")
    assert page.detail.title.text() == "Tver, Russia"
    assert page.detail.law.isVisible()
    assert page.detail.law.text() == f"State law: {TVER}"
    click_row(qtbot, page.table, "Tainan")
    assert not page.detail.law.isVisible()  # Taiwan: encouraged by §795.002, not barred
    click_row(qtbot, page.table, "Harbin")
    assert page.detail.law.text() == "State law: barred: establishing (Tex. Gov't Code §795.003)"


def test_the_start_page_lists_them_and_a_click_opens_the_tie(qtbot, window):
    start = window.pages.currentWidget()
    lines = start.lists["law_flags"]
    assert lines.parentWidget().isVisible()
    assert start.lines("law_flags") == [
        "⚠ Harbin, China: barred: establishing (Tex. Gov't Code §795.003)",
        f"⚠ Tver, Russia: {TVER}",
    ]
    item = lines.item(1)
    qtbot.mouseClick(
        lines.viewport(), Qt.MouseButton.LeftButton, pos=lines.visualItemRect(item).center()
    )
    page = window.pages.currentWidget()
    assert page.detail.title.text() == "Tver, Russia"


def test_a_lansing_start_page_has_no_such_box(qtbot, demo_workspace):
    from sciapp.gui.main_window import MainWindow

    win = MainWindow(demo_workspace, "en_US")
    win.show()
    qtbot.waitExposed(win)
    start = win.pages.currentWidget()
    assert start.lines("law_flags") == []
    assert not start.lists["law_flags"].parentWidget().isVisible()
    win.close()
    win.deleteLater()


def test_the_model_with_law_flags_passes_qt_model_tester(qtmodeltester):
    model = PartnershipTableModel("en_US")
    model.set_rows(ROWS)
    model.set_law_flags({3: TVER})
    qtmodeltester.check(model)
    st_petersburg = next(r for r in range(model.rowCount()) if model.partnership_id(r) == 3)
    assert model.index(st_petersburg, 0).data(Qt.ItemDataRole.AccessibleDescriptionRole) == (
        f"State law: {TVER}"
    )
    assert model.law_flag(3) == TVER
    assert model.law_flag(1) == ""
