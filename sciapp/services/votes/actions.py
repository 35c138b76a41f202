"""A motion's partnership action follows its result: adopted, the action enters the
partnership's history in the same transaction; corrected away, it leaves it again."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from sciapp.domain.bodies import BodyKind
from sciapp.domain.dates import PartialDate
from sciapp.domain.errors import InvalidInputError
from sciapp.domain.status import Decider, StatusChange, check_change
from sciapp.domain.votes import Result
from sciapp.services.errors import ValidationError
from sciapp.services.meetings.service import load_meeting
from sciapp.services.partnerships.service import event_row, refresh_status, to_change, utc_now
from sciapp.services.votes.records import PartnershipAction
from sciapp.storage.meeting_models import Body, Meeting
from sciapp.storage.models import Partnership, StatusEvent

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

    from sciapp.storage.vote_models import Motion

DECIDERS = {
    BodyKind.COUNCIL: Decider.CITY_COUNCIL,
    BodyKind.COMMISSION: Decider.COMMISSION,
    BodyKind.COMMITTEE: Decider.COMMITTEE,
}


def change_for(
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


def sync_action(session: Session, motion: Motion) -> None:
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
    meeting = load_meeting(session, motion.meeting_id)
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
    change = change_for(
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
