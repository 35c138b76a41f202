"""Every printed roll call comes from one formatter: the resolution's certificate names
recused members too, as the minutes do."""

import datetime as dt

from sciapp.domain.attendance import Presence
from sciapp.domain.bodies import BodyKind
from sciapp.domain.votes import VoteOption
from sciapp.pdf.model import Votes
from sciapp.pdf.resolution import render_resolution
from sciapp.services.documents.records import ResolutionDraft
from sciapp.services.meetings.records import MeetingDraft, MemberDraft
from sciapp.services.reports.rendering import render_resolution as print_resolution
from sciapp.services.votes.records import MotionDraft
from tests.pdf.conftest import pdf_text
from tests.pdf.test_resolution import resolution


def flat(pdf: bytes) -> str:
    return " ".join(pdf_text(pdf).split())


def test_the_certificate_names_recusals_and_keeps_its_four_rows():
    votes = Votes(("Ada Abbott",), (), (), ("Dee Diaz",), ("Cal Cruz",))
    text = flat(render_resolution(resolution(votes=votes)).pdf)
    for row in ("AYES: Ada Abbott", "NAYS: None", "ABSTAIN: None", "RECUSED: Cal Cruz"):
        assert row in text
    assert text.index("RECUSED: Cal Cruz") < text.index("ABSENT: Dee Diaz")
    assert "RECUSED" not in flat(render_resolution(resolution()).pdf)  # none recused


def test_a_recusal_in_the_adopting_vote_reaches_the_resolution(workspace):
    body = workspace.bodies.create_body("Council", BodyKind.COUNCIL, 3)
    for name in ("Ada Abbott", "Ben Baker", "Cal Cruz"):
        workspace.bodies.add_member(body.id, MemberDraft(name, dt.date(2020, 1, 1)))
    meeting = workspace.meetings.create(MeetingDraft(body.id, dt.date(2022, 3, 8), dt.time(19)))
    ids = {a.name: a.member_id for a in meeting.attendance}
    for member_id in ids.values():
        workspace.meetings.set_attendance(meeting.id, member_id, Presence.PRESENT)
    item = meeting.items[-2].id  # new business
    draft = MotionDraft("Adopt it", dt.time(19, 30), agenda_item_id=item)
    motion = workspace.motions.create(meeting.id, draft)
    resolution_ = workspace.documents.create_resolution(
        ResolutionDraft("A resolution", body.id, (), ("it is resolved",)), year=2022
    )
    workspace.documents.link_motion(resolution_.number, motion.id)
    y, r = VoteOption.YES, VoteOption.RECUSED
    workspace.motions.record_roll_call(
        motion.id, {ids["Ada Abbott"]: y, ids["Ben Baker"]: y, ids["Cal Cruz"]: r}
    )
    record = workspace.documents.resolution(resolution_.number)
    assert record.votes.recused == ("Cal Cruz",)
    assert "RECUSED: Cal Cruz" in flat(print_resolution(workspace, resolution_.number).pdf)
    assert "Recused: Cal Cruz" in workspace.minutes.text(meeting.id)
