"""File ▸ Annual report to council…: the year typed, Save PDF… and Save JSON… through their
save dialogs, 'Saved to …' in the dialog and the status bar; the Start page's dormant ties."""

from __future__ import annotations

import json

from PySide6.QtWidgets import QDialogButtonBox, QLabel

from tests.gui.helpers import click, modal, save_as, type_into
from tests.pdf.conftest import pdf_text


def test_the_report_dialog_saves_the_pdf_and_the_json(qtbot, window, tmp_path) -> None:
    pdf, data = tmp_path / "annual 2022.pdf", tmp_path / "annual.json"
    said: list[str] = []

    def answer(dialog) -> None:
        assert dialog.windowTitle() == "Annual report to council"
        words = " ".join(label.text() for label in dialog.findChildren(QLabel))
        for part in ("activities", "gifts", "Sister Cities International membership"):
            assert part in words  # the dialog says what the report holds, as the PDF does
        type_into(qtbot, dialog.year, "2022")
        with modal(qtbot, save_as(qtbot, pdf)):
            click(qtbot, dialog.pdf_button)
        said.append(dialog.saved.text())
        with modal(qtbot, save_as(qtbot, data)):
            click(qtbot, dialog.json_button)
        said.append(dialog.saved.text())
        box = dialog.findChild(QDialogButtonBox)
        click(qtbot, box.button(QDialogButtonBox.StandardButton.Close))

    with modal(qtbot, answer):
        window.annual_report_action.trigger()
    assert said == [f"Saved to {pdf}", f"Saved to {data}"]
    assert f"Saved to {data}" in window.statusBar().currentMessage()
    assert window.open_folder_button.isVisible()
    text = " ".join(pdf_text(pdf.read_bytes()).split())
    assert "Annual Report 2022" in text
    assert "2. Status changes and decisions" in text
    report = json.loads(data.read_text("utf-8"))
    assert (report["year"], report["totals"]["status_changes"]) == (2022, 1)


def test_a_year_not_begun_is_refused_in_words(qtbot, window, tmp_path) -> None:
    from tests.gui.helpers import read_box

    shown: list[str] = []

    def answer(dialog) -> None:
        dialog.year.setMaximum(9999)  # the box stops at this year; the service says why
        type_into(qtbot, dialog.year, "9999")
        with modal(qtbot, save_as(qtbot, tmp_path / "x.json"), read_box(shown)):
            click(qtbot, dialog.json_button)
        dialog.reject()

    with modal(qtbot, answer):
        window.annual_report_action.trigger()
    assert any("9999 has not begun" in text for text in shown)
    assert not (tmp_path / "x.json").exists()


def test_the_start_page_lists_the_ties_due_for_review(qtbot, window) -> None:
    lines = window.dashboard.lines("dormant")
    assert any(line.startswith("Asan, ") and line.endswith("— due for review") for line in lines)
    assert window.dashboard.lists["dormant"].parentWidget().isVisible()


def test_the_years_before_review_are_a_setting_the_start_page_follows(
    qtbot, window, isolated_home
) -> None:
    from sciapp.settings import load_settings
    from tests.gui.helpers import press

    # The demo's last letter to St. Petersburg is of March 2022.
    assert any(line.startswith("St. Petersburg, ") for line in window.dashboard.lines("dormant"))

    def fill(dialog) -> None:
        assert dialog.dormant.value() == 3
        type_into(qtbot, dialog.dormant, "10")
        press(qtbot, dialog, "Save")

    with modal(qtbot, fill):
        window.settings_action.trigger()
    assert load_settings(isolated_home / "config").dormant_years == 10
    lines = window.dashboard.lines("dormant")
    assert not any(line.startswith("St. Petersburg, ") for line in lines)
    assert any(line.startswith("Asan, ") for line in lines)  # nothing on record names it
