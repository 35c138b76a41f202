"""A meeting's motions read back as their plain records (meetings/records.py MotionRecord):
for the votes service, the minutes and closed sessions alike."""

from __future__ import annotations

from typing import TYPE_CHECKING

from sqlalchemy import select

from sciapp.domain.countries import country_name
from sciapp.domain.motions import MotionKind, PartnershipAction
from sciapp.domain.votes import Result, VoteOption, VoteRule, roll_call_order
from sciapp.services.errors import NotFoundError
from sciapp.services.meetings.records import MotionRecord, VoteRecord
from sciapp.storage.meeting_models import AgendaItem, Body, Meeting, Member
from sciapp.storage.models import Partnership
from sciapp.storage.vote_models import Motion, RollCallVote

if TYPE_CHECKING:
    from sqlalchemy.orm import Session


def to_record(session: Session, motion: Motion) -> MotionRecord:
    meeting = session.get(Meeting, motion.meeting_id)
    if meeting is None:
        raise NotFoundError(f"Meeting {motion.meeting_id} does not exist.")
    body = session.get(Body, meeting.body_id)
    assert body is not None
    names = {}
    for member_id in (motion.mover_id, motion.seconder_id):
        if member_id is not None:
            member = session.get(Member, member_id)
            names[member_id] = member.name if member else ""
    item = session.get(AgendaItem, motion.agenda_item_id) if motion.agenda_item_id else None
    partnership = session.get(Partnership, motion.partnership_id) if motion.partnership_id else None
    votes = []
    for vote in session.scalars(select(RollCallVote).where(RollCallVote.motion_id == motion.id)):
        member = session.get(Member, vote.member_id)
        votes.append(
            VoteRecord(
                vote.member_id,
                member.name if member else "?",
                VoteOption(vote.option),
                vote.counted,
            )
        )
    votes.sort(key=lambda v: roll_call_order(v.name))
    title = ""
    if partnership is not None:
        title = f"{partnership.partner_city}, {country_name(partnership.partner_country)}"
    return MotionRecord(
        id=motion.id,
        meeting_id=meeting.id,
        meeting_date=meeting.date,
        body_id=body.id,
        body_name=body.name,
        agenda_item_id=motion.agenda_item_id,
        item_title=item.title if item else "",
        text=motion.text,
        kind=MotionKind(motion.kind),
        mover=names.get(motion.mover_id, "") if motion.mover_id else "",
        seconder=names.get(motion.seconder_id, "") if motion.seconder_id else "",
        rule=VoteRule(motion.rule),
        moved_at=motion.moved_at,
        method=motion.method,
        yes=motion.yes,
        no=motion.no,
        abstain=motion.abstain,
        present=motion.present,
        result=Result(motion.result) if motion.result else None,
        explanation=motion.explanation,
        partnership_id=motion.partnership_id,
        partnership_title=title,
        action=PartnershipAction(motion.action) if motion.action else None,
        action_reason=motion.action_reason,
        action_condition=motion.action_condition,
        status_event_id=motion.status_event_id,
        votes=tuple(votes),
        refers_to_motion_id=motion.refers_to_motion_id,
        refers_to_resolution=motion.refers_to_resolution or "",
        mover_id=motion.mover_id,
        seconder_id=motion.seconder_id,
    )
