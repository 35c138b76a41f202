"""Each state's legal holidays, as its statute lists them: the days a business-day count skips.

A library's "state holidays" are the days state employees have off (Michigan's include
Christmas Eve and the day after Thanksgiving), which is not what an open-meetings deadline
counts. These tables follow the statutes' own wording; each rule cites its source.
"""

from __future__ import annotations

import calendar
import datetime as dt
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from collections.abc import Callable


def nth_weekday(year: int, month: int, weekday: int, n: int) -> dt.date:
    """The n-th `weekday` (Monday 0) of the month; n = -1 is the last one."""
    days = [d for d in calendar.Calendar().itermonthdates(year, month) if d.month == month]
    matching = [d for d in days if d.weekday() == weekday]
    return matching[n if n < 0 else n - 1]


MON, TUE, THU = 0, 1, 3


@dataclass(frozen=True)
class Holiday:
    name: str
    on: Callable[[int], dt.date]
    dated: bool  # a fixed date (July 4), which the statute may move off a Sunday
    since: int | None = None  # first year the statute lists it


def _fixed(month: int, day: int) -> Callable[[int], dt.date]:
    return lambda year: dt.date(year, month, day)


def _nth(month: int, weekday: int, n: int) -> Callable[[int], dt.date]:
    return lambda year: nth_weekday(year, month, weekday, n)


def _election_day(year: int) -> dt.date:
    """The Tuesday after the first Monday of November."""
    return nth_weekday(year, 11, MON, 1) + dt.timedelta(days=1)


@dataclass(frozen=True)
class HolidayLaw:
    """A state's legal holidays and how a date-specific one that falls on a weekend moves."""

    statute: str
    holidays: tuple[Holiday, ...]
    sunday_to_monday: bool  # "when any … falls on Sunday, the Monday following"
    saturday_to_friday: bool = False

    def days(self, year: int) -> dict[dt.date, str]:
        return dict(_days(self, year))

    def is_holiday(self, day: dt.date) -> bool:
        return day in _dates(self, day.year)


@lru_cache(maxsize=128)
def _dates(law: HolidayLaw, year: int) -> frozenset[dt.date]:
    return frozenset(day for day, _name in _days(law, year))


@lru_cache(maxsize=128)
def _days(law: HolidayLaw, year: int) -> tuple[tuple[dt.date, str], ...]:
    found: dict[dt.date, str] = {}
    for holiday in law.holidays:
        if holiday.since is not None and year < holiday.since:
            continue
        day = holiday.on(year)
        found[day] = holiday.name
        if holiday.dated and day.weekday() == 6 and law.sunday_to_monday:
            found[day + dt.timedelta(days=1)] = f"{holiday.name} (observed)"
        if holiday.dated and day.weekday() == 5 and law.saturday_to_friday:
            found[day - dt.timedelta(days=1)] = f"{holiday.name} (observed)"
    return tuple(sorted(found.items()))


# MCL 435.101 (1865 PA 124 §1, as amended by 1984 PA 4 and 2023 PA 54): "the following
# days … shall be considered and treated as … public holidays": January 1; the third
# Monday of January (Martin Luther King, Jr. Day); February 12 (Lincoln's Birthday); the
# third Monday of February (Washington's Birthday); the last Monday of May (Memorial Day);
# June 19 (Juneteenth, added by 2023 PA 54: counted from 2023); July 4; the first Monday
# of September (Labor Day); the second Monday of October (Columbus Day); November 11
# (Veterans' Day); the fourth Thursday of November (Thanksgiving Day); December 25. "When
# any of the holidays … falls on Sunday, the Monday following" is the holiday; the statute
# moves none off a Saturday. AG Opinion 7172 (2005) reads OMA's "business days" as days
# other than Saturdays, Sundays and these legal holidays.
def _common(juneteenth_since: int) -> tuple[Holiday, ...]:
    """The days both statutes list, in the order they list them (Juneteenth's year apart)."""
    return (
        Holiday("New Year's Day", _fixed(1, 1), dated=True),
        Holiday("Martin Luther King, Jr. Day", _nth(1, MON, 3), dated=False),
        Holiday("Lincoln's Birthday", _fixed(2, 12), dated=True),
        Holiday("Washington's Birthday", _nth(2, MON, 3), dated=False),
        Holiday("Memorial Day", _nth(5, MON, -1), dated=False),
        Holiday("Juneteenth", _fixed(6, 19), dated=True, since=juneteenth_since),
        Holiday("Independence Day", _fixed(7, 4), dated=True),
        Holiday("Labor Day", _nth(9, MON, 1), dated=False),
        Holiday("Columbus Day", _nth(10, MON, 2), dated=False),
        Holiday("Veterans' Day", _fixed(11, 11), dated=True),
        Holiday("Thanksgiving Day", _nth(11, THU, 4), dated=False),
        Holiday("Christmas Day", _fixed(12, 25), dated=True),
    )


MICHIGAN = HolidayLaw(
    statute="MCL 435.101",
    holidays=_common(juneteenth_since=2023),
    sunday_to_monday=True,
)

# New York General Construction Law §24 (public holidays): January 1; the third Monday of
# January; February 12 (Lincoln's Birthday); the third Monday of February; the last Monday
# of May; June 19 (Juneteenth, added 2020); July 4; the first Monday of September; the
# second Monday of October; the day of the general election (the Tuesday after the first
# Monday of November); November 11; the fourth Thursday of November; December 25. "If any
# of such days … is Sunday, the next day thereafter" is the holiday. (Flag Day, the second
# Sunday in June, always falls on a Sunday and changes no count.) GCL §25-a: an act due on
# a Saturday, Sunday or public holiday may be done on the next business day.
NEW_YORK = HolidayLaw(
    statute="N.Y. Gen. Constr. Law §24",
    holidays=(
        *_common(juneteenth_since=2020),
        Holiday("Election Day", _election_day, dated=False),
    ),
    sunday_to_monday=True,
)
