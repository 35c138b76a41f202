"""Closed session…, driven as a clerk does: tick the purpose, take the roll call, record it;
then the closed minutes in their own tab, marked Not public, and never in the minutes tab.
The demo commission follows Michigan's OMA (MCL 15.267: two-thirds of the members serving)."""

from PySide6.QtCore import Qt

from tests.gui.helpers import LEFT, choose, click, modal, press, show_tab, type_into
from tests.gui.meetings.test_meetings_page import draft_editor

SECRET = "Counsel reviewed the lease claim"
CLOSED_TAB = "Closed · Not public"


def tick(qtbot, listing, starts: str) -> None:
    """Click the line, then Space to tick its box (as the keyboard does)."""
    row = next(i for i in range(listing.count()) if listing.item(i).text().startswith(starts))
    item = listing.item(row)
    qtbot.mouseClick(listing.viewport(), LEFT, pos=listing.visualItemRect(item).center())
    qtbot.keyClick(listing, Qt.Key.Key_Space)
    assert item.checkState() is Qt.CheckState.Checked


def vote_all(qtbot, dialog, answer: str) -> list[str]:
    """Every member present answers `answer`; returns the tally line each time."""
    seen = []
    for combo in dialog.votes.values():
        choose(qtbot, combo, answer)
        seen.append(dialog.tally.text())
    return seen


def test_call_a_closed_session_and_keep_its_minutes_apart(qtbot, window):
    editor = draft_editor(qtbot, window)
    tab = show_tab(qtbot, editor.tabs, CLOSED_TAB)
    assert tab.banner.text().startswith("Not public. A separate set of minutes")
    assert "MCL 15.267(2)" in tab.banner.text()
    tallies: list[str] = []
    rules: list[str] = []

    def answer(dialog):
        tick(qtbot, dialog.purposes, "(e) to consult with its attorney")
        rules.append(dialog.rule.text())
        tallies.extend(vote_all(qtbot, dialog, "Yes"))
        press(qtbot, dialog, "Record the vote")

    with modal(qtbot, answer):
        click(qtbot, tab.call_button)
    assert "two-thirds of the members serving (MCL 15.267(1)), by roll call" in rules[0]
    assert tallies[0].startswith("Yes 1 · No 0 · waiting for")
    assert tallies[-1].startswith("Adopted")
    assert tab.sessions.count() == 1
    line = tab.sessions.item(0).text()
    assert "still in session: to consult with its attorney regarding trial" in line
    assert line.endswith("(MCL 15.268(1)(e))")
    assert tab.sessions.item(0).toolTip() == line

    click(qtbot, tab.back)
    type_into(qtbot, tab.others, "City attorney")
    type_into(qtbot, tab.minutes, SECRET)
    click(qtbot, tab.save_button)
    (saved,) = window.workspace.closed_sessions.for_meeting(editor.detail.id)
    assert saved.minutes == SECRET
    assert saved.others_present == "City attorney"
    assert saved.left_at is not None

    minutes = show_tab(qtbot, editor.tabs, "Minutes")
    text = editor.minutes_view.toPlainText()
    assert minutes.isVisible()
    assert "To meet in closed session to consult with its attorney" in text
    assert "(MCL 15.268(1)(e))" in text
    assert SECRET not in text


def test_without_a_purpose_the_dialog_says_why(qtbot, window):
    editor = draft_editor(qtbot, window)
    tab = show_tab(qtbot, editor.tabs, CLOSED_TAB)
    problems: list[str] = []

    def answer(dialog):
        vote_all(qtbot, dialog, "Yes")
        press(qtbot, dialog, "Record the vote")
        problems.append(dialog.problem.text())
        press(qtbot, dialog, "Cancel")

    with modal(qtbot, answer):
        click(qtbot, tab.call_button)
    assert problems == [
        "Purpose: choose the purpose of the closed session (the law permits only its own)"
    ]
    assert tab.sessions.count() == 0


def test_a_failed_motion_opens_no_session(qtbot, window):
    editor = draft_editor(qtbot, window)
    tab = show_tab(qtbot, editor.tabs, CLOSED_TAB)

    def answer(dialog):
        tick(qtbot, dialog.purposes, "(d) to consider the purchase")
        vote_all(qtbot, dialog, "No")
        press(qtbot, dialog, "Record the vote")

    with modal(qtbot, answer):
        click(qtbot, tab.call_button)
    assert tab.sessions.count() == 0
    assert window.statusBar().currentMessage().startswith("The motion to close failed")


