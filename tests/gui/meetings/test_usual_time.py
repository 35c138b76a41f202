"""A body's usual time and place, set in its dialog, are a new meeting's defaults."""

import datetime as dt

from PySide6.QtCore import Qt

from sciapp.demo.meetings import CITY_HALL, COMMISSION, COUNCIL, COUNCIL_CHAMBERS
from sciapp.gui.widgets.pickers import picked_time
from tests.gui.helpers import choose, click, go_to, modal, press, type_into


def hour_earlier(qtbot, edit) -> None:
    """An hour earlier in a time picker: the hour section, the Down arrow."""
    edit.setFocus()
    qtbot.keyClick(edit, Qt.Key.Key_Home)
    qtbot.keyClick(edit, Qt.Key.Key_Down)


def test_a_new_meeting_starts_at_the_bodys_usual_time_and_place(qtbot, window):
    page = go_to(qtbot, window, "Meetings")
    seen = {}

    def look(dialog):
        choose(qtbot, dialog.body, COMMISSION)
        seen["commission"] = (picked_time(dialog.time), dialog.place.text())
        choose(qtbot, dialog.body, COUNCIL)
        seen["council"] = (picked_time(dialog.time), dialog.place.text())
        type_into(qtbot, dialog.place, "Library, Room B")  # typed over: kept
        choose(qtbot, dialog.body, COMMISSION)
        seen["typed"] = (picked_time(dialog.time), dialog.place.text())
        press(qtbot, dialog, "Cancel")

    with modal(qtbot, look):
        click(qtbot, page.new_button)
    assert seen["commission"] == (dt.time(18, 30), CITY_HALL)
    assert seen["council"] == (dt.time(19, 0), COUNCIL_CHAMBERS)
    assert seen["typed"] == (dt.time(18, 30), "Library, Room B")


def test_the_body_dialog_sets_the_usual_time_and_place(qtbot, window):
    page = go_to(qtbot, window, "Members")
    choose(qtbot, page.body, COMMISSION)
    shown = {}

    def settings(dialog):
        shown["before"] = (picked_time(dialog.usual_time), dialog.usual_place.text())
        hour_earlier(qtbot, dialog.usual_time)
        type_into(qtbot, dialog.usual_place, "Library, Room B")
        press(qtbot, dialog, "Save")

    with modal(qtbot, settings):
        click(qtbot, page.edit_body_button)
    assert shown["before"] == (dt.time(18, 30), CITY_HALL)
    body = window.workspace.bodies.find_body(COMMISSION)
    assert (body.usual_time, body.usual_place) == (dt.time(17, 30), "Library, Room B")

    meetings = go_to(qtbot, window, "Meetings")
    made = {}

    def create(dialog):
        choose(qtbot, dialog.body, COMMISSION)
        made["defaults"] = (picked_time(dialog.time), dialog.place.text())
        press(qtbot, dialog, "Create")

    with modal(qtbot, create):
        click(qtbot, meetings.new_button)
    assert made["defaults"] == (dt.time(17, 30), "Library, Room B")
    detail = meetings.editor.detail
    assert (detail.start_time, detail.place) == (dt.time(17, 30), "Library, Room B")


def test_the_body_dialog_names_its_usual_place_field(qtbot, window):
    page = go_to(qtbot, window, "Members")

    def settings(dialog):
        type_into(qtbot, dialog.usual_place, "Room\u200b")  # only an invisible character
        dialog.usual_place.insert("\x07")
        press(qtbot, dialog, "Save")
        shown["problem"] = dialog.problem.text()
        press(qtbot, dialog, "Cancel")

    shown = {}
    with modal(qtbot, settings):
        click(qtbot, page.edit_body_button)
    assert shown["problem"].startswith("Usually meets in: ")
