"""Text columns to typed values and back (ISO dates, HH:MM times)."""

from __future__ import annotations

import datetime as dt


def date_or_none(text: str | None) -> dt.date | None:
    return dt.date.fromisoformat(text) if text else None


def time_or_none(text: str | None) -> dt.time | None:
    return dt.time.fromisoformat(text) if text else None


def datetime_or_none(text: str | None) -> dt.datetime | None:
    return dt.datetime.fromisoformat(text) if text else None


def hhmm(value: dt.time | None) -> str | None:
    return value.strftime("%H:%M") if value else None


def iso(value: dt.date | None) -> str | None:
    return value.isoformat() if value else None
