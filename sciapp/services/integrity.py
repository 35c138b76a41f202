"""`sciapp check`: SQLite's own checks plus the app's invariants, as a readable list."""

from __future__ import annotations

import datetime as dt
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from sqlalchemy import select

from sciapp.domain.bodies import Profile
from sciapp.domain.deadlines import minutes_deadlines
from sciapp.domain.errors import InvalidInputError
from sciapp.domain.status import check_history
from sciapp.services.partnerships import to_change
from sciapp.services.seals import SealService
from sciapp.storage.meeting_models import Body, Meeting
from sciapp.storage.models import Partnership, StatusEvent
from sciapp.storage.vote_models import Motion, RollCallVote

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

    from sciapp.storage.database import Database


@dataclass
class CheckReport:
    problems: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.problems


def check_database(db: Database, today: dt.date | None = None) -> CheckReport:
    report = CheckReport()
    if db.is_file:
        _check_sqlite(db, report)
    if report.problems:  # the invariants below assume a sound file
        return report
    with db.session() as session:
        _check_partnerships(session, report)
        _check_votes(session, report)
        _check_minutes(session, report, today or dt.date.today())
    report.problems.extend(_prefixed(p) for p in SealService(db).verify().problems)
    return report


def _check_sqlite(db: Database, report: CheckReport) -> None:
    """SQLite's own checks (a server database checks itself)."""
    with db.engine.connect() as conn:
        for (line,) in conn.exec_driver_sql("PRAGMA integrity_check"):
            if line != "ok":
                report.problems.append(f"SQLite integrity: {line}")
        for table, rowid, parent, _fk in conn.exec_driver_sql("PRAGMA foreign_key_check"):
            report.problems.append(
                f"{table} row {rowid} points at a missing {parent} record (foreign key)"
            )


def _check_partnerships(session: Session, report: CheckReport) -> None:
    events: dict[int, list[StatusEvent]] = defaultdict(list)
    for event in session.scalars(select(StatusEvent).order_by(StatusEvent.sequence)):
        events[event.partnership_id].append(event)
    for row in session.execute(
        select(Partnership.id, Partnership.partner_city, Partnership.status)
    ):
        history = events.get(row.id, [])
        where = f"partnership {row.id} ({row.partner_city})"
        if not history:
            report.problems.append(f"{where}: has no status history")
            continue
        try:
            check_history([to_change(e) for e in history])
        except (InvalidInputError, ValueError) as exc:
            detail = "; ".join(f"{k}: {v}" for k, v in getattr(exc, "errors", {}).items())
            report.problems.append(f"{where}: status history is invalid ({detail or exc})")
        if history[-1].status != row.status:
            report.problems.append(
                f"{where}: listed as {row.status}, but its history ends {history[-1].status}"
            )


def _check_votes(session: Session, report: CheckReport) -> None:
    counts: dict[int, Counter[str]] = defaultdict(Counter)
    for vote in session.scalars(select(RollCallVote).where(RollCallVote.counted.is_(True))):
        counts[vote.motion_id][vote.option] += 1
    for motion in session.scalars(select(Motion).where(Motion.method == "roll_call")):
        tally = counts.get(motion.id, Counter())
        recorded = (motion.yes, motion.no, motion.abstain)
        from_roll = (tally["yes"], tally["no"], tally["abstain"])
        if recorded != from_roll:
            report.problems.append(
                f"motion {motion.id} ({motion.text[:60]}): tally {recorded[0]}–{recorded[1]}–"
                f"{recorded[2]} does not match its roll call {from_roll[0]}–{from_roll[1]}–"
                f"{from_roll[2]} (yes–no–abstain)"
            )


def _check_minutes(session: Session, report: CheckReport, today: dt.date) -> None:
    profiles = {b.id: Profile(b.profile) for b in session.scalars(select(Body))}
    for meeting in session.scalars(select(Meeting).order_by(Meeting.date)):
        day = dt.date.fromisoformat(meeting.date)
        where = f"meeting {meeting.id} ({meeting.date})"
        for name in ("minutes_proposed_on", "minutes_approved_on"):
            value = getattr(meeting, name)
            if value and dt.date.fromisoformat(value) < day:
                report.problems.append(f"{where}: {name.replace('_', ' ')} before the meeting")
        if meeting.minutes_status == "approved" and not meeting.minutes_approved_on:
            report.problems.append(f"{where}: minutes approved without an approval date")
        due = minutes_deadlines(profiles.get(meeting.body_id, Profile.NONE), day).proposed_due
        if meeting.minutes_status == "draft" and due is not None and due < today:
            report.warnings.append(f"{where}: proposed minutes were due {due.isoformat()}")


def _prefixed(problem: object) -> str:
    text = str(problem)
    return text if text.startswith("audit") else f"seal: {text}"
