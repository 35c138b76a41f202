import datetime as dt

import pytest

from sciapp.domain.attendance import Presence
from sciapp.domain.bodies import BodyKind, Office, Profile, QuorumRule
from sciapp.domain.minutes import MinutesStatus
from sciapp.services.errors import NotFoundError, ValidationError
from sciapp.services.meetings.minutes import minutes_text
from sciapp.services.meetings.records import MeetingDraft, MemberDraft

D, T = dt.date, dt.time


@pytest.fixture
def body(workspace):
    body = workspace.bodies.create_body(
        "Norfolk Sister City Commission", BodyKind.COMMISSION, 5, Profile.MICHIGAN
    )
    for seat, name in enumerate(["Ada", "Ben", "Cal", "Dee", "Eve"], start=1):
        office = Office.CHAIR if seat == 1 else Office.MEMBER
        workspace.bodies.add_member(
            body.id, MemberDraft(name, D(2020, 1, 1), D(2030, 1, 1), office, seat=seat)
        )
    return body


@pytest.fixture
def meeting(workspace, body):
    return workspace.meetings.create(MeetingDraft(body.id, D(2022, 3, 8), T(19, 0), place="Hall"))


def test_bodies_refuse_bad_settings(workspace):
    with pytest.raises(ValidationError) as info:
        workspace.bodies.create_body(" ", BodyKind.COMMITTEE, 0, quorum=QuorumRule(fixed=3))
    assert set(info.value.errors) == {"name", "seats", "quorum"}
    workspace.bodies.create_body("Council", BodyKind.COUNCIL, 7)
    with pytest.raises(ValidationError, match="already a body"):
        workspace.bodies.create_body("Council", BodyKind.COUNCIL, 7)
    with pytest.raises(NotFoundError):
        workspace.bodies.find_body("Nobody")


def test_member_rules_and_roster(workspace, body):
    with pytest.raises(ValidationError, match="seat 2 is held by Ben"):
        workspace.bodies.add_member(body.id, MemberDraft("Fay", D(2024, 1, 1), seat=2))
    with pytest.raises(ValidationError, match="overlaps"):
        workspace.bodies.add_member(body.id, MemberDraft("ben", D(2025, 1, 1)))
    ben = next(m for m in workspace.bodies.members(body.id) if m.name == "Ben")
    workspace.bodies.update_member(
        ben.id, MemberDraft("Ben", D(2020, 1, 1), D(2026, 12, 1), seat=2)
    )
    roster = workspace.bodies.roster(body.id, D(2026, 11, 22))
    assert (roster.voting_in_office, roster.vacancies) == (5, 0)
    assert [t.person for t in roster.ending_soon] == ["Ben"]
    with pytest.raises(NotFoundError):
        workspace.bodies.update_member(999, MemberDraft("X", D(2020, 1, 1)))


def test_a_new_meeting_starts_from_the_usual_agenda_with_everyone_expected(meeting):
    assert [i.title for i in meeting.items][:3] == [
        "Call to order",
        "Roll call",
        "Approval of minutes",
    ]
    assert {a.name for a in meeting.attendance} == {"Ada", "Ben", "Cal", "Dee", "Eve"}
    assert all(a.presence is Presence.ABSENT for a in meeting.attendance)
    assert meeting.notice_problem == "no public notice recorded (Michigan requires 18 hours)"
    assert meeting.proposed_due == D(2022, 3, 18)


def test_agenda_add_move_rename_remove(workspace, meeting):
    service = workspace.meetings
    added = service.add_item(meeting.id, "St. Petersburg relationship")
    service.move_item(added.id, 2)
    titles = [i.title for i in service.get(meeting.id).items]
    assert titles[2] == "St. Petersburg relationship"
    assert [i.position for i in service.get(meeting.id).items] == list(range(1, 10))
    service.rename_item(added.id, "Saratov relationship")
    service.remove_item(meeting.items[0].id)
    titles = [i.title for i in service.get(meeting.id).items]
    assert titles[:2] == ["Roll call", "Saratov relationship"]
    with pytest.raises(ValidationError):
        service.add_item(meeting.id, "  ")


def test_quorum_follows_attendance(workspace, meeting):
    service = workspace.meetings
    ids = {a.name: a.member_id for a in meeting.attendance}
    service.set_attendance(meeting.id, ids["Ada"], Presence.PRESENT)
    service.set_attendance(meeting.id, ids["Ben"], Presence.PRESENT)
    service.set_attendance(meeting.id, ids["Cal"], Presence.PRESENT, T(19, 20), T(20, 0))
    assert not service.quorum(meeting.id, T(19, 0)).has_quorum
    state = service.quorum(meeting.id, T(19, 30))
    assert (state.voting_present, state.required, state.has_quorum) == (3, 3, True)
    assert state.describe() == "Quorum: 3 voting members present, 3 needed"
    assert not service.quorum(meeting.id, T(20, 0)).has_quorum
    with pytest.raises(ValidationError, match="before the arrival"):
        service.set_attendance(meeting.id, ids["Dee"], Presence.PRESENT, T(20, 0), T(19, 0))
    with pytest.raises(ValidationError, match="only a member who is present"):
        service.set_attendance(meeting.id, ids["Dee"], Presence.EXCUSED, T(20, 0))


