"""Each body's meetings placed in time for the exports: the body's zone (its own IANA name, else
the default `domain/time_zones.body_zone` gives: its profile's state's, the commission's
state's, this computer's) and the moments of its meetings with their UTC offset. Popolo, Open
Civic Data and the iCalendar feed all read them from here."""

from __future__ import annotations

from typing import TYPE_CHECKING

from sciapp.domain.time_zones import body_zone, offset_iso

if TYPE_CHECKING:
    import datetime as dt

    from sciapp.domain.minutes_model import Minutes
    from sciapp.services.meetings.records import BodyRecord
    from sciapp.services.reports.sources import ReportSources


def zones(workspace: ReportSources, bodies: list[BodyRecord]) -> dict[int, dt.tzinfo]:
    """Each body's zone, by id."""
    state = _state(workspace) if any(b.time_zone is None for b in bodies) else None
    return {b.id: body_zone(b.time_zone, b.profile.value, state) for b in bodies}


def default_zone_name(workspace: ReportSources, profile: str) -> str:
    """The zone a body of this profile without one of its own meets in (the body dialog's
    Default)."""
    from sciapp.domain.time_zones import zone_name

    return zone_name(body_zone(None, profile, _state(workspace)))


def _state(workspace: ReportSources) -> str | None:
    """The state the commission is in (ISO 3166-2), as the partner-country laws read it."""
    return workspace.partner_laws.jurisdiction().state


def moment(minutes: Minutes, at: dt.time, zone: dt.tzinfo) -> str:
    """A time of the meeting, "2022-03-14T20:15:00-04:00"."""
    return offset_iso(minutes.date, at, zone)


def start(minutes: Minutes, zone: dt.tzinfo) -> str:
    """When the meeting began: called to order, else its noticed start."""
    return moment(minutes, minutes.called_to_order or minutes.start_time, zone)


def end(minutes: Minutes, zone: dt.tzinfo) -> str | None:
    return moment(minutes, minutes.adjourned, zone) if minutes.adjourned else None
