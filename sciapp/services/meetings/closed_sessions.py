"""Closed (executive) sessions of a meeting: calling one by a roll call under the profile's
rule, the times and who stayed, and its own minutes, kept apart from the public ones.

The motion to close is an ordinary motion in the open minutes, its text naming each purpose
with its citation (MCL 15.267(1): "the purpose or purposes … shall be entered into the
minutes"); the motions moved while the body is in closed session, and the closed minutes,
are left out of everything public (`public_motions`, used by `minutes_build`).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from sqlalchemy import select

from sciapp.domain.bodies import Profile
from sciapp.domain.closed_sessions import (
    ClosedSessionLaw,
    Purpose,
    closed_session_law,
    may_destroy_from,
    minutes_due,
    motion_text,
)
from sciapp.domain.formats import time_of_day
from sciapp.domain.minutes import MinutesStatus
from sciapp.domain.motions import MotionKind
from sciapp.domain.rollcall import count_roll_call
from sciapp.domain.text import LONG_TITLE, MINUTES_NOTES, TextCheck
from sciapp.domain.votes import Result
from sciapp.services.errors import NotFoundError, ValidationError
from sciapp.services.meetings.closed_records import (
    ClosedSessionCall,
    ClosedSessionDraft,
    ClosedSessionEdit,
    ClosedSessionRecord,
)
from sciapp.storage.closed_session_models import ClosedSession
from sciapp.storage.meeting_models import AgendaItem, Body, Meeting, Member
from sciapp.storage.vote_models import Motion, RollCallVote

if TYPE_CHECKING:
    import datetime as dt
    from collections.abc import Sequence

    from sqlalchemy.orm import Session

    from sciapp.services.meetings.records import MotionRecord
    from sciapp.services.meetings.roll_sheet import RollCall
    from sciapp.storage.database import Database

TABLE = "closed_session"


class ClosedSessionService:
    def __init__(self, db: Database) -> None:
        self._db = db

    # -- reading ---------------------------------------------------------------------------

    def law(self, meeting_id: int) -> ClosedSessionLaw:
        """The rules the meeting's body closes a session under (its open-meetings profile)."""
        with self._db.session() as session:
            return _law(session, _meeting(session, meeting_id))

    def get(self, closed_id: int) -> ClosedSessionRecord:
        with self._db.session() as session:
            return to_record(session, _load(session, closed_id))

    def for_meeting(self, meeting_id: int) -> list[ClosedSessionRecord]:
        with self._db.session() as session:
            _meeting(session, meeting_id)
            return [to_record(session, row) for row in _rows(session, meeting_id)]

    def roll_call(self, meeting_id: int, at: dt.time, purposes: Sequence[str]) -> RollCall:
        """Who may vote at `at` and the rule for these purposes: the dialog counts its live
        tally from them with `domain.rollcall.count_roll_call`, as `call` does."""
        from sciapp.services.meetings.roll_sheet import RollCall, roll_sheet, rules_of

        with self._db.session() as session:
            meeting = _meeting(session, meeting_id)
            law = _law(session, meeting)
            body = session.get(Body, meeting.body_id)
            assert body is not None
            sheet = tuple(roll_sheet(session, meeting, at))
            return RollCall(sheet, rules_of(body, law.rule_for(tuple(purposes))))

    def all_sessions(self) -> list[ClosedSessionRecord]:
        """Every closed session, oldest first (the Start page's deadlines and retention)."""
        with self._db.session() as session:
            rows = session.scalars(select(ClosedSession).order_by(ClosedSession.id))
            records = [to_record(session, row) for row in rows]
        return sorted(records, key=lambda r: (r.meeting_date, r.entered_at))

    # -- writing ---------------------------------------------------------------------------

    def call(self, meeting_id: int, draft: ClosedSessionDraft) -> ClosedSessionCall:
        """Move to close, take the roll call and, if it carries, go into closed session.

        The vote is always a roll call (Michigan requires one; New York and North Carolina
        allow it), counted under the profile's rule for these purposes.
        """
        from sciapp.services.meetings.motion_rows import to_record as motion_record
        from sciapp.services.meetings.roll_sheet import roll_call_of, store_result

        with self._db.session() as session, session.begin():
            meeting = _editable(session, meeting_id)
            law = _law(session, meeting)
            codes = tuple(dict.fromkeys(draft.purposes))
            problem = law.check_purposes(codes)
            if problem:
                raise ValidationError({"purposes": problem}, TABLE)
            _check_within(meeting, draft.moved_at)
            for earlier in _rows(session, meeting.id):
                if earlier.left_at is None or earlier.left_at > draft.moved_at:
                    since = time_of_day(earlier.entered_at)
                    raise ValidationError(
                        {
                            "left_at": f"the body is in closed session since {since}; record "
                            "when it came back first"
                        },
                        TABLE,
                    )
            if draft.agenda_item_id is not None:
                item = session.get(AgendaItem, draft.agenda_item_id)
                if item is None or item.meeting_id != meeting.id:
                    raise ValidationError(
                        {"agenda_item": "the item is not on this meeting's agenda"}, "motion"
                    )
            motion = Motion(
                meeting_id=meeting.id,
                # Printed under an agenda item, so its purposes reach the open minutes.
                agenda_item_id=draft.agenda_item_id or _item_for(meeting),
                text=motion_text(law, codes),
                kind=MotionKind.CLOSED_SESSION.value,
                mover_id=draft.mover_id,
                seconder_id=draft.seconder_id,
                rule=law.rule_for(codes).value,
                moved_at=draft.moved_at,
                explanation="",
                action_reason="",
                action_condition="",
            )
            session.add(motion)
            session.flush()
            roll = roll_call_of(session, motion)
            _check_movers(roll.sheet, draft)
            count = count_roll_call(roll.sheet, draft.votes, roll.rules)
            if count.missing:
                names = ", ".join(seat.name for seat in count.missing)
                raise ValidationError({"votes": "no vote recorded for " + names}, "motion")
            if count.outcome.result is Result.NO_QUORUM:
                raise ValidationError({"quorum": count.outcome.explanation}, "motion")
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
            session.flush()
            closed = None
            if count.outcome.adopted:
                entered = draft.entered_at or draft.moved_at
                if entered < draft.moved_at:
                    raise ValidationError(
                        {"entered_at": "the body goes in after the motion carries"}, TABLE
                    )
                row = ClosedSession(
                    meeting_id=meeting.id,
                    motion_id=motion.id,
                    purposes=list(codes),
                    entered_at=entered,
                    left_at=None,
                    stayed=[s.member_id for s in roll.sheet if s.present],
                    others_present="",
                    minutes="",
                )
                session.add(row)
                session.flush()
                closed = to_record(session, row)
            return ClosedSessionCall(motion_record(session, motion), closed)

    def update(self, closed_id: int, edit: ClosedSessionEdit) -> ClosedSessionRecord:
        """When the body came back, who stayed, who else was there, the closed minutes."""
        with self._db.session() as session, session.begin():
            row = _load(session, closed_id)
            meeting = _editable(session, row.meeting_id)
            text = TextCheck()
            others = text.name("others_present", edit.others_present, LONG_TITLE)
            minutes = text.text("minutes", edit.minutes, MINUTES_NOTES)
            errors = text.errors
            if edit.left_at is not None and edit.left_at <= row.entered_at:
                at = time_of_day(row.entered_at)
                errors["left_at"] = f"the body went into closed session at {at}"
            elif (
                edit.left_at is not None and meeting.adjourned and edit.left_at > meeting.adjourned
            ):
                errors["left_at"] = f"the meeting adjourned at {time_of_day(meeting.adjourned)}"
            members = {
                m.id
                for m in session.scalars(select(Member).where(Member.body_id == meeting.body_id))
            }
            strangers = [m for m in edit.stayed if m not in members]
            if strangers:
                errors["stayed"] = "only the body's members can be named as staying"
            if errors:
                raise ValidationError(errors, TABLE)
            row.left_at = edit.left_at
            row.stayed = list(dict.fromkeys(edit.stayed))
            row.others_present = others
            row.minutes = minutes
            session.flush()
            return to_record(session, row)

    def delete(self, closed_id: int) -> None:
        """A session recorded by mistake goes with the motion that called it."""
        with self._db.session() as session, session.begin():
            row = _load(session, closed_id)
            _editable(session, row.meeting_id)
            motion = session.get(Motion, row.motion_id) if row.motion_id else None
            session.delete(row)
            if motion is not None:
                session.delete(motion)