def test_approved_minutes_are_locked_and_corrected_beside_the_original(workspace, meeting):
    item = meeting.items[6]
    workspace.meetings.set_item_notes(item.id, "Motion to suspend the Kaliningrad tie carried.")
    workspace.minutes.set_status(meeting.id, MinutesStatus.PROPOSED, D(2022, 3, 10))
    with pytest.raises(ValidationError, match="at a later meeting"):
        workspace.minutes.set_status(meeting.id, MinutesStatus.APPROVED, D(2022, 3, 8))
    approved = workspace.minutes.set_status(meeting.id, MinutesStatus.APPROVED, D(2022, 4, 12))
    assert approved.locked
    assert approved.approved_due == D(2022, 4, 19)
    for write in (
        lambda: workspace.meetings.set_item_notes(item.id, "rewritten"),
        lambda: workspace.meetings.add_item(meeting.id, "late item"),
        lambda: workspace.meetings.set_times(meeting.id, T(19, 0), None),
        lambda: workspace.meetings.add_comment(meeting.id, "X", "", ""),
    ):
        with pytest.raises(ValidationError, match="locked"):
            write()
    with pytest.raises(ValidationError, match="after the minutes"):
        workspace.minutes.record_correction(meeting.id, item.id, "fixed", D(2022, 4, 1))
    detail = workspace.minutes.record_correction(
        meeting.id, item.id, "Motion to suspend the Kaliningrad tie carried 7–0.", D(2022, 5, 10)
    )
    assert detail.items[6].notes == "Motion to suspend the Kaliningrad tie carried."
    correction = detail.corrections[0]
    assert correction.original_text == "Motion to suspend the Kaliningrad tie carried."
    assert correction.item_title == "New business"
    text = minutes_text(detail)
    assert "CORRECTION approved May 10, 2022" in text
    assert "Original: Motion to suspend the Kaliningrad tie carried." in text
    second = workspace.minutes.record_correction(meeting.id, item.id, "Third text", D(2022, 6, 1))
    assert second.corrections[1].original_text.endswith("carried 7–0.")


def test_a_correction_needs_approved_minutes(workspace, meeting):
    with pytest.raises(ValidationError, match="not approved yet"):
        workspace.minutes.record_correction(meeting.id, meeting.items[0].id, "x", D(2022, 4, 1))


def test_minutes_text_has_what_open_meetings_laws_ask(workspace, meeting):
    service = workspace.meetings
    ids = {a.name: a.member_id for a in meeting.attendance}
    service.set_attendance(meeting.id, ids["Ada"], Presence.PRESENT)
    service.set_attendance(meeting.id, ids["Ben"], Presence.PRESENT, T(19, 20))
    service.set_attendance(meeting.id, ids["Cal"], Presence.EXCUSED)
    service.set_times(meeting.id, T(19, 2), T(20, 41))
    service.add_guest(meeting.id, "Jo Clerk", "City Clerk")
    service.add_comment(meeting.id, "Resident", "Sister cities", "Supports the ties.")
    with pytest.raises(ValidationError, match="before the call to order"):
        service.set_times(meeting.id, T(20, 0), T(19, 0))
    text = minutes_text(service.get(meeting.id))
    for expected in (
        "NORFOLK SISTER CITY COMMISSION",
        "Tuesday, March 8, 2022",
        "Place: Hall",
        "Status: Draft",
        "Time: 7:02 p.m.",
        "Members present: Ada (Chair), Ben (arrived 7:20 p.m.)",
        "Members absent: Cal (excused), Dee, Eve",
        "Also present: Jo Clerk (City Clerk)",
        "Called to order at 7:02 p.m.",
        "Resident on Sister cities: Supports the ties.",
        "Adjourned at 8:41 p.m.",
    ):
        assert expected in text


def test_list_meetings_by_body_newest_first(workspace, body, meeting):
    later = workspace.meetings.create(MeetingDraft(body.id, D(2022, 4, 12), T(19, 0)), False)
    assert later.items == ()
    rows = workspace.meetings.list_meetings(body.id)
    assert [r.id for r in rows] == [later.id, meeting.id]
    with pytest.raises(ValidationError):
        workspace.meetings.create(MeetingDraft(body.id, D(2022, 4, 12), T(19, 0), kind="party"))
    with pytest.raises(NotFoundError):
        workspace.meetings.get(999)


def test_dashboard_lines(demo_workspace):
    today = dt.date.today()
    board = demo_workspace.dashboard(today)
    assert len(board.upcoming) == 2
    assert board.minutes_due[0].target == "meeting"
    assert "term ends" in board.terms_ending[0].text
    assert board.anniversaries[0].text.startswith("Otsu")
    assert board.anniversaries[0].target == "partnership"


def test_update_body_settings(workspace, body):
    updated = workspace.bodies.update_body(
        body.id,
        "Norfolk Commission",
        BodyKind.COMMISSION,
        7,
        Profile.NEW_YORK,
        QuorumRule(fixed=4),
        ("Call to order", "Adjournment"),
    )
    assert (updated.name, updated.seats, updated.quorum.fixed) == ("Norfolk Commission", 7, 4)
    assert updated.usual_agenda == ("Call to order", "Adjournment")
    with pytest.raises(ValidationError, match="seat 5 is still held"):
        workspace.bodies.update_body(
            body.id, "Norfolk Commission", BodyKind.COMMISSION, 4, Profile.NONE, QuorumRule(), ()
        )
    other = workspace.bodies.create_body("Council", BodyKind.COUNCIL, 7)
    with pytest.raises(ValidationError, match="already a body"):
        workspace.bodies.update_body(
            other.id, "Norfolk Commission", BodyKind.COUNCIL, 7, Profile.NONE, QuorumRule(), ()
        )
