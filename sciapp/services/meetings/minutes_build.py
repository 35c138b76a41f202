"""Building the minutes model (`domain/minutes_model.py`) once from a meeting: its detail, its
motions and their votes. The text minutes, the minutes PDF, the seal's snapshot of them and
the Popolo export all start from what this returns."""

from __future__ import annotations

from typing import TYPE_CHECKING

from sqlalchemy import select

from sciapp.domain.minutes_model import (
    Attendee,
    CastVote,
    Comment,
    Correction,
    Guest,
    Item,
    Minutes,
    MotionEntry,
    PartnershipMove,
)

if TYPE_CHECKING:
    from collections.abc import Sequence

    from sqlalchemy.orm import Session

    from sciapp.services.meetings.records import MeetingDetail, MotionRecord


def build_minutes(session: Session, meeting_id: int) -> Minutes:
    """The minutes as they stand now, corrections included."""
    from sciapp.services.meetings.detail import to_detail
    from sciapp.services.meetings.service import load_meeting

    detail = to_detail(session, load_meeting(session, meeting_id))
    return minutes_of(detail, meeting_motions(session, meeting_id))


def all_minutes(session: Session) -> list[Minutes]:
    """Every meeting's minutes, oldest meeting first (the exports)."""
    from sciapp.storage.meeting_models import Meeting

    ids = session.scalars(select(Meeting.id).order_by(Meeting.date, Meeting.id))
    return [build_minutes(session, meeting_id) for meeting_id in list(ids)]


def meeting_motions(session: Session, meeting_id: int) -> list[MotionRecord]:
    """The motions the public minutes show: not those moved in closed session, which belong
    to its own minutes (never public, `ClosedSessionRecord.public`); the motion to close,
    with its purposes and roll call, stays (MCL 15.267(1))."""
    from sciapp.services.meetings.closed_sessions import public_motions
    from sciapp.services.meetings.motion_rows import to_record
    from sciapp.storage.vote_models import Motion

    query = select(Motion).where(Motion.meeting_id == meeting_id).order_by(Motion.id)
    return public_motions(
        session, meeting_id, [to_record(session, m) for m in session.scalars(query)]
    )


def minutes_of(detail: MeetingDetail, motions: Sequence[MotionRecord] = ()) -> Minutes:
    d = detail
    return Minutes(
        meeting_id=d.id,
        body_id=d.body.id,
        body_name=d.body.name,
        kind=d.kind,
        date=d.date,
        start_time=d.start_time,
        status=d.minutes_status,
        approved_on=d.minutes_approved_on,
        place=d.place,
        remote_link=d.remote_link,
        called_to_order=d.called_to_order,
        adjourned=d.adjourned,
        attendance=tuple(
            Attendee(a.member_id, a.name, a.office, a.voting, a.presence, a.arrived, a.departed)
            for a in d.attendance
        ),
        guests=tuple(Guest(g.name, g.role) for g in d.guests),
        items=tuple(Item(i.id, i.position, i.title, i.notes) for i in d.items),
        motions=tuple(motion_entry(m) for m in motions),
        comments=tuple(Comment(c.speaker, c.topic, c.summary) for c in d.comments),
        corrections=tuple(
            Correction(c.item_id, c.approved_on, c.original_text, c.corrected_text)
            for c in d.corrections
        ),
    )


def motion_entry(m: MotionRecord) -> MotionEntry:
    action = None
    if m.action is not None:
        action = PartnershipMove(m.action, m.partnership_title, m.action_reason, m.action_condition)
    return MotionEntry(
        id=m.id,
        text=m.text,
        kind=m.kind,
        rule=m.rule,
        moved_at=m.moved_at,
        agenda_item_id=m.agenda_item_id,
        mover=m.mover,
        seconder=m.seconder,
        method=m.method,
        yes=m.yes,
        no=m.no,
        abstain=m.abstain,
        present=m.present,
        result=m.result,
        explanation=m.explanation,
        votes=tuple(CastVote(v.member_id, v.name, v.option, v.counted) for v in m.votes),
        action=action,
        mover_id=m.mover_id,
    )
