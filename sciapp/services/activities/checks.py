"""The field checks the activity and gift use cases share: amounts, currencies, and the
records an activity or gift may point at."""

from __future__ import annotations

from typing import TYPE_CHECKING

from sciapp.domain.activities import parse_amount, parse_currency
from sciapp.domain.formats import short_date
from sciapp.domain.votes import Result
from sciapp.services.errors import NotFoundError
from sciapp.storage.meeting_models import Meeting
from sciapp.storage.models import Partnership
from sciapp.storage.vote_models import Motion

if TYPE_CHECKING:
    from sqlalchemy.orm import Session


def amount(errors: dict[str, str], field: str, text: str) -> int | None:
    try:
        return parse_amount(text)
    except ValueError as exc:
        errors.setdefault(field, str(exc))
        return None


def currency(errors: dict[str, str], text: str) -> str:
    try:
        return parse_currency(text)
    except ValueError as exc:
        errors.setdefault("currency", str(exc))
        return text


def partnership(session: Session, partnership_id: int) -> Partnership:
    row = session.get(Partnership, partnership_id)
    if row is None:
        raise NotFoundError(f"Partnership {partnership_id} does not exist (deleted?).")
    return row


def motion_label(session: Session, motion_id: int | None) -> str:
    """ "Motion of 5/14/24: To fund the youth exchange …" (cut to a line); "" for none."""
    if motion_id is None:
        return ""
    motion = session.get(Motion, motion_id)
    if motion is None:
        return ""
    meeting = session.get(Meeting, motion.meeting_id)
    text = " ".join(motion.text.split())
    text = text if len(text) <= 70 else text[:69] + "…"
    when = f" of {short_date(meeting.date)}" if meeting is not None else ""
    return f"Motion{when}: {text}"


def motion_choices(session: Session) -> list[tuple[int, str]]:
    """Every motion that carried, newest first, as the approving motion's picker lists them."""
    from sqlalchemy import select

    rows = session.execute(
        select(Motion.id)
        .join(Meeting, Meeting.id == Motion.meeting_id)
        .where(Motion.result == Result.ADOPTED.value)
        .order_by(Meeting.date.desc(), Motion.id.desc())
    )
    return [(motion_id, motion_label(session, motion_id)) for (motion_id,) in rows]


def tie_problem(session: Session, partnership_id: int) -> str:
    """Why a partnership cannot be deleted for the work done on it ('' when it can): its
    activities and gifts are the record of what the tie was for."""
    from sqlalchemy import func, select

    from sciapp.domain.labels import counted
    from sciapp.storage.activity_models import Activity, Gift

    held = []
    for model, noun, plural in ((Activity, "activity", "activities"), (Gift, "gift", "")):
        count = session.scalar(
            select(func.count()).select_from(model).where(model.partnership_id == partnership_id)
        )
        if count:
            held.append(counted(count, noun, plural))
    if not held:
        return ""
    return f"{' and '.join(held)} recorded on it; record its termination instead of deleting it"
