"""Dormant ties for the Start page: the live partnerships nothing on record has named for the
commission's number of years (`domain/dormancy.py` says what counts and when).

Read in one transaction: the ties, their status events and activities, the letters, the
agenda items and motions of the meetings held (a motion on a tie names it; an item or a
motion whose text names the partner city does too).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from sqlalchemy import func, select

from sciapp.domain.dates import PartialDate
from sciapp.domain.dormancy import CityFinder, Sign, dormant
from sciapp.domain.status import Status
from sciapp.services.reports.records import DormantTie
from sciapp.storage.activity_models import Activity
from sciapp.storage.document_models import Letter
from sciapp.storage.meeting_models import AgendaItem, Meeting
from sciapp.storage.models import Partnership, StatusEvent
from sciapp.storage.types import stored_table
from sciapp.storage.vote_models import Motion

if TYPE_CHECKING:
    import datetime as dt

    from sqlalchemy.orm import Session

    from sciapp.storage.database import Database


def dormant_ties(db: Database, today: dt.date, years: int) -> list[DormantTie]:
    """The live ties with no sign of life for `years` years before `today`, the longest
    quiet first (nothing dated on record before the oldest date)."""
    with db.session() as session:
        ties = (
            session.connection()
            .execute(
                select(Partnership.id, Partnership.partner_city, Partnership.partner_country)
                .where(Partnership.status != Status.TERMINATED.value)
                .order_by(Partnership.partner_city, Partnership.id)
            )
            .all()
        )
        signs = last_signs(session, today, {pid: city for pid, city, _c in ties})
    quiet = {d.partnership_id: d.last for d in dormant((t[0] for t in ties), signs, today, years)}
    found = [
        DormantTie(
            pid, city, country, sign.as_recorded if sign else None, sign.what if sign else None
        )
        for pid, city, country in ties
        if pid in quiet
        for sign in [quiet[pid]]
    ]
    return sorted(found, key=lambda t: (t.last_recorded is not None, t.last_recorded or ""))


def last_signs(session: Session, today: dt.date, cities: dict[int, str]) -> dict[int, Sign]:
    """Each tie's latest sign of life on or before `today`."""
    best: dict[int, Sign] = {}

    def seen(pid: int, day: dt.date, what: str, recorded: str = "") -> None:
        if day <= today and (pid not in best or best[pid].day < day):
            best[pid] = Sign(day, what, recorded)

    conn = session.connection()  # Core rows: twenty thousand ties need no ORM
    events = stored_table(StatusEvent.__table__)  # the dates as their text, parsed once
    for pid, effective in conn.execute(
        select(events.c.partnership_id, func.max(events.c.effective))
        .where(events.c.effective.is_not(None))
        .group_by(events.c.partnership_id)
    ):
        try:
            recorded = PartialDate.parse(effective)
        except ValueError:  # a date `check` names; no sign of life
            continue
        seen(pid, min(recorded.latest(), today), "status", effective)
    finder = CityFinder(cities.values())
    by_city: dict[str, list[int]] = {}
    for pid, city in cities.items():
        by_city.setdefault(CityFinder.key(city), []).append(pid)

    def named(text: str, day: dt.date, what: str) -> None:
        for city in finder.named_in(text):
            for pid in by_city.get(city, ()):
                seen(pid, day, what)

    for day, subject, attention, recipient, body in conn.execute(
        select(Letter.date, Letter.subject, Letter.attention, Letter.recipient, Letter.body)
    ):
        named(" \n ".join([subject, attention, *recipient, *body]), day, "letter")
    held = (Meeting.cancelled_on.is_(None), Meeting.date <= today)
    for day, title, notes in conn.execute(
        select(Meeting.date, AgendaItem.title, AgendaItem.notes)
        .join(AgendaItem, AgendaItem.meeting_id == Meeting.id)
        .where(*held)
    ):
        named(f"{title} \n {notes}", day, "meeting")
    for day, text, on_tie in conn.execute(
        select(Meeting.date, Motion.text, Motion.partnership_id)
        .join(Motion, Motion.meeting_id == Meeting.id)
        .where(*held)
    ):
        if on_tie is not None and on_tie in cities:
            seen(on_tie, day, "motion")
        named(text, day, "motion")
    for pid, starts, ends in conn.execute(
        select(Activity.partnership_id, Activity.starts_on, Activity.ends_on).where(
            Activity.starts_on <= today
        )
    ):
        if pid in cities:  # under way today counts as today
            seen(pid, min(ends or starts, today), "activity")
    return best
