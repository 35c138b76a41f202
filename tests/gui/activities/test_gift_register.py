"""File ▸ Gift register…: every gift in one window, a tie's and those no tie holds, by year;
a gift no tie holds recorded there; the register saved as CSV for the year shown."""

from __future__ import annotations

import datetime as dt

from tests.gui.helpers import (
    cells,
    choose,
    click,
    click_row,
    modal,
    opened_window,
    press,
    save_as,
    type_into,
)


def open_register(qtbot, window):
    return opened_window(qtbot, window.gifts_action.trigger, "Gift register")


def test_the_register_lists_every_gift_and_its_model_passes_the_tester(
    qtbot, qtmodeltester, window
) -> None:
    register = open_register(qtbot, window)
    qtmodeltester.check(register.model)
    gifts = cells(register.table, 2)
    assert "Shigaraki-ware vase with the Otsu city crest" in gifts
    assert len(gifts) == len(window.workspace.gifts.list())
    assert set(cells(register.table, 4)) >= {"Otsu"}
    assert register.year.currentText() == "All years"
    assert not register.edit_button.isEnabled()  # nothing chosen yet


def test_a_gift_no_tie_holds_is_recorded_here_and_saved_in_the_years_register(
    qtbot, qtmodeltester, window, tmp_path
) -> None:
    register = open_register(qtbot, window)
    before = register.model.rowCount()

    def record(dialog) -> None:
        type_into(qtbot, dialog.description, "Commemorative plate")
        type_into(qtbot, dialog.counterpart_name, "Consul General Ito")
        type_into(qtbot, dialog.counterpart_office, "Consulate General of Japan in Detroit")
        type_into(qtbot, dialog.value, "75.00")
        press(qtbot, dialog, "Save")

    with modal(qtbot, record):
        click(qtbot, register.new_button)
    qtbot.waitUntil(lambda: register.model.rowCount() == before + 1)
    qtmodeltester.check(register.model)
    row = click_row(qtbot, register.table, "Commemorative plate", column=2)
    assert register.model.record(row).partnership_id is None
    assert cells(register.table, 4)[row] == "No partnership"
    assert "1 not held by a partnership" in register.summary.text()
    assert register.edit_button.isEnabled()
    year = dt.date.today().year
    choose(qtbot, register.year, str(year))
    assert all(g.exchanged_on.year == year for g in register.model.records)
    target = tmp_path / "gifts.csv"
    with modal(qtbot, save_as(qtbot, target)):
        click(qtbot, register.register_button)
    text = target.read_text(encoding="utf-8-sig")
    assert "Commemorative plate" in text
    assert "Consul General Ito" in text
    assert len(text.strip().splitlines()) == 1 + register.model.rowCount()


def test_deleting_a_gift_from_the_register(qtbot, window) -> None:
    from tests.gui.helpers import reply

    register = open_register(qtbot, window)
    before = register.model.rowCount()
    click_row(qtbot, register.table, "Silk furoshiki wrapping cloth", column=2)
    with modal(qtbot, reply("Delete")):
        click(qtbot, register.delete_button)
    qtbot.waitUntil(lambda: register.model.rowCount() == before - 1)
    assert "Silk furoshiki wrapping cloth" not in cells(register.table, 2)
