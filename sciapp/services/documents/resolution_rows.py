"""Reading resolutions and the document settings inside a session: what the document service,
the seals and the printed documents share (a seal is made inside the writing transaction)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from sqlalchemy import select

from sciapp.domain.motions import RESCINDING
from sciapp.domain.resolutions import ResolutionStatus, status_from_vote
from sciapp.domain.resolutions import is_locked as locked_rule
from sciapp.domain.votes import Result, VoteOption, roll_call_order
from sciapp.services.documents.letterheads import settings_from
from sciapp.services.documents.records import (
    DocumentSettings,
    ResolutionRecord,
    RollCallNames,
)
from sciapp.services.errors import NotFoundError
from sciapp.storage.audit_models import Seal
from sciapp.storage.document_models import Resolution, Setting
from sciapp.storage.meeting_models import Body, Meeting, Member
from sciapp.storage.vote_models import Motion, RollCallVote

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

SETTINGS_KEY = "documents"


def load_settings(session: Session) -> DocumentSettings:
    row = session.get(Setting, SETTINGS_KEY)
    return settings_from(row.value) if row else DocumentSettings()


def by_number(session: Session, number: str) -> Resolution:
    row = session.scalar(select(Resolution).where(Resolution.number == number))
    if row is None:
        raise NotFoundError(f"Resolution {number} does not exist.")
    return row


def status_of(session: Session, row: Resolution) -> str:
    """A linked motion's vote decides; otherwise the status set by hand."""
    if row.motion_id is None:
        return row.status
    motion = session.get(Motion, row.motion_id)
    result = Result(motion.result) if motion is not None and motion.result else None
    return status_from_vote(result).value


def is_sealed(session: Session, row: Resolution) -> bool:
    query = select(Seal.id).where(Seal.kind == "resolution", Seal.record_id == row.id)
    return session.scalar(query) is not None


def is_locked(session: Session, row: Resolution) -> bool:
    """Adopted or sealed: its text, status and adopting vote can no longer change."""
    return locked_rule(status_of(session, row), is_sealed(session, row))


def superseded_by(session: Session, row: Resolution) -> str:
    """The adopted resolution that names this one as the one it replaces, if any."""
    query = select(Resolution).where(Resolution.supersedes == row.number).order_by(Resolution.id)
    for newer in session.scalars(query):
        if status_of(session, newer) == ResolutionStatus.ADOPTED:
            return newer.number
    return ""


def rescinded_by(session: Session, row: Resolution) -> int | None:
    """The adopted motion that rescinded this resolution (or the motion that adopted it)."""
    refers = Motion.refers_to_resolution == row.number
    if row.motion_id is not None:
        refers = refers | (Motion.refers_to_motion_id == row.motion_id)
    query = select(Motion.id).where(
        refers,
        Motion.kind.in_([k.value for k in RESCINDING]),
        Motion.result == Result.ADOPTED.value,
    )
    return session.scalar(query.order_by(Motion.id))


def _roll_call(session: Session, motion_id: int) -> list[tuple[str, VoteOption]]:
    """The members' votes on a motion, as a roll call prints them (domain.votes)."""
    query = select(RollCallVote).where(RollCallVote.motion_id == motion_id)
    cast = []
    for vote in session.scalars(query):
        member = session.get(Member, vote.member_id)
        cast.append((member.name if member else "?", VoteOption(vote.option)))
    return sorted(cast, key=lambda v: roll_call_order(v[0]))


def resolution_record(session: Session, row: Resolution) -> ResolutionRecord:
    body = session.get(Body, row.body_id)
    status, adopted_on = row.status, row.adopted_on
    votes = None
    if row.votes:
        votes = RollCallNames(**{k: tuple(v) for k, v in row.votes.items()})
    motion = session.get(Motion, row.motion_id) if row.motion_id is not None else None
    if motion is not None:
        meeting = session.get(Meeting, motion.meeting_id)
        if meeting is None:
            raise NotFoundError(f"Meeting {motion.meeting_id} does not exist.")
        status = status_of(session, row)
        adopted_on = meeting.date if status == ResolutionStatus.ADOPTED else None
        cast = _roll_call(session, motion.id)
        if cast:
            options = (
                VoteOption.YES,
                VoteOption.NO,
                VoteOption.ABSTAIN,
                VoteOption.ABSENT,
                VoteOption.RECUSED,
            )
            votes = RollCallNames(*(tuple(n for n, v in cast if v is o) for o in options))
    return ResolutionRecord(
        id=row.id,
        number=row.number,
        title=row.title,
        body_id=row.body_id,
        body_name=body.name if body else "",
        preamble=tuple(row.preamble),
        operative=tuple(row.operative),
        distribution=tuple(row.distribution),
        sections=row.sections,
        status=status,
        adopted_on=adopted_on,
        motion_id=row.motion_id,
        votes=votes,
        supersedes=row.supersedes or "",
        superseded_by=superseded_by(session, row),
        rescinded_by=rescinded_by(session, row),
        sealed=is_sealed(session, row),
    )
