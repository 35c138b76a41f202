import datetime as dt

import pytest

from sciapp.domain.attendance import Presence
from sciapp.domain.bodies import BodyKind, Office, Profile
from sciapp.domain.minutes import MinutesStatus
from sciapp.domain.partnership import PartnershipDraft
from sciapp.domain.status import Status
from sciapp.domain.votes import Result, VoteOption
from sciapp.services.errors import ValidationError
from sciapp.services.meetings.records import MeetingDraft, MemberDraft
from sciapp.services.votes.records import MotionDraft, MotionKind, PartnershipAction

D, T = dt.date, dt.time
Y, N, A, R = VoteOption.YES, VoteOption.NO, VoteOption.ABSTAIN, VoteOption.RECUSED
NAMES = ["Ada", "Ben", "Cal", "Dee", "Eve", "Fay", "Gus"]


@pytest.fixture
def council(workspace):
    body = workspace.bodies.create_body("Norfolk City Council", BodyKind.COUNCIL, 7, Profile.NONE)
    for seat, name in enumerate(NAMES, start=1):
        office = Office.CHAIR if name == "Ada" else Office.MEMBER
        workspace.bodies.add_member(
            body.id, MemberDraft(name, D(2020, 1, 1), None, office, seat=seat)
        )
    return body


@pytest.fixture
def meeting(workspace, council):
    meeting = workspace.meetings.create(MeetingDraft(council.id, D(2022, 3, 8), T(19, 0)))
    for row in meeting.attendance:
        workspace.meetings.set_attendance(meeting.id, row.member_id, Presence.PRESENT)
    return workspace.meetings.get(meeting.id)


@pytest.fixture
def kaliningrad(workspace):
    return workspace.partnerships.create(
        PartnershipDraft(
            kind="sister",
            partner_city="Kaliningrad",
            partner_country="RU",
            local_jurisdiction="Norfolk, Virginia",
            established="1992",
        )
    )


def ids(meeting):
    return {a.name: a.member_id for a in meeting.attendance}


def suspend_motion(workspace, meeting, partnership):
    m = ids(meeting)
    return workspace.motions.create(
        meeting.id,
        MotionDraft(
            "Suspend the sister-city relationship with Kaliningrad",
            T(19, 30),
            MotionKind.PARTNERSHIP,
            m["Ben"],
            m["Cal"],
            partnership_id=partnership.id,
            action=PartnershipAction.SUSPEND,
            action_reason="Russia's invasion of Ukraine",
            action_condition="until peace and sovereignty are restored in Ukraine",
        ),
    )


def roll(meeting, **options):
    m = ids(meeting)
    return {m[name]: option for name, option in options.items()}


def test_an_adopted_suspension_enters_the_history_once(workspace, meeting, kaliningrad):
    motion = suspend_motion(workspace, meeting, kaliningrad)
    assert workspace.partnerships.get(kaliningrad.id).status is Status.ACTIVE  # not yet voted
    voted = workspace.motions.record_roll_call(
        motion.id, roll(meeting, Ada=Y, Ben=Y, Cal=Y, Dee=Y, Eve=Y, Fay=Y, Gus=Y)
    )
    assert voted.result is Result.ADOPTED
    assert voted.explanation == "Adopted 7–0 (majority of votes cast required)"
    detail = workspace.partnerships.get(kaliningrad.id)
    assert detail.status is Status.SUSPENDED
    event = detail.events[-1]
    assert event.summary() == (
        "Suspended by the City Council (Norfolk City Council motion of March 8, 2022, adopted 7–0)"
    )
    assert event.change.condition == "until peace and sovereignty are restored in Ukraine"
    # Recording the same vote again (a correction) does not add a second event.
    workspace.motions.record_roll_call(
        motion.id, roll(meeting, Ada=Y, Ben=Y, Cal=Y, Dee=Y, Eve=Y, Fay=Y, Gus=N)
    )
    detail = workspace.partnerships.get(kaliningrad.id)
    assert len(detail.events) == 2
    assert "adopted 6–1" in detail.events[-1].change.instrument
    assert [m.id for m in workspace.motions.for_partnership(kaliningrad.id)] == [motion.id]


