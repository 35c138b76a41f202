"""Scenarios in the Meetings area: a meeting from the usual agenda, its attendance and guests;
the minutes proposed, approved and corrected; the agenda and minutes printed; a meeting
edited, cancelled and deleted."""

import datetime as dt

from PySide6.QtCore import QDate, QDateTime, Qt, QTime

from sciapp.domain.attendance import Presence
from tests.gui.helpers import (
    button,
    choose,
    click,
    click_row,
    enter_text,
    go_to,
    list_lines,
    modal,
    pick_row,
    press,
    print_to_file,
    reply,
    save_as,
    show_tab,
    type_into,
)
from tests.pdf.conftest import pdf_text

COMMISSION = "Lansing Regional Sister Cities Commission"


def meetings_page(qtbot, window):
    return go_to(qtbot, window, "Meetings")


def open_meeting(qtbot, page, day: dt.date):
    """Click the meeting's line in the list (the Date column shows e.g. "Nov 24, 2026")."""
    shown = f"{day:%b} {day.day}, {day.year}"
    click_row(qtbot, page.table, shown)
    assert page.editor.detail.date == day
    return page.editor


def last_week_draft(window):
    today = dt.date.today()
    return next(
        r.date
        for r in window.workspace.meetings.list_meetings()
        if r.date < today and r.minutes_status.value == "draft"
    )


def agenda(editor):
    return list_lines(editor.agenda_tab.agenda)


def test_a_meeting_from_the_usual_agenda_with_attendance_and_guests(qtbot, window):
    page = meetings_page(qtbot, window)

    def new_meeting(dialog):
        choose(qtbot, dialog.body, COMMISSION)
        dialog.date.setDate(QDate(2027, 1, 20))  # picked in the calendar
        type_into(qtbot, dialog.place, "City Hall, Room 10")
        assert dialog.usual.isChecked()
        press(qtbot, dialog, "Create")

    with modal(qtbot, new_meeting):
        click(qtbot, page.new_button)
    editor = page.editor
    assert editor.detail.date == dt.date(2027, 1, 20)
    assert agenda(editor)[0] == "1. Call to order"
    usual = len(agenda(editor))

    tab = show_tab(qtbot, editor.tabs, "Agenda")
    pick_row(qtbot, tab.agenda, "New business")  # the new item goes after the one selected
    with modal(qtbot, enter_text(qtbot, "Youth exchange with Otsu")):
        click(qtbot, tab.add_button)
    titles = agenda(editor)
    assert len(titles) == usual + 1
    assert titles[-2] == f"{usual}. Youth exchange with Otsu"  # before the adjournment
    assert titles[-1] == f"{usual + 1}. Adjournment"
    assert tab.agenda.currentItem().text().endswith("Youth exchange with Otsu")
    with modal(qtbot, enter_text(qtbot, "Youth exchange with Otsu, summer 2027")):
        click(qtbot, tab.rename_button)
    assert agenda(editor)[-2] == f"{usual}. Youth exchange with Otsu, summer 2027"

    attendance = show_tab(qtbot, editor.tabs, "Attendance")
    click(qtbot, attendance.all_present_button)
    assert {a.presence for a in editor.detail.attendance} == {Presence.PRESENT}
    assert "(quorum)" in attendance.quorum_label.text()

    late = editor.detail.attendance[2].name
    row = next(
        r
        for r in range(attendance.table.rowCount())
        if attendance.table.cellWidget(r, 0).text().strip() == late
    )
    field = attendance.table.cellWidget(row, 2)  # the Arrived cell in the member's row
    assert field.accessibleName() == f"Arrived: {late}"
    type_into(qtbot, field, "7:20 pm")
    qtbot.keyClick(field, Qt.Key.Key_Return)
    arrived = next(a for a in editor.detail.attendance if a.name == late).arrived
    assert arrived == dt.time(19, 20)
    assert "7:20\u00a0PM" in attendance.quorum_label.text()  # as the locale writes times

    type_into(qtbot, attendance.guest_name, "Maria Lopez")
    type_into(qtbot, attendance.guest_role, "City Clerk")
    click(qtbot, attendance.add_guest_button)
    assert list_lines(attendance.guests) == ["Maria Lopez (City Clerk)"]
    pick_row(qtbot, attendance.guests, "Maria Lopez")
    with modal(qtbot, reply("Remove")):
        click(qtbot, attendance.remove_guest_button)
    assert list_lines(attendance.guests) == []
    assert editor.detail.guests == ()


def test_minutes_proposed_approved_then_corrected_beside_the_original(qtbot, window):
    page = meetings_page(qtbot, window)
    editor = open_meeting(qtbot, page, last_week_draft(window))
    with modal(qtbot, reply("Propose")):
        click(qtbot, editor.propose_button)
    assert editor.detail.minutes_status.value == "proposed"

    def approve_today(dialog):
        assert dialog.date.date().toPython() == dt.date.today()
        press(qtbot, dialog, "OK")

    with modal(qtbot, approve_today):
        click(qtbot, editor.approve_button)
    assert editor.detail.locked
    assert "locked" in editor.heading.text()
    assert window.workspace.seals.seal_of("minutes", editor.detail.id) is not None
    tab = show_tab(qtbot, editor.tabs, "Agenda")
    assert not tab.add_button.isEnabled()
    assert not editor.edit_button.isEnabled()
    before = editor.notes.toPlainText()
    qtbot.keyClicks(editor.notes, "sneaked in")  # the sealed minutes take no typing
    assert editor.notes.toPlainText() == before

    def correct(dialog):
        choose(qtbot, dialog.item, "5. Reports")
        assert "Sakaide" in dialog.original.text()
        type_into(qtbot, dialog.corrected, "Treasurer: the Sakaide exchange is $200 over budget.")
        press(qtbot, dialog, "Record correction")

    with modal(qtbot, correct):
        click(qtbot, editor.correct_button)
    show_tab(qtbot, editor.tabs, "Minutes")
    text = editor.minutes_view.toPlainText()
    assert "Original: Treasurer: the Sakaide exchange is within budget." in text
    assert "Corrected: Treasurer: the Sakaide exchange is $200 over budget." in text


