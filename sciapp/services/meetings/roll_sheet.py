"""What a vote is counted from, read from the database: who may vote at a moment of the meeting
(the roll-call sheet) and the body's rules. The counting itself is the domain's
(`domain/rollcall.py`); storing its result on the motion is here. It is the meeting's (who
sits when), so it lives in meetings, under votes and closed sessions alike."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from sqlalchemy import select

from sciapp.domain.attendance import Presence
from sciapp.domain.bodies import QuorumRule
from sciapp.domain.rollcall import RollCallRules, Seat
from sciapp.domain.votes import ChairVoting, Outcome, Tally, VoteRule
from sciapp.services.meetings.bodies import load_body, to_member
from sciapp.services.meetings.service import load_meeting
from sciapp.storage.meeting_models import AttendanceRecord, Body, Meeting, Member

if TYPE_CHECKING:
    import datetime as dt

    from sqlalchemy.orm import Session

    from sciapp.storage.vote_models import Motion


@dataclass(frozen=True)
class RollCall:
    """Everything a roll call is counted from: the sheet at the moment of the vote and the
    rules. The dialog counts its live tally from it, with the service's own function."""

    sheet: tuple[Seat, ...]
    rules: RollCallRules


def roll_call_of(session: Session, motion: Motion, at: dt.time | None = None) -> RollCall:
    meeting = load_meeting(session, motion.meeting_id)
    body = load_body(session, meeting.body_id)
    sheet = roll_sheet(session, meeting, at or motion.moved_at)
    return RollCall(tuple(sheet), rules_of(body, VoteRule(motion.rule)))


def rules_of(body: Body, rule: VoteRule) -> RollCallRules:
    return RollCallRules(
        rule=rule,
        chair_voting=ChairVoting(body.chair_voting),
        quorum=QuorumRule(body.quorum_fixed, body.quorum_counts_seats),
        seats=body.seats,
    )


def roll_sheet(session: Session, meeting: Meeting, at: dt.time) -> list[Seat]:
    day = meeting.date
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
        seats.append(Seat(member.id, member.name, member.office.value == "chair", present))
    # The chair is called last, so the chair's vote never leads the others.
    return sorted(seats, key=lambda s: (s.is_chair, s.name.split()[-1], s.name))


def _present(record: AttendanceRecord, at: dt.time) -> bool:
    if record.presence != Presence.PRESENT.value:
        return False
    if record.arrived and at < record.arrived:
        return False
    return not (record.departed and at >= record.departed)


def store_result(motion: Motion, method: str, tally: Tally, outcome: Outcome) -> None:
    """The counted votes and the outcome, as the motion keeps them."""
    motion.method = method
    motion.yes, motion.no, motion.abstain = tally.yes, tally.no, tally.abstain
    motion.present = tally.members_present
    motion.result = outcome.result.value
    motion.explanation = outcome.explanation
