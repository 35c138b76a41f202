"""Scenario: the clerk records the spring exchange, then prints the annual report to council
for the year so far and finds the exchange in it, with its participants and spending."""

import datetime as dt

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox

from tests.gui.helpers import (
    cells,
    choose,
    click,
    click_row,
    go_to,
    modal,
    press,
    save_as,
    show_tab,
    type_into,
)
from tests.pdf.conftest import pdf_text


def test_recording_an_exchange_and_printing_the_annual_report(qtbot, register_window, tmp_path):
    page = go_to(qtbot, register_window, "Partnerships")
    qtbot.mouseClick(page.search, Qt.MouseButton.LeftButton)
    qtbot.keyClicks(page.search, "Guadalajara")
    click_row(qtbot, page.table, "Guadalajara")
    activities = show_tab(qtbot, page.detail_tabs, "Activities")

    def exchange(dialog):
        choose(qtbot, dialog.kind, "Youth exchange")
        type_into(qtbot, dialog.title, "Spring youth exchange")
        type_into(qtbot, dialog.budget, "5,000")
        type_into(qtbot, dialog.spent, "5,250")
        press(qtbot, dialog, "Save")

    with modal(qtbot, exchange):
        click(qtbot, activities.new_button)
    assert cells(activities.table, 1) == ["Youth exchange"]
    for name, role in (("Ana Ruiz", "Student"), ("Carmen Ruiz", "Chaperone")):

        def person(dialog, name=name, role=role):
            type_into(qtbot, dialog.name, name)
            choose(qtbot, dialog.role, role)
            press(qtbot, dialog, "Save")

        with modal(qtbot, person):
            click(qtbot, activities.add_person)

    report = tmp_path / "annual.pdf"
    year = dt.date.today().year

    def print_report(dialog):
        type_into(qtbot, dialog.year, str(year))
        with modal(qtbot, save_as(qtbot, report)):
            click(qtbot, dialog.pdf_button)
        box = dialog.findChild(QDialogButtonBox)
        click(qtbot, box.button(QDialogButtonBox.StandardButton.Close))

    with modal(qtbot, print_report):
        register_window.annual_report_action.trigger()
    text = " ".join(pdf_text(report.read_bytes()).split())
    assert f"Annual Report {year}" in text
    assert "Guadalajara, Mexico Youth exchange Spring youth exchange" in text
    assert "1 student, 1 chaperone" in text
    assert "USD 1 $5,000.00 $5,250.00 $250.00 over budget" in text
