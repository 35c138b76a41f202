"""Each body's meetings placed in time for the exports: the body's zone (its own IANA name, else
the default `domain/time_zones.body_zone` gives) and the moments of its meetings with their UTC
offset. Popolo, Open Civic Data and the iCalendar feed all read them from here."""

from __future__ import annotations

from typing import TYPE_CHECKING

from sciapp.domain.time_zones import body_zone, offset_iso

if TYPE_CHECKING:
    import datetime as dt

    from sciapp.domain.minutes_model import Minutes
    from sciapp.services.meetings.records import BodyRecord


def zones(bodies: list[BodyRecord]) -> dict[int, dt.tzinfo]:
    """Each body's zone, by id."""
    return {b.id: body_zone(b.time_zone, b.profile.value) for b in bodies}


def moment(minutes: Minutes, at: dt.time, zone: dt.tzinfo) -> str:
    """A time of the meeting, "2022-03-14T20:15:00-04:00"."""
    return offset_iso(minutes.date, at, zone)


def start(minutes: Minutes, zone: dt.tzinfo) -> str:
    """When the meeting began: called to order, else its noticed start."""
    return moment(minutes, minutes.called_to_order or minutes.start_time, zone)


def end(minutes: Minutes, zone: dt.tzinfo) -> str | None:
    return moment(minutes, minutes.adjourned, zone) if minutes.adjourned else None
