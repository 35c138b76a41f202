"""The annual report's bodies: meetings held, attendance per member, vacancies, the motions
adopted and the terms ending next year (read inside `annual.py`'s transaction)."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from sqlalchemy import select

from sciapp.domain.annual_report import BodyYear, MemberYear, MotionLine, TermEnding
from sciapp.domain.attendance import Presence
from sciapp.domain.bodies import Office, Term, roster
from sciapp.domain.votes import Result
from sciapp.storage.meeting_models import AttendanceRecord, Body, Meeting, Member
from sciapp.storage.models import Partnership
from sciapp.storage.vote_models import Motion

if TYPE_CHECKING:
    from collections.abc import Callable

    from sqlalchemy.orm import Session


def _office(value: str) -> str:
    try:
        return Office(value).label
    except ValueError:
        return value


def bodies_year(
    session: Session, first: dt.date, last: dt.date
) -> tuple[list[BodyYear], list[TermEnding]]:
    """Each body's year from `first` to `last` (the as-of day), and the terms that end after
    it, by the end of the year after (the rest of a year still running, and the next)."""
    meetings = session.execute(
        select(Meeting.id, Meeting.body_id, Meeting.date, Meeting.cancelled_on)
        .where(Meeting.date >= first, Meeting.date <= last)
        .order_by(Meeting.date, Meeting.start_time)
    ).all()
    held = {m.id: m for m in meetings if m.cancelled_on is None}
    presence: dict[tuple[int, int], str] = {}
    if held:
        for meeting_id, member_id, mark in session.execute(
            select(
                AttendanceRecord.meeting_id, AttendanceRecord.member_id, AttendanceRecord.presence
            ).where(AttendanceRecord.meeting_id.in_(held))
        ):
            presence[(meeting_id, member_id)] = mark
    adopted = _adopted_counts(session, first, last)
    horizon = dt.date(last.year + 1, 12, 31)
    result, ending = [], []
    for body in session.scalars(select(Body).order_by(Body.id)):
        members = session.scalars(
            select(Member).where(Member.body_id == body.id).order_by(Member.term_start, Member.id)
        ).all()
        body_held = [m for m in held.values() if m.body_id == body.id]
        lines = []
        for member in members:
            term = Term(member.name, member.term_start, member.term_end, member.seat, member.voting)
            if not (term.start <= last and (term.end is None or term.end >= first)):
                continue  # not in office this year
            in_term = [m for m in body_held if term.holds_on(m.date)]
            counts = dict.fromkeys(Presence, 0)
            for meeting in in_term:
                recorded = presence.get((meeting.id, member.id))
                if recorded in counts:
                    counts[Presence(recorded)] += 1
            lines.append(
                MemberYear(
                    member.name,
                    _office(member.office),
                    member.voting,
                    member.term_start,
                    member.term_end,
                    len(in_term),
                    counts[Presence.PRESENT],
                    counts[Presence.EXCUSED],
                    counts[Presence.ABSENT],
                )
            )
            if member.term_end is not None and last < member.term_end <= horizon:
                ending.append(
                    TermEnding(body.name, member.name, _office(member.office), member.term_end)
                )
        terms = [Term(m.name, m.term_start, m.term_end, m.seat, m.voting) for m in members]
        serving = roster(terms, body.seats, last).voting_in_office
        cancelled = sum(1 for m in meetings if m.body_id == body.id and m.cancelled_on)
        result.append(
            BodyYear(
                body.id,
                body.name,
                body.kind,
                body.seats,
                serving,
                len(body_held),
                cancelled,
                adopted.get(body.id, 0),
                tuple(lines),
            )
        )
    ending.sort(key=lambda t: (t.term_end, t.body, t.name))
    return result, ending


def _adopted_counts(session: Session, first: dt.date, last: dt.date) -> dict[int, int]:
    counts: dict[int, int] = {}
    for (body_id,) in session.execute(
        select(Meeting.body_id)
        .join(Motion, Motion.meeting_id == Meeting.id)
        .where(
            Meeting.date >= first,
            Meeting.date <= last,
            Meeting.cancelled_on.is_(None),
            Motion.result == Result.ADOPTED.value,
        )
    ):
        counts[body_id] = counts.get(body_id, 0) + 1
    return counts


def motion_lines(
    session: Session,
    country_name: Callable[[str], str],
    *,
    first: dt.date | None = None,
    last: dt.date | None = None,
    ids: list[int] | None = None,
) -> list[MotionLine]:
    """The motions adopted in a span of days (or those with these ids), in the order moved."""
    query = (
        select(
            Motion.id,
            Meeting.date,
            Body.name,
            Motion.text,
            Motion.kind,
            Motion.result,
            Motion.yes,
            Motion.no,
            Motion.abstain,
            Motion.method,
            Partnership.partner_city,
            Partnership.partner_country,
        )
        .join(Meeting, Motion.meeting_id == Meeting.id)
        .join(Body, Meeting.body_id == Body.id)
        .outerjoin(Partnership, Motion.partnership_id == Partnership.id)
        .order_by(Meeting.date, Motion.moved_at, Motion.id)
    )
    if ids is not None:
        query = query.where(Motion.id.in_(ids))
    else:
        assert first is not None
        assert last is not None
        query = query.where(
            Meeting.date >= first,
            Meeting.date <= last,
            Meeting.cancelled_on.is_(None),
            Motion.result == Result.ADOPTED.value,
        )
    return [
        MotionLine(
            row.id,
            row.date,
            row.name,
            row.text,
            row.kind,
            row.result or "",
            row.yes,
            row.no,
            row.abstain,
            row.method,
            f"{row.partner_city}, {country_name(row.partner_country)}" if row.partner_city else "",
        )
        for row in session.execute(query)
    ]
