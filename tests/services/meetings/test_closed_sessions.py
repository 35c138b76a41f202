"""Closed sessions through the service: the vote to close under each profile's rule (MCL
15.267(1): two-thirds of the members serving; POL §105(1): a majority of the total
membership), the purposes in the open minutes, the closed minutes never in them."""

import datetime as dt
import subprocess

import pytest

from sciapp.domain.attendance import Presence
from sciapp.domain.bodies import BodyKind, Office, Profile
from sciapp.domain.minutes import MinutesStatus
from sciapp.domain.motions import MotionKind
from sciapp.domain.votes import Result, VoteOption, VoteRule
from sciapp.services.errors import NotFoundError, ValidationError
from sciapp.services.meetings.closed_records import ClosedSessionDraft, ClosedSessionEdit
from sciapp.services.meetings.records import MeetingDraft, MemberDraft
from sciapp.services.votes.records import MotionDraft

D, T = dt.date, dt.time
Y, N = VoteOption.YES, VoteOption.NO
NAMES = ["Ada", "Ben", "Cal", "Dee", "Eve", "Fay", "Gus", "Hal", "Ivy"]
SECRET = "Counsel advised settling the Meridian claim for $40,000."


def body_with(workspace, profile, serving=8, seats=9):
    body = workspace.bodies.create_body("Lansing Commission", BodyKind.COMMISSION, seats, profile)
    for seat, name in enumerate(NAMES[:serving], start=1):
        office = Office.CHAIR if name == "Ada" else Office.MEMBER
        workspace.bodies.add_member(
            body.id, MemberDraft(name, D(2020, 1, 1), None, office, seat=seat)
        )
    return body


def meeting_with(workspace, body, present):
    meeting = workspace.meetings.create(MeetingDraft(body.id, D(2024, 3, 14), T(19, 0)))
    for row in meeting.attendance:
        presence = Presence.PRESENT if row.name in present else Presence.ABSENT
        workspace.meetings.set_attendance(meeting.id, row.member_id, presence)
    return workspace.meetings.get(meeting.id)


def ids(meeting):
    return {a.name: a.member_id for a in meeting.attendance}


def call(workspace, meeting, yes, no=(), purposes=("e",), at=None):
    at = at or T(20, 15)
    m = ids(meeting)
    votes = {m[n]: Y for n in yes} | {m[n]: N for n in no}
    item = meeting.items[-2].id  # the motion is printed under its agenda item
    return workspace.closed_sessions.call(
        meeting.id,
        ClosedSessionDraft(purposes, at, votes, mover_id=m[yes[0]], agenda_item_id=item),
    )


@pytest.fixture
def michigan(workspace):
    body = body_with(workspace, Profile.MICHIGAN)  # 9 seats, 8 serving
    return meeting_with(workspace, body, NAMES[:6])  # 6 present


def test_michigan_two_thirds_of_the_members_serving_not_present(workspace, michigan):
    # 5 of the 6 present vote yes: 5 < ⅔ × 8 serving, it fails though 5–1 of those present.
    failed = call(workspace, michigan, NAMES[1:6], ("Ada",))
    assert failed.session is None
    assert failed.motion.result is Result.FAILED
    assert failed.motion.rule is VoteRule.TWO_THIRDS_SERVING
    assert "6 of 8" in failed.motion.explanation
    carried = call(workspace, michigan, NAMES[:6], at=T(20, 20))
    assert carried.motion.result is Result.ADOPTED
    closed = carried.session
    assert closed is not None
    assert closed.public is False
    assert closed.entered_at == T(20, 20)
    assert sorted(name for _id, name in closed.stayed) == NAMES[:6]
    assert closed.purposes[0].citation == "MCL 15.268(1)(e)"
    assert carried.motion.kind is MotionKind.CLOSED_SESSION
    assert [v.option for v in carried.motion.votes].count(VoteOption.ABSENT) == 2


def test_a_michigan_exception_needs_only_a_majority(workspace, michigan):
    carried = call(workspace, michigan, NAMES[:4], ("Eve", "Fay"), purposes=("a",))
    assert carried.motion.rule is VoteRule.MAJORITY_CAST
    assert carried.session is not None


