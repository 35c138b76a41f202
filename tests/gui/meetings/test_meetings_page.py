"""The meetings area and the members area, driven as a user does."""

import datetime as dt

from PySide6.QtCore import QDate, QDateTime, QModelIndex, QTime

from sciapp.gui.meetings.table_model import MeetingTableModel
from tests.gui.clerk_day.test_meetings import last_week_draft, open_meeting
from tests.gui.helpers import (
    LEFT,
    choose,
    click,
    go_to,
    list_lines,
    modal,
    press,
    show_tab,
    type_into,
)


def test_meeting_model_passes_qt_model_tester(qtmodeltester, demo_workspace):
    model = MeetingTableModel()
    model.set_rows(demo_workspace.meetings.list_meetings())
    qtmodeltester.check(model)


def draft_editor(qtbot, window):
    page = go_to(qtbot, window, "Meetings")
    return open_meeting(qtbot, page, last_week_draft(window))


def test_reorder_the_agenda_by_buttons_and_by_drag(qtbot, window):
    editor = draft_editor(qtbot, window)
    tab = show_tab(qtbot, editor.tabs, "Agenda")
    agenda = tab.agenda
    last = agenda.count() - 1
    item = agenda.item(last)
    qtbot.mouseClick(agenda.viewport(), LEFT, pos=agenda.visualItemRect(item).center())
    title = item.text().split(". ", 1)[1]
    click(qtbot, tab.up_button)
    click(qtbot, tab.up_button)
    assert list_lines(agenda)[last - 2] == f"{last - 1}. {title}"
    # A drag and drop moves the row inside the list's model, as this does; the agenda follows.
    assert agenda.model().moveRow(QModelIndex(), last - 2, QModelIndex(), 0)
    assert list_lines(agenda)[0] == f"1. {title}"
    assert editor.detail.items[0].title == title


def test_attendance_changes_the_quorum_line(qtbot, window):
    editor = draft_editor(qtbot, window)
    tab = show_tab(qtbot, editor.tabs, "Attendance")
    assert "(quorum)" in tab.quorum_label.text()
    for row in range(5):
        choose(qtbot, tab.table.cellWidget(row, 1), "Absent")
    assert "no quorum" in tab.quorum_label.text()
    absent = [a for a in editor.detail.attendance if a.presence.value == "absent"]
    assert len(absent) == 5


def test_a_new_meeting_flags_short_notice(qtbot, window):
    page = go_to(qtbot, window, "Meetings")

    def fill(dialog):
        choose(qtbot, dialog.body, "Lansing Regional Sister Cities Commission")
        dialog.date.setDate(QDate(2027, 1, 20))
        dialog.time.setTime(QTime(19, 0))
        click(qtbot, dialog.noticed)
        dialog.notice.setDateTime(QDateTime(QDate(2027, 1, 20), QTime(9, 0)))
        assert "Michigan requires 18" in dialog.notice_warning.text()
        dialog.notice.setDateTime(QDateTime(QDate(2027, 1, 18), QTime(9, 0)))
        assert dialog.notice_warning.text() == ""
        type_into(qtbot, dialog.place, "City Hall")
        press(qtbot, dialog, "Create")

    with modal(qtbot, fill):
        click(qtbot, page.new_button)
    assert page.editor.detail.date == dt.date(2027, 1, 20)
    assert list_lines(page.editor.agenda_tab.agenda)[0] == "1. Call to order"


def test_meeting_mode_opens_from_the_editor_and_saves_on_closing(qtbot, window):
    editor = draft_editor(qtbot, window)
    click(qtbot, editor.mode_button)
    meeting_id = editor.detail.id
    mode = window.meeting_windows[meeting_id]
    assert mode.isVisible()
    click(qtbot, editor.mode_button)
    assert window.meeting_windows[meeting_id] is mode  # one window per meeting
    mode.notes.setFocus()
    mode.notes.moveCursor(mode.notes.textCursor().MoveOperation.End)
    qtbot.keyClicks(mode.notes, " - more")
    click(qtbot, mode.close_button)  # deletes itself; its notes were saved on closing
    qtbot.waitUntil(lambda: meeting_id not in window.meeting_windows, timeout=5000)
    notes = [i.notes for i in window.workspace.meetings.get(meeting_id).items]
    assert any(n.endswith(" - more") for n in notes)


