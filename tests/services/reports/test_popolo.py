"""The Popolo export validates against Popolo's own JSON schemas (popolo_schemas/, CC BY 4.0)
object by object, its references resolve, every moment carries its UTC offset from the body's
time zone, and the counts agree with the votes (a chair's vote set aside is `not voting`)."""

from __future__ import annotations

import datetime as dt
from collections import Counter

import pytest

from sciapp.domain.attendance import Presence
from sciapp.domain.bodies import BodyKind, Office, Profile
from sciapp.domain.votes import VoteOption
from sciapp.services.meetings.records import MeetingDraft, MemberDraft
from sciapp.services.reports.popolo import popolo_document
from sciapp.services.votes.records import MotionDraft
from tests.services.reports.schemas import COLLECTIONS, objects, schema_problems, validator

Y, N = VoteOption.YES, VoteOption.NO
OFFSET = r"T\d\d:\d\d:\d\d[+-]\d\d:\d\d$"


def check_references(document):
    ids = {c: {thing["id"] for thing in document[c]} for c in COLLECTIONS}
    ids["memberships"] = {m["id"] for m in document["memberships"]}
    for m in document["memberships"]:
        assert m["person_id"] in ids["people"]
        assert m["organization_id"] in ids["organizations"]
    for event in document["events"]:
        assert event["organization_id"] in ids["organizations"]
    for motion in document["motions"]:
        assert motion["organization_id"] in ids["organizations"]
        assert motion["legislative_session_id"] in ids["events"]
        assert motion.get("creator_id") in ids["people"] | {None}
        assert "creator" not in motion  # a person object in Popolo, never a name
    for event in document["vote_events"]:
        assert event["motion_id"] in ids["motions"]
        assert event["legislative_session_id"] in ids["events"]
        for vote in event.get("votes", []):
            assert vote["voter_id"] in ids["people"]
            assert vote["vote_event_id"] == event["id"]


def check_counts(document):
    for event in document["vote_events"]:
        if "votes" in event:
            cast = Counter(v["option"] for v in event["votes"])
            assert {c["option"]: c["value"] for c in event["counts"] if c["value"]} == dict(cast)


def test_every_object_of_the_demo_validates(demo_workspace):
    document = popolo_document(demo_workspace)
    assert schema_problems(document) == []
    sizes = {c: len(document[c]) for c in COLLECTIONS}
    assert sizes == {
        "organizations": 2,
        "people": 17,
        "events": 6,
        "motions": 2,
        "vote_events": 2,
    }
    assert len(objects(document)) == 29
    check_references(document)
    check_counts(document)
    for membership in document["memberships"]:
        assert validator("membership").is_valid(membership)


def test_the_demos_moments_are_detroits(demo_workspace):
    document = popolo_document(demo_workspace)
    moments = [e["start_date"] for e in document["events"]]
    moments += [m["date"] for m in document["motions"]]
    moments += [v["start_date"] for v in document["vote_events"]]
    assert moments
    for moment in moments:
        assert moment.endswith(("-04:00", "-05:00")), moment
    motion = next(m for m in document["motions"] if m["date"].startswith("2022-03-14"))
    assert motion["date"] == "2022-03-14T20:15:00-04:00"  # Eastern daylight time that day
    assert {o["extras"]["time_zone"] for o in document["organizations"]} == {"America/Detroit"}


def test_what_failed_before_fails_the_schemas():
    """The schemas do catch a name as the creator and a time without its offset."""
    errors = list(
        validator("motion").iter_errors({"creator": "Patricia Osei", "date": "2022-03-14T20:15"})
    )
    assert len(errors) == 2
    assert not validator("event").is_valid({"start_date": "2022-03-14T20:15"})