def test_the_start_page_says_when_the_closed_minutes_may_be_destroyed(qtbot, window):
    import datetime as dt

    from sciapp.domain.closed_sessions import one_year_and_one_day
    from sciapp.domain.minutes import MinutesStatus
    from sciapp.domain.votes import VoteOption
    from sciapp.services.meetings.closed_records import ClosedSessionDraft, ClosedSessionEdit
    from tests.gui.helpers import go_to

    editor = draft_editor(qtbot, window)
    meeting = editor.detail
    ws = window.workspace
    votes = {a.member_id: VoteOption.YES for a in meeting.attendance if a.voting}
    at = meeting.called_to_order or meeting.start_time
    done = ws.closed_sessions.call(meeting.id, ClosedSessionDraft(("d",), at, votes))
    assert done.session is not None
    ws.closed_sessions.update(done.session.id, ClosedSessionEdit(None, (), "", SECRET))
    approved = dt.date.today()
    ws.minutes.set_status(meeting.id, MinutesStatus.APPROVED, approved)
    board = go_to(qtbot, window, "Start")
    lines = [line for line in board.lines("minutes_due") if "Closed-session" in line]
    year_and_day = one_year_and_one_day(approved)
    assert len(lines) == 1
    assert "may be destroyed on or after" in lines[0]
    assert f"{year_and_day.year} (MCL 15.267(2))" in lines[0]


def test_a_motion_moved_inside_is_marked_in_the_motions_tab(qtbot, window):
    from sciapp.domain.votes import VoteOption
    from sciapp.services.meetings.closed_records import ClosedSessionDraft
    from sciapp.services.votes.records import MotionDraft

    editor = draft_editor(qtbot, window)
    meeting = editor.detail
    ws = window.workspace
    votes = {a.member_id: VoteOption.YES for a in meeting.attendance if a.voting}
    at = meeting.called_to_order or meeting.start_time
    ws.closed_sessions.call(meeting.id, ClosedSessionDraft(("e",), at, votes))
    ws.motions.create(meeting.id, MotionDraft("Settle the claim", at))
    tab = show_tab(qtbot, editor.tabs, "Motions")
    lines = [tab.list.item(i).text() for i in range(tab.list.count())]
    inside = [line for line in lines if line.startswith("Settle the claim")]
    assert inside[0].endswith("Moved in closed session: in its own minutes, not the public ones")
    to_close = [line for line in lines if line.startswith("To meet in closed session")]
    assert "Moved in closed session" not in to_close[0]


def test_before_tonights_meeting_the_motion_to_close_is_timed_within_it(qtbot, window):
    """The clerk prepares this afternoon for tonight: the moment offered is the meeting's
    start, not the clock; a moment before it is refused in words."""
    import datetime as dt

    from PySide6.QtCore import QTime

    from sciapp.services.meetings.records import MeetingDraft
    from tests.gui.clerk_day.test_meetings import open_meeting
    from tests.gui.helpers import go_to

    ws = window.workspace
    body = next(b for b in ws.bodies.list_bodies() if "Commission" in b.name)
    today = dt.date.today()
    ws.meetings.create(MeetingDraft(body.id, today, dt.time(23, 59)))
    editor = open_meeting(qtbot, go_to(qtbot, window, "Meetings"), today)
    show_tab(qtbot, editor.tabs, "Attendance")
    click(qtbot, editor.attendance_tab.all_present_button)
    tab = show_tab(qtbot, editor.tabs, CLOSED_TAB)
    offered: list[QTime] = []
    problems: list[str] = []

    def answer(dialog):
        offered.append(dialog.moved_at.time())
        tick(qtbot, dialog.purposes, "(e) to consult with its attorney")
        vote_all(qtbot, dialog, "Yes")
        dialog.moved_at.setFocus()
        qtbot.keyClick(dialog.moved_at, Qt.Key.Key_Down)  # the hour: 10:59 PM
        press(qtbot, dialog, "Record the vote")
        problems.append(dialog.problem.text())
        press(qtbot, dialog, "Cancel")

    with modal(qtbot, answer):
        click(qtbot, tab.call_button)
    assert offered == [QTime(23, 59)]
    assert problems == ["Moved at: the meeting begins at 11:59\u00a0PM"]
    assert tab.sessions.count() == 0
