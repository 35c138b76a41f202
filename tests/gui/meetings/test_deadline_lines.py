"""What a clerk reads of a meeting's deadlines: Michigan's business days skip its own legal
holidays (MCL 435.101; a meeting on Wednesday, June 24, 2026 has its proposed minutes due
Monday, July 6, MCL 15.269(1): 8 business days), shown in the meeting's heading and on the
Start page; a deadline is met on its day, so a late one still says the day it was due."""

import datetime as dt

from sciapp.services.meetings.records import MeetingDraft
from tests.gui.clerk_day.test_meetings import open_meeting
from tests.gui.helpers import go_to

JUNE_24 = dt.date(2026, 6, 24)


def commission(window):
    return next(b for b in window.workspace.bodies.list_bodies() if "Commission" in b.name)


def test_a_meeting_on_june_24_2026_has_its_minutes_due_july_6(qtbot, window):
    window.workspace.meetings.create(MeetingDraft(commission(window).id, JUNE_24, dt.time(19)))
    editor = open_meeting(qtbot, go_to(qtbot, window, "Meetings"), JUNE_24)
    assert "proposed minutes overdue (due Jul 6, 2026)" in editor.heading.text()
    board = go_to(qtbot, window, "Start")
    lines = [line for line in board.lines("minutes_due") if "Jun 24, 2026" in line]
    assert len(lines) == 1
    assert lines[0].endswith("Jun 24, 2026: proposed minutes overdue (due Jul 6)")


def test_a_cancelled_meeting_is_owed_no_notice(qtbot, window):
    ws = window.workspace
    day = dt.date.today() + dt.timedelta(days=30)
    meeting = ws.meetings.create(MeetingDraft(commission(window).id, day, dt.time(19)))
    editor = open_meeting(qtbot, go_to(qtbot, window, "Meetings"), day)
    assert "no public notice recorded" in editor.heading.text()
    ws.meetings.cancel(meeting.id, dt.date.today(), "Holiday week")
    editor = open_meeting(qtbot, go_to(qtbot, window, "Meetings"), day)
    assert "Cancelled" in editor.heading.text()
    assert "no public notice recorded" not in editor.heading.text()
