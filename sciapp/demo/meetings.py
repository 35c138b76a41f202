"""The demo commission's bodies, roster and meetings.

People and votes are illustrative, not Lansing's record. In March 2022 the council votes 7–1 to
suspend the St. Petersburg tie after Russia's invasion of Ukraine; two days later the commission,
with SCI's policy (seed 000) before it, fails on a 3–3 tie to ask the council to reconsider.
A draft from last week and upcoming meetings keep the start page lively whenever it is opened.
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from sciapp.demo.documents import seed_letterheads
from sciapp.domain.attendance import Presence
from sciapp.domain.bodies import BodyKind, Office, Profile
from sciapp.domain.minutes import MinutesStatus
from sciapp.domain.motions import MotionKind, PartnershipAction
from sciapp.domain.votes import VoteOption
from sciapp.services.meetings.records import MeetingDetail, MeetingDraft, MemberDraft
from sciapp.services.votes.records import MotionDraft

if TYPE_CHECKING:
    from sciapp.services.workspace import Workspace

COMMISSION = "Lansing Regional Sister Cities Commission"
COUNCIL = "Lansing City Council"
CITY_HALL = "Lansing City Hall, 124 W. Michigan Ave., Room 10"
COUNCIL_CHAMBERS = "Council Chambers"

_COMMISSIONERS = [
    ("Margaret Okafor", Office.CHAIR, 1),
    ("Daniel Reyes", Office.VICE_CHAIR, 2),
    ("Yuki Tanaka-Brown", Office.SECRETARY, 3),
    ("Samuel Whitfield", Office.MEMBER, 4),
    ("Irina Volkova", Office.MEMBER, 5),
    ("Grace Mensah", Office.MEMBER, 6),
    ("Luis Carrillo", Office.MEMBER, 7),
    ("Hannah Becker", Office.MEMBER, 8),
]  # seat 9 is vacant
_COUNCIL = [
    "Carol Whitaker",
    "James Lindqvist",
    "Patricia Osei",
    "Robert Kowalski",
    "Angela Martinez",
    "Thomas Nguyen",
    "Linda Haddad",
    "Michael Brennan",
]

MARCH_NOTES = {
    "Call to order": "Chair Okafor called the meeting to order.",
    "Approval of minutes": "Minutes of February 16, 2022 approved as presented.",
    "Reports": "Chair's report on the Otsu youth delegation, postponed to 2023.",
    "New business": (
        "St. Petersburg relationship. Members discussed the City Council's suspension of the tie "
        "on March 14 after Russia's invasion of Ukraine, and Sister Cities International's "
        "policy, restated by its CEO on March 1, 2022, that suspending a relationship closes a "
        "channel of communication. "
        "Commissioner Volkova reported that the partner school asked to keep its pen-pal "
        "exchange. The commission asked the chair to draft a letter to the City Council "
        "setting out both views, for the April meeting."
    ),
    "Adjournment": "There being no further business, the meeting adjourned.",
}


def seed_meetings(workspace: Workspace, today: dt.date) -> None:
    bodies, meetings, minutes = workspace.bodies, workspace.meetings, workspace.minutes
    commission = bodies.create_body(
        COMMISSION,
        BodyKind.COMMISSION,
        9,
        Profile.MICHIGAN,
        usual_time=dt.time(18, 30),
        usual_place=CITY_HALL,
    )
    council = bodies.create_body(
        COUNCIL,
        BodyKind.COUNCIL,
        8,
        Profile.MICHIGAN,
        usual_time=dt.time(19, 0),
        usual_place=COUNCIL_CHAMBERS,
    )
    for body in (commission, council):  # the demo city is in Michigan's Lower Peninsula
        bodies.set_time_zone(body.id, "America/Detroit")
    seed_letterheads(workspace, council.id)  # before any minutes are approved and sealed
    ending_soon = today + dt.timedelta(days=45)
    for index, (name, office, seat) in enumerate(_COMMISSIONERS):
        end = ending_soon if name == "Samuel Whitfield" else dt.date(2027 + index % 3, 6, 30)
        bodies.add_member(
            commission.id,
            MemberDraft(name, dt.date(2019, 7, 1), end, office, appointed_by="Mayor", seat=seat),
        )
    bodies.add_member(
        commission.id,
        MemberDraft(
            "Andrea Lopez",
            dt.date(2019, 7, 1),
            None,
            Office.MEMBER,
            voting=False,
            appointed_by="City Clerk (ex officio)",
        ),
    )
    for seat, name in enumerate(_COUNCIL, start=1):
        office = Office.CHAIR if seat == 1 else Office.MEMBER
        bodies.add_member(
            council.id,
            MemberDraft(
                name,
                dt.date(2020, 1, 1),
                dt.date(2027, 12, 31),
                office,
                appointed_by="Elected",
                seat=seat,
            ),
        )

    march = meetings.create(
        MeetingDraft(
            commission.id,
            dt.date(2022, 3, 16),
            dt.time(19, 0),
            place=CITY_HALL,
            notice_posted=dt.datetime(2022, 3, 11, 9, 0),
        )
    )
    _hold(
        workspace,
        march,
        dt.time(19, 2),
        dt.time(20, 41),
        late="Luis Carrillo",
        excused="Hannah Becker",
    )
    for item in march.items:
        if item.title in MARCH_NOTES:
            meetings.set_item_notes(item.id, MARCH_NOTES[item.title])
    meetings.add_guest(march.id, "Rev. Thomas Abney", "Lansing Interfaith Council")
    meetings.add_comment(
        march.id,
        "Oksana Hrytsenko",
        "St. Petersburg tie",
        "Asked the commission to suspend the tie until Ukraine is at peace.",
    )
    meetings.add_comment(
        march.id,
        "Peter Vance",
        "St. Petersburg tie",
        "Urged keeping the student exchange as a line to ordinary Russians.",
    )

    _council_vote(workspace, council.id)
    _commission_vote(workspace, march)
    minutes.set_status(march.id, MinutesStatus.PROPOSED, dt.date(2022, 3, 22))

    april = meetings.create(
        MeetingDraft(
            commission.id,
            dt.date(2022, 4, 20),
            dt.time(19, 0),
            place=CITY_HALL,
            notice_posted=dt.datetime(2022, 4, 15, 9, 0),
        )
    )
    _hold(workspace, april, dt.time(19, 0), dt.time(20, 5))
    approval = next(i for i in april.items if i.title == "Approval of minutes")
    meetings.set_item_notes(approval.id, "Minutes of March 16, 2022 approved as presented.")
    minutes.set_status(march.id, MinutesStatus.APPROVED, dt.date(2022, 4, 20))
    minutes.set_status(april.id, MinutesStatus.APPROVED, dt.date(2022, 5, 18))

    last_week = today - dt.timedelta(days=7)
    draft = meetings.create(
        MeetingDraft(
            commission.id,
            last_week,
            dt.time(18, 30),
            place=CITY_HALL,
            notice_posted=dt.datetime.combine(last_week - dt.timedelta(days=3), dt.time(10, 0)),
        )
    )
    _hold(workspace, draft, dt.time(18, 31), dt.time(19, 48), late="Grace Mensah")
    reports = next(i for i in draft.items if i.title == "Reports")
    meetings.set_item_notes(reports.id, "Treasurer: the Sakaide exchange is within budget.")

    meetings.create(
        MeetingDraft(
            council.id,
            today + dt.timedelta(days=3),
            dt.time(19, 0),
            place=COUNCIL_CHAMBERS,
            notice_posted=dt.datetime.combine(today, dt.time(9, 0)),
        )
    )
    meetings.create(
        MeetingDraft(commission.id, today + dt.timedelta(days=21), dt.time(18, 30), place=CITY_HALL)
    )


def _council_vote(workspace: Workspace, council_id: int) -> None:
    meetings, motions = workspace.meetings, workspace.motions
    meeting = meetings.create(
        MeetingDraft(
            council_id,
            dt.date(2022, 3, 14),
            dt.time(19, 0),
            place=COUNCIL_CHAMBERS,
            notice_posted=dt.datetime(2022, 3, 10, 12, 0),
        )
    )
    _hold(workspace, meeting, dt.time(19, 0), dt.time(21, 12))
    item = meetings.add_item(meeting.id, "Resolution on the St. Petersburg sister-city tie")
    meetings.move_item(item.id, 6)
    people = {a.name: a.member_id for a in meeting.attendance}
    spb = next(r for r in workspace.partnerships.list_rows() if r.partner_city == "St. Petersburg")
    motion = motions.create(
        meeting.id,
        MotionDraft(
            "Suspend the sister-city relationship with St. Petersburg, Russia, until peace and "
            "Ukraine's sovereignty are restored",
            dt.time(20, 15),
            MotionKind.PARTNERSHIP,
            people["Patricia Osei"],
            people["Thomas Nguyen"],
            agenda_item_id=item.id,
            partnership_id=spb.id,
            action=PartnershipAction.SUSPEND,
            action_reason="Russia's invasion of Ukraine on February 24, 2022",
            action_condition="until peace and Ukraine's sovereignty are restored",
        ),
    )
    votes = dict.fromkeys(people.values(), VoteOption.YES)
    votes[people["James Lindqvist"]] = VoteOption.NO
    motions.record_roll_call(motion.id, votes)
    meetings.set_item_notes(
        item.id,
        "Council discussed letters from residents and the "
        "Sister Cities International statement of March 1, 2022.",
    )
    workspace.minutes.set_status(meeting.id, MinutesStatus.APPROVED, dt.date(2022, 3, 28))


def _commission_vote(workspace: Workspace, march: MeetingDetail) -> None:
    people = {a.name: a.member_id for a in march.attendance}
    item = next(i for i in march.items if i.title == "New business")
    motion = workspace.motions.create(
        march.id,
        MotionDraft(
            "Ask the City Council to reconsider the suspension and keep the school exchange open",
            dt.time(20, 5),
            MotionKind.MAIN,
            people["Irina Volkova"],
            people["Daniel Reyes"],
            agenda_item_id=item.id,
        ),
    )
    options = {
        "Margaret Okafor": VoteOption.NO,
        "Daniel Reyes": VoteOption.YES,
        "Yuki Tanaka-Brown": VoteOption.NO,
        "Samuel Whitfield": VoteOption.NO,
        "Irina Volkova": VoteOption.YES,
        "Grace Mensah": VoteOption.YES,
        "Luis Carrillo": VoteOption.ABSTAIN,
    }
    workspace.motions.record_roll_call(motion.id, {people[n]: o for n, o in options.items()})


def _hold(
    workspace: Workspace,
    meeting: MeetingDetail,
    opened: dt.time,
    closed: dt.time,
    late: str = "",
    excused: str = "",
) -> None:
    """Mark the roll: everyone present unless named, one late arrival."""
    meetings = workspace.meetings
    meetings.set_times(meeting.id, opened, closed)
    for row in meeting.attendance:
        if row.name == excused:
            meetings.set_attendance(meeting.id, row.member_id, Presence.EXCUSED)
        elif row.name == late:
            arrived = (dt.datetime.combine(meeting.date, opened) + dt.timedelta(minutes=24)).time()
            meetings.set_attendance(meeting.id, row.member_id, Presence.PRESENT, arrived)
        else:
            meetings.set_attendance(meeting.id, row.member_id, Presence.PRESENT)
