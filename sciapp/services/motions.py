"""Motions and votes. The app, not the clerk, decides whether a motion carried; an adopted
partnership action enters the partnership's history in the same transaction, and a corrected
vote carries its history event along (while the minutes are not yet approved)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING

from sqlalchemy import select

from sciapp.domain.attendance import Presence
from sciapp.domain.bodies import BodyKind
from sciapp.domain.countries import country_name
from sciapp.domain.dates import PartialDate
from sciapp.domain.errors import InvalidInputError
from sciapp.domain.minutes import MinutesStatus
from sciapp.domain.status import Decider, StatusChange, check_change
from sciapp.domain.text import TextCheck
from sciapp.domain.votes import (
    ChairVoting,
    Outcome,
    Result,
    Tally,
    VoteOption,
    VoteRule,
    decide,
    decide_with_chair,
)
from sciapp.services.bodies import load_body, to_member
from sciapp.services.errors import NotFoundError, ValidationError
from sciapp.services.motion_locks import (
    reference_errors,
    refuse_if_it_adopted_a_sealed_resolution,
)
from sciapp.services.motion_records import (
    MotionDraft,
    MotionKind,
    MotionRecord,
    PartnershipAction,
    RollCallSeat,
    VoteRecord,
)
from sciapp.services.partnerships import event_row, refresh_status, to_change, utc_now
from sciapp.services.seals import seal_due
from sciapp.storage.meeting_models import AgendaItem, AttendanceRecord, Body, Meeting, Member
from sciapp.storage.models import Partnership, StatusEvent
from sciapp.storage.vote_models import Motion, RollCallVote

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

    from sciapp.storage.database import Database

DECIDERS = {
    BodyKind.COUNCIL: Decider.CITY_COUNCIL,
    BodyKind.COMMISSION: Decider.COMMISSION,
    BodyKind.COMMITTEE: Decider.COMMITTEE,
}
VOTING_OPTIONS = (VoteOption.YES, VoteOption.NO, VoteOption.ABSTAIN, VoteOption.RECUSED)


class MotionService:
    def __init__(self, db: Database) -> None:
        self._db = db

    # -- reading ---------------------------------------------------------------------------

    def for_meeting(self, meeting_id: int) -> list[MotionRecord]:
        with self._db.session() as session:
            query = select(Motion).where(Motion.meeting_id == meeting_id).order_by(Motion.id)
            return [to_record(session, m) for m in session.scalars(query)]

    def get(self, motion_id: int) -> MotionRecord:
        with self._db.session() as session:
            return to_record(session, _load(session, motion_id))

    def for_partnership(self, partnership_id: int) -> list[MotionRecord]:
        with self._db.session() as session:
            query = select(Motion).where(Motion.partnership_id == partnership_id)
            return [to_record(session, m) for m in session.scalars(query.order_by(Motion.id))]

    def member_votes(self, member_id: int) -> list[tuple[MotionRecord, VoteOption]]:
        """How a member voted, motion by motion (oldest first)."""
        with self._db.session() as session:
            query = (
                select(RollCallVote)
                .where(RollCallVote.member_id == member_id)
                .order_by(RollCallVote.motion_id)
            )
            return [
                (to_record(session, _load(session, v.motion_id)), VoteOption(v.option))
                for v in session.scalars(query)
            ]

    def all_motions(self) -> list[MotionRecord]:
        with self._db.session() as session:
            return [
                to_record(session, m) for m in session.scalars(select(Motion).order_by(Motion.id))
            ]

    def roll_call_sheet(self, motion_id: int, at: dt.time | None = None) -> list[RollCallSeat]:
        """The body's voting members in office, chair first, and who is present to vote."""
        with self._db.session() as session:
            motion = _load(session, motion_id)
            meeting = _meeting(session, motion.meeting_id)
            return _sheet(session, meeting, at or dt.time.fromisoformat(motion.moved_at))

    # -- writing ---------------------------------------------------------------------------

    def create(self, meeting_id: int, draft: MotionDraft) -> MotionRecord:
        with self._db.session() as session, session.begin():
            meeting = _editable_meeting(session, meeting_id)
            body = load_body(session, meeting.body_id)
            _check_draft(session, meeting, draft)
            motion = Motion(
                meeting_id=meeting.id,
                agenda_item_id=draft.agenda_item_id,
                text=draft.text.strip(),
                kind=draft.kind.value,
                mover_id=draft.mover_id,
                seconder_id=draft.seconder_id,
                rule=(draft.rule or VoteRule(body.default_rule)).value,
                moved_at=draft.moved_at.strftime("%H:%M"),
                partnership_id=draft.partnership_id,
                action=draft.action.value if draft.action else None,
                action_reason=draft.action_reason.strip(),
                action_condition=draft.action_condition.strip(),
                explanation="",
                refers_to_motion_id=draft.refers_to_motion_id,
                refers_to_resolution=draft.refers_to_resolution.strip() or None,
            )
            session.add(motion)
            session.flush()
            return to_record(session, motion)

    def delete(self, motion_id: int) -> None:
        with self._db.session() as session, session.begin():
            motion = _load(session, motion_id)
            _editable_meeting(session, motion.meeting_id)
            refuse_if_it_adopted_a_sealed_resolution(session, motion)
            motion.result = None
            _sync_action(session, motion)
            session.delete(motion)

    def preview_roll_call(
        self, motion_id: int, votes: Mapping[int, VoteOption], at: dt.time | None = None
    ) -> Outcome:
        """The outcome the votes so far would give, for the live tally; nothing is stored.
        Members not yet called count as not voting."""
        with self._db.session() as session:
            motion = _load(session, motion_id)
            return _count(session, motion, votes, at, complete=False).outcome

    def record_roll_call(
        self, motion_id: int, votes: Mapping[int, VoteOption], at: dt.time | None = None
    ) -> MotionRecord:
        """Record each voting member's vote; members not present then are recorded absent.

        Correcting a recorded vote is the same call, allowed while the minutes are open.
        """
        with self._db.session() as session, session.begin():
            motion = _load(session, motion_id)
            _editable_meeting(session, motion.meeting_id)
            refuse_if_it_adopted_a_sealed_resolution(session, motion)
            count = _count(session, motion, votes, at, complete=True)
            if count.outcome.result is Result.NO_QUORUM:
                raise ValidationError({"quorum": count.outcome.explanation})
            for old in session.scalars(
                select(RollCallVote).where(RollCallVote.motion_id == motion.id)
            ):
                session.delete(old)
            session.flush()
            counted_votes = []
            for member_id, option in count.options.items():
                counted = option is not VoteOption.ABSENT and (
                    member_id != count.chair_id or count.chair_counted
                )
                if counted:
                    counted_votes.append(option)
                session.add(
                    RollCallVote(
                        motion_id=motion.id,
                        member_id=member_id,
                        option=option.value,
                        counted=counted,
                    )
                )
            _store_result(
                motion,
                "roll_call",
                counted_votes,
                count.present,
                count.outcome.result,
                count.outcome.explanation,
            )
            _sync_action(session, motion)
            seal_due(session, self._db.audit.actor)  # a resolution this vote adopts
            return to_record(session, motion)

    def record_voice_vote(
        self, motion_id: int, yes: int, no: int, abstain: int = 0, at: dt.time | None = None
    ) -> MotionRecord:
        """A voice or hand vote: counts only, against those present at that moment."""
        with self._db.session() as session, session.begin():
            motion = _load(session, motion_id)
            meeting = _editable_meeting(session, motion.meeting_id)
            refuse_if_it_adopted_a_sealed_resolution(session, motion)
            body = load_body(session, meeting.body_id)
            sheet = _sheet(session, meeting, at or dt.time.fromisoformat(motion.moved_at))
            present = sum(1 for s in sheet if s.present)
            try:
                tally = Tally(
                    yes, no, abstain, present, len(sheet), _seats(body), _quorum(body, sheet)
                )
            except ValueError as exc:
                raise ValidationError({"counts": f"{exc} ({present} present)"}) from exc
            outcome = decide(tally, VoteRule(motion.rule))
            if outcome.result is Result.NO_QUORUM:
                raise ValidationError({"quorum": outcome.explanation})
            for old in session.scalars(
                select(RollCallVote).where(RollCallVote.motion_id == motion.id)
            ):
                session.delete(old)
            motion.method = "voice"
            motion.yes, motion.no, motion.abstain, motion.present = yes, no, abstain, present
            motion.result = outcome.result.value
            motion.explanation = outcome.explanation
            _sync_action(session, motion)
            seal_due(session, self._db.audit.actor)  # a resolution this vote adopts
            return to_record(session, motion)


