"""Closed session… in meeting mode, as the clerk at the projector does it: the motion to close
moved now on the current item, the roll call under Michigan's rule, then the same button marks
the body back in open session, stamped by the clock; the closed minutes are not shown here."""

import datetime as dt

from tests.gui.helpers import click, modal, press
from tests.gui.meetings.test_closed_sessions import tick, vote_all
from tests.gui.meetings.test_meeting_mode import mode  # noqa: F401  (the fixture)


def test_into_closed_session_and_back_from_meeting_mode(qtbot, mode):  # noqa: F811
    assert mode.closed_button.text() == "C&losed session…"
    offered = []

    def answer(dialog):
        offered.append(dialog.moved_at.time().toString("HH:mm"))
        tick(qtbot, dialog.purposes, "(e) to consult with its attorney")
        vote_all(qtbot, dialog, "Yes")
        press(qtbot, dialog, "Record the vote")

    with modal(qtbot, answer):
        click(qtbot, mode.closed_button)
    assert offered == ["18:45"]  # the clock's minute
    assert "To meet in closed session to consult with its attorney" in mode.last_vote.text()
    assert "in closed session from 6:45" in mode.last_vote.text()
    assert mode.closed_button.text() == "Back in &open session"

    mode.clock_fake.now += dt.timedelta(minutes=25)
    click(qtbot, mode.closed_button)
    (session,) = mode.workspace.closed_sessions.for_meeting(mode.meeting_id)
    assert (session.entered_at, session.left_at) == (dt.time(18, 45), dt.time(19, 10))
    assert "Back in open session" in mode.last_vote.text()
    assert mode.closed_button.text() == "C&losed session…"