def test_start_page_lines_open_their_records(qtbot, window):
    board = go_to(qtbot, window, "Start")
    assert board.lines("anniversaries")[0].startswith("Otsu, Japan: ")
    assert any("term ends" in line for line in board.lines("terms_ending"))

    def open_line(key, row=0):
        listing = board.lists[key]
        item = listing.item(row)
        qtbot.mouseClick(listing.viewport(), LEFT, pos=listing.visualItemRect(item).center())

    open_line("minutes_due")
    assert window.pages.currentWidget() is window.meetings
    assert window.meetings.editor.detail is not None
    go_to(qtbot, window, "Start")
    open_line("anniversaries")
    assert window.partnerships.detail.title.text() == "Otsu, Japan"
    go_to(qtbot, window, "Start")
    open_line("terms_ending")
    assert window.pages.currentWidget() is window.members


def test_members_page_shows_vacancy_and_adds_a_member(qtbot, window):
    page = go_to(qtbot, window, "Members")
    assert "1 vacant" in page.summary.text()
    assert page.table.rowCount() == 9

    def fill(dialog):
        type_into(qtbot, dialog.name, "Bo Lee")
        dialog.seat.setValue(4)  # held by Samuel Whitfield
        press(qtbot, dialog, "Save")
        assert "seat 4 is held by Samuel Whitfield" in dialog.problem.text()
        dialog.seat.setValue(9)
        press(qtbot, dialog, "Save")

    with modal(qtbot, fill):
        click(qtbot, page.add_button)
    assert "no vacancies" in page.summary.text()
    assert page.table.rowCount() == 10


def test_a_new_body_gets_members_and_a_meeting(qtbot, window):
    page = go_to(qtbot, window, "Members")

    def new_body(dialog):
        type_into(qtbot, dialog.name, "Youth Exchange Committee")
        choose(qtbot, dialog.kind, "Committee")
        dialog.seats.setValue(3)
        choose(qtbot, dialog.quorum, "fixed")
        dialog.fixed.setValue(2)
        type_into(qtbot, dialog.agenda, "Call to order\nExchange planning\nAdjournment")
        press(qtbot, dialog, "Save")

    with modal(qtbot, new_body):
        click(qtbot, page.new_body_button)
    assert page.body.currentText() == "Youth Exchange Committee"
    assert "3 seats" in page.summary.text()

    def member(dialog):
        type_into(qtbot, dialog.name, "Kofi Mensah")
        press(qtbot, dialog, "Save")

    with modal(qtbot, member):
        click(qtbot, page.add_button)
    assert page.table.item(0, 0).text() == "Kofi Mensah"

    def chair(dialog):
        assert dialog.name.text() == "Kofi Mensah"
        choose(qtbot, dialog.office, "Chair")
        press(qtbot, dialog, "Save")

    qtbot.mouseClick(
        page.table.viewport(), LEFT, pos=page.table.visualItemRect(page.table.item(0, 0)).center()
    )
    with modal(qtbot, chair):
        click(qtbot, page.edit_member_button)
    assert page.table.item(0, 1).text() == "Chair"
    filters = go_to(qtbot, window, "Meetings").body_filter  # it knows the new body at once
    assert filters.findText("Youth Exchange Committee") > 0

    def settings(dialog):
        assert dialog.fixed.value() == 2
        dialog.seats.setValue(0)
        press(qtbot, dialog, "Save")
        assert "fixed quorum lies between 1 and 1" in dialog.problem.text()  # spin box min is 1
        press(qtbot, dialog, "Cancel")

    page = go_to(qtbot, window, "Members")
    with modal(qtbot, settings):
        click(qtbot, page.edit_body_button)


def test_the_history_tab_shows_what_was_recorded_in_the_meeting(qtbot, window):
    from tests.gui.helpers import enter_text

    editor = draft_editor(qtbot, window)
    tab = show_tab(qtbot, editor.tabs, "Agenda")
    with modal(qtbot, enter_text(qtbot, "Sister-city youth exchange")):
        click(qtbot, tab.add_button)
    show_tab(qtbot, editor.tabs, "History")
    lines = editor.history.texts()
    created = next(line for line in lines if "Created agenda item" in line)
    assert "Sister-city youth exchange" in created
    assert lines.index(created) < len(lines) - 1  # newest first: above the meeting's creation
    assert any("Created meeting of" in line for line in lines)
