import datetime as dt

from sciapp.domain.attendance import (
    Attendance,
    Presence,
    present_at,
    quorum_timeline,
    voting_present_at,
)

T = dt.time
ROOM = [
    Attendance("Okafor", Presence.PRESENT),
    Attendance("Reyes", Presence.PRESENT, departed=T(20, 10)),
    Attendance("Tanaka", Presence.PRESENT, arrived=T(19, 25)),
    Attendance("Lopez", Presence.PRESENT, voting=False),
    Attendance("Becker", Presence.EXCUSED),
    Attendance("Mensah", Presence.ABSENT),
]


def test_presence_follows_arrivals_and_departures():
    assert [a.member for a in present_at(ROOM, T(19, 0))] == ["Okafor", "Reyes", "Lopez"]
    assert voting_present_at(ROOM, T(19, 0)) == 2
    assert voting_present_at(ROOM, T(19, 25)) == 3
    assert voting_present_at(ROOM, T(20, 10)) == 2  # left at 20:10


def test_quorum_changes_with_a_late_arrival_and_an_early_departure():
    timeline = quorum_timeline(ROOM, required=3, start=T(19, 0))
    assert [(c.at, c.voting_present, c.has_quorum) for c in timeline] == [
        (T(19, 0), 2, False),
        (T(19, 25), 3, True),
        (T(20, 10), 2, False),
    ]


def test_timeline_ignores_moments_before_the_start_and_repeats():
    early = [Attendance("A", Presence.PRESENT, arrived=T(18, 0)), Attendance("B", Presence.PRESENT)]
    assert len(quorum_timeline(early, required=1, start=T(19, 0))) == 1
    assert Presence.EXCUSED.label == "Excused"
