"""The partnerships area, driven as a user does: search, click, the toolbar, the forms."""

import re

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QLineEdit, QPlainTextEdit

from sciapp.domain.status import Status
from tests.gui.helpers import (
    cells,
    choose,
    click,
    click_row,
    click_tool,
    go_to,
    modal,
    press,
    reply,
    row_with,
    type_into,
    words,
)


@pytest.fixture
def page(qtbot, window):
    return go_to(qtbot, window, "Partnerships")


def test_the_demo_register_is_listed(page):
    assert len(cells(page.table, 0)) == 11
    assert page.count_label.text() == "11 partnerships"
    assert page.table.isSortingEnabled()


def test_search_filters_as_you_type_and_a_click_shows_the_record(qtbot, page):
    qtbot.mouseClick(page.search, Qt.MouseButton.LeftButton)
    qtbot.keyClicks(page.search, "jap")
    assert cells(page.table, 0) == ["Otsu", "Sakaide"]
    assert page.count_label.text() == "2 of 11 partnerships"
    click_row(qtbot, page.table, "Otsu")  # the first click after a search shows the record
    assert page.detail.title.text() == "Otsu, Japan"
    assert page.edit_action.isEnabled()
    page.search.clear()
    choose(qtbot, page.status_filter, "Proposed")
    assert cells(page.table, 0) == []
    choose(qtbot, page.status_filter, "All statuses")
    choose(qtbot, page.kind_filter, "Friendship city")
    assert cells(page.table, 0) == ["Cosenza", "Dar es Salaam", "Lanzhou", "Sakaide"]


