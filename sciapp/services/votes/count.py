"""Counting a vote: who may vote at a moment of the meeting (the roll-call sheet), the tally
and the outcome the app decides, and storing the result on the motion."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING

from sqlalchemy import select

from sciapp.domain.attendance import Presence
from sciapp.domain.votes import (
    ChairVoting,
    Outcome,
    Result,
    Tally,
    VoteOption,
    VoteRule,
    decide_with_chair,
)
from sciapp.services.errors import ValidationError
from sciapp.services.meetings.bodies import load_body, to_member
from sciapp.services.meetings.service import load_meeting
from sciapp.services.votes.records import RollCallSeat
from sciapp.storage.meeting_models import AttendanceRecord, Body, Meeting, Member

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

    from sciapp.storage.vote_models import Motion

VOTING_OPTIONS = (VoteOption.YES, VoteOption.NO, VoteOption.ABSTAIN, VoteOption.RECUSED)


@dataclass(frozen=True)
class Count:
    options: dict[int, VoteOption]
    outcome: Outcome
    chair_id: int | None
    chair_counted: bool
    present: int


def count_roll_call(
    session: Session,
    motion: Motion,
    votes: Mapping[int, VoteOption],
    at: dt.time | None,
    complete: bool,
) -> Count:
    meeting = load_meeting(session, motion.meeting_id)
    body = load_body(session, meeting.body_id)
    sheet = roll_sheet(session, meeting, at or dt.time.fromisoformat(motion.moved_at))
    options: dict[int, VoteOption] = {}
    missing = []
    for seat in sheet:
        if not seat.present:
            options[seat.member_id] = VoteOption.ABSENT
        elif votes.get(seat.member_id) in VOTING_OPTIONS:
            options[seat.member_id] = votes[seat.member_id]
        else:
            missing.append(seat.name)
    if missing and complete:
        raise ValidationError({"votes": "no vote recorded for " + ", ".join(missing)})
    chair = next((s for s in sheet if s.is_chair and s.present), None)
    chair_id = chair.member_id if chair else None
    others = [o for mid, o in options.items() if mid != chair_id]
    outcome, chair_counted = decide_with_chair(
        tally_of(body, sheet, others),
        VoteRule(motion.rule),
        options.get(chair_id) if chair_id else None,
        ChairVoting(body.chair_voting),
    )
    present = sum(1 for s in sheet if s.present)
    return Count(options, outcome, chair_id, chair_counted, present)


def roll_sheet(session: Session, meeting: Meeting, at: dt.time) -> list[RollCallSeat]:
    day = dt.date.fromisoformat(meeting.date)
    attendance = {
        a.member_id: a
        for a in session.scalars(
            select(AttendanceRecord).where(AttendanceRecord.meeting_id == meeting.id)
        )
    }
    members = [
        to_member(m)
        for m in session.scalars(select(Member).where(Member.body_id == meeting.body_id))
    ]
    seats = []
    for member in members:
        if not member.voting or not member.in_office(day):
            continue
        record = attendance.get(member.id)
        present = record is not None and _present(record, at)
        seats.append(RollCallSeat(member.id, member.name, member.office.value == "chair", present))
    return sorted(seats, key=lambda s: (not s.is_chair, s.name.split()[-1], s.name))


def _present(record: AttendanceRecord, at: dt.time) -> bool:
    if record.presence != Presence.PRESENT.value:
        return False
    if record.arrived and at < dt.time.fromisoformat(record.arrived):
        return False
    return not (record.departed and at >= dt.time.fromisoformat(record.departed))


def seats_of(body: Body) -> int | None:
    return body.seats if body.quorum_counts_seats else None


def required_quorum(body: Body, sheet: list[RollCallSeat]) -> int:
    from sciapp.domain.bodies import QuorumRule

    return QuorumRule(body.quorum_fixed, body.quorum_counts_seats).required(body.seats, len(sheet))


def tally_of(body: Body, sheet: list[RollCallSeat], options: list[VoteOption]) -> Tally:
    present = sum(1 for s in sheet if s.present)
    return Tally(
        yes=options.count(VoteOption.YES),
        no=options.count(VoteOption.NO),
        abstain=options.count(VoteOption.ABSTAIN) + options.count(VoteOption.RECUSED),
        present=present,
        in_office=len(sheet),
        seats=seats_of(body),
        quorum=required_quorum(body, sheet),
    )


def store_result(
    motion: Motion,
    method: str,
    votes: list[VoteOption],
    present: int,
    result: Result,
    explanation: str,
) -> None:
    motion.method = method
    motion.yes = votes.count(VoteOption.YES)
    motion.no = votes.count(VoteOption.NO)
    motion.abstain = votes.count(VoteOption.ABSTAIN) + votes.count(VoteOption.RECUSED)
    motion.present = present
    motion.result = result.value
    motion.explanation = explanation