# -- the filter every public output goes through ----------------------------------------------


def public_motions(
    session: Session, meeting_id: int, motions: Sequence[MotionRecord]
) -> list[MotionRecord]:
    """The motions the public minutes show: those moved while the body was in closed
    session belong to its own minutes and are left out (the motion to close stays)."""
    closed = [to_record(session, row) for row in _rows(session, meeting_id)]
    callers = {c.motion_id for c in closed}
    return [m for m in motions if m.id in callers or not any(c.holds(m.moved_at) for c in closed)]


# -- helpers ----------------------------------------------------------------------------------


def _rows(session: Session, meeting_id: int) -> list[ClosedSession]:
    query = (
        select(ClosedSession)
        .where(ClosedSession.meeting_id == meeting_id)
        .order_by(ClosedSession.entered_at, ClosedSession.id)
    )
    return list(session.scalars(query))


def _meeting(session: Session, meeting_id: int) -> Meeting:
    meeting = session.get(Meeting, meeting_id)
    if meeting is None:
        raise NotFoundError(f"Meeting {meeting_id} does not exist.")
    return meeting


def _editable(session: Session, meeting_id: int) -> Meeting:
    meeting = _meeting(session, meeting_id)
    if MinutesStatus(meeting.minutes_status).locked:
        raise ValidationError(
            {
                "minutes": "the minutes are approved and locked; the closed session can no "
                "longer change"
            }
        )
    return meeting


