"""Deadlines from open-meetings laws, counted in business days where the law says so.

Michigan OMA (MCL 15.269): proposed minutes available within 8 business days after the
meeting, approved minutes within 5 business days after approval; public notice at least 18
hours before a meeting (MCL 15.265). New York POL §106: minutes available within two
weeks, a deadline that GCL §25-a moves off a weekend or public holiday to the next business
day. North Carolina sets no day count.
Business days skip weekends and the state's own legal holidays (domain/legal_holidays.py):
Michigan counts Lincoln's Birthday and does not move a Saturday holiday to Friday, so a
federal Friday-observed July 4 is a business day there.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from functools import lru_cache

from sciapp.domain.bodies import Profile
from sciapp.domain.legal_holidays import MICHIGAN, NEW_YORK, HolidayLaw

MICHIGAN_NOTICE = dt.timedelta(hours=18)


@lru_cache(maxsize=64)
def _federal_holidays(year: int) -> frozenset[dt.date]:
    import holidays  # lazy: only when a deadline is computed

    return frozenset(holidays.country_holidays("US", years=year))


def is_business_day(day: dt.date, law: HolidayLaw | None = None) -> bool:
    """A weekday that is not a legal holiday under `law` (US federal holidays without one)."""
    if day.weekday() >= 5:
        return False
    return not (law.is_holiday(day) if law else day in _federal_holidays(day.year))


def add_business_days(start: dt.date, days: int, law: HolidayLaw | None = None) -> dt.date:
    """The date `days` business days after `start` (start itself not counted)."""
    day = start
    remaining = days
    while remaining > 0:
        day += dt.timedelta(days=1)
        if is_business_day(day, law):
            remaining -= 1
    return day


def next_business_day(day: dt.date, law: HolidayLaw | None = None) -> dt.date:
    """`day` itself if it is a business day, else the first one after it."""
    while not is_business_day(day, law):
        day += dt.timedelta(days=1)
    return day


def holiday_law(profile: Profile) -> HolidayLaw | None:
    """The legal holidays an open-meetings profile's deadlines count over."""
    return {Profile.MICHIGAN: MICHIGAN, Profile.NEW_YORK: NEW_YORK}.get(profile)


@dataclass(frozen=True)
class MinutesDeadlines:
    proposed_due: dt.date | None
    approved_due: dt.date | None


def minutes_deadlines(
    profile: Profile, meeting_day: dt.date, approved_on: dt.date | None = None
) -> MinutesDeadlines:
    if profile is Profile.MICHIGAN:
        return MinutesDeadlines(
            add_business_days(meeting_day, 8, MICHIGAN),
            add_business_days(approved_on, 5, MICHIGAN) if approved_on else None,
        )
    if profile is Profile.NEW_YORK:  # POL §106(3), rolled by GCL §25-a
        return MinutesDeadlines(
            next_business_day(meeting_day + dt.timedelta(days=14), NEW_YORK), None
        )
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
