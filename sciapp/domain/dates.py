"""Partial dates: real records often know only the year ("since 1968") or year and month."""

from __future__ import annotations

import calendar
import datetime as dt
import re
from dataclasses import dataclass

_ISO = re.compile(r"^\s*(\d{4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?\s*$")
FORMAT_HINT = "YYYY, YYYY-MM or YYYY-MM-DD"


@dataclass(frozen=True, order=False)
class PartialDate:
    year: int
    month: int | None = None
    day: int | None = None

    def __post_init__(self) -> None:
        if not 1 <= self.year <= 9999:
            raise ValueError("year must be between 1 and 9999")
        if self.day is not None and self.month is None:
            raise ValueError("a day needs a month")
        if self.month is not None and not 1 <= self.month <= 12:
            raise ValueError(f"month {self.month} does not exist")
        if self.day is not None:
            assert self.month is not None
            last = calendar.monthrange(self.year, self.month)[1]
            if not 1 <= self.day <= last:
                raise ValueError(f"day {self.day} does not exist in {self.year}-{self.month:02}")

    @classmethod
    def parse(cls, text: str) -> PartialDate:
        """Parse YYYY, YYYY-MM or YYYY-MM-DD; raise ValueError with a readable message."""
        match = _ISO.match(text or "")
        if not match:
            raise ValueError(f"use {FORMAT_HINT}")
        year, month, day = (int(g) if g else None for g in match.groups())
        assert year is not None
        return cls(year, month, day)

    @classmethod
    def parse_optional(cls, text: str | None) -> PartialDate | None:
        return None if text is None or not text.strip() else cls.parse(text)

    @classmethod
    def from_date(cls, value: dt.date) -> PartialDate:
        return cls(value.year, value.month, value.day)

    @property
    def precision(self) -> str:
        return "day" if self.day else "month" if self.month else "year"

    def iso(self) -> str:
        if self.month is None:
            return f"{self.year:04}"
        if self.day is None:
            return f"{self.year:04}-{self.month:02}"
        return f"{self.year:04}-{self.month:02}-{self.day:02}"

    def __str__(self) -> str:
        return self.iso()

    def earliest(self) -> dt.date:
        return dt.date(self.year, self.month or 1, self.day or 1)

    def latest(self) -> dt.date:
        month = self.month or 12
        return dt.date(self.year, month, self.day or calendar.monthrange(self.year, month)[1])

    def surely_before(self, other: PartialDate) -> bool:
        """True only when every day this date may mean lies before every day `other` may."""
        return self.latest() < other.earliest()


def babel_locale(name: str) -> str:
    """Qt and POSIX give "C", "en_US.UTF-8" or "de-DE"; babel wants "de_DE"."""
    name = (name or "").split(".")[0].replace("-", "_")
    return "en_US" if name in ("", "C", "POSIX") else name


def years_between(start: PartialDate, on: dt.date) -> int:
    """Whole years from `start` to `on` (by year alone when that is all we know)."""
    years = on.year - start.year
    if start.month and (on.month, on.day) < (start.month, start.day or 1):
        years -= 1
    return years
