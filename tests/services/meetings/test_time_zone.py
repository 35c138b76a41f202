"""A body's time zone is stored through the body service, checked, and kept unless given."""

from __future__ import annotations

import pytest

from sciapp.domain.bodies import BodyKind, Profile
from sciapp.services.errors import ValidationError


def test_a_body_keeps_its_zone(workspace):
    body = workspace.bodies.create_body(
        "Council", BodyKind.COUNCIL, 5, Profile.MICHIGAN, time_zone="America/Menominee"
    )
    assert body.time_zone == "America/Menominee"
    same = workspace.bodies.update_body(
        body.id, "Council", body.kind, 5, body.profile, body.quorum, body.usual_agenda
    )
    assert same.time_zone == "America/Menominee"  # left as it was
    moved = workspace.bodies.update_body(
        body.id,
        "Council",
        body.kind,
        5,
        body.profile,
        body.quorum,
        body.usual_agenda,
        time_zone=" America/Detroit ",
    )
    assert moved.time_zone == "America/Detroit"
    assert workspace.bodies.set_time_zone(body.id, "").time_zone is None  # the default again


def test_an_unknown_zone_is_named(workspace):
    with pytest.raises(ValidationError) as caught:
        workspace.bodies.create_body(
            "Council", BodyKind.COUNCIL, 5, Profile.NONE, time_zone="Lansing/Michigan"
        )
    assert "time_zone" in caught.value.errors
    assert "Time zone" in str(caught.value)
    body = workspace.bodies.create_body("Council", BodyKind.COUNCIL, 5, Profile.NONE)
    with pytest.raises(ValidationError, match="not a time zone"):
        workspace.bodies.set_time_zone(body.id, "Mars/Olympus_Mons")
    assert workspace.bodies.get_body(body.id).time_zone is None


def test_the_demo_bodies_meet_in_detroit(demo_workspace):
    assert {b.time_zone for b in demo_workspace.bodies.list_bodies()} == {"America/Detroit"}