def _load(session: Session, closed_id: int) -> ClosedSession:
    row = session.get(ClosedSession, closed_id)
    if row is None:
        raise NotFoundError(f"Closed session {closed_id} does not exist.")
    return row


def _law(session: Session, meeting: Meeting) -> ClosedSessionLaw:
    body = session.get(Body, meeting.body_id)
    assert body is not None
    law = closed_session_law(Profile(body.profile))
    if law is None:
        raise ValidationError(
            {
                "profile": f"{body.name} follows no open-meetings law here; choose its "
                "open-meetings profile in the body's settings first"
            },
            "body",
        )
    return law


def _check_within(meeting: Meeting, moved_at: dt.time) -> None:
    """A motion to close is moved while the meeting sits: not before it was called to order
    (or, not yet called, its time), nor after it adjourned."""
    opened = meeting.called_to_order or meeting.start_time
    if moved_at < opened:
        began = "was called to order" if meeting.called_to_order else "begins"
        raise ValidationError({"moved_at": f"the meeting {began} at {time_of_day(opened)}"}, TABLE)
    if meeting.adjourned and moved_at > meeting.adjourned:
        at = time_of_day(meeting.adjourned)
        raise ValidationError({"moved_at": f"the meeting adjourned at {at}"}, TABLE)


def _item_for(meeting: Meeting) -> int | None:
    """The item the body is on, else the last before adjournment, else the last."""
    if meeting.current_item is not None:
        return meeting.current_item
    items = list(meeting.items)
    return items[-2].id if len(items) >= 2 else (items[0].id if items else None)


def _check_movers(sheet: Sequence, draft: ClosedSessionDraft) -> None:
    present = {s.member_id for s in sheet if s.present}
    errors = {}
    for key, member_id in (("mover", draft.mover_id), ("seconder", draft.seconder_id)):
        if member_id is not None and member_id not in present:
            at = time_of_day(draft.moved_at)
            errors[key] = f"the {key} must be a voting member present at {at}"
    if draft.mover_id is not None and draft.mover_id == draft.seconder_id:
        errors["seconder"] = "the mover cannot second their own motion"
    if errors:
        raise ValidationError(errors, "motion")


def to_record(session: Session, row: ClosedSession) -> ClosedSessionRecord:
    meeting = _meeting(session, row.meeting_id)
    body = session.get(Body, meeting.body_id)
    assert body is not None
    profile = Profile(body.profile)
    law = closed_session_law(profile)
    names = {
        m.id: m.name
        for m in session.scalars(select(Member).where(Member.body_id == meeting.body_id))
    }
    purposes: tuple[Purpose, ...] = ()
    rule = ""
    due = destroy = None
    name = "closed session"
    if law is not None:
        purposes = tuple(
            law.purpose(c) for c in row.purposes if c in {p.code for p in law.purposes}
        )
        rule = f"{law.minutes} ({law.minutes_citation})"
        due = minutes_due(law, meeting.date)
        destroy = may_destroy_from(law, meeting.minutes_approved_on)
        name = law.name
    return ClosedSessionRecord(
        id=row.id,
        meeting_id=meeting.id,
        meeting_date=meeting.date,
        body_name=body.name,
        profile=profile,
        name=name,
        motion_id=row.motion_id,
        purposes=purposes,
        entered_at=row.entered_at,
        left_at=row.left_at,
        stayed=tuple((m, names[m]) for m in row.stayed if m in names),
        others_present=row.others_present,
        minutes=row.minutes,
        minutes_rule=rule,
        minutes_due=due,
        may_destroy_from=destroy,
        locked=MinutesStatus(meeting.minutes_status).locked,
    )
