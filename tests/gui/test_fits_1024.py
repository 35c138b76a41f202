"""At 1024 × 768 every list shows its columns whole (the list goes above its detail when
both do not fit side by side), long fields show their start, the letter preview's page sits
inside its pane, and the documents lists wrap rather than cut."""

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from sciapp.gui.widgets.side_or_above import SideOrAbove
from tests.gui.helpers import click, go_to, modal, press, show_tab


def at(window, width, height):
    window.resize(width, height)
    QApplication.processEvents()


@pytest.mark.parametrize(("width", "beside"), [(1024, False), (1600, True)])
def test_the_partnership_columns_show_whole(qtbot, window, width, beside):
    at(window, width, 1000 if beside else 740)
    page = go_to(qtbot, window, "Partnerships")
    QApplication.processEvents()
    if not beside:  # at 1600 it depends on the detail tabs' own minimum width too
        assert not page.splitter.beside()
    header = page.table.horizontalHeader()
    shown = sum(header.sectionSize(c) for c in range(header.count()))
    assert shown <= page.table.viewport().width()
    assert page.table.horizontalScrollBar().maximum() == 0


def test_side_or_above_follows_its_width(qtbot):
    from PySide6.QtWidgets import QLabel

    listing, other = QLabel("list"), QLabel("detail")
    other.setMinimumWidth(300)
    split = SideOrAbove(listing, other, lambda: 500)
    qtbot.addWidget(split)
    split.resize(900, 600)
    split.show()
    QApplication.processEvents()
    assert split.beside()
    assert split.sizes()[0] == 500
    split.resize(700, 600)
    QApplication.processEvents()
    assert split.orientation() == Qt.Orientation.Vertical


def test_a_long_place_shows_its_start(qtbot, window):
    page = go_to(qtbot, window, "Meetings")
    seen = {}

    def look(dialog):
        seen["cursor"] = dialog.place.cursorPosition()
        seen["fits"] = dialog.place.width() >= dialog.place.fontMetrics().horizontalAdvance(
            dialog.place.text()
        )
        press(qtbot, dialog, "Cancel")

    with modal(qtbot, look):
        click(qtbot, page.new_button)
    assert seen == {"cursor": 0, "fits": True}


def test_the_letter_preview_page_sits_inside_its_pane(qtbot, window):
    at(window, 1024, 740)
    documents = go_to(qtbot, window, "Documents")
    show_tab(qtbot, documents.tabs, "Letters")
    preview = documents.letter_editor.preview
    qtbot.waitUntil(lambda: bool(preview.pages) and preview.isVisible(), timeout=10000)
    QApplication.processEvents()
    body = preview.widget()
    for page in preview.pages:
        assert page.geometry().right() <= body.width(), (page.geometry(), body.width())
        assert page.x() >= 0
    assert documents.letter_editor.subject.cursorPosition() == 0


def test_the_documents_lists_wrap_rather_than_cut(qtbot, window):
    documents = go_to(qtbot, window, "Documents")
    for listing in (documents.resolutions, documents.letters):
        assert listing.wordWrap()
        assert listing.horizontalScrollBarPolicy() == Qt.ScrollBarPolicy.ScrollBarAlwaysOff


def test_a_long_resolution_title_shows_its_start(qtbot, window):
    documents = go_to(qtbot, window, "Documents")
    editor = documents.resolution_editor
    assert editor.number == "2022-01"
    assert editor.title.cursorPosition() == 0


def test_a_long_title_is_listed_whole_or_cut_at_a_word(qtbot, window):
    documents = go_to(qtbot, window, "Documents")
    first = documents.resolutions.item(0)
    title = documents.workspace.documents.resolution("2022-01").title
    listed = first.text().split("\n", 1)[1]
    assert listed == title or (listed.endswith(" …") and title.startswith(listed[:-2]))
    assert first.toolTip() == title
