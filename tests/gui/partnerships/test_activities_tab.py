"""The Activities, Gifts and Contacts tabs of a partnership, driven as a clerk does: record
an exchange with its people and files, a gift, a contact, the year's SCI dues."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from sciapp.gui.activities.models import RecordsModel
from tests.gui.helpers import (
    button,
    cells,
    choose,
    click,
    click_row,
    file_dialog,
    go_to,
    modal,
    press,
    read_box,
    reply,
    show_tab,
    type_into,
)


@pytest.fixture
def page(qtbot, window):
    return go_to(qtbot, window, "Partnerships")


def tab_of(qtbot, page, city: str, title: str):
    click_row(qtbot, page.table, city)
    return show_tab(qtbot, page.detail_tabs, title)


def test_the_models_pass_the_qt_model_tester(qtmodeltester, demo_workspace):
    activities = demo_workspace.activities.list()
    model = RecordsModel([("Title", lambda a: a.title), ("Kind", lambda a: a.kind.label)])
    model.set_records(activities)
    qtmodeltester.check(model)
    people = RecordsModel([("Name", lambda p: p.name)])
    people.set_records(activities[0].participants)
    qtmodeltester.check(people)
    empty = RecordsModel([("Gift", lambda g: g.description)])
    qtmodeltester.check(empty)


def test_recording_an_exchange_with_its_people_and_a_file(qtbot, page, tmp_path, monkeypatch):
    tab = tab_of(qtbot, page, "Saltillo", "Activities")
    assert tab.empty.text() == "No activities with Saltillo recorded yet."

    def fill(dialog):
        assert dialog.windowTitle() == "New activity: Saltillo"
        choose(qtbot, dialog.kind, "Youth exchange")
        type_into(qtbot, dialog.title, "Summer exchange")
        type_into(qtbot, dialog.budget, "1,500")
        type_into(qtbot, dialog.spent, "lots")
        assert not dialog.save_button.isEnabled()
        assert dialog.form.error_text("spent_cents").startswith("An amount such as")
        type_into(qtbot, dialog.spent, "1,620.50")
        assert dialog.over.text() == "Spent is 120.50 over budget."
        press(qtbot, dialog, "Save")

    with modal(qtbot, fill):
        click(qtbot, tab.new_button)
    assert cells(tab.table, 2) == ["Summer exchange"]
    assert cells(tab.table, 4) == ["$1,500.00"]
    assert cells(tab.table, 5) == ["$1,620.50 ($120.50 over budget)"]  # seen in the list too

    def chaperone(dialog):
        type_into(qtbot, dialog.name, "Rosa Delgado")
        choose(qtbot, dialog.role, "Chaperone")
        assert not dialog.chaperone.isEnabled()
        press(qtbot, dialog, "Save")

    def student(dialog):
        type_into(qtbot, dialog.name, "Ana Ruiz")
        choose(qtbot, dialog.role, "Student")
        choose(qtbot, dialog.chaperone, "Rosa Delgado")
        press(qtbot, dialog, "Save")

    for answer in (chaperone, student):
        with modal(qtbot, answer):
            click(qtbot, tab.add_person)
    assert cells(tab.people_table, 0) == ["Rosa Delgado", "Ana Ruiz"]
    assert cells(tab.people_table, 2) == ["", "Rosa Delgado"]

    waiver = tmp_path / "waiver.pdf"
    waiver.write_bytes(b"%PDF-1.7 signed waiver")
    with modal(qtbot, file_dialog(qtbot, waiver)):
        click(qtbot, tab.attach)
    assert cells(tab.files_table, 0) == ["waiver.pdf"]
    assert cells(tab.files_table, 1) == ["PDF"]  # in words, not application/pdf
    click_row(qtbot, tab.files_table, "waiver.pdf")
    copy = tmp_path / "copy.pdf"
    with modal(qtbot, file_dialog(qtbot, copy)):
        click(qtbot, tab.save_file)
    assert copy.read_bytes() == waiver.read_bytes()
    opened = []
    monkeypatch.setattr(
        "sciapp.gui.partnerships.activities_tab.QDesktopServices.openUrl",
        lambda url: opened.append(url) or True,
    )
    click(qtbot, tab.open_file)
    (url,) = opened
    assert Path(url.toLocalFile()).read_bytes() == waiver.read_bytes()

    # No viewer on this computer: the clerk is told so, not left with a button that did nothing.
    monkeypatch.setattr(
        "sciapp.gui.partnerships.activities_tab.QDesktopServices.openUrl", lambda url: False
    )
    said: list[str] = []
    with modal(qtbot, read_box(said)):
        click(qtbot, tab.open_file)
    assert said == [
        "No program on this computer opens waiver.pdf."
        " Use Save copy… to keep it in a folder of your choice."
    ]

    with modal(qtbot, reply("Delete")):
        click(qtbot, tab.delete_button)
    assert cells(tab.table, 2) == []
    assert page.workspace.activities.list(page.selected_id()) == []


def test_a_refused_save_shows_in_the_dialog(qtbot, page):
    tab = tab_of(qtbot, page, "Otsu", "Activities")

    def clear_title(dialog):
        type_into(qtbot, dialog.title, "")
        assert not dialog.save_button.isEnabled()
        assert dialog.form.error_text("title") == "Give the activity a title"
        press(qtbot, dialog, "Cancel")

    click_row(qtbot, tab.table, "Official delegation to Otsu", 2)
    with modal(qtbot, clear_title):
        click(qtbot, tab.edit_button)


def test_a_gift_and_the_gift_register(qtbot, page, tmp_path):
    tab = tab_of(qtbot, page, "Otsu", "Gifts")
    assert len(cells(tab.table, 2)) == 3
    header = tab.table.model().headerData(1, Qt.Orientation.Horizontal)
    assert header == "Given or received"  # no column without a heading

    def record(dialog):
        choose(qtbot, dialog.direction, "Given")
        type_into(qtbot, dialog.description, "Lansing lapel pins")
        type_into(qtbot, dialog.value, "25")
        click(qtbot, dialog.city_property)  # a personal gift
        choose(qtbot, dialog.activity, "Official delegation to Otsu")
        press(qtbot, dialog, "Save")

    with modal(qtbot, record):
        click(qtbot, tab.new_button)
    assert "Lansing lapel pins" in cells(tab.table, 2)
    target = tmp_path / "gifts.csv"
    with modal(qtbot, file_dialog(qtbot, target)):
        click(qtbot, tab.register_button)
    rows = list(csv.DictReader(target.open(encoding="utf-8-sig")))
    pins = next(r for r in rows if r["Gift"] == "Lansing lapel pins")
    assert pins["City property"] == "Personal"
    assert pins["At activity"] == "Official delegation to Otsu"


def test_a_contact_in_its_own_script_and_the_sci_dues(qtbot, page):
    tab = tab_of(qtbot, page, "Sakaide", "Contacts")

    def fill(dialog):
        choose(qtbot, dialog.role, "Mayor")
        type_into(qtbot, dialog.name, "有福 哲二")
        type_into(qtbot, dialog.name_latin, "Tetsuji Arifuku")
        type_into(qtbot, dialog.email, "not-an-address")
        press(qtbot, dialog, "Save")
        assert "Email: an address such as" in dialog.problem.text()
        type_into(qtbot, dialog.email, "mayor@city.sakaide.example")
        press(qtbot, dialog, "Save")

    with modal(qtbot, fill):
        click(qtbot, tab.new_button)
    assert "有福 哲二 (Tetsuji Arifuku)" in cells(tab.table, 1)

    def dues(dialog):
        assert "good standing" in dialog.standing.text()
        dialog.year.setValue(dialog.year.value() + 1)
        click(qtbot, dialog.paid.given)
        type_into(qtbot, dialog.dues, "1,100")
        press(qtbot, dialog, "Record year")
        assert cells(dialog.table, 2)[0] == "$1,100.00"
        press(qtbot, dialog, "Close")

    with modal(qtbot, dues):
        click(qtbot, button(tab, "SCI membership…"))
    assert len(page.workspace.membership.list()) == 3
