"""The annual report to council (`domain/annual_report.py`): built in one read transaction
from the register, rendered as a tagged PDF (`pdf/annual_report.py`) or written as JSON.

What the year is: from January 1 to December 31, or to today while the year runs (the
report's `as_of`). A tie is in the report when it stood at some point in the year (not yet
ended before it began, its first status event not after `as_of`); a status change when its
effective date falls in the year; a meeting when it was held (not cancelled) in the year;
an activity when it is under way in the year, a gift when exchanged in it
(`annual_exchanges.py`).
"""

from __future__ import annotations

import json
from itertools import groupby
from typing import TYPE_CHECKING

from sqlalchemy import select

from sciapp.domain.annual_report import (
    AnnualReport,
    LawLine,
    Section,
    StatusChangeLine,
    TieLine,
    report_data,
    report_year_bounds,
)
from sciapp.domain.countries import country_name as country_label
from sciapp.domain.errors import InvalidInputError
from sciapp.domain.formats import DOCUMENT_LOCALE
from sciapp.domain.partner_country_laws import state_label
from sciapp.domain.status import Decider, Status
from sciapp.services.clock import utc_now
from sciapp.services.errors import ValidationError
from sciapp.services.reports.annual_bodies import bodies_year, motion_lines
from sciapp.services.reports.annual_exchanges import activities_year, gifts_year, membership_year
from sciapp.storage.meeting_models import Body
from sciapp.storage.models import Partnership, StatusEvent
from sciapp.storage.vote_models import Motion

if TYPE_CHECKING:
    import datetime as dt
    from collections.abc import Callable, Mapping

    from sqlalchemy.orm import Session

    from sciapp.pdf.model import Rendered
    from sciapp.services.partnerships.laws import TouchedTie
    from sciapp.storage.database import Database


def _decider(value: str | None) -> str | None:
    if not value:
        return None
    try:
        return Decider(value).label
    except ValueError:
        return value


def _status(value: str) -> str:
    try:
        return Status(value).label
    except ValueError:
        return value


class AnnualReportService:
    def __init__(self, db: Database, clock: Callable[[], dt.datetime] = utc_now) -> None:
        self._db = db
        self._clock = clock

    def build(self, year: int, today: dt.date | None = None) -> AnnualReport:
        """The report for `year` as the register stands (one read transaction)."""
        with self._db.session() as session:
            return build_report(session, year, today or self._clock().date())

    def json(self, year: int, today: dt.date | None = None) -> str:
        return report_json(self.build(year, today))

    def pdf(self, year: int, today: dt.date | None = None) -> Rendered:
        return self.render(self.build(year, today))

    def render(self, report: AnnualReport) -> Rendered:
        """The report as a tagged PDF on the commission's letterhead (read apart: the
        report's facts are those `build` read, so its PDF and JSON say the same)."""
        from dataclasses import replace

        from sciapp.pdf.annual_report import render_annual_report
        from sciapp.services.documents.letterheads import letterhead_for
        from sciapp.services.reports.passages import native_names
        from sciapp.services.reports.rendering import letterhead
        from sciapp.services.safekeeping.attachments import resolve

        with self._db.session() as session:
            head = letterhead(letterhead_for(session, _commission_id(session)))
            names = native_names(session)
        seal = resolve(self._db, str(head.seal)) if head.seal else None
        return render_annual_report(report, replace(head, seal=seal), names)


def report_json(report: AnnualReport) -> str:
    """The report as JSON text (`domain/annual_report.report_data`'s shape)."""
    return json.dumps(report_data(report), ensure_ascii=False, indent=2) + "\n"


def _commission_id(session: Session) -> int | None:
    """The body the report comes from: the first commission, else the general letterhead."""
    return session.scalar(
        select(Body.id).where(Body.kind == "commission").order_by(Body.id).limit(1)
    )


