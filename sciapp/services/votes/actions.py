"""A motion's partnership action follows its result: adopted, the action enters the
partnership's history in the same transaction; corrected away, it leaves it again. The
history is written through the partnerships' one helper (`partnerships/history.py`)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from sciapp.domain.bodies import BodyKind
from sciapp.domain.errors import InvalidInputError
from sciapp.domain.motions import PartnershipAction, action_change, decider_for, instrument
from sciapp.domain.status import check_change
from sciapp.domain.votes import Result
from sciapp.services.errors import ValidationError
from sciapp.services.meetings.service import load_meeting
from sciapp.services.partnerships.history import append_event, remove_event, to_change
from sciapp.storage.meeting_models import Body
from sciapp.storage.models import Partnership, StatusEvent

if TYPE_CHECKING:
    import datetime as dt

    from sqlalchemy.orm import Session

    from sciapp.storage.vote_models import Motion


def sync_action(session: Session, motion: Motion, now: dt.datetime) -> None:
    """Keep the partnership's history in step with the motion's result, in this transaction;
    `now` (from the service's clock) stamps the event and the partnership's `updated_at`."""
    linked = session.get(StatusEvent, motion.status_event_id) if motion.status_event_id else None
    adopted = motion.result == Result.ADOPTED.value and motion.action is not None
    if linked is not None and not adopted:
        try:
            remove_event(linked.partnership, linked, now)
        except InvalidInputError as exc:
            raise ValidationError(
                {
                    "votes": "a later status change of the partnership depends on "
                    "this vote; remove that change first"
                }
            ) from exc
        session.flush()
        motion.status_event_id = None
        return
    if not adopted:
        return
    assert motion.result is not None  # adopted,
    assert motion.action is not None  # with an action
    meeting = load_meeting(session, motion.meeting_id)
    body = session.get(Body, meeting.body_id)
    assert body is not None
    day = meeting.date
    wording = instrument(
        body.name, day, Result(motion.result), motion.yes, motion.no, motion.abstain
    )
    if linked is not None:
        linked.instrument = wording
        return
    partnership = session.get(Partnership, motion.partnership_id) if motion.partnership_id else None
    if partnership is None:
        raise ValidationError({"partnership": "the partnership no longer exists"})
    change = action_change(
        PartnershipAction(motion.action),
        day,
        decider_for(BodyKind(body.kind)),
        wording,
        motion.action_reason,
        motion.action_condition,
    )
    try:
        check_change([to_change(e) for e in partnership.events], change)
    except InvalidInputError as exc:
        raise ValidationError({f"action_{k}": v for k, v in exc.errors.items()}) from exc
    event = append_event(partnership, change, now)
    session.flush()
    motion.status_event_id = event.id
