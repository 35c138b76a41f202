"""Motions and votes. The app, not the clerk, decides whether a motion carried; an adopted
partnership action enters the partnership's history in the same transaction, and a corrected
vote carries its history event along (while the minutes are not yet approved)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from sqlalchemy import select

from sciapp.domain.errors import InvalidInputError
from sciapp.domain.formats import time_of_day
from sciapp.domain.minutes import MinutesStatus
from sciapp.domain.motions import action_change
from sciapp.domain.rollcall import count_roll_call, count_voice_vote
from sciapp.domain.status import Decider, check_change
from sciapp.domain.text import TextCheck
from sciapp.domain.votes import Result, VoteOption, VoteRule
from sciapp.services.clock import utc_now
from sciapp.services.errors import NotFoundError, ValidationError
from sciapp.services.meetings.bodies import load_body
from sciapp.services.meetings.motion_rows import to_record
from sciapp.services.meetings.roll_sheet import RollCall, roll_call_of, roll_sheet, store_result
from sciapp.services.partnerships.history import stamp, to_change
from sciapp.services.safekeeping.seals import seal_due
from sciapp.services.votes.actions import sync_action
from sciapp.services.votes.locks import (
    reference_errors,
    refuse_if_it_adopted_a_sealed_resolution,
)
from sciapp.storage.meeting_models import AgendaItem, Meeting
from sciapp.storage.models import Partnership
from sciapp.storage.vote_models import Motion, RollCallVote

if TYPE_CHECKING:
    import datetime as dt
    from collections.abc import Callable, Mapping

    from sqlalchemy.orm import Session

    from sciapp.services.safekeeping.snapshots import SnapshotRenderer
    from sciapp.services.votes.records import (
        MotionDraft,
        MotionRecord,
        RollCallSeat,
    )
    from sciapp.storage.database import Database


class MotionService:
    def __init__(
        self,
        db: Database,
        clock: Callable[[], dt.datetime] = utc_now,
        *,
        snapshots: SnapshotRenderer,
    ) -> None:
        self._db = db
        self._snapshots = snapshots  # what sealing an adopted resolution keeps of it
        self._clock = clock  # stamps what an adopted action writes to a partnership

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
        return list(self.roll_call(motion_id, at).sheet)

    def roll_call(self, motion_id: int, at: dt.time | None = None) -> RollCall:
        """The sheet and the body's rules a roll call is counted under: the dialog counts its
        live tally from these with `domain.rollcall.count_roll_call`, as the service does."""
        with self._db.session() as session:
            return roll_call_of(session, _load(session, motion_id), at)

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
                moved_at=draft.moved_at,
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
            sync_action(session, motion, stamp(self._clock))
            session.delete(motion)

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
            roll = roll_call_of(session, motion, at)
            count = count_roll_call(roll.sheet, votes, roll.rules)
            if count.missing:
                names = ", ".join(seat.name for seat in count.missing)
                raise ValidationError({"votes": "no vote recorded for " + names})
            if count.outcome.result is Result.NO_QUORUM:
                raise ValidationError({"quorum": count.outcome.explanation})
            for old in session.scalars(
                select(RollCallVote).where(RollCallVote.motion_id == motion.id)
            ):
                session.delete(old)
            session.flush()
            for member_id, option in count.options.items():
                session.add(
                    RollCallVote(
                        motion_id=motion.id,
                        member_id=member_id,
                        option=option.value,
                        counted=count.counted(member_id),
                    )
                )
            store_result(motion, "roll_call", count.tally, count.outcome)
            sync_action(session, motion, stamp(self._clock))
            # a resolution this vote adopts is sealed in the same transaction
            seal_due(session, self._db.audit.actor, self._snapshots)
            return to_record(session, motion)

    def record_voice_vote(
        self, motion_id: int, yes: int, no: int, abstain: int = 0, at: dt.time | None = None
    ) -> MotionRecord:
        """A voice or hand vote: counts only, against those present at that moment."""
        with self._db.session() as session, session.begin():
            motion = _load(session, motion_id)
            _editable_meeting(session, motion.meeting_id)
            refuse_if_it_adopted_a_sealed_resolution(session, motion)
            roll = roll_call_of(session, motion, at)
            try:
                tally, outcome = count_voice_vote(roll.sheet, yes, no, abstain, roll.rules)
            except ValueError as exc:
                present = sum(1 for s in roll.sheet if s.present)
                raise ValidationError({"counts": f"{exc} ({present} present)"}) from exc
            if outcome.result is Result.NO_QUORUM:
                raise ValidationError({"quorum": outcome.explanation})
            for old in session.scalars(
                select(RollCallVote).where(RollCallVote.motion_id == motion.id)
            ):
                session.delete(old)
            store_result(motion, "voice", tally, outcome)
            sync_action(session, motion, stamp(self._clock))
            # a resolution this vote adopts is sealed in the same transaction
            seal_due(session, self._db.audit.actor, self._snapshots)
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


def _check_draft(session: Session, meeting: Meeting, draft: MotionDraft) -> None:
    text = TextCheck()  # printed in the minutes, the resolution and the exports
    for field in ("text", "action_reason", "action_condition"):
        text.text(field, getattr(draft, field))
    errors = text.errors
    if not draft.text.strip():
        errors["text"] = "enter the motion's text"
    sheet = {s.member_id: s for s in roll_sheet(session, meeting, draft.moved_at)}
    for field, member_id in (("mover", draft.mover_id), ("seconder", draft.seconder_id)):
        if member_id is not None and not (member_id in sheet and sheet[member_id].present):
            at = time_of_day(draft.moved_at)
            errors[field] = f"the {field} must be a voting member present at {at}"
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
            change = action_change(
                draft.action,
                meeting.date,
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
