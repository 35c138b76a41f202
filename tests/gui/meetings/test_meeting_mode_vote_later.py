"""Meeting mode: a motion whose roll call was cancelled can still be voted on from meeting
mode ("Take the vote…" beside its line), without leaving it for the Motions tab."""

import datetime as dt

import pytest

from sciapp.gui.bus import ChangeBus
from sciapp.gui.meetings.meeting_mode import MeetingModeWindow
from tests.gui.clerk_day.test_votes import put_motion, vote_yes_for_all
from tests.gui.helpers import click, modal, press


@pytest.fixture
def mode(qtbot, demo_workspace, draft_meeting):
    moment = dt.datetime.combine(draft_meeting.date, dt.time(19, 30))
    bus = ChangeBus(demo_workspace)
    window = MeetingModeWindow(demo_workspace, draft_meeting.id, bus, lambda: moment)
    window.bus_keeper = bus
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    return window


def test_a_cancelled_roll_call_is_taken_later_from_meeting_mode(qtbot, mode):
    assert not mode.vote_button.isVisible()  # nothing waits for a vote yet
    with modal(
        qtbot,
        put_motion(qtbot, "Send greetings to Otsu"),
        lambda roll_call: press(qtbot, roll_call, "Cancel"),
    ):
        click(qtbot, mode.motion_button)
    assert "Send greetings to Otsu — not voted on yet" in mode.last_vote.text()
    assert mode.vote_button.isVisible()
    assert mode.vote_button.text() == "Take the &vote…"

    with modal(qtbot, vote_yes_for_all(qtbot, "Adopted 8–0 (majority of votes cast required)")):
        click(qtbot, mode.vote_button)
    assert "Send greetings to Otsu — Adopted 8–0" in mode.last_vote.text()
    assert not mode.vote_button.isVisible()
