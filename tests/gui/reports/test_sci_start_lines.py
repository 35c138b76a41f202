"""The Start page's Sister Cities International box: the Annual Awards deadline, set in
Settings (clicking the line opens them), and this year's dues when none are recorded (the
line opens the membership dialog, where recording them clears it)."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QDate, Qt

from tests.gui.helpers import click, modal, press

LEFT = Qt.MouseButton.LeftButton
AWARDS = "Sister Cities International Annual Awards"


def click_line(qtbot, page, key: str, text: str) -> None:
    listing = page.lists[key]
    for row in range(listing.count()):
        item = listing.item(row)
        if text in item.text():
            rect = listing.visualItemRect(item)
            qtbot.mouseClick(listing.viewport(), LEFT, pos=rect.center())
            return
    raise AssertionError(f"no line with “{text}”: {page.lines(key)}")


def test_the_awards_deadline_is_set_from_its_line_and_shown(qtbot, window, isolated_home) -> None:
    from sciapp.settings import load_settings

    page = window.dashboard
    assert page.lines("sci") == [f"{AWARDS}: set the entry deadline in Settings"]
    assert page.lists["sci"].parentWidget().isVisible()
    due = dt.date.today() + dt.timedelta(days=90)

    def set_date(dialog) -> None:
        assert not dialog.awards_due.isEnabled()  # not set: no date assumed
        click(qtbot, dialog.awards_set)
        assert dialog.awards_due.isEnabled()
        dialog.awards_due.setDate(QDate(due.year, due.month, due.day))  # as the calendar does
        press(qtbot, dialog, "Save")

    with modal(qtbot, set_date):
        click_line(qtbot, page, "sci", AWARDS)
    assert load_settings(isolated_home / "config").awards_due == due
    (line,) = page.lines("sci")
    assert line.startswith(f"{AWARDS}: entries due ")
    assert str(due.year) in line

    def unset(dialog) -> None:
        assert dialog.awards_set.isChecked()
        click(qtbot, dialog.awards_set)
        press(qtbot, dialog, "Save")

    with modal(qtbot, unset):
        click_line(qtbot, page, "sci", AWARDS)
    assert load_settings(isolated_home / "config").sci_awards_due == ""
    assert page.lines("sci") == [f"{AWARDS}: set the entry deadline in Settings"]


def test_unrecorded_dues_are_listed_and_recording_them_clears_the_line(qtbot, window) -> None:
    from sciapp.services.partnerships.membership import MembershipDraft

    year = dt.date.today().year
    page = window.dashboard
    assert not any("dues" in line for line in page.lines("sci"))  # the demo paid this year's
    window.workspace.membership.record(MembershipDraft(year))  # paid on: not recorded
    qtbot.waitUntil(lambda: f"SCI dues for {year} not recorded" in page.lines("sci"))

    def record(dialog) -> None:
        assert dialog.year.value() == year
        click(qtbot, dialog.paid.given)
        click(qtbot, dialog.record_button)
        assert dialog.problem.text() == ""
        press(qtbot, dialog, "Close")

    with modal(qtbot, record):
        click_line(qtbot, page, "sci", "SCI dues")
    qtbot.waitUntil(lambda: not any("dues" in line for line in page.lines("sci")))
