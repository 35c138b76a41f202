"""The Start page's closed-session lines: Michigan's retention (MCL 15.267(2): "may be
destroyed 1 year and 1 day after approval of the minutes"), New York's one week (POL
§106(3)), and minutes not yet written."""

import datetime as dt

from sciapp.domain.bodies import Profile
from sciapp.services.meetings.closed_records import ClosedSessionRecord
from sciapp.services.reports.closed_lines import closed_session_lines

D, T = dt.date, dt.time


def session(profile, minutes="Discussed.", due=None, destroy=None, name="closed session"):
    return ClosedSessionRecord(
        id=1,
        meeting_id=7,
        meeting_date=D(2024, 3, 14),
        body_name="Lansing Commission",
        profile=profile,
        name=name,
        motion_id=3,
        purposes=(),
        entered_at=T(20, 15),
        left_at=T(20, 50),
        stayed=(),
        others_present="",
        minutes=minutes,
        minutes_rule="",
        minutes_due=due,
        may_destroy_from=destroy,
        locked=destroy is not None,
    )


def texts(sessions, today):
    return [(line.text, line.urgent) for _when, line in closed_session_lines(sessions, today)]


def test_michigan_retention_once_the_open_minutes_are_approved():
    kept = session(Profile.MICHIGAN)
    approved = session(Profile.MICHIGAN, destroy=D(2025, 4, 12))
    assert texts([kept], D(2024, 6, 15)) == []
    assert texts([approved], D(2024, 6, 15)) == [
        (
            "Closed-session minutes of Lansing Commission, Mar 14, 2024: not public; may be "
            "destroyed on or after Apr 12, 2025 (MCL 15.267(2))",
            False,
        )
    ]


def test_new_york_one_week_due_then_overdue_until_written():
    ny = session(Profile.NEW_YORK, minutes="", due=D(2024, 3, 21), name="executive session")
    assert texts([ny], D(2024, 3, 15)) == [
        (
            "Executive-session minutes of Lansing Commission, Mar 14, 2024: due Mar 21 "
            "(POL §106(2), (3))",
            False,
        )
    ]
    assert texts([ny], D(2024, 3, 22))[0][1] is True
    assert "overdue, due Mar 21 (POL §106" in texts([ny], D(2024, 3, 22))[0][0]
    written = session(Profile.NEW_YORK, due=D(2024, 3, 21), name="executive session")
    assert texts([written], D(2024, 3, 22)) == []


def test_a_general_account_not_written_yet_and_nothing_for_a_future_meeting():
    nc = session(Profile.NORTH_CAROLINA, minutes="")
    assert texts([nc], D(2024, 3, 15)) == [
        (
            "Closed-session minutes of Lansing Commission, Mar 14, 2024: not written yet "
            "(G.S. 143-318.10(e))",
            True,
        )
    ]
    assert texts([nc], D(2024, 3, 13)) == []
    assert texts([session(Profile.NONE, minutes="")], D(2024, 3, 15)) == []