def test_a_failed_motion_changes_nothing_and_a_correction_removes_the_event(
    workspace, meeting, kaliningrad
):
    motion = suspend_motion(workspace, meeting, kaliningrad)
    failed = workspace.motions.record_roll_call(
        motion.id, roll(meeting, Ada=N, Ben=Y, Cal=Y, Dee=Y, Eve=N, Fay=N, Gus=N)
    )
    assert failed.result is Result.FAILED
    assert len(workspace.partnerships.get(kaliningrad.id).events) == 1
    workspace.motions.record_roll_call(
        motion.id, roll(meeting, Ada=N, Ben=Y, Cal=Y, Dee=Y, Eve=Y, Fay=N, Gus=N)
    )
    assert workspace.partnerships.get(kaliningrad.id).status is Status.SUSPENDED
    # The clerk finds Eve voted no after all: the outcome and the event follow.
    workspace.motions.record_roll_call(
        motion.id, roll(meeting, Ada=N, Ben=Y, Cal=Y, Dee=Y, Eve=N, Fay=N, Gus=N)
    )
    detail = workspace.partnerships.get(kaliningrad.id)
    assert (detail.status, len(detail.events)) == (Status.ACTIVE, 1)


def test_absent_members_come_from_attendance_at_the_moment_of_the_vote(workspace, meeting):
    m = ids(meeting)
    workspace.meetings.set_attendance(meeting.id, m["Gus"], Presence.PRESENT, None, T(19, 20))
    workspace.meetings.set_attendance(meeting.id, m["Fay"], Presence.EXCUSED)
    motion = workspace.motions.create(meeting.id, MotionDraft("Adjourn", T(19, 45)))
    sheet = workspace.motions.roll_call_sheet(motion.id)
    assert sheet[-1].name == "Ada"  # the chair is called last
    assert [s.name for s in sheet if not s.present] == ["Fay", "Gus"]
    voted = workspace.motions.record_roll_call(
        motion.id, roll(meeting, Ada=Y, Ben=Y, Cal=N, Dee=A, Eve=R, Gus=Y)
    )
    assert voted.names(VoteOption.ABSENT) == ["Fay", "Gus"]
    assert voted.explanation == "Adopted 2–1, 2 abstaining (majority of votes cast required)"
    assert voted.present == 5


def test_a_missing_vote_and_no_quorum_are_refused(workspace, meeting):
    motion = workspace.motions.create(meeting.id, MotionDraft("Adjourn", T(19, 45)))
    with pytest.raises(ValidationError, match="no vote recorded for Gus"):
        workspace.motions.record_roll_call(
            motion.id, roll(meeting, Ada=Y, Ben=Y, Cal=Y, Dee=Y, Eve=Y, Fay=Y)
        )
    m = ids(meeting)
    for name in ("Dee", "Eve", "Fay", "Gus"):
        workspace.meetings.set_attendance(meeting.id, m[name], Presence.ABSENT)
    with pytest.raises(ValidationError, match="3 members present, 4 needed for a quorum"):
        workspace.motions.record_roll_call(motion.id, roll(meeting, Ada=Y, Ben=Y, Cal=Y))
    assert workspace.motions.get(motion.id).result is None


