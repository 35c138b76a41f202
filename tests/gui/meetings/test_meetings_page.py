import datetime as dt

from PySide6.QtCore import QDate, QDateTime, Qt, QTime
from PySide6.QtWidgets import QMessageBox

from sciapp.gui.meetings.dialogs import CorrectionDialog, NewMeetingDialog
from sciapp.gui.meetings.table_model import MeetingTableModel
from tests.gui.partnerships.test_page import open_dialog


def agenda_titles(editor):
    return [editor.agenda.item(i).text() for i in range(editor.agenda.count())]


def open_meeting(window, meeting_id):
    window.open_record("meeting", meeting_id)
    return window.meetings.editor


def draft_id(window):
    rows = window.workspace.meetings.list_meetings()
    return next(
        r.id for r in rows if r.date < dt.date.today() and r.minutes_status.value == "draft"
    )


def test_meeting_model_passes_qt_model_tester(qtmodeltester, demo_workspace):
    model = MeetingTableModel()
    model.set_rows(demo_workspace.meetings.list_meetings())
    qtmodeltester.check(model)


def test_build_an_agenda_and_reorder_it(qtbot, window):
    editor = open_meeting(window, draft_id(window))
    editor.add_item("St. Petersburg relationship")
    assert agenda_titles(editor)[-1] == "9. St. Petersburg relationship"
    assert editor.agenda.currentRow() == 8
    qtbot.mouseClick(editor.up_button, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(editor.up_button, Qt.MouseButton.LeftButton)
    assert agenda_titles(editor)[6] == "7. St. Petersburg relationship"
    assert agenda_titles(editor)[8] == "9. Adjournment"
    # A drag: the list has already moved row 6 to the top when rowsMoved fires.
    moved = editor.agenda.takeItem(6)
    editor.agenda.insertItem(0, moved)
    editor._dropped(None, 6, 6, None, 0)
    assert agenda_titles(editor)[0] == "1. St. Petersburg relationship"
    editor.rename_item("Saratov relationship")
    assert agenda_titles(editor)[0] == "1. Saratov relationship"


def test_attendance_changes_the_quorum_line(qtbot, window):
    editor = open_meeting(window, draft_id(window))
    editor.tabs.setCurrentIndex(1)
    assert "(quorum)" in editor.quorum_label.text()
    for row in range(5):
        editor.attendance.cellWidget(row, 1).setCurrentIndex(1)  # absent
    assert "no quorum" in editor.quorum_label.text()
    absent = [a for a in editor.detail.attendance if a.presence.value == "absent"]
    assert len(absent) == 5


def test_approve_minutes_then_editing_fails_and_a_correction_is_kept(qtbot, monkeypatch, window):
    meeting_id = draft_id(window)
    editor = open_meeting(window, meeting_id)
    qtbot.mouseClick(editor.propose_button, Qt.MouseButton.LeftButton)
    assert editor.detail.minutes_status.value == "proposed"
    editor.approve(dt.date.today())
    assert editor.detail.locked
    assert editor.notes.isReadOnly()
    assert not editor.add_item_button.isEnabled()
    assert "locked" in editor.heading.text()
    warnings = []
    monkeypatch.setattr(QMessageBox, "warning", lambda *a: warnings.append(a[2]))
    editor.add_item("sneaked in")
    assert "locked" in warnings[0]

    def fill(dialog):
        dialog.item.setCurrentIndex(4)  # Reports
        assert "Sakaide" in dialog.original.text()
        dialog.corrected.setPlainText("Treasurer: the Sakaide exchange is $200 over budget.")
        dialog.accept()

    open_dialog(qtbot, monkeypatch, CorrectionDialog, editor.correct_button.click, fill)
    text = editor.minutes_view.toPlainText()
    assert "Original: Treasurer: the Sakaide exchange is within budget." in text
    assert "Corrected: Treasurer: the Sakaide exchange is $200 over budget." in text


def test_new_meeting_flags_short_notice(qtbot, monkeypatch, window):
    def fill(dialog):
        dialog.body.setCurrentIndex(0)
        dialog.date.setDate(QDate(2027, 1, 20))
        dialog.time.setTime(QTime(19, 0))
        dialog.noticed.setChecked(True)
        dialog.notice.setDateTime(QDateTime(QDate(2027, 1, 20), QTime(9, 0)))
        assert "Michigan requires 18" in dialog.notice_warning.text()
        dialog.notice.setDateTime(QDateTime(QDate(2027, 1, 18), QTime(9, 0)))
        assert dialog.notice_warning.text() == ""
        dialog.place.setText("City Hall")
        dialog.accept()

    dialog = open_dialog(
        qtbot, monkeypatch, NewMeetingDialog, window.meetings.new_button.click, fill
    )
    assert dialog.created_id is not None
    assert window.meetings.editor.detail.id == dialog.created_id
    assert window.meetings.editor.detail.date == dt.date(2027, 1, 20)
    assert agenda_titles(window.meetings.editor)[0] == "1. Call to order"


def test_meeting_mode_opens_from_the_editor(qtbot, window):
    editor = open_meeting(window, draft_id(window))
    qtbot.mouseClick(editor.mode_button, Qt.MouseButton.LeftButton)
    meeting_id = editor.detail.id
    mode = window.meeting_windows[meeting_id]
    assert mode.isVisible()
    assert window.open_meeting_mode(meeting_id) is mode  # one window per meeting
    mode.notes.insertPlainText(" — more")
    mode.close()  # deletes itself; its notes were saved on closing
    qtbot.waitUntil(lambda: meeting_id not in window.meeting_windows)
    notes = [i.notes for i in window.workspace.meetings.get(meeting_id).items]
    assert any(n.endswith(" — more") for n in notes)


def test_start_page_lines_open_their_records(qtbot, window):
    board = window.dashboard
    assert board.lines("anniversaries")[0].startswith("Otsu, Japan: ")
    assert any("term ends" in line for line in board.lines("terms_ending"))
    item = board.lists["minutes_due"].item(0)
    board._activated(item)
    assert window.pages.currentWidget() is window.meetings
    assert window.meetings.editor.detail is not None
    board._activated(board.lists["anniversaries"].item(0))
    assert window.partnerships.detail.title.text() == "Otsu, Japan"
    board._activated(board.lists["terms_ending"].item(0))
    assert window.pages.currentWidget() is window.members


def test_members_page_shows_vacancy_and_adds_a_member(qtbot, monkeypatch, window):
    from sciapp.gui.bodies.page import MemberDialog

    window.show_area(window.members)
    page = window.members
    assert "1 vacant" in page.summary.text()
    assert page.table.rowCount() == 9

    def fill(dialog):
        dialog.name.setText("Bo Lee")
        dialog.seat.setValue(4)  # held by Samuel Whitfield
        dialog.accept()
        assert "seat 4 is held by Samuel Whitfield" in dialog.problem.text()
        dialog.seat.setValue(9)
        dialog.accept()

    open_dialog(qtbot, monkeypatch, MemberDialog, page.add_button.click, fill)
    assert "no vacancies" in page.summary.text()
    assert page.table.rowCount() == 10


def test_a_new_body_gets_members_and_a_meeting(qtbot, monkeypatch, window):
    from sciapp.gui.bodies.body_dialog import BodyDialog
    from sciapp.gui.bodies.page import MemberDialog

    page = window.members
    window.show_area(page)

    def new_body(dialog):
        dialog.name.setText("Youth Exchange Committee")
        dialog.kind.setCurrentIndex(dialog.kind.findData("committee"))
        dialog.seats.setValue(3)
        dialog.quorum.setCurrentIndex(dialog.quorum.findData("fixed"))
        dialog.fixed.setValue(2)
        dialog.agenda.setPlainText("Call to order\nExchange planning\nAdjournment")
        dialog.accept()

    open_dialog(qtbot, monkeypatch, BodyDialog, page.new_body_button.click, new_body)
    assert page.body.currentText() == "Youth Exchange Committee"
    assert "3 seats" in page.summary.text()

    def member(dialog):
        dialog.name.setText("Kofi Mensah")
        dialog.accept()

    open_dialog(qtbot, monkeypatch, MemberDialog, page.add_button.click, member)
    assert page.table.item(0, 0).text() == "Kofi Mensah"

    def rename(dialog):
        assert dialog.name.text() == "Kofi Mensah"
        dialog.office.setCurrentIndex(dialog.office.findData("chair"))
        dialog.accept()

    open_dialog(qtbot, monkeypatch, MemberDialog, lambda: page.edit_member(0), rename)
    assert page.table.item(0, 1).text() == "Chair"
    # The meetings area knows the new body at once.
    filters = window.meetings.body_filter
    assert filters.findText("Youth Exchange Committee") > 0

    def settings(dialog):
        assert dialog.fixed.value() == 2
        dialog.seats.setValue(0)
        dialog.accept()
        assert "fixed quorum lies between 1 and 1" in dialog.problem.text()  # spin box min is 1
        dialog.reject()

    open_dialog(qtbot, monkeypatch, BodyDialog, page.edit_body_button.click, settings)


def test_editing_a_meeting(qtbot, monkeypatch, window):
    editor = open_meeting(window, draft_id(window))

    def fill(dialog):
        assert not dialog.body.isEnabled()
        dialog.place.setText("Lansing Public Library")
        dialog.accept()

    open_dialog(qtbot, monkeypatch, NewMeetingDialog, editor.edit_button.click, fill)
    assert editor.detail.place == "Lansing Public Library"
    assert "Lansing Public Library" in editor.heading.text()


def test_the_history_tab_shows_what_was_recorded_in_the_meeting(qtbot, window):
    meeting_id = draft_id(window)
    editor = open_meeting(window, meeting_id)
    editor.add_item("Sister-city youth exchange")
    editor.tabs.setCurrentWidget(editor.history)
    lines = editor.history.texts()
    assert "create agenda item" in lines[0]  # newest first
    assert "Sister-city youth exchange" in lines[0]
    assert any("create meeting" in line for line in lines)
