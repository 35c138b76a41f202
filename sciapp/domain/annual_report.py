"""The annual report to council: one plain model, built once by
`services/reports/annual.py`, printed by `pdf/annual_report.py` and written as JSON by
`report_data` below (the same facts in both).

The JSON shape (version 1; a key is never renamed or dropped within a version, new keys may
be added): an object with

- `format` "sciapp-annual-report", `version` 1, `year`, `commission` (the letterhead's
  name), `as_of` (ISO date: December 31, or the day it was made if the year is not over),
  `prepared_on` (ISO date);
- `partnerships`: each tie the year saw, `{id, partner_city, partner_country (ISO alpha-2),
  country (its name), established (ISO partial date or null), status (at `as_of`),
  law_flags: [text …]}`;
- `status_changes`: every status event dated in the year, `{partnership_id, partner, from
  (null for the first), to, effective (ISO partial date), decided_by (label or null),
  instrument, reason, motion (null, or {id, date, body, text, result, yes, no, abstain,
  method})}`;
- `bodies`: `{id, name, kind, seats, serving, vacancies, meetings_held, meetings_cancelled,
  motions_adopted, members: [{name, office, voting, term_start, term_end, meetings, present,
  excused, absent, attendance_rate (0–1, null when no meeting was held in the term)}]}`;
- `motions_adopted`: `{id, date, body, text, kind, yes, no, abstain, method, partner}`;
- `terms_ending`: the terms that end after `as_of` and by the end of the next year (for a
  year still running, its rest too), `{body, name, office, term_end}`;
- `law_flags`: `{partnership_id, partner, state, barred, description}` (each with its
  citation, as of `as_of`);
- `activities`: those under way in the year, by partnership and kind, `{id, partnership_id,
  partner, kind, kind_label, title, starts_on, ends_on, place, participants: {role: count},
  members: [name …], budget_cents, spent_cents, currency, motion}` (money in whole cents);
- `spending`: per currency, `{currency, budget_cents, spent_cents, activities}`;
- `gifts`: those given or received in the year, `{id, direction, description,
  exchanged_on, counterpart, partner, activity, value_cents, currency, city_property,
  custodian, location, disposition}`;
- `membership`: the year's Sister Cities International membership, `{year, dues_paid_on,
  dues_cents, currency, agreement_on_file, in_good_standing}`, or null when none is recorded;
- `sections`: extra sections other areas add, each `{key, title, columns, rows, note}`;
- `totals`: `{partnerships, status_changes, meetings_held, motions_adopted, terms_ending,
  vacancies, law_flags, activities, participants, gifts}`.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from sciapp.domain.annual_exchanges import (
    ActivityLine,
    GiftLine,
    MembershipLine,
    activity_data,
    gift_data,
    membership_data,
    spending,
    spending_data,
)

REPORT_FORMAT = "sciapp-annual-report"
REPORT_VERSION = 1


@dataclass(frozen=True)
class TieLine:
    id: int
    partner_city: str
    partner_country: str  # ISO alpha-2
    country: str  # its name
    established: str | None  # ISO partial date
    status: str  # at the report's as-of day
    law_flags: tuple[str, ...] = ()

    @property
    def partner(self) -> str:
        return f"{self.partner_city}, {self.country}"


@dataclass(frozen=True)
class MotionLine:
    id: int
    date: dt.date
    body: str
    text: str
    kind: str
    result: str  # "adopted", "failed" …
    yes: int
    no: int
    abstain: int
    method: str | None  # "roll_call" | "voice"
    partner: str = ""  # the tie it acts on, "St. Petersburg, Russia"

    @property
    def counts(self) -> str:
        from sciapp.domain.votes import counts_phrase

        return counts_phrase(self.yes, self.no, self.abstain)


@dataclass(frozen=True)
class StatusChangeLine:
    partnership_id: int
    partner: str
    previous: str | None
    status: str
    effective: str  # ISO partial date
    decided_by: str | None  # the decider's label, "City Council"
    instrument: str
    reason: str
    motion: MotionLine | None = None


@dataclass(frozen=True)
class MemberYear:
    name: str
    office: str  # its label, "Vice chair"
    voting: bool
    term_start: dt.date
    term_end: dt.date | None
    meetings: int  # held while in office
    present: int
    excused: int
    absent: int

    @property
    def rate(self) -> float | None:
        return self.present / self.meetings if self.meetings else None


@dataclass(frozen=True)
class BodyYear:
    id: int
    name: str
    kind: str
    seats: int
    serving: int  # voting members in office on the as-of day
    meetings_held: int
    meetings_cancelled: int
    motions_adopted: int
    members: tuple[MemberYear, ...]

    @property
    def vacancies(self) -> int:
        return max(0, self.seats - self.serving)


@dataclass(frozen=True)
class TermEnding:
    body: str
    name: str
    office: str
    term_end: dt.date


@dataclass(frozen=True)
class LawLine:
    partnership_id: int
    partner: str
    state: str  # "Texas"
    barred: bool  # barred now; else listed (a law not yet in force)
    description: str  # with the citation


@dataclass(frozen=True)
class Section:
    """A section in tabular form (activities, gifts, membership as they come)."""

    key: str
    title: str
    columns: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]
    note: str = ""


@dataclass(frozen=True)
class AnnualReport:
    year: int
    commission: str
    as_of: dt.date
    prepared_on: dt.date
    partnerships: tuple[TieLine, ...]
    status_changes: tuple[StatusChangeLine, ...]
    bodies: tuple[BodyYear, ...]
    motions_adopted: tuple[MotionLine, ...]
    terms_ending: tuple[TermEnding, ...]
    law_flags: tuple[LawLine, ...]
    activities: tuple[ActivityLine, ...] = ()
    gifts: tuple[GiftLine, ...] = ()
    membership: MembershipLine | None = None
    sections: tuple[Section, ...] = field(default=())

    @property
    def meetings_held(self) -> int:
        return sum(body.meetings_held for body in self.bodies)

    @property
    def vacancies(self) -> int:
        return sum(body.vacancies for body in self.bodies)

    def totals(self) -> dict[str, int]:
        return {
            "partnerships": len(self.partnerships),
            "status_changes": len(self.status_changes),
            "meetings_held": self.meetings_held,
            "motions_adopted": len(self.motions_adopted),
            "terms_ending": len(self.terms_ending),
            "vacancies": self.vacancies,
            "law_flags": len(self.law_flags),
            "activities": len(self.activities),
            "participants": sum(a.participant_count for a in self.activities),
            "gifts": len(self.gifts),
        }


def report_year_bounds(year: int, today: dt.date) -> tuple[dt.date, dt.date]:
    """The year's first day and the day it is reported as of (its last, or today)."""
    if not 1900 <= year <= 9999:
        from sciapp.domain.errors import InvalidInputError

        raise InvalidInputError({"year": "enter a year from 1900 on"})
    first, last = dt.date(year, 1, 1), dt.date(year, 12, 31)
    if first > today:
        from sciapp.domain.errors import InvalidInputError

        raise InvalidInputError({"year": f"{year} has not begun"})
    return first, min(last, today)


