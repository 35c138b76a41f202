"""The text minutes and the minutes PDF are made from one minutes model and say the same
things, in the same order: every line of the text is in the PDF."""

import datetime as dt
import re

from sciapp.domain.attendance import Presence
from sciapp.domain.bodies import BodyKind, Office
from sciapp.domain.minutes import MinutesStatus
from sciapp.domain.votes import VoteOption
from sciapp.services.meetings.records import MeetingDraft, MemberDraft
from sciapp.services.reports.rendering import render_minutes
from sciapp.services.votes.records import MotionDraft
from tests.pdf.conftest import pdf_text

T = dt.time
FURNITURE = re.compile(r"^(Page \d+ of \d+|Minutes — .*|.* — page \d+)$")


def normal(text: str) -> str:
    """Words only: the PDF typesets quotes, wraps lines and sets labels in bold columns."""
    text = text.translate(str.maketrans("‘’“”\u00a0", "''\"\" ", ":"))
    return " ".join(text.split()).casefold()


def assert_same_things(workspace, meeting_id: int) -> None:
    text = workspace.minutes.text(meeting_id)
    lines = pdf_text(render_minutes(workspace, meeting_id).pdf).splitlines()
    pdf = normal(" ".join(line for line in lines if not FURNITURE.match(line.strip())))
    at = 0
    for line in filter(None, (normal(line) for line in text.splitlines())):
        found = pdf.find(line, at)
        assert found >= 0, f"the PDF does not say, after {pdf[max(0, at - 60) : at]!r}: {line!r}"
        at = found + len(line)


def test_every_demo_meeting(demo_workspace):
    for meeting in demo_workspace.meetings.list_meetings():
        assert_same_things(demo_workspace, meeting.id)


def test_a_corrected_sealed_meeting(demo_workspace):
    ws = demo_workspace
    approved = next(m for m in ws.meetings.list_meetings() if m.minutes_status.locked)
    item = next(i for i in ws.meetings.get(approved.id).items if i.notes)
    ws.minutes.record_correction(approved.id, item.id, "Corrected later.", dt.date(2023, 5, 2))
    assert_same_things(ws, approved.id)
    assert "CORRECTION approved May 2, 2023:" in ws.minutes.text(approved.id)


def test_every_kind_of_vote_and_the_public_comment_without_its_own_item(workspace):
    body = workspace.bodies.create_body("Norfolk Sister City Commission", BodyKind.COMMISSION, 5)
    names = ["Ada Chair", "Ben Vice", "Cal Member", "Dee Member", "Eve Adviser"]
    for name in names:
        office = {"Ada": Office.CHAIR, "Ben": Office.VICE_CHAIR}.get(name[:3], Office.MEMBER)
        voting = name != "Eve Adviser"
        draft = MemberDraft(name, dt.date(2020, 1, 1), None, office, voting)
        workspace.bodies.add_member(body.id, draft)
    meeting = workspace.meetings.create(
        MeetingDraft(body.id, dt.date(2022, 3, 8), T(19), place="Hall"), False
    )
    business = workspace.meetings.add_item(meeting.id, "New business")
    workspace.meetings.add_item(meeting.id, "Adjournment")
    ids = {a.name: a.member_id for a in workspace.meetings.get(meeting.id).attendance}
    for name in ("Ada Chair", "Ben Vice", "Cal Member", "Eve Adviser"):
        workspace.meetings.set_attendance(meeting.id, ids[name], Presence.PRESENT)
    workspace.meetings.set_attendance(meeting.id, ids["Dee Member"], Presence.EXCUSED)
    workspace.meetings.set_times(meeting.id, T(19, 2), T(20, 41))
    workspace.meetings.add_guest(meeting.id, "Jo Clerk", "City Clerk")
    workspace.meetings.add_comment(meeting.id, "Ann Resident", "Osaka", "Supports the tie.")
    workspace.meetings.set_item_notes(business.id, "The 'gift' was discussed.")

    def put(text: str) -> int:
        draft = MotionDraft(text, T(19, 30), mover_id=ids["Ben Vice"], agenda_item_id=business.id)
        return workspace.motions.create(meeting.id, draft).id

    by_roll = put("Buy a gift for Osaka")
    y, r = VoteOption.YES, VoteOption.RECUSED
    votes = {ids["Ada Chair"]: y, ids["Ben Vice"]: y, ids["Cal Member"]: r}
    workspace.motions.record_roll_call(by_roll, votes)
    workspace.motions.record_voice_vote(put("Thank the delegation"), 3, 0, 0)
    put("Table the budget")
    workspace.minutes.set_status(meeting.id, MinutesStatus.APPROVED, dt.date(2022, 4, 12))

    text = workspace.minutes.text(meeting.id)
    for said in (
        "Status: Approved on April 12, 2022",
        "Members present: Ada Chair (Chair), Ben Vice (Vice chair), Cal Member, "
        "Eve Adviser (non-voting)",
        "Members absent: Dee Member (excused)",
        "     Recused: Cal Member",
        "     Absent: Dee Member",
        "     Voice vote: 3 yes, 0 no, 0 abstain",
        "     Not voted on.",
    ):
        assert said in text
    assert text.index("Public comment") < text.index("Ann Resident") < text.index("Adjournment")
    assert_same_things(workspace, meeting.id)