# -- helpers ----------------------------------------------------------------------------------


def _load(session: Session, motion_id: int) -> Motion:
    motion = session.get(Motion, motion_id)
    if motion is None:
        raise NotFoundError(f"Motion {motion_id} does not exist.")
    return motion


def _meeting(session: Session, meeting_id: int) -> Meeting:
    meeting = session.get(Meeting, meeting_id)
    if meeting is None:
        raise NotFoundError(f"Meeting {meeting_id} does not exist.")
    return meeting


def _editable_meeting(session: Session, meeting_id: int) -> Meeting:
    meeting = _meeting(session, meeting_id)
    if MinutesStatus(meeting.minutes_status).locked:
        raise ValidationError(
            {"minutes": "the minutes are approved and locked; votes can no longer change"}
        )
    return meeting


@dataclass(frozen=True)
class _Count:
    options: dict[int, VoteOption]
    outcome: Outcome
    chair_id: int | None
    chair_counted: bool
    present: int


def _count(
    session: Session,
    motion: Motion,
    votes: Mapping[int, VoteOption],
    at: dt.time | None,
    complete: bool,
) -> _Count:
    meeting = _meeting(session, motion.meeting_id)
    body = load_body(session, meeting.body_id)
    sheet = _sheet(session, meeting, at or dt.time.fromisoformat(motion.moved_at))
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
        _tally(body, sheet, others),
        VoteRule(motion.rule),
        options.get(chair_id) if chair_id else None,
        ChairVoting(body.chair_voting),
    )
    present = sum(1 for s in sheet if s.present)
    return _Count(options, outcome, chair_id, chair_counted, present)


