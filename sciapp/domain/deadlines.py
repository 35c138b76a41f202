"""Deadlines from open-meetings laws, counted in business days where the law says so.

Michigan OMA (MCL 15.269): proposed minutes available within 8 business days after the
meeting, approved minutes within 5 business days after approval; public notice at least 18
hours before a meeting (MCL 15.265). New York POL §106: minutes available within two weeks.
North Carolina sets no day count. Business days skip weekends and US federal holidays.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from functools import lru_cache

from sciapp.domain.bodies import Profile

MICHIGAN_NOTICE = dt.timedelta(hours=18)


@lru_cache(maxsize=64)
def _federal_holidays(year: int) -> frozenset[dt.date]:
    import holidays  # lazy: only when a deadline is computed

    return frozenset(holidays.country_holidays("US", years=year))


def is_business_day(day: dt.date) -> bool:
    return day.weekday() < 5 and day not in _federal_holidays(day.year)


def add_business_days(start: dt.date, days: int) -> dt.date:
    """The date `days` business days after `start` (start itself not counted)."""
    day = start
    remaining = days
    while remaining > 0:
        day += dt.timedelta(days=1)
        if is_business_day(day):
            remaining -= 1
    return day


@dataclass(frozen=True)
class MinutesDeadlines:
    proposed_due: dt.date | None
    approved_due: dt.date | None


def minutes_deadlines(
    profile: Profile, meeting_day: dt.date, approved_on: dt.date | None = None
) -> MinutesDeadlines:
    if profile is Profile.MICHIGAN:
        return MinutesDeadlines(
            add_business_days(meeting_day, 8),
            add_business_days(approved_on, 5) if approved_on else None,
        )
    if profile is Profile.NEW_YORK:
        return MinutesDeadlines(meeting_day + dt.timedelta(days=14), None)
    return MinutesDeadlines(None, None)


def notice_problem(
    profile: Profile, meeting_start: dt.datetime, posted: dt.datetime | None
) -> str | None:
    """Why the meeting's public notice falls short of the profile's rule, if it does."""
    if profile is not Profile.MICHIGAN:
        return None
    if posted is None:
        return "no public notice recorded (Michigan requires 18 hours)"
    if meeting_start - posted < MICHIGAN_NOTICE:
        hours = (meeting_start - posted).total_seconds() / 3600
        return f"notice posted {hours:.1f} hours before the meeting; Michigan requires 18"
    return None
