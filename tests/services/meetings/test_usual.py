"""When and where a body usually meets: kept by the body service, a new meeting's defaults."""

import datetime as dt

import pytest

from sciapp.domain.bodies import BodyKind, Profile, QuorumRule
from sciapp.services.errors import ValidationError
from sciapp.services.meetings.records import Usual


def test_a_body_keeps_its_usual_time_and_place(workspace):
    body = workspace.bodies.create_body(
        "Commission", BodyKind.COMMISSION, 5, usual_time=dt.time(18, 30), usual_place=" Room 10 "
    )
    assert (body.usual_time, body.usual_place) == (dt.time(18, 30), "Room 10")
    assert body.usual.start_time == dt.time(18, 30)
    again = workspace.bodies.get_body(body.id)
    assert again.usual == Usual(dt.time(18, 30), "Room 10")
    kept = workspace.bodies.update_body(  # left out: as it was
        body.id, "Commission", BodyKind.COMMISSION, 5, Profile.NONE, QuorumRule(), ()
    )
    assert kept.usual == Usual(dt.time(18, 30), "Room 10")
    changed = workspace.bodies.update_body(
        body.id,
        "Commission",
        BodyKind.COMMISSION,
        5,
        Profile.NONE,
        QuorumRule(),
        (),
        usual=Usual(dt.time(17, 0), ""),
    )
    assert changed.usual == Usual(dt.time(17, 0), "")


def test_without_a_usual_time_a_meeting_starts_at_seven(workspace):
    body = workspace.bodies.create_body("Council", BodyKind.COUNCIL, 7)
    assert (body.usual_time, body.usual_place) == (None, "")
    assert body.usual.start_time == dt.time(19, 0)


def test_a_bad_usual_place_is_named_by_its_label(workspace):
    with pytest.raises(ValidationError) as info:
        workspace.bodies.create_body("Council", BodyKind.COUNCIL, 7, usual_place="Room\x0710")
    assert "usual_place" in info.value.errors
    assert str(info.value).startswith("Usually meets in: ")
    with pytest.raises(ValidationError, match="Usually meets in"):
        workspace.bodies.create_body("Council", BodyKind.COUNCIL, 7, usual_place="R" * 301)


def test_the_demo_commission_meets_at_half_past_six_in_room_10(demo_workspace):
    from sciapp.demo.meetings import CITY_HALL, COMMISSION

    body = demo_workspace.bodies.find_body(COMMISSION)
    assert body.usual == Usual(dt.time(18, 30), CITY_HALL)
    assert "Room 10" in CITY_HALL
