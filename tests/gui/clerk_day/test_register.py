"""Scenarios: a suspension recorded by hand; a CSV imported (a bad one first) and exported."""

from PySide6.QtCore import Qt

from tests.gui.helpers import (
    cells,
    choose,
    click,
    click_row,
    go_to,
    modal,
    open_file,
    press,
    row_with,
    save_as,
    show_tab,
    tool_button,
    type_into,
)


def test_find_st_petersburg_and_record_its_suspension_by_the_council(qtbot, register_window):
    window = register_window
    page = go_to(qtbot, window, "Partnerships")
    qtbot.mouseClick(page.search, Qt.MouseButton.LeftButton)
    qtbot.keyClicks(page.search, "St. P")
    assert cells(page.table, 0) == ["St. Petersburg"]
    assert page.count_label.text() == "1 of 11 partnerships"
    click_row(qtbot, page.table, "St. Petersburg")
    assert page.detail.title.text() == "St. Petersburg, Russia"
    assert page.status_action.isEnabled()
    assert page.edit_action.isEnabled()

    def suspend(dialog):
        choose(qtbot, dialog.status, "Suspend")
        type_into(qtbot, dialog.effective.line, "2022-03-14")
        choose(qtbot, dialog.decided_by, "City Council")
        type_into(qtbot, dialog.instrument, "Resolution 2022-01")
        type_into(qtbot, dialog.reason, "Russia's invasion of Ukraine")
        type_into(qtbot, dialog.condition, "until peace is restored")
        press(qtbot, dialog, "Record")

    with modal(qtbot, suspend):
        click(qtbot, tool_button(page.toolbar, page.status_action))

    row = row_with(page.table, "St. Petersburg")
    assert page.table.model().index(row, 4).data() == "Suspended"
    last = page.detail.timeline.texts()[-1]
    assert "Suspended by the City Council (Resolution 2022-01)" in last
    assert "until peace is restored" in last
    assert "Russia's invasion of Ukraine" in last
    assert window.statusBar().currentMessage().startswith("Recorded: St. Petersburg")
    show_tab(qtbot, page.detail_tabs, "History")
    assert "Changed status" in page.history.texts()[0]  # newest first


def test_import_a_bad_csv_then_a_good_one_and_export_it(qtbot, register_window, tmp_path):
    window = register_window
    page = go_to(qtbot, window, "Partnerships")
    bad = tmp_path / "bad.csv"
    bad.write_text("kind,partner_city,partner_country\nsister,Graz,AT\nsister,,XX\n")
    shown = {}

    def read_problems(dialog):
        shown["summary"] = dialog.summary.text()
        shown["problems"] = [cells(dialog.problems, column) for column in range(3)]
        press(qtbot, dialog, "Close")

    with modal(qtbot, open_file(qtbot, bad), read_problems):
        window.import_action.trigger()
    assert "Nothing was imported from bad.csv: 2 problems" in shown["summary"]
    assert shown["problems"] == [
        ["3", "3"],
        ["partner_city", "partner_country"],
        ["required", "no country called 'XX'"],
    ]
    assert "Graz" not in cells(page.table, 0)

    good = tmp_path / "good.csv"
    good.write_text("kind,partner_city,partner_country\nfriendship,Graz,Austria\n")
    with modal(qtbot, open_file(qtbot, good)):
        window.import_action.trigger()
    assert "Graz" in cells(page.table, 0)  # the table follows at once
    assert window.statusBar().currentMessage() == (
        "Imported 1 partnership from good.csv. Read as UTF-8, comma-separated."
    )

    target = tmp_path / "register.csv"
    with modal(qtbot, save_as(qtbot, target)):
        window.export_action.trigger()
    exported = target.read_bytes()
    assert exported.startswith(b"\xef\xbb\xbfkind,partner_city")
    assert b"Graz" in exported
    assert "Exported 12 partnerships" in window.statusBar().currentMessage()
