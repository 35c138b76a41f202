"""Sealed means locked, for motions: a vote that adopted a sealed resolution cannot be
recorded again, and the motion cannot be deleted. Changing such a decision is a motion of its
own (rescind, or amend something previously adopted) that names what it changes."""

from __future__ import annotations

from typing import TYPE_CHECKING

from sqlalchemy import select

from sciapp.domain.resolutions import ResolutionStatus
from sciapp.domain.text import NUMBER
from sciapp.domain.votes import Result
from sciapp.services.documents.resolution_rows import is_locked, status_of
from sciapp.services.errors import ValidationError
from sciapp.storage.document_models import Resolution
from sciapp.storage.vote_models import Motion

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

    from sciapp.services.votes.records import MotionDraft


def refuse_if_it_adopted_a_sealed_resolution(session: Session, motion: Motion) -> None:
    linked = select(Resolution).where(Resolution.motion_id == motion.id).order_by(Resolution.id)
    sealed = [r.number for r in session.scalars(linked) if is_locked(session, r)]
    if sealed:
        names = ", ".join(sealed)
        raise ValidationError(
            {
                "votes": f"this vote adopted Resolution {names}, which is sealed; to change the "
                "decision, move to rescind or amend it (a new motion)"
            }
        )


def reference_errors(session: Session, draft: MotionDraft) -> dict[str, str]:
    """A motion to rescind or amend names one earlier adopted motion or resolution; other
    motions name none."""
    motion_id, number = draft.refers_to_motion_id, draft.refers_to_resolution.strip()
    if not draft.kind.changes_adopted:
        if motion_id is not None or number:
            return {"refers_to": "only a motion to rescind or amend names an earlier decision"}
        return {}
    if len(number) > NUMBER:
        return {"refers_to": f"a resolution number has at most {NUMBER} characters"}
    if (motion_id is None) == (not number):
        return {"refers_to": "name the adopted motion or the resolution this motion changes"}
    if motion_id is not None:
        earlier = session.get(Motion, motion_id)
        if earlier is None:
            return {"refers_to": f"motion {motion_id} does not exist"}
        if earlier.result != Result.ADOPTED.value:
            return {"refers_to": f"motion {motion_id} was not adopted: there is nothing to change"}
        return {}
    resolution = session.scalar(select(Resolution).where(Resolution.number == number))
    if resolution is None:
        return {"refers_to": f"resolution {number} does not exist"}
    if status_of(session, resolution) != ResolutionStatus.ADOPTED:
        return {"refers_to": f"resolution {number} was not adopted: edit it instead"}
    return {}
