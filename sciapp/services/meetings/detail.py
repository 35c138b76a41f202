"""A meeting as the app shows it: its body, agenda, attendance, minutes and deadlines."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from sqlalchemy import select

from sciapp.domain.attendance import Presence, voting_present_at
from sciapp.domain.deadlines import minutes_deadlines, notice_problem
from sciapp.domain.minutes import MinutesStatus
from sciapp.services.meetings.bodies import load_body, to_body, to_member
from sciapp.services.meetings.records import (
    AttendanceRow,
    CommentRecord,
    CorrectionRecord,
    GuestRecord,
    ItemRecord,
    MeetingDetail,
    QuorumState,
)
from sciapp.storage.meeting_models import (
    AgendaItem,
    AttendanceRecord,
    Guest,
    Meeting,
    Member,
    MinutesCorrection,
    PublicComment,
)

if TYPE_CHECKING:
    from sqlalchemy.orm import Session


def item_record(item: AgendaItem) -> ItemRecord:
    return ItemRecord(item.id, item.position, item.title, item.notes)


def quorum_of(detail: MeetingDetail, at: dt.time) -> QuorumState:
    voting_in_office = sum(1 for a in detail.attendance if a.voting)
    required = detail.body.quorum.required(detail.body.seats, voting_in_office)
    present = voting_present_at([a.to_domain() for a in detail.attendance], at)
    return QuorumState(required, present, detail.body.quorum.describe())


def to_detail(session: Session, meeting: Meeting) -> MeetingDetail:
    body = to_body(load_body(session, meeting.body_id))
    day, start, notice = meeting.date, meeting.start_time, meeting.notice_posted
    approved_on, cancelled_on = meeting.minutes_approved_on, meeting.cancelled_on
    deadlines = minutes_deadlines(body.profile, day, approved_on)
    if cancelled_on is not None:  # a meeting that did not take place has no minutes due
        deadlines = type(deadlines)(None, None)
    attendance_rows = session.execute(
        select(AttendanceRecord, Member)
        .join(Member, Member.id == AttendanceRecord.member_id)
        .where(AttendanceRecord.meeting_id == meeting.id)
        .order_by(Member.name)
    )
    attendance = tuple(
        AttendanceRow(
            member.id,
            member.name,
            to_member(member).office,
            member.voting,
            Presence(record.presence),
            record.arrived,
            record.departed,
        )
        for record, member in attendance_rows
    )
    items = {item.id: item for item in meeting.items}
    corrections = session.scalars(
        select(MinutesCorrection)
        .where(MinutesCorrection.meeting_id == meeting.id)
        .order_by(MinutesCorrection.id)
    )
    guests = session.scalars(select(Guest).where(Guest.meeting_id == meeting.id).order_by(Guest.id))
    comments = session.scalars(
        select(PublicComment)
        .where(PublicComment.meeting_id == meeting.id)
        .order_by(PublicComment.position)
    )
    return MeetingDetail(
        id=meeting.id,
        body=body,
        kind=meeting.kind,
        date=day,
        start_time=start,
        place=meeting.place,
        remote_link=meeting.remote_link,
        notice_posted=notice,
        notice_problem=notice_problem(body.profile, dt.datetime.combine(day, start), notice),
        called_to_order=meeting.called_to_order,
        adjourned=meeting.adjourned,
        minutes_status=MinutesStatus(meeting.minutes_status),
        minutes_proposed_on=meeting.minutes_proposed_on,
        minutes_approved_on=approved_on,
        proposed_due=deadlines.proposed_due,
        approved_due=deadlines.approved_due,
        current_item_id=meeting.current_item,
        items=tuple(item_record(item) for item in meeting.items),
        attendance=attendance,
        guests=tuple(GuestRecord(g.id, g.name, g.role) for g in guests),
        comments=tuple(CommentRecord(c.id, c.speaker, c.topic, c.summary) for c in comments),
        corrections=tuple(
            CorrectionRecord(
                c.id,
                c.agenda_item_id,
                items[c.agenda_item_id].title if c.agenda_item_id in items else "",
                c.original_text,
                c.corrected_text,
                c.approved_on,
            )
            for c in corrections
        ),
        cancelled_on=cancelled_on,
        cancellation_note=meeting.cancellation_note or "",
    )
