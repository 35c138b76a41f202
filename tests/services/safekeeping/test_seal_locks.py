"""Sealed means locked: every write that would change an adopted resolution or the vote that
adopted it is refused; changing such a decision is a new motion or a new resolution."""

import io

import pypdf
import pytest

from sciapp.domain.minutes import MinutesStatus
from sciapp.services.documents.records import ResolutionDraft, RollCallNames
from sciapp.services.errors import ValidationError
from sciapp.services.meetings.records import MeetingDraft
from sciapp.services.reports.rendering import render_resolution
from sciapp.services.votes.records import MotionDraft, MotionKind
from tests.services.votes import test_service as test_motions
from tests.services.votes.test_service import D, N, T, Y, ids, roll

LOCKED = "sealed and locked"


@pytest.fixture
def council(workspace):
    return test_motions.council.__wrapped__(workspace)


@pytest.fixture
def meeting(workspace, council):
    return test_motions.meeting.__wrapped__(workspace, council)


@pytest.fixture
def adopted(workspace, meeting):
    """Resolution 2022-01, adopted 6–1 by a roll call while the minutes are still open."""
    m = ids(meeting)
    motion = workspace.motions.create(
        meeting.id, MotionDraft("Adopt Resolution 2022-01", T(19, 30), MotionKind.RESOLUTION)
    )
    votes = roll(meeting, Ada=Y, Ben=Y, Cal=Y, Dee=Y, Eve=Y, Fay=Y, Gus=N)
    workspace.motions.record_roll_call(motion.id, votes)
    number = workspace.documents.create_resolution(
        ResolutionDraft("Thanks to Otsu", meeting.body.id, (), ("thanks are given",)), year=2022
    ).number
    resolution = workspace.documents.link_motion(number, motion.id)
    assert resolution.status == "adopted"
    assert resolution.locked
    assert workspace.seals.seal_of("resolution", resolution.id) is not None
    assert m  # the members are present
    return resolution, motion


def test_every_write_to_an_adopted_resolution_is_refused(workspace, meeting, adopted):
    resolution, motion = adopted
    docs, motions = workspace.documents, workspace.motions
    other = motions.create(meeting.id, MotionDraft("Another", T(19, 40), MotionKind.MAIN))
    votes = roll(meeting, Ada=Y, Ben=Y, Cal=Y, Dee=Y, Eve=Y, Fay=N, Gus=N)
    refused = {
        "un-adopt through link_motion(None)": lambda: docs.link_motion(resolution.number, None),
        "link another motion": lambda: docs.link_motion(resolution.number, other.id),
        "set the status by hand": lambda: docs.set_status(resolution.number, "withdrawn"),
        "edit the text": lambda: docs.update_resolution(
            resolution.number, ResolutionDraft("New", meeting.body.id, (), ("x",))
        ),
        "correct the linked vote": lambda: motions.record_roll_call(motion.id, votes),
        "record it as a voice vote": lambda: motions.record_voice_vote(motion.id, 1, 6),
        "delete the motion": lambda: motions.delete(motion.id),
    }
    for name, write in refused.items():
        with pytest.raises(ValidationError) as info:
            write()
        assert any(word in str(info.value) for word in ("sealed", "linked motion")), name
    again = docs.resolution(resolution.number)
    assert (again.status, again.motion_id, again.votes.nays) == ("adopted", motion.id, ("Gus",))
    assert workspace.motions.get(motion.id).result.value == "adopted"
    assert workspace.seals.verify().ok


def test_a_resolution_adopted_by_hand_is_locked_too(workspace, council):
    docs = workspace.documents
    number = docs.create_resolution(ResolutionDraft("T", council.id, (), ("x",)), year=2022).number
    docs.set_status(number, "adopted", D(2022, 3, 8), RollCallNames(("Ada", "Ben"), ("Cal",)))
    for write in (
        lambda: docs.set_status(number, "adopted", D(2022, 3, 9)),  # not even its date
        lambda: docs.set_status(number, "withdrawn"),
        lambda: docs.link_motion(number, None),
        lambda: docs.update_resolution(number, ResolutionDraft("U", council.id, (), ("y",))),
    ):
        with pytest.raises(ValidationError, match=LOCKED):
            write()
    assert docs.resolution(number).adopted_on == D(2022, 3, 8)
    assert workspace.seals.verify().ok


def test_votes_in_approved_minutes_are_locked(workspace, meeting):
    motion = workspace.motions.create(meeting.id, MotionDraft("Main", T(19, 30)))
    workspace.motions.record_voice_vote(motion.id, 7, 0)
    workspace.minutes.set_status(meeting.id, MinutesStatus.PROPOSED, D(2022, 3, 10))
    workspace.minutes.set_status(meeting.id, MinutesStatus.APPROVED, D(2022, 4, 12))
    for write in (
        lambda: workspace.motions.record_voice_vote(motion.id, 0, 7),
        lambda: workspace.motions.record_roll_call(motion.id, roll(meeting, Ada=N)),
        lambda: workspace.motions.delete(motion.id),
        lambda: workspace.motions.create(meeting.id, MotionDraft("Late", T(19, 50))),
    ):
        with pytest.raises(ValidationError, match="locked"):
            write()


