"""The domain's text rules hold on every path that writes a name or a text, on SQLite and
PostgreSQL alike: control characters refused with the field named, zero-width characters
removed (no invisible duplicates), lengths capped with a field message, not a database error."""

import dataclasses
import datetime as dt

import pytest

from sciapp.domain.bodies import BodyKind, Office, Profile
from sciapp.domain.dates import PartialDate
from sciapp.domain.partnership import PartnershipDraft
from sciapp.domain.status import Decider, Status, StatusChange
from sciapp.services.errors import ImportRejectedError, ValidationError
from sciapp.services.meetings.records import MemberDraft
from sciapp.services.partnerships.csv_io import import_csv

D = dt.date


def refused(call, *args):
    with pytest.raises(ValidationError) as info:
        call(*args)
    return info.value.errors


def otsu(**changes):
    return PartnershipDraft(
        **{"kind": "sister", "partner_city": "Otsu", "partner_country": "JP", **changes}
    )


def test_a_nul_or_escape_in_a_partnership_is_refused_naming_the_field(workspace):
    errors = refused(workspace.partnerships.create, otsu(partner_city="Ot\x00su"))
    assert errors == {"partner_city": "must not contain control characters (found U+0000)"}
    errors = refused(workspace.partnerships.create, otsu(partner_region="\x1b]0;x\x07Shiga"))
    assert errors == {"partner_region": "must not contain control characters (found U+001B)"}
    assert workspace.partnerships.count() == 0


def test_zero_width_characters_make_no_invisible_duplicate(workspace):
    workspace.partnerships.create(otsu())
    errors = refused(workspace.partnerships.create, otsu(partner_city="Ot\u200bsu\u2060"))
    assert "already in the register" in errors["partner_city"]
    stored = workspace.partnerships.create(otsu(partner_city="Ka\ufeffnazawa"))
    assert stored.data.partner_city == "Kanazawa"


def test_too_long_is_a_field_message_not_a_database_error(workspace):
    errors = refused(workspace.partnerships.create, otsu(partner_city="x" * 201))
    assert errors == {"partner_city": "at most 200 characters (this has 201)"}
    errors = refused(workspace.bodies.create_body, "B" * 201, BodyKind.COUNCIL, 7, Profile.NONE)
    assert errors == {"name": "at most 200 characters (this has 201)"}


def test_status_changes_refuse_control_characters(workspace):
    created = workspace.partnerships.create(otsu(established="1968"))
    change = StatusChange(
        Status.SUSPENDED, PartialDate(2022, 3, 1), Decider.CITY_COUNCIL, "R-1", "war\x1b[2J"
    )
    errors = refused(workspace.partnerships.record_change, created.id, change)
    assert errors == {"reason": "must not contain control characters (found U+001B)"}
    long_instrument = dataclasses.replace(change, reason="war", instrument="R" * 201)
    errors = refused(workspace.partnerships.record_change, created.id, long_instrument)
    assert errors == {"instrument": "at most 200 characters (this has 201)"}


def test_csv_import_applies_the_same_rules_by_line(workspace):
    content = (
        "kind,partner_city,partner_city_native,partner_country\r\n"
        "sister,Otsu,大津市\x1b[31m,JP\r\n"
        "sister,Asan,\x00,KR\r\n"
        "sister,Ka\u200bnazawa,,JP\r\n"
        "sister,Kanazawa,,JP\r\n"
    ).encode()
    with pytest.raises(ImportRejectedError) as info:
        import_csv(workspace.db, content)
    assert info.value.problems == [
        "line 2: partner_city_native: '大津市\\x1b[31m' must not contain control characters "
        "(found U+001B)",
        "line 3: partner_city_native: '\\x00' must not contain control characters (found U+0000)",
        "line 5: partner_city: 'Kanazawa' duplicates line 4 (same kind, partner city, country "
        "and local jurisdiction)",  # in the same pass
    ]
    with pytest.raises(ImportRejectedError) as info:
        import_csv(workspace.db, content.replace(b"\x1b[31m", b"").replace(b"\x00", b""))
    assert info.value.problems == [
        "line 5: partner_city: 'Kanazawa' duplicates line 4 (same kind, partner city, country "
        "and local jurisdiction)"
    ]
    assert workspace.partnerships.count() == 0


def test_body_and_member_names(workspace):
    errors = refused(workspace.bodies.create_body, "Council\x07", BodyKind.COUNCIL, 3)
    assert errors == {"name": "must not contain control characters (found U+0007)"}
    errors = refused(
        workspace.bodies.create_body,
        "Council",
        BodyKind.COUNCIL,
        3,
        Profile.NONE,
        None,
        ("Call to order", "Roll\x00call"),
    )
    assert errors == {"usual_agenda": "line 2: must not contain control characters (found U+0000)"}
    body = workspace.bodies.create_body("Coun\u200bcil", BodyKind.COUNCIL, 3)
    assert body.name == "Council"
    ada = MemberDraft("Ada", D(2020, 1, 1), None, Office.CHAIR, seat=1)
    workspace.bodies.add_member(body.id, ada)
    errors = refused(
        workspace.bodies.add_member, body.id, dataclasses.replace(ada, name="Ada\x1b[8m", seat=2)
    )
    assert errors == {"name": "must not contain control characters (found U+001B)"}
    errors = refused(
        workspace.bodies.add_member,
        body.id,
        dataclasses.replace(ada, name="Ben", seat=2, appointed_by="Mayor\x9b"),
    )
    assert errors == {"appointed_by": "must not contain control characters (found U+009B)"}
    # "Ada" and "Ada" with a zero-width space are one person: the terms overlap.
    errors = refused(
        workspace.bodies.add_member, body.id, dataclasses.replace(ada, name="A\u200cda", seat=2)
    )
    assert "overlaps Ada's term" in errors["term_start"]
    assert [m.name for m in workspace.bodies.members(body.id)] == ["Ada"]


def test_motion_text_refuses_control_characters(workspace):
    from sciapp.domain.attendance import Presence
    from sciapp.services.meetings.records import MeetingDraft
    from sciapp.services.votes.records import MotionDraft

    body = workspace.bodies.create_body("Council", BodyKind.COUNCIL, 1)
    workspace.bodies.add_member(body.id, MemberDraft("Ada", D(2020, 1, 1), None, Office.CHAIR))
    meeting = workspace.meetings.create(MeetingDraft(body.id, D(2022, 3, 8), dt.time(19)))
    ada = meeting.attendance[0].member_id
    workspace.meetings.set_attendance(meeting.id, ada, Presence.PRESENT)
    motion = MotionDraft("Adopt the budget\x00", dt.time(19, 5), mover_id=ada)
    errors = refused(workspace.motions.create, meeting.id, motion)
    assert errors == {"text": "must not contain control characters (found U+0000)"}
    long = dataclasses.replace(motion, text="x" * 20_001)
    assert refused(workspace.motions.create, meeting.id, long) == {
        "text": "at most 20,000 characters (this has 20,001)"
    }
    assert workspace.motions.for_meeting(meeting.id) == []