@pytest.fixture
def tie_only_council(workspace):
    body = workspace.bodies.create_body(
        "Norfolk City Council", BodyKind.COUNCIL, 5, Profile.NONE, chair_voting="tie-only"
    )
    for seat, name in enumerate(["Ada", "Ben", "Cal", "Dee", "Eve"], start=1):
        office = Office.CHAIR if name == "Ada" else Office.MEMBER
        workspace.bodies.add_member(
            body.id, MemberDraft(name, dt.date(2020, 1, 1), None, office, seat=seat)
        )
    workspace.bodies.set_time_zone(body.id, "Europe/Berlin")
    meeting = workspace.meetings.create(
        MeetingDraft(body.id, dt.date(2022, 1, 10), dt.time(19, 0), place="Rathaus")
    )
    ids = {a.name: a.member_id for a in meeting.attendance}
    for name, member_id in ids.items():
        presence = Presence.EXCUSED if name == "Eve" else Presence.PRESENT
        workspace.meetings.set_attendance(meeting.id, member_id, presence)
    motion = workspace.motions.create(
        meeting.id, MotionDraft("Buy a gift", dt.time(19, 45), mover_id=ids["Ben"])
    )
    workspace.motions.record_roll_call(
        motion.id, {ids["Ada"]: Y, ids["Ben"]: Y, ids["Cal"]: Y, ids["Dee"]: N}
    )
    return workspace, ids, motion.id


def test_a_chairs_vote_set_aside_is_not_voting_and_the_counts_agree(tie_only_council):
    workspace, ids, motion_id = tie_only_council
    stored = workspace.motions.get(motion_id)
    assert (stored.yes, stored.no) == (2, 1)  # the chair's yes did not count
    document = popolo_document(workspace)
    assert schema_problems(document) == []
    check_references(document)
    check_counts(document)
    (event,) = document["vote_events"]
    counts = {c["option"]: c["value"] for c in event["counts"]}
    assert counts == {"yes": 2, "no": 1, "abstain": 0, "absent": 1, "not voting": 1}
    votes = {v["voter_id"]: v for v in event["votes"]}
    chair = votes[f"person-{ids['Ada']}"]
    assert chair["option"] == "not voting"
    assert chair["extras"]["cast"] == "yes"
    assert "tie" in chair["extras"]["reason"]
    assert votes[f"person-{ids['Eve']}"] == {
        "vote_event_id": event["id"],
        "voter_id": f"person-{ids['Eve']}",
        "option": "absent",
        "extras": {"excused": True},
    }
    (motion,) = document["motions"]
    assert motion["creator_id"] == f"person-{ids['Ben']}"
    assert motion["date"] == "2022-01-10T19:45:00+01:00"  # the body's own zone, in winter
    (meeting,) = document["events"]
    assert meeting["start_date"] == "2022-01-10T19:00:00+01:00"
    assert meeting["location"] == "Rathaus"


def test_a_cancelled_meeting_is_a_cancelled_event(tie_only_council):
    workspace, _, _ = tie_only_council
    body = workspace.bodies.find_body("Norfolk City Council")
    later = workspace.meetings.create(MeetingDraft(body.id, dt.date(2022, 2, 7), dt.time(19, 0)))
    workspace.meetings.cancel(later.id, dt.date(2022, 2, 1), "no business")
    document = popolo_document(workspace)
    assert schema_problems(document) == []
    statuses = {e["id"]: e["status"] for e in document["events"]}
    assert statuses[f"meeting-{later.id}"] == "cancelled"


def test_a_body_without_zone_or_profile_takes_the_commissions_state(workspace):
    from sciapp.domain.partnership import PartnershipDraft

    body = workspace.bodies.create_body("Pecan Springs Commission", BodyKind.COMMISSION, 3)
    workspace.partnerships.create(
        PartnershipDraft(
            kind="sister",
            partner_city="Weimar",
            partner_country="DE",
            local_jurisdiction="Pecan Springs, Texas",
            established="1995",
        )
    )
    workspace.meetings.create(MeetingDraft(body.id, dt.date(2024, 1, 9), dt.time(18, 0)))
    document = popolo_document(workspace)
    assert schema_problems(document) == []
    (meeting,) = document["events"]
    assert meeting["start_date"] == "2024-01-09T18:00:00-06:00"  # Central time, in winter
    assert document["organizations"][0]["extras"]["time_zone"] == "America/Chicago"