def _day(day: dt.date | None) -> str | None:
    return day.isoformat() if day is not None else None


def _motion(motion: MotionLine) -> dict[str, object]:
    return {
        "id": motion.id,
        "date": motion.date.isoformat(),
        "body": motion.body,
        "text": motion.text,
        "kind": motion.kind,
        "result": motion.result,
        "yes": motion.yes,
        "no": motion.no,
        "abstain": motion.abstain,
        "method": motion.method,
        "partner": motion.partner,
    }


def report_data(report: AnnualReport) -> dict[str, object]:
    """The report as JSON-ready data, in the shape the module's docstring documents."""
    return {
        "format": REPORT_FORMAT,
        "version": REPORT_VERSION,
        "year": report.year,
        "commission": report.commission,
        "as_of": report.as_of.isoformat(),
        "prepared_on": report.prepared_on.isoformat(),
        "partnerships": [
            {
                "id": tie.id,
                "partner_city": tie.partner_city,
                "partner_country": tie.partner_country,
                "country": tie.country,
                "established": tie.established,
                "status": tie.status,
                "law_flags": list(tie.law_flags),
            }
            for tie in report.partnerships
        ],
        "status_changes": [
            {
                "partnership_id": change.partnership_id,
                "partner": change.partner,
                "from": change.previous,
                "to": change.status,
                "effective": change.effective,
                "decided_by": change.decided_by,
                "instrument": change.instrument,
                "reason": change.reason,
                "motion": _motion(change.motion) if change.motion else None,
            }
            for change in report.status_changes
        ],
        "bodies": [
            {
                "id": body.id,
                "name": body.name,
                "kind": body.kind,
                "seats": body.seats,
                "serving": body.serving,
                "vacancies": body.vacancies,
                "meetings_held": body.meetings_held,
                "meetings_cancelled": body.meetings_cancelled,
                "motions_adopted": body.motions_adopted,
                "members": [
                    {
                        "name": m.name,
                        "office": m.office,
                        "voting": m.voting,
                        "term_start": m.term_start.isoformat(),
                        "term_end": _day(m.term_end),
                        "meetings": m.meetings,
                        "present": m.present,
                        "excused": m.excused,
                        "absent": m.absent,
                        "attendance_rate": None if m.rate is None else round(m.rate, 4),
                    }
                    for m in body.members
                ],
            }
            for body in report.bodies
        ],
        "motions_adopted": [_motion(motion) for motion in report.motions_adopted],
        "terms_ending": [
            {"body": t.body, "name": t.name, "office": t.office, "term_end": t.term_end.isoformat()}
            for t in report.terms_ending
        ],
        "law_flags": [
            {
                "partnership_id": flag.partnership_id,
                "partner": flag.partner,
                "state": flag.state,
                "barred": flag.barred,
                "description": flag.description,
            }
            for flag in report.law_flags
        ],
        "activities": [activity_data(a) for a in report.activities],
        "spending": spending_data(spending(report.activities)),
        "gifts": [gift_data(g) for g in report.gifts],
        "membership": membership_data(report.membership),
        "sections": [
            {
                "key": s.key,
                "title": s.title,
                "columns": list(s.columns),
                "rows": [list(row) for row in s.rows],
                "note": s.note,
            }
            for s in report.sections
        ],
        "totals": report.totals(),
    }


def percent(rate: float | None) -> str:
    """An attendance rate as the report prints it: "83 %"; "—" when nothing was held."""
    return "—" if rate is None else f"{round(rate * 100)}%"
