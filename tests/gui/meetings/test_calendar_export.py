"""Export calendar… on the meetings area writes the body's meetings as an .ics file."""

from __future__ import annotations

from icalendar import Calendar

from sciapp.demo.meetings import COUNCIL
from tests.gui.helpers import choose, click, file_dialog, go_to, modal


def test_export_calendar_writes_the_bodys_meetings(qtbot, window, tmp_path):
    page = go_to(qtbot, window, "Meetings")
    choose(qtbot, page.body_filter, COUNCIL)
    assert page.calendar_button.isEnabled()
    target = tmp_path / "council"
    said = []
    window.bus.said.connect(lambda text, file: said.append((text, file)))
    with modal(qtbot, file_dialog(qtbot, target)):
        click(qtbot, page.calendar_button)
    written = target.with_suffix(".ics")
    calendar = Calendar.from_ical(written.read_bytes())
    assert str(calendar["X-WR-CALNAME"]) == COUNCIL
    assert len(calendar.walk("VEVENT")) == 2
    assert said == [(f"Saved the calendar of {COUNCIL}: 2 meetings.", str(written))]


def test_export_calendar_needs_a_body(qtbot, window):
    page = go_to(qtbot, window, "Meetings")
    choose(qtbot, page.body_filter, "All bodies")
    page.table.clearSelection()
    page.select(None)
    assert not page.calendar_button.isEnabled()


def test_a_folder_that_is_gone_is_said_in_a_box(qtbot, window, tmp_path):
    from tests.gui.helpers import read_box

    page = go_to(qtbot, window, "Meetings")
    choose(qtbot, page.body_filter, COUNCIL)
    target = tmp_path / "gone" / "council.ics"
    seen: list[str] = []
    with modal(qtbot, read_box(seen)):
        assert page.export_calendar(target) is None
    assert len(seen) == 1
    assert "council.ics" in seen[0]
    assert not target.exists()