def next_meeting(workspace, meeting):
    from sciapp.domain.attendance import Presence

    later = workspace.meetings.create(MeetingDraft(meeting.body.id, D(2022, 4, 12), T(19, 0)))
    for row in later.attendance:
        workspace.meetings.set_attendance(later.id, row.member_id, Presence.PRESENT)
    return workspace.meetings.get(later.id)


def test_rescinding_is_a_motion_of_its_own_naming_what_it_rescinds(workspace, meeting, adopted):
    resolution, motion = adopted
    later = next_meeting(workspace, meeting)
    motions = workspace.motions
    with pytest.raises(ValidationError, match="name the adopted motion"):
        motions.create(later.id, MotionDraft("Rescind", T(19, 10), MotionKind.RESCIND))
    with pytest.raises(ValidationError, match="only a motion to rescind"):
        motions.create(
            later.id, MotionDraft("x", T(19, 10), refers_to_resolution=resolution.number)
        )
    failed = motions.create(later.id, MotionDraft("Fails", T(19, 5)))
    motions.record_voice_vote(failed.id, 1, 6)
    with pytest.raises(ValidationError, match="was not adopted"):
        motions.create(
            later.id, MotionDraft("x", T(19, 10), MotionKind.RESCIND, refers_to_motion_id=failed.id)
        )
    rescind = motions.create(
        later.id,
        MotionDraft(
            "Rescind Resolution 2022-01",
            T(19, 10),
            MotionKind.RESCIND,
            refers_to_resolution=resolution.number,
        ),
    )
    assert rescind.refers_to_resolution == resolution.number
    votes = roll(later, Ada=Y, Ben=Y, Cal=Y, Dee=Y, Eve=Y, Fay=Y, Gus=N)
    motions.record_roll_call(rescind.id, votes)
    old = workspace.documents.resolution(resolution.number)
    assert (old.status, old.rescinded_by) == ("adopted", rescind.id)  # its record says so
    pdf = render_resolution(workspace, resolution.number).pdf
    assert "Rescinded by a later motion" in pypdf.PdfReader(io.BytesIO(pdf)).pages[0].extract_text()
    amend = motions.create(
        later.id,
        MotionDraft(
            "Amend the motion", T(19, 20), MotionKind.AMEND_ADOPTED, refers_to_motion_id=motion.id
        ),
    )
    assert amend.refers_to_motion_id == motion.id
    assert workspace.seals.verify().ok  # the sealed resolution did not change


def test_a_new_resolution_supersedes_the_old_one_without_changing_it(workspace, meeting, adopted):
    resolution, _motion = adopted
    docs = workspace.documents
    body = meeting.body.id
    with pytest.raises(ValidationError, match="does not exist"):
        docs.create_resolution(ResolutionDraft("N", body, (), ("x",), supersedes="1999-01"))
    draft_number = docs.create_resolution(ResolutionDraft("D", body, (), ("x",)), year=2022).number
    with pytest.raises(ValidationError, match="was not adopted"):
        docs.create_resolution(ResolutionDraft("N", body, (), ("x",), supersedes=draft_number))
    sealed_before = workspace.seals.seal_of("resolution", resolution.id)
    newer = docs.create_resolution(
        ResolutionDraft("Thanks to Otsu, again", body, (), ("x",), supersedes=resolution.number),
        year=2023,
    )
    assert newer.supersedes == resolution.number
    assert docs.resolution(resolution.number).superseded_by == ""  # not until it is adopted
    docs.set_status(newer.number, "adopted", D(2023, 1, 10))
    old = docs.resolution(resolution.number)
    assert old.superseded_by == newer.number
    assert workspace.seals.seal_of("resolution", resolution.id) == sealed_before
    pdf = render_resolution(workspace, resolution.number).pdf
    text = pypdf.PdfReader(io.BytesIO(pdf)).pages[0].extract_text()
    assert f"Superseded by Resolution {newer.number}" in text
    assert workspace.seals.verify().ok


def test_a_partnership_approved_minutes_speak_of_cannot_be_deleted(demo_workspace):
    rows = {r.partner_city: r for r in demo_workspace.partnerships.list_rows()}
    with pytest.raises(ValidationError, match="record its termination instead"):
        demo_workspace.partnerships.delete(rows["St. Petersburg"].id)
    assert demo_workspace.seals.verify().ok
    demo_workspace.partnerships.delete(rows["Asan"].id)  # no motion, activity or gift on record