def test_the_agenda_and_minutes_saved_as_pdf_and_printed(qtbot, window, tmp_path):
    from sciapp.services.reports import rendering

    page = meetings_page(qtbot, window)
    editor = open_meeting(qtbot, page, dt.date(2022, 3, 14))  # approved and sealed
    meeting_id = editor.detail.id
    seal = window.workspace.seals.seal_of("minutes", meeting_id).digest
    rendered = pdf_text(rendering.render_minutes(window.workspace, meeting_id).pdf)

    show_tab(qtbot, editor.tabs, "Minutes")
    saved, printed = tmp_path / "minutes.pdf", tmp_path / "printed.pdf"
    with modal(qtbot, save_as(qtbot, saved)):
        click(qtbot, editor.minutes_pdf_button)
    with modal(qtbot, print_to_file(qtbot, printed)):
        click(qtbot, editor.minutes_print_button)
    for path in (saved, printed):
        text = pdf_text(path.read_bytes())
        assert text == rendered  # the document `sciapp render minutes` writes
        assert seal in " ".join(text.split())
    assert window.statusBar().currentMessage().startswith("Printed to")

    tab = show_tab(qtbot, editor.tabs, "Agenda")
    agenda_pdf, agenda_print = tmp_path / "agenda.pdf", tmp_path / "agenda-printed.pdf"
    with modal(qtbot, save_as(qtbot, agenda_pdf)):
        click(qtbot, tab.pdf_button)
    with modal(qtbot, print_to_file(qtbot, agenda_print)):
        click(qtbot, tab.print_button)
    expected = pdf_text(rendering.render_agenda(window.workspace, meeting_id).pdf)
    assert pdf_text(agenda_pdf.read_bytes()) == expected
    assert pdf_text(agenda_print.read_bytes()) == expected
    assert "St. Petersburg" in expected


def test_a_meeting_edited_cancelled_and_one_made_by_mistake_deleted(qtbot, window):
    page = meetings_page(qtbot, window)
    upcoming = dt.date.today() + dt.timedelta(days=21)  # no public notice recorded yet
    editor = open_meeting(qtbot, page, upcoming)
    assert "no public notice recorded" in editor.heading.text()

    def edit(dialog):
        dialog.time.setTime(QTime(18, 30))
        type_into(qtbot, dialog.place, "Council Chambers, City Hall")
        click(qtbot, dialog.noticed)
        posted = dt.datetime.combine(upcoming - dt.timedelta(days=2), dt.time(9, 0))
        dialog.notice.setDateTime(QDateTime(posted))
        assert dialog.notice_warning.text() == ""
        press(qtbot, dialog, "Save")

    with modal(qtbot, edit):
        click(qtbot, editor.edit_button)
    assert editor.detail.start_time == dt.time(18, 30)
    assert editor.detail.place == "Council Chambers, City Hall"
    assert "6:30\u00a0PM — Council Chambers, City Hall" in editor.heading.text()
    assert "no public notice" not in editor.heading.text()

    def cancel(dialog):
        with modal(qtbot, enter_text(qtbot, "No quorum expected in the holiday week")):
            press(qtbot, dialog, "Mark as cancelled…")

    with modal(qtbot, cancel):
        click(qtbot, editor.edit_button)
    assert editor.detail.cancelled
    assert "Cancelled" in editor.heading.text()
    assert "No quorum expected" in editor.heading.text()
    row = next(
        r for r in range(page.model.rowCount()) if page.model.meeting_id(r) == editor.detail.id
    )
    assert page.model.index(row, 4).data() == "Cancelled"

    def by_mistake(dialog):
        choose(qtbot, dialog.body, COMMISSION)
        dialog.date.setDate(QDate(2027, 2, 2))
        press(qtbot, dialog, "Create")

    with modal(qtbot, by_mistake):
        click(qtbot, page.new_button)
    mistake = editor.detail.id
    count = page.model.rowCount()

    def delete(dialog):
        with modal(qtbot, reply("Delete")):
            press(qtbot, dialog, "Delete this meeting…")

    with modal(qtbot, delete):
        click(qtbot, editor.edit_button)
    assert page.model.rowCount() == count - 1
    assert mistake not in [page.model.meeting_id(r) for r in range(page.model.rowCount())]
    assert window.statusBar().currentMessage() == "The meeting was deleted."

    held = open_meeting(qtbot, page, last_week_draft(window))
    refusal = {}

    def refused(dialog):
        delete = button(dialog, "Delete this meeting…")
        refusal["enabled"] = delete.isEnabled()
        refusal["why"] = delete.toolTip()
        refusal["note"] = dialog.held_note.text()
        press(qtbot, dialog, "Cancel")

    with modal(qtbot, refused):
        click(qtbot, held.edit_button)
    assert not refusal["enabled"]  # refused before anyone asks, with the reason
    assert refusal["why"] == "It cannot be deleted: it was called to order"
    assert "This meeting took place (it was called to order)" in refusal["note"]
    assert held.detail is not None
