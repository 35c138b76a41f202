"""The demo commission's bodies, roster and meetings.

People are fictional. The March 2022 meeting discussed the St. Petersburg tie after Russia's
invasion of Ukraine, with SCI's policy (seed 000) before it; its minutes were approved in April.
A draft from last week and upcoming meetings keep the start page lively whenever it is opened.
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from sciapp.domain.attendance import Presence
from sciapp.domain.bodies import BodyKind, Office, Profile
from sciapp.domain.minutes import MinutesStatus
from sciapp.services.meeting_records import MeetingDetail, MeetingDraft, MemberDraft

if TYPE_CHECKING:
    from sciapp.services.workspace import Workspace

COMMISSION = "Lansing Regional Sister Cities Commission"
COUNCIL = "Lansing City Council"
CITY_HALL = "Lansing City Hall, 124 W. Michigan Ave., Room 10"

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
        "St. Petersburg relationship. Following Russia's invasion of Ukraine, members discussed "
        "calls to suspend the tie and Sister Cities International's policy, restated by its CEO "
        "on March 1, 2022, that suspending a relationship closes a channel of communication. "
        "Commissioner Volkova reported that the partner school asked to keep its pen-pal "
        "exchange. The commission asked the chair to draft a letter to the City Council "
        "setting out both views, for the April meeting."
    ),
    "Adjournment": "There being no further business, the meeting adjourned.",
}


def seed_meetings(workspace: Workspace, today: dt.date) -> None:
    bodies, meetings, minutes = workspace.bodies, workspace.meetings, workspace.minutes
    commission = bodies.create_body(COMMISSION, BodyKind.COMMISSION, 9, Profile.MICHIGAN)
    council = bodies.create_body(COUNCIL, BodyKind.COUNCIL, 8, Profile.MICHIGAN)
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
            place="Council Chambers",
            notice_posted=dt.datetime.combine(today, dt.time(9, 0)),
        )
    )
    meetings.create(
        MeetingDraft(commission.id, today + dt.timedelta(days=21), dt.time(18, 30), place=CITY_HALL)
    )


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
