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
    """Which partner cities a text names: whole words, any case, punctuation and spacing
    aside, the longest name first at each word (so "St. Petersburg" is not read as
    "Petersburg"). Words are matched as runs, not by one huge pattern: a national directory
    has twenty thousand names."""

    def __init__(self, cities: Iterable[str]) -> None:
        self._names = {key for c in cities if (key := self.key(c))}
        self._lengths = sorted({key.count(" ") + 1 for key in self._names}, reverse=True)

    def named_in(self, text: str) -> set[str]:
        """The cities (as `key` spells them) `text` names."""
        if not self._names or not text:
            return set()
        words = _WORD.findall(text.casefold())
        found, at = set(), 0
        while at < len(words):
            for length in self._lengths:
                run = " ".join(words[at : at + length])
                if length <= len(words) - at and run in self._names:
                    found.add(run)
                    at += length
                    break
            else:
                at += 1
        return found

    @staticmethod
    def key(city: str) -> str:
        """A name as matched: its words, casefolded, one space apart ("st petersburg")."""
        return " ".join(_WORD.findall(city.casefold()))


_WORD = re.compile(r"\w+")