def test_chair_votes_only_to_break_a_tie_when_the_body_says_so(workspace, meeting, council):
    workspace.bodies.update_body(
        council.id,
        council.name,
        council.kind,
        council.seats,
        council.profile,
        council.quorum,
        council.usual_agenda,
        "majority-cast",
        "tie-only",
    )
    assert workspace.bodies.get_body(council.id).chair_voting == "tie-only"
    with pytest.raises(ValidationError, match="unknown chair rule"):
        workspace.bodies.update_body(
            council.id,
            council.name,
            council.kind,
            council.seats,
            council.profile,
            council.quorum,
            (),
            "majority-cast",
            "x",
        )
    motion = workspace.motions.create(meeting.id, MotionDraft("Buy a gift", T(19, 45)))
    tie = workspace.motions.record_roll_call(
        motion.id, roll(meeting, Ada=Y, Ben=Y, Cal=Y, Dee=Y, Eve=N, Fay=N, Gus=N)
    )
    assert tie.explanation.startswith("Adopted 4–3")  # the chair broke the tie
    clear = workspace.motions.record_roll_call(
        motion.id, roll(meeting, Ada=Y, Ben=Y, Cal=Y, Dee=Y, Eve=Y, Fay=N, Gus=N)
    )
    assert clear.explanation.startswith("Adopted 4–2")  # the chair's vote was not needed
    assert [v.counted for v in clear.votes if v.name == "Ada"] == [False]


def test_voice_votes_count_against_those_present(workspace, meeting):
    motion = workspace.motions.create(meeting.id, MotionDraft("Thank the delegation", T(19, 45)))
    voted = workspace.motions.record_voice_vote(motion.id, 6, 0, 1)
    assert voted.method == "voice"
    assert voted.explanation == "Adopted 6–0, 1 abstaining (majority of votes cast required)"
    with pytest.raises(ValidationError, match="more votes than members present"):
        workspace.motions.record_voice_vote(motion.id, 6, 2, 0)


def test_motion_checks(workspace, meeting, kaliningrad):
    m = ids(meeting)
    with pytest.raises(ValidationError) as info:
        workspace.motions.create(
            meeting.id, MotionDraft(" ", T(19, 5), mover_id=m["Ben"], seconder_id=m["Ben"])
        )
    assert set(info.value.errors) == {"text", "seconder"}
    with pytest.raises(ValidationError) as info:
        workspace.motions.create(
            meeting.id,
            MotionDraft(
                "Reinstate",
                T(19, 5),
                partnership_id=kaliningrad.id,
                action=PartnershipAction.REINSTATE,
            ),
        )
    assert "already active" in info.value.errors["action_status"]
    with pytest.raises(ValidationError, match="say why"):
        workspace.motions.create(
            meeting.id,
            MotionDraft(
                "Terminate",
                T(19, 5),
                partnership_id=kaliningrad.id,
                action=PartnershipAction.TERMINATE,
            ),
        )


def test_member_history_and_locked_minutes(workspace, meeting, kaliningrad):
    motion = suspend_motion(workspace, meeting, kaliningrad)
    workspace.motions.record_roll_call(
        motion.id, roll(meeting, Ada=Y, Ben=Y, Cal=Y, Dee=Y, Eve=Y, Fay=N, Gus=A)
    )
    history = workspace.motions.member_votes(ids(meeting)["Fay"])
    assert [(r.text, o) for r, o in history] == [
        ("Suspend the sister-city relationship with Kaliningrad", VoteOption.NO)
    ]
    workspace.minutes.set_status(meeting.id, MinutesStatus.APPROVED, D(2022, 4, 12))
    with pytest.raises(ValidationError, match="votes can no longer change"):
        workspace.motions.record_voice_vote(motion.id, 7, 0, 0)
    with pytest.raises(ValidationError, match="locked"):
        workspace.motions.delete(motion.id)


def test_deleting_an_adopted_motion_takes_its_event_along(workspace, meeting, kaliningrad):
    motion = suspend_motion(workspace, meeting, kaliningrad)
    workspace.motions.record_voice_vote(motion.id, 7, 0, 0)
    workspace.motions.delete(motion.id)
    assert workspace.partnerships.get(kaliningrad.id).status is Status.ACTIVE
    assert workspace.motions.for_meeting(meeting.id) == []
