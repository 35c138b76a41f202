"""Scenario: Otsu's delegation visits; the clerk records the visit, who hosted it, the photo
of the ceremony and the gift received, then saves the gift register for the disclosure."""

import csv

from PySide6.QtCore import Qt

from tests.gui.helpers import (
    cells,
    choose,
    click,
    click_row,
    file_dialog,
    go_to,
    modal,
    press,
    show_tab,
    type_into,
)


def test_recording_a_delegation_visit_with_its_gift(qtbot, register_window, tmp_path):
    page = go_to(qtbot, register_window, "Partnerships")
    qtbot.mouseClick(page.search, Qt.MouseButton.LeftButton)
    qtbot.keyClicks(page.search, "Otsu")
    click_row(qtbot, page.table, "Otsu")
    activities = show_tab(qtbot, page.detail_tabs, "Activities")

    def visit(dialog):
        choose(qtbot, dialog.kind, "Official delegation (incoming)")
        type_into(qtbot, dialog.title, "Otsu delegation at the Lansing Art Fair")
        type_into(qtbot, dialog.place, "Lansing City Hall")
        type_into(qtbot, dialog.budget, "2,000")
        type_into(qtbot, dialog.spent, "1,875.40")
        assert dialog.over.text() == ""
        press(qtbot, dialog, "Save")

    with modal(qtbot, visit):
        click(qtbot, activities.new_button)
    assert cells(activities.table, 1) == ["Official delegation (incoming)"]

    def host(dialog):
        type_into(qtbot, dialog.name, "The Whitlock family")
        choose(qtbot, dialog.role, "Host family")
        press(qtbot, dialog, "Save")

    with modal(qtbot, host):
        click(qtbot, activities.add_person)
    photo = tmp_path / "ceremony.jpg"
    photo.write_bytes(b"\xff\xd8\xff\xe0 a JPEG of the gift ceremony")
    with modal(qtbot, file_dialog(qtbot, photo)):
        click(qtbot, activities.attach)
    assert cells(activities.files_table, 1) == ["JPEG image"]
    assert register_window.statusBar().currentMessage() == "ceremony.jpg attached."

    gifts = show_tab(qtbot, page.detail_tabs, "Gifts")

    def gift(dialog):
        type_into(qtbot, dialog.description, "Otsu-e folk painting")
        dialog.counterpart_name.setText("佐藤 直美")  # QTest types ASCII only
        type_into(qtbot, dialog.counterpart_office, "Office of the Mayor")
        type_into(qtbot, dialog.counterpart_city, "Otsu")
        choose(qtbot, dialog.activity, "Otsu delegation at the Lansing Art Fair")
        type_into(qtbot, dialog.value, "120")
        type_into(qtbot, dialog.custodian, "City Clerk")
        type_into(qtbot, dialog.location, "Mayor's office")
        press(qtbot, dialog, "Save")

    with modal(qtbot, gift):
        click(qtbot, gifts.new_button)
    assert cells(gifts.table, 2) == ["Otsu-e folk painting"]
    register = tmp_path / "gift-register.csv"
    with modal(qtbot, file_dialog(qtbot, register)):
        click(qtbot, gifts.register_button)
    (row,) = csv.DictReader(register.open(encoding="utf-8-sig"))
    assert row["From or to (person)"] == "佐藤 直美"
    assert row["At activity"] == "Otsu delegation at the Lansing Art Fair"
    assert row["Estimated value"] == "120.00"
    assert row["City property"] == "City property"