def test_ctrl_f_focuses_the_search_box(qtbot, window, page):
    page.table.setFocus()
    qtbot.keyClick(window, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert page.search.hasFocus()


def test_creating_a_partnership_through_the_form(qtbot, page):
    seen = {}

    def fill(dialog):
        assert not dialog.save_button.isEnabled()  # nothing typed yet, and it says why
        assert dialog.form.error_text("partner_city") == "Enter the partner city"
        assert not dialog.form.is_alarming("partner_city")
        assert dialog.inputs["local_jurisdiction"].text() == "Lansing, Michigan"
        qtbot.keyClicks(dialog.inputs["partner_city"], "Malm")
        dialog.inputs["partner_city"].insert("ö")  # QTest types ASCII only
        qtbot.keyClicks(dialog.country.lineEdit(), "Sweden")
        qtbot.keyClicks(dialog.established.line, "2024-06")
        assert dialog.established.reading.text() == "= Jun 2024"
        seen["dialog"] = dialog
        click(qtbot, dialog.save_button)

    with modal(qtbot, fill):
        click_tool(qtbot, page.toolbar, page.new_action)
    assert "Malmö" in cells(page.table, 0)
    assert page.detail.title.text() == "Malmö, Sweden"
    assert page.count_label.text() == "12 partnerships"


def test_invalid_input_blocks_save_with_a_message(qtbot, page):
    def fill(dialog):
        qtbot.keyClicks(dialog.inputs["partner_city"], "Graz")
        qtbot.keyClicks(dialog.country.lineEdit(), "Atlantis")
        qtbot.keyClicks(dialog.established.line, "1968-13")
        assert not dialog.save_button.isEnabled()
        assert dialog.form.error_text("partner_country") == "No country called 'Atlantis'"
        assert dialog.form.error_text("established") == (
            "Month 13 does not exist (use YYYY, YYYY-MM or YYYY-MM-DD)"
        )
        assert dialog.form.error_text("partner_city") == ""
        dialog.inputs["partner_city"].clear()
        assert dialog.form.error_text("partner_city") == "Enter the partner city"
        assert dialog.form.is_alarming("partner_city")
        with modal(qtbot, reply("Discard")):
            press(qtbot, dialog, "Cancel")

    with modal(qtbot, fill):
        click_tool(qtbot, page.toolbar, page.new_action)
    assert page.count_label.text() == "11 partnerships"


def test_a_duplicate_is_refused_inside_the_form(qtbot, page):
    def fill(dialog):
        qtbot.keyClicks(dialog.inputs["partner_city"], "otsu")
        qtbot.keyClicks(dialog.country.lineEdit(), "Japan")
        click(qtbot, dialog.save_button)
        assert "already in the register" in dialog.form.error_text("partner_city")
        assert dialog.isVisible()
        with modal(qtbot, reply("Discard")):
            press(qtbot, dialog, "Cancel")

    with modal(qtbot, fill):
        click_tool(qtbot, page.toolbar, page.new_action)
    assert page.count_label.text() == "11 partnerships"


def test_editing_keeps_the_status(qtbot, page):
    click_row(qtbot, page.table, "Asan")

    def fill(dialog):
        assert dialog.country.code() == "KR"
        qtbot.keyClicks(dialog.established.line, "1990")
        click(qtbot, dialog.save_button)

    with modal(qtbot, fill):
        click_tool(qtbot, page.toolbar, page.edit_action)
    asan = row_with(page.table, "Asan")
    assert page.table.model().index(asan, 6).data() == "1990"
    assert page.table.model().index(asan, 4).data() == "Active"


def test_a_status_change_shows_in_the_table_and_the_timeline(qtbot, page):
    click_row(qtbot, page.table, "Otsu")

    def fill(dialog):
        assert [dialog.status.itemText(i) for i in range(dialog.status.count())] == [
            "Suspended",
            "Terminated",
        ]
        type_into(qtbot, dialog.effective.line, "2022-03-08")
        choose(qtbot, dialog.decided_by, "City Council")
        qtbot.keyClicks(dialog.instrument, "Resolution 2022-14")
        assert not dialog.ok_button.isEnabled()
        assert dialog.form.error_text("reason") == "Say why the partnership is suspended"
        type_into(qtbot, dialog.reason, "Russia's invasion of Ukraine")
        qtbot.keyClicks(dialog.condition, "until peace is restored")
        assert dialog.ok_button.isEnabled()
        click(qtbot, dialog.ok_button)

    with modal(qtbot, fill):
        click_tool(qtbot, page.toolbar, page.status_action)
    row = row_with(page.table, "Otsu")
    assert page.table.model().index(row, 4).data() == "Suspended"
    assert page.table.model().index(row, 5).data() == "Mar 8, 2022"
    texts = page.detail.timeline.texts()
    assert len(texts) == 2
    assert "Suspended by the City Council (Resolution 2022-14)" in texts[-1]
    assert "until peace is restored" in texts[-1]
    otsu = next(r for r in page.service.list_rows() if r.partner_city == "Otsu")
    assert page.service.get(otsu.id).status is Status.SUSPENDED


def test_status_dialog_refuses_out_of_order_dates(qtbot, page):
    click_row(qtbot, page.table, "Otsu")

    def fill(dialog):
        type_into(qtbot, dialog.effective.line, "1960")
        choose(qtbot, dialog.decided_by, "City Council")
        type_into(qtbot, dialog.reason, "x")
        assert dialog.form.error_text("effective") == (
            "Must not be before the previous change (1968)"
        )
        assert not dialog.ok_button.isEnabled()
        press(qtbot, dialog, "Cancel")

    with modal(qtbot, fill):
        click_tool(qtbot, page.toolbar, page.status_action)


def test_delete_asks_first(qtbot, page):
    click_row(qtbot, page.table, "Cosenza")
    asked = []

    def keep(box):
        asked.append(box.text())
        reply("Cancel")(box)

    with modal(qtbot, keep):
        qtbot.keyClick(page.table, Qt.Key.Key_Delete)
    assert "Cosenza" in cells(page.table, 0)
    with modal(qtbot, reply("Delete")):
        click_tool(qtbot, page.toolbar, page.delete_action)
    assert "Cosenza" not in cells(page.table, 0)
    assert "Delete the partnership with Cosenza, Italy?" in asked[0]
    assert page.count_label.text() == "10 partnerships"
    assert page.selected_id() is not None  # the next row is selected


def test_enter_and_double_click_open_the_selected_record(qtbot, page):
    click_row(qtbot, page.table, "Otsu")
    opened = []

    def look(dialog):
        opened.append(dialog.windowTitle())
        press(qtbot, dialog, "Cancel")

    with modal(qtbot, look):
        qtbot.keyClick(page.table, Qt.Key.Key_Return)
    with modal(qtbot, look):
        click_row(qtbot, page.table, "Otsu", double=True)
    assert opened == ["Edit partnership", "Edit partnership"]


def test_actions_need_a_selection(qtbot, page):
    qtbot.keyClicks(page.search, "no such city")
    assert cells(page.table, 0) == []
    assert not page.edit_action.isEnabled()
    assert not page.delete_action.isEnabled()
    assert page.detail.placeholder.isVisibleTo(page.detail)


def test_every_input_is_named_for_screen_readers(qtbot, page):
    def look(dialog):
        widgets = [
            w for cls in (QLineEdit, QComboBox, QPlainTextEdit) for w in dialog.findChildren(cls)
        ]
        for widget in widgets:
            if widget.isVisibleTo(dialog) and widget.parent() is not dialog.country:
                named = widget.accessibleName() or widget.parent().accessibleName()
                assert named, widget
        press(qtbot, dialog, "Cancel")

    with modal(qtbot, look):
        click_tool(qtbot, page.toolbar, page.new_action)
    for widget in (page.search, page.status_filter, page.kind_filter, page.table):
        assert widget.accessibleName()


def test_cancelling_a_changed_form_asks_and_can_keep_editing(qtbot, page):
    asked = []

    def keep_editing(box):
        asked.append(box.text())
        reply("Cancel")(box)

    def fill(dialog):
        qtbot.keyClicks(dialog.inputs["partner_city"], "Graz")
        with modal(qtbot, keep_editing):
            press(qtbot, dialog, "Cancel")
        assert asked == ["Discard the changes you typed in this form?"]
        assert dialog.isVisible()  # still open, the text still there
        assert dialog.inputs["partner_city"].text() == "Graz"
        dialog.inputs["partner_city"].clear()  # back as it was: closes without a question
        press(qtbot, dialog, "Cancel")
        assert len(asked) == 1

    with modal(qtbot, fill):
        click_tool(qtbot, page.toolbar, page.new_action)


def test_an_unsaved_form_survives_a_crash_as_a_draft(qtbot, window, demo_workspace, page):
    from sciapp.gui.main_window import MainWindow

    drafts = page.drafts

    def type_then_crash(dialog):
        qtbot.keyClicks(dialog.inputs["partner_city"], "Graz")
        qtbot.keyClicks(dialog.notes, "Twinned since the 1990s")
        # The draft is kept half a second after typing stops: wait for its file.
        qtbot.waitUntil(lambda: drafts.keys() == ["partnership-new"], timeout=5000)
        dialog.done(0)  # a crash: the dialog is gone, nothing was saved, nothing asked

    with modal(qtbot, type_then_crash):
        click_tool(qtbot, page.toolbar, page.new_action)
    assert drafts.keys() == ["partnership-new"]

    restarted = MainWindow(demo_workspace, "en_US")  # the next start, same database
    qtbot.addWidget(restarted)
    seen = {}

    def check(dialog):
        seen["city"] = dialog.inputs["partner_city"].text()
        seen["notes"] = dialog.notes.toPlainText()
        dialog.done(0)

    asked = []

    def question(box):
        asked.append((box.text(), sorted(words(b.text()) for b in box.buttons())))
        reply("Continue editing")(box)

    with modal(qtbot, question, check):
        restarted.offer_kept_drafts()  # what the start does after a crash
    assert seen == {"city": "Graz", "notes": "Twinned since the 1990s"}
    text, buttons = asked[0]
    assert buttons == ["Continue editing", "Discard"]  # they say what they do
    assert re.search(r" at [A-Z][a-z]{2} \d{1,2}, \d{4}, \d{1,2}:\d{2}\s[AP]M, when", text), text


def test_a_kept_draft_can_be_discarded(qtbot, window, demo_workspace, page):
    from sciapp.gui.main_window import MainWindow

    drafts = page.drafts

    def type_then_crash(dialog):
        qtbot.keyClicks(dialog.inputs["partner_city"], "Graz")
        qtbot.waitUntil(lambda: drafts.keys() == ["partnership-new"], timeout=5000)
        dialog.done(0)

    with modal(qtbot, type_then_crash):
        click_tool(qtbot, page.toolbar, page.new_action)
    restarted = MainWindow(demo_workspace, "en_US")
    qtbot.addWidget(restarted)
    seen = {}

    def check(dialog):
        seen["city"] = dialog.inputs["partner_city"].text()
        dialog.done(0)

    with modal(qtbot, reply("Discard"), check):
        restarted.offer_kept_drafts()
    assert seen == {"city": ""}  # a fresh form
    assert drafts.keys() == []
