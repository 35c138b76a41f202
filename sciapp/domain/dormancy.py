"""Dormant ties (San Leandro and Santa Cruz review theirs): a live partnership with no sign of
life for a number of years the commission sets is "due for review".

A sign of life is anything on record that names the tie, with its day: a status event (its
effective date, however partial), a letter or a meeting's agenda item or motion that names
the partner city, and an activity once there are activities. A partial date counts as its
latest day ("1994" as December 31, 1994): the tie is given the benefit of the doubt.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import datetime as dt
    from collections.abc import Iterable, Mapping

DEFAULT_DORMANT_YEARS = 3
MIN_DORMANT_YEARS, MAX_DORMANT_YEARS = 1, 50


@dataclass(frozen=True)
class Sign:
    """The latest thing on record that names a tie."""

    day: dt.date  # the latest day it may be
    what: str  # "letter", "meeting", "motion", "status", "activity"
    recorded: str = ""  # as recorded, an ISO partial date ("1994"); empty: `day`

    @property
    def as_recorded(self) -> str:
        return self.recorded or self.day.isoformat()


@dataclass(frozen=True)
class Dormant:
    partnership_id: int
    last: Sign | None  # None: nothing dated on record names it


def cutoff(today: dt.date, years: int) -> dt.date:
    """The day before which the last sign makes a tie dormant: `years` years before today."""
    try:
        return today.replace(year=today.year - years)
    except ValueError:  # February 29
        return today.replace(year=today.year - years, day=28)


def check_years(years: int) -> int:
    if not MIN_DORMANT_YEARS <= years <= MAX_DORMANT_YEARS:
        from sciapp.domain.errors import InvalidInputError

        raise InvalidInputError(
            {"dormant_years": f"enter {MIN_DORMANT_YEARS} to {MAX_DORMANT_YEARS} years"}
        )
    return years


def latest(signs: Iterable[Sign]) -> Sign | None:
    return max(signs, key=lambda s: s.day, default=None)


def dormant(
    live: Iterable[int], signs: Mapping[int, Sign], today: dt.date, years: int
) -> list[Dormant]:
    """The live ties whose last sign is older than `years` years (or who have none)."""
    before = cutoff(today, check_years(years))
    found = []
    for pid in live:
        sign = signs.get(pid)
        if sign is None or sign.day < before:
            found.append(Dormant(pid, sign))
    return found


class CityFinder:
    """Which partner cities a text names: whole words, any case, the longest name first (so
    "St. Petersburg" is not read as "Petersburg")."""

    def __init__(self, cities: Iterable[str]) -> None:
        names = {" ".join(c.split()).casefold() for c in cities if c.strip()}
        alternatives = sorted(names, key=len, reverse=True)
        self._pattern = (
            re.compile(r"(?<!\w)(" + "|".join(map(re.escape, alternatives)) + r")(?!\w)")
            if alternatives
            else None
        )

    def named_in(self, text: str) -> set[str]:
        """The cities (casefolded, spaces single) `text` names."""
        if self._pattern is None or not text:
            return set()
        return {m.group(1) for m in self._pattern.finditer(" ".join(text.split()).casefold())}

    @staticmethod
    def key(city: str) -> str:
        return " ".join(city.split()).casefold()