def build_report(
    session: Session,
    year: int,
    today: dt.date,
    country_name: Callable[[str], str] | None = None,
) -> AnnualReport:
    try:
        first, last = report_year_bounds(year, today)
    except InvalidInputError as exc:
        raise ValidationError(exc.errors) from exc
    names = country_name or (lambda code: country_label(code, DOCUMENT_LOCALE))
    from sciapp.services.documents.letterheads import address_of, letterhead_for
    from sciapp.services.partnerships.laws import touched_in

    commission_id = _commission_id(session)
    commission = letterhead_for(session, commission_id).name
    if not commission and commission_id is not None:
        commission = session.get(Body, commission_id).name  # type: ignore[union-attr]  # just read
    touched = {tie.id: tie for tie in touched_in(session, last, address_of)}
    ties, changes = _ties_and_changes(session, first, last, names, touched)
    bodies, ending = bodies_year(session, first, last)
    activities = activities_year(session, first, last, names)
    laws = [
        LawLine(
            tie.id,
            f"{tie.partner_city}, {names(tie.partner_country)}",
            state_label(tie.state),
            tie.is_barred,
            tie.describe(),
        )
        for tie in touched.values()
    ]
    return AnnualReport(
        year=year,
        commission=commission,
        as_of=last,
        prepared_on=today,
        partnerships=tuple(ties),
        status_changes=tuple(changes),
        bodies=tuple(bodies),
        motions_adopted=tuple(motion_lines(session, names, first=first, last=last)),
        terms_ending=tuple(ending),
        law_flags=tuple(laws),
        activities=tuple(activities),
        gifts=tuple(gifts_year(session, first, last, names, activities)),
        membership=membership_year(session, year),
        sections=tuple(s for reader in SECTIONS if (s := reader(session, first, last))),
    )


# Extra sections (activities, gifts, membership), each read inside the report's
# transaction: (session, first day, as-of day) → the section, or None to leave it out.
SECTIONS: list[Callable[[Session, dt.date, dt.date], Section | None]] = []


def _ties_and_changes(
    session: Session,
    first: dt.date,
    last: dt.date,
    names: Callable[[str], str],
    touched: Mapping[int, TouchedTie],
) -> tuple[list[TieLine], list[StatusChangeLine]]:
    partners = {
        pid: (city, country, established)
        for pid, city, country, established in session.execute(
            select(
                Partnership.id,
                Partnership.partner_city,
                Partnership.partner_country,
                Partnership.established,
            )
        )
    }
    events = session.execute(
        select(
            StatusEvent.id,
            StatusEvent.partnership_id,
            StatusEvent.status,
            StatusEvent.effective,
            StatusEvent.decided_by,
            StatusEvent.instrument,
            StatusEvent.reason,
        ).order_by(StatusEvent.partnership_id, StatusEvent.sequence)
    ).all()
    decided = dict(
        session.execute(
            select(Motion.status_event_id, Motion.id).where(Motion.status_event_id.is_not(None))
        ).all()
    )
    in_year = []  # (partnership id, previous status, the event)
    ties = []
    for pid, group in groupby(events, key=lambda e: e.partnership_id):
        history = list(group)
        standing = [e for e in history if e.effective is None or e.effective.earliest() <= last]
        if not standing:
            continue  # not yet proposed by the end of the span
        current = standing[-1]
        ended_before = (
            current.status == Status.TERMINATED.value
            and current.effective is not None
            and current.effective.latest() < first
        )
        if ended_before:
            continue
        previous = None
        for event in history:
            effective = event.effective
            if effective is not None and first <= effective.earliest() <= last:
                in_year.append((pid, previous, event))
            previous = event.status
        city, country, established = partners[pid]
        flags = touched[pid].flags if pid in touched else ()
        ties.append(
            TieLine(
                pid,
                city,
                country,
                names(country),
                established.iso() if established else None,
                _status(current.status),
                tuple(flag.describe() for flag in flags),
            )
        )
    ties.sort(key=lambda t: (t.partner_city.casefold(), t.id))
    motions = {
        m.id: m
        for m in motion_lines(
            session, names, ids=[decided[e.id] for _p, _prev, e in in_year if e.id in decided]
        )
    }
    changes = [
        StatusChangeLine(
            pid,
            f"{partners[pid][0]}, {names(partners[pid][1])}",
            _status(previous) if previous else None,
            _status(event.status),
            event.effective.iso(),
            _decider(event.decided_by),
            event.instrument,
            event.reason,
            motions.get(decided.get(event.id, -1)),
        )
        for pid, previous, event in in_year
    ]
    changes.sort(key=lambda c: (c.effective, c.partner))
    return ties, changes
