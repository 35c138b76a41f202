"""A meeting's life beyond its agenda: cancelled (kept on the record), reinstated, or deleted
when it was entered by mistake; and everyone marked present in one action."""

from __future__ import annotations

from typing import TYPE_CHECKING

from sqlalchemy import func, select

from sciapp.domain.attendance import Presence
from sciapp.domain.errors import InvalidInputError
from sciapp.domain.minutes import MinutesStatus, check_cancellable, check_deletable, held
from sciapp.domain.text import LONG_TITLE, TextCheck
from sciapp.services.errors import NotFoundError, ValidationError
from sciapp.storage.meeting_models import AgendaItem, AttendanceRecord, Meeting
from sciapp.storage.vote_models import Motion

if TYPE_CHECKING:
    import datetime as dt

    from sqlalchemy.orm import Session


def _facts(session: Session, meeting: Meeting) -> tuple[MinutesStatus, bool, int, bool]:
    motions = session.scalar(select(func.count(Motion.id)).where(Motion.meeting_id == meeting.id))
    notes = session.scalar(
        select(func.count(AgendaItem.id)).where(
            AgendaItem.meeting_id == meeting.id, AgendaItem.notes != ""
        )
    )
    return (
        MinutesStatus(meeting.minutes_status),
        meeting.called_to_order is not None,
        motions or 0,
        bool(notes),
    )


def held_reason(session: Session, meeting: Meeting) -> str:
    """Why the meeting counts as held ("it was called to order"), or "" if it does not."""
    return held(*_facts(session, meeting))


def _refused(exc: InvalidInputError) -> ValidationError:
    return ValidationError(exc.errors)


def cancel(session: Session, meeting: Meeting, on: dt.date, note: str) -> None:
    if meeting.cancelled_on is not None:
        raise ValidationError({"meeting": "it is already cancelled"})
    text = TextCheck()
    text.text("cancellation_note", note, LONG_TITLE)
    if text.errors:
        raise ValidationError(text.errors)
    try:
        check_cancellable(*_facts(session, meeting))
    except InvalidInputError as exc:
        raise _refused(exc) from exc
    meeting.cancelled_on = on
    meeting.cancellation_note = note.strip() or None


def reinstate(meeting: Meeting) -> None:
    if meeting.cancelled_on is None:
        raise ValidationError({"meeting": "it is not cancelled"})
    meeting.cancelled_on = None
    meeting.cancellation_note = None


def delete(session: Session, meeting: Meeting) -> None:
    try:
        check_deletable(*_facts(session, meeting))
    except InvalidInputError as exc:
        raise _refused(exc) from exc
    session.delete(meeting)


def mark_all_present(session: Session, meeting: Meeting) -> int:
    """Everyone expected is present from the start (arrivals and departures cleared)."""
    records = session.scalars(
        select(AttendanceRecord).where(AttendanceRecord.meeting_id == meeting.id)
    )
    changed = 0
    for record in records:
        if record.presence != Presence.PRESENT.value or record.arrived or record.departed:
            record.presence = Presence.PRESENT.value
            record.arrived = record.departed = None
            changed += 1
    return changed


def load(session: Session, meeting_id: int) -> Meeting:
    meeting = session.get(Meeting, meeting_id)
    if meeting is None:
        raise NotFoundError(f"Meeting {meeting_id} does not exist.")
    return meeting
