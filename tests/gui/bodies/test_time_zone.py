"""A body's time zone, chosen in its dialog from the IANA names (searched as typed), is stored
through the body service; a name that is none is refused under the dialog."""

from __future__ import annotations

from PySide6.QtCore import Qt

from sciapp.demo.meetings import COMMISSION
from tests.gui.helpers import choose, click, go_to, modal, press, type_into


def test_the_body_dialog_shows_and_sets_the_time_zone(qtbot, window):
    page = go_to(qtbot, window, "Members")
    choose(qtbot, page.body, COMMISSION)
    shown = {}

    def settings(dialog):
        shown["before"] = dialog.time_zone.currentText()
        shown["default"] = dialog.time_zone.itemText(0)
        type_into(qtbot, dialog.time_zone.lineEdit(), "paris")  # any part of the name
        popup = dialog.time_zone.completer().popup()
        shown["offered"] = [
            popup.model().index(r, 0).data() for r in range(popup.model().rowCount())
        ]
        qtbot.keyClick(popup, Qt.Key.Key_Down)
        qtbot.keyClick(popup, Qt.Key.Key_Return)
        shown["chosen"] = dialog.time_zone.currentText()
        press(qtbot, dialog, "Save")

    with modal(qtbot, settings):
        click(qtbot, page.edit_body_button)
    assert shown["before"] == "America/Detroit"
    assert shown["default"] == "Default (America/Detroit)"  # a Michigan body's default
    assert shown["offered"] == ["Europe/Paris"]
    assert shown["chosen"] == "Europe/Paris"
    assert window.workspace.bodies.find_body(COMMISSION).time_zone == "Europe/Paris"

    def back_to_default(dialog):
        choose(qtbot, dialog.time_zone, "Default")
        press(qtbot, dialog, "Save")

    with modal(qtbot, back_to_default):
        click(qtbot, page.edit_body_button)
    assert window.workspace.bodies.find_body(COMMISSION).time_zone is None


def test_a_name_that_is_no_zone_is_refused_in_the_dialog(qtbot, window):
    page = go_to(qtbot, window, "Members")
    choose(qtbot, page.body, COMMISSION)
    shown = {}

    def settings(dialog):
        type_into(qtbot, dialog.time_zone.lineEdit(), "Lansing/Michigan")
        press(qtbot, dialog, "Save")
        shown["problem"] = dialog.problem.text()
        press(qtbot, dialog, "Cancel")

    with modal(qtbot, settings):
        click(qtbot, page.edit_body_button)
    assert "Time zone" in shown["problem"]
    assert "'Lansing/Michigan' is not a time zone" in shown["problem"]
    assert window.workspace.bodies.find_body(COMMISSION).time_zone == "America/Detroit"


def test_a_city_typed_and_saved_without_picking_is_its_zone(qtbot, window):
    page = go_to(qtbot, window, "Members")
    choose(qtbot, page.body, COMMISSION)

    def settings(dialog):
        type_into(qtbot, dialog.time_zone.lineEdit(), "new york")  # not picked from the list
        press(qtbot, dialog, "Save")

    with modal(qtbot, settings):
        click(qtbot, page.edit_body_button)
    assert window.workspace.bodies.find_body(COMMISSION).time_zone == "America/New_York"


def test_a_new_body_gets_the_zone_chosen(qtbot, window):
    page = go_to(qtbot, window, "Members")

    def create(dialog):
        type_into(qtbot, dialog.name, "Twinning committee")
        choose(qtbot, dialog.time_zone, "America/Chicago")
        press(qtbot, dialog, "Save")

    with modal(qtbot, create):
        click(qtbot, page.new_body_button)
    assert window.workspace.bodies.find_body("Twinning committee").time_zone == "America/Chicago"