def test_new_york_majority_of_the_total_membership(workspace):
    body = body_with(workspace, Profile.NEW_YORK, serving=7, seats=9)
    meeting = meeting_with(workspace, body, NAMES[:7])
    # 4 yes of 9 seats (2 vacant) is no majority of the total membership, 4–3 or not.
    failed = call(workspace, meeting, NAMES[:4], NAMES[4:7], purposes=("d",))
    assert failed.session is None
    assert "5 of 9" in failed.motion.explanation
    carried = call(workspace, meeting, NAMES[:5], NAMES[5:7], purposes=("d",), at=T(20, 30))
    assert carried.session is not None
    assert carried.session.name == "executive session"
    assert carried.session.minutes_due == D(2024, 3, 21)  # POL §106(3): one week


def test_north_carolina_majority_and_a_general_account(workspace):
    body = body_with(workspace, Profile.NORTH_CAROLINA, serving=5, seats=5)
    meeting = meeting_with(workspace, body, NAMES[:5])
    carried = call(workspace, meeting, NAMES[:3], NAMES[3:5], purposes=("3",))
    assert carried.session is not None
    assert "general account" in carried.session.minutes_rule
    assert "G.S. 143-318.10(e)" in carried.session.minutes_rule


def test_purposes_must_be_the_statutes(workspace, michigan):
    with pytest.raises(ValidationError, match="choose the purpose"):
        call(workspace, michigan, NAMES[:6], purposes=())
    with pytest.raises(ValidationError, match=r"z: not a purpose MCL 15\.268"):
        call(workspace, michigan, NAMES[:6], purposes=("z",))
    with pytest.raises(ValidationError, match="no vote recorded for"):
        call(workspace, michigan, NAMES[:5])
    assert workspace.motions.for_meeting(michigan.id) == []  # nothing was written


def test_no_profile_no_closed_session(workspace):
    body = body_with(workspace, Profile.NONE)
    meeting = meeting_with(workspace, body, NAMES[:6])
    with pytest.raises(ValidationError, match="open-meetings profile"):
        workspace.closed_sessions.law(meeting.id)


def test_the_closed_minutes_and_what_was_moved_inside_stay_out_of_the_public_minutes(
    workspace, michigan
):
    closed = call(workspace, michigan, NAMES[:6]).session
    m = ids(michigan)
    inside = workspace.motions.create(
        michigan.id,
        MotionDraft(
            "Settle the Meridian claim",
            T(20, 40),
            mover_id=m["Ben"],
            agenda_item_id=michigan.items[-2].id,
        ),
    )
    after = workspace.motions.create(
        michigan.id, MotionDraft("Adjourn", T(21, 5), mover_id=m["Ben"])
    )
    edited = workspace.closed_sessions.update(
        closed.id, ClosedSessionEdit(T(21, 0), (m["Ada"], m["Ben"]), "City attorney", SECRET)
    )
    assert edited.left_at == T(21, 0)
    assert edited.minutes == SECRET
    assert edited.holds(T(20, 40))
    assert not edited.holds(T(21, 0))
    model = workspace.minutes.model(michigan.id)
    shown = [motion.id for motion in model.motions]
    assert inside.id not in shown
    assert after.id in shown
    assert closed.motion_id in shown  # the motion to close, with its purpose, is public
    text = workspace.minutes.text(michigan.id)
    assert "MCL 15.268(1)(e)" in text
    assert SECRET not in text
    assert "Meridian" not in text
    assert inside.id in [x.id for x in workspace.motions.for_meeting(michigan.id)]
    from sciapp.services.reports.popolo import popolo_document

    exported = popolo_document(workspace)
    assert f"motion-{inside.id}" not in str(exported)
    assert SECRET not in str(exported)
    assert "Meridian" not in str(exported)
    assert f"motion-{closed.motion_id}" in str(exported)


def test_update_refuses_what_cannot_be(workspace, michigan):
    closed = call(workspace, michigan, NAMES[:6]).session
    with pytest.raises(ValidationError, match="went into closed session at 8:15"):
        workspace.closed_sessions.update(closed.id, ClosedSessionEdit(T(20, 0), ()))
    with pytest.raises(ValidationError, match="only the body's members"):
        workspace.closed_sessions.update(closed.id, ClosedSessionEdit(None, (99999,)))
    with pytest.raises(NotFoundError):
        workspace.closed_sessions.update(99999, ClosedSessionEdit(None, ()))


