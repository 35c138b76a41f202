"""Times of day as clerks type them: "19:05", "7:05 pm", "7.05 p.m.", "1905"."""

from __future__ import annotations

import datetime as dt
import re

_CLOCK = re.compile(
    r"^\s*(?P<h>\d{1,2})(?:[:.h]?(?P<m>\d{2}))?\s*(?P<ampm>[ap])?\.?\s*(?:m\.?)?\s*$",
    re.IGNORECASE,
)


def parse_clock(text: str) -> dt.time | None:
    """The time typed, to the minute; None for an empty field. ValueError says what to type."""
    if not text.strip():
        return None
    match = _CLOCK.match(text)
    if match is None:
        raise ValueError(f"'{text.strip()}' is not a time; type it like 7:05 pm or 19:05")
    hour, minute = int(match["h"]), int(match["m"] or 0)
    half = (match["ampm"] or "").lower()
    if half:
        if not 1 <= hour <= 12:
            raise ValueError(f"'{text.strip()}': with am or pm the hour is 1 to 12")
        hour = hour % 12 + (12 if half == "p" else 0)
    if hour > 23 or minute > 59:
        raise ValueError(f"'{text.strip()}' is not a time of day")
    return dt.time(hour, minute)