def _sheet(session: Session, meeting: Meeting, at: dt.time) -> list[RollCallSeat]:
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


def _seats(body: Body) -> int | None:
    return body.seats if body.quorum_counts_seats else None


def _quorum(body: Body, sheet: list[RollCallSeat]) -> int:
    from sciapp.domain.bodies import QuorumRule

    return QuorumRule(body.quorum_fixed, body.quorum_counts_seats).required(body.seats, len(sheet))


def _tally(body: Body, sheet: list[RollCallSeat], options: list[VoteOption]) -> Tally:
    present = sum(1 for s in sheet if s.present)
    return Tally(
        yes=options.count(VoteOption.YES),
        no=options.count(VoteOption.NO),
        abstain=options.count(VoteOption.ABSTAIN) + options.count(VoteOption.RECUSED),
        present=present,
        in_office=len(sheet),
        seats=_seats(body),
        quorum=_quorum(body, sheet),
    )


def _store_result(
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


def _check_draft(session: Session, meeting: Meeting, draft: MotionDraft) -> None:
    text = TextCheck()  # printed in the minutes, the resolution and the exports
    for field in ("text", "action_reason", "action_condition"):
        text.text(field, getattr(draft, field))
    errors = text.errors
    if not draft.text.strip():
        errors["text"] = "enter the motion's text"
    sheet = {s.member_id: s for s in _sheet(session, meeting, draft.moved_at)}
    for field, member_id in (("mover", draft.mover_id), ("seconder", draft.seconder_id)):
        if member_id is not None and not (member_id in sheet and sheet[member_id].present):
            errors[field] = f"the {field} must be a voting member present at {draft.moved_at:%H:%M}"
    if draft.mover_id is not None and draft.mover_id == draft.seconder_id:
        errors["seconder"] = "the mover cannot second their own motion"
    errors.update(reference_errors(session, draft))
    if draft.agenda_item_id is not None:
        item = session.get(AgendaItem, draft.agenda_item_id)
        if item is None or item.meeting_id != meeting.id:
            errors["agenda_item"] = "the item is not on this meeting's agenda"
    if draft.action is not None:
        partnership = (
            session.get(Partnership, draft.partnership_id) if draft.partnership_id else None
        )
        if partnership is None:
            errors["partnership"] = "choose the partnership the action is about"
        else:
            change = _change_for(
                draft.action,
                meeting,
                Decider.OTHER,
                "",
                draft.action_reason,
                draft.action_condition,
            )
            try:
                check_change([to_change(e) for e in partnership.events], change)
            except InvalidInputError as exc:
                for key, message in exc.errors.items():
                    errors["action_reason" if key == "reason" else f"action_{key}"] = message
    if errors:
        raise ValidationError(errors)


def _change_for(
    action: PartnershipAction,
    meeting: Meeting,
    decider: Decider,
    instrument: str,
    reason: str,
    condition: str,
) -> StatusChange:
    return StatusChange(
        status=action.status,
        effective=PartialDate.from_date(dt.date.fromisoformat(meeting.date)),
        decided_by=decider,
        instrument=instrument,
        reason=reason,
        condition=condition if action is PartnershipAction.SUSPEND else "",
    )


def _sync_action(session: Session, motion: Motion) -> None:
    """Keep the partnership's history in step with the motion's result, in this transaction."""
    linked = session.get(StatusEvent, motion.status_event_id) if motion.status_event_id else None
    adopted = motion.result == Result.ADOPTED.value and motion.action is not None
    if linked is not None and not adopted:
        partnership = linked.partnership
        if partnership.events[-1].id != linked.id:
            raise ValidationError(
                {
                    "votes": "a later status change of the partnership depends on "
                    "this vote; remove that change first"
                }
            )
        partnership.events.remove(linked)
        session.flush()
        refresh_status(partnership)
        motion.status_event_id = None
        return
    if not adopted:
        return
    meeting = _meeting(session, motion.meeting_id)
    body = session.get(Body, meeting.body_id)
    assert body is not None
    day = dt.date.fromisoformat(meeting.date)
    instrument = (
        f"{body.name} motion of {day:%B} {day.day}, {day.year}, "
        f"{motion.explanation.split(' (')[0].lower()}"
    )[:200]
    if linked is not None:
        linked.instrument = instrument
        return
    partnership = session.get(Partnership, motion.partnership_id) if motion.partnership_id else None
    if partnership is None:
        raise ValidationError({"partnership": "the partnership no longer exists"})
    change = _change_for(
        PartnershipAction(motion.action),
        meeting,
        DECIDERS[BodyKind(body.kind)],
        instrument,
        motion.action_reason,
        motion.action_condition,
    )
    try:
        check_change([to_change(e) for e in partnership.events], change)
    except InvalidInputError as exc:
        raise ValidationError({f"action_{k}": v for k, v in exc.errors.items()}) from exc
    event = event_row(len(partnership.events) + 1, change, utc_now().isoformat(timespec="seconds"))
    partnership.events.append(event)
    refresh_status(partnership)
    session.flush()
    motion.status_event_id = event.id


def to_record(session: Session, motion: Motion) -> MotionRecord:
    meeting = _meeting(session, motion.meeting_id)
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
    votes.sort(key=lambda v: (v.name.split()[-1], v.name))
    title = ""
    if partnership is not None:
        title = f"{partnership.partner_city}, {country_name(partnership.partner_country)}"
    return MotionRecord(
        id=motion.id,
        meeting_id=meeting.id,
        meeting_date=dt.date.fromisoformat(meeting.date),
        body_id=body.id,
        body_name=body.name,
        agenda_item_id=motion.agenda_item_id,
        item_title=item.title if item else "",
        text=motion.text,
        kind=MotionKind(motion.kind),
        mover=names.get(motion.mover_id, "") if motion.mover_id else "",
        seconder=names.get(motion.seconder_id, "") if motion.seconder_id else "",
        rule=VoteRule(motion.rule),
        moved_at=dt.time.fromisoformat(motion.moved_at),
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
    )