def test_michigan_retention_runs_from_the_approval_of_the_open_minutes(workspace, michigan):
    closed = call(workspace, michigan, NAMES[:6]).session
    assert closed.may_destroy_from is None  # kept: the open minutes are not approved
    workspace.minutes.set_status(michigan.id, MinutesStatus.APPROVED, D(2024, 4, 11))
    (kept,) = workspace.closed_sessions.for_meeting(michigan.id)
    assert kept.may_destroy_from == D(2025, 4, 12)  # MCL 15.267(2): 1 year and 1 day
    assert kept.locked
    with pytest.raises(ValidationError, match="locked"):
        workspace.closed_sessions.update(kept.id, ClosedSessionEdit(None, ()))
    assert [r.id for r in workspace.closed_sessions.all_sessions()] == [kept.id]
    lines = [line.text for line in workspace.dashboard(D(2024, 6, 15)).minutes_due]
    assert (
        "Closed-session minutes of Lansing Commission, Mar 14, 2024: not written yet "
        "(MCL 15.267(2))" in lines
    )


def test_delete_takes_the_motion_with_it(workspace, michigan):
    closed = call(workspace, michigan, NAMES[:6]).session
    workspace.closed_sessions.delete(closed.id)
    assert workspace.closed_sessions.for_meeting(michigan.id) == []
    assert workspace.motions.for_meeting(michigan.id) == []


def test_without_an_agenda_item_the_motion_still_reaches_the_open_minutes(workspace, michigan):
    m = ids(michigan)
    votes = {m[n]: Y for n in NAMES[:6]}
    workspace.closed_sessions.call(michigan.id, ClosedSessionDraft(("d",), T(20, 15), votes))
    assert "(MCL 15.268(1)(d))" in workspace.minutes.text(michigan.id)


def test_no_public_output_carries_the_closed_minutes(workspace, michigan):
    from sciapp.services.reports.calendar import body_calendar
    from sciapp.services.reports.ocd import ocd_document
    from sciapp.services.reports.rendering import render_minutes

    closed = call(workspace, michigan, NAMES[:6]).session
    m = ids(michigan)
    inside = workspace.motions.create(
        michigan.id,
        MotionDraft(
            "Settle the Meridian claim",
            T(20, 40),
            mover_id=m["Ben"],
            agenda_item_id=michigan.items[-2].id,
        ),
    )
    workspace.closed_sessions.update(closed.id, ClosedSessionEdit(T(21, 0), (), "", SECRET))
    outputs = {
        "calendar": body_calendar(workspace, michigan.body.id).decode(),
        "ocd": str(ocd_document(workspace)),
        "text": workspace.minutes.text(michigan.id),
    }
    for name, text in outputs.items():
        assert "Meridian" not in text, name
    assert f"motion-{inside.id}" not in outputs["ocd"]
    assert "MCL 15.268(1)(e)" in outputs["text"]
    pdf = render_minutes(workspace, michigan.id).pdf
    printed = subprocess.run(
        ["pdftotext", "-", "-"], input=pdf, capture_output=True, check=True
    ).stdout.decode()
    assert "15.268(1)(e)" in printed
    assert "Meridian" not in printed


def test_one_closed_session_at_a_time_and_back_before_adjournment(workspace, michigan):
    closed = call(workspace, michigan, NAMES[:6]).session
    with pytest.raises(ValidationError, match="in closed session since 8:15"):
        call(workspace, michigan, NAMES[:6], at=T(20, 30))
    workspace.meetings.set_times(michigan.id, T(19, 0), T(21, 30))
    with pytest.raises(ValidationError, match="adjourned at 9:30"):
        workspace.closed_sessions.update(closed.id, ClosedSessionEdit(T(21, 45), ()))
    workspace.closed_sessions.update(closed.id, ClosedSessionEdit(T(20, 45), ()))
    with pytest.raises(ValidationError, match="in closed session since 8:15"):
        call(workspace, michigan, NAMES[:6], at=T(20, 40))
    assert call(workspace, michigan, NAMES[:6], at=T(21, 0)).session is not None


def test_the_motion_to_close_is_moved_while_the_meeting_sits(workspace, michigan):
    with pytest.raises(ValidationError) as before:
        call(workspace, michigan, NAMES[:6], at=T(16, 38))
    assert before.value.errors == {"moved_at": "the meeting begins at 7:00\u00a0PM"}
    workspace.meetings.set_times(michigan.id, T(19, 5), T(21, 0))
    with pytest.raises(ValidationError) as early:
        call(workspace, michigan, NAMES[:6], at=T(19, 2))
    assert early.value.errors == {"moved_at": "the meeting was called to order at 7:05\u00a0PM"}
    with pytest.raises(ValidationError) as late:
        call(workspace, michigan, NAMES[:6], at=T(21, 30))
    assert late.value.errors == {"moved_at": "the meeting adjourned at 9:00\u00a0PM"}
    assert call(workspace, michigan, NAMES[:6], at=T(19, 5)).session is not None
