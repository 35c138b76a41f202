"""Each body's meetings as an iCalendar feed (RFC 5545, written by the `icalendar` library), so a
member subscribes in Outlook, Google Calendar or Apple Calendar: one VEVENT per meeting in the
body's time zone (a VTIMEZONE for its IANA name, every DTSTART/DTEND with its TZID), where it
meets (LOCATION), the agenda (DESCRIPTION) and the remote link (URL), STATUS:CANCELLED for a
meeting called off, and a UID that stays the same from one export to the next: a UUID made from
the register's first audit entry (the register's own mark) and the meeting's id.

A closed session is never in the feed: an event says only what the public notice says."""

from __future__ import annotations

import datetime as dt
import uuid
from typing import TYPE_CHECKING

from sciapp.domain.time_zones import zone_name
from sciapp.services.reports.meeting_times import zones

if TYPE_CHECKING:
    from icalendar import Event

    from sciapp.services.meetings.records import BodyRecord, MeetingDetail
    from sciapp.services.reports.sources import ReportSources

PRODID = "-//sciapp//Sister-city meetings//EN"
# A meeting not yet adjourned is shown this long (RFC 5545 wants an end or a duration).
USUAL_LENGTH = dt.timedelta(hours=2)


def body_calendar(workspace: ReportSources, body_id: int, now: dt.datetime | None = None) -> bytes:
    """The body's meetings, oldest first, as an .ics file's bytes (CRLF lines, UTF-8)."""
    from icalendar import Calendar, Timezone

    body = workspace.bodies.get_body(body_id)
    zone = zones(workspace, [body])[body.id]
    rows = sorted(workspace.meetings.list_meetings(body_id), key=lambda r: (r.date, r.id))
    meetings = [workspace.meetings.get(r.id) for r in rows]
    stamp = (now or dt.datetime.now(dt.UTC)).astimezone(dt.UTC).replace(microsecond=0)
    key = _register_key(workspace)

    calendar = Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", "PUBLISH")
    calendar.add("x-wr-calname", body.name)
    calendar.add("x-wr-timezone", zone_name(zone))
    if meetings:
        first, last = meetings[0].date, meetings[-1].date + dt.timedelta(days=1)
        if zone_name(zone) != "UTC":
            calendar.add_component(
                Timezone.from_tzinfo(
                    zone,
                    zone_name(zone),
                    first - dt.timedelta(days=366),
                    last + dt.timedelta(days=366),
                )
            )
    for meeting in meetings:
        calendar.add_component(_event(body, meeting, zone, stamp, key))
    return calendar.to_ical()


def _event(
    body: BodyRecord, meeting: MeetingDetail, zone: dt.tzinfo, stamp: dt.datetime, key: str
) -> Event:
    from icalendar import Event

    begins = dt.datetime.combine(meeting.date, meeting.start_time, tzinfo=zone)
    if meeting.adjourned and meeting.adjourned > (meeting.called_to_order or meeting.start_time):
        ends = dt.datetime.combine(meeting.date, meeting.adjourned, tzinfo=zone)
    else:
        ends = begins + USUAL_LENGTH
    event = Event()
    event.add("uid", meeting_uid(key, meeting.id))
    event.add("dtstamp", stamp)
    event.add("dtstart", begins)
    event.add("dtend", ends)
    event.add("summary", f"{body.name}: {meeting.kind} meeting")
    if meeting.place:
        event.add("location", meeting.place)
    if meeting.remote_link:
        event.add("url", meeting.remote_link)
    agenda = [f"{item.position}. {item.title}" for item in meeting.items]
    description = "Agenda:\n" + "\n".join(agenda) if agenda else ""
    if meeting.remote_link:
        description += f"\n\nJoin remotely: {meeting.remote_link}"
    if meeting.cancelled:
        event.add("status", "CANCELLED")
        event.add("sequence", 1)  # an update to the event first published
        note = f"Cancelled. {meeting.cancellation_note}".strip()
        description = f"{note}\n\n{description}".strip()
    else:
        event.add("status", "CONFIRMED")
        event.add("sequence", 0)
    if description:
        event.add("description", description.strip())
    event.add("categories", [body.name])
    event.add("transp", "OPAQUE")
    return event


def meeting_uid(key: str, meeting_id: int) -> str:
    """The same UID for the same meeting of the same register, export after export."""
    return f"{uuid.uuid5(uuid.NAMESPACE_URL, f'sciapp:{key}:meeting:{meeting_id}')}@sciapp"


def _register_key(workspace: ReportSources) -> str:
    """The register's own mark: its first audit entry's digest (written when it was made and
    carried by its archives), else its location."""
    from sqlalchemy import select

    from sciapp.storage.audit_models import AuditEntry

    with workspace.db.session() as session:
        first = session.scalar(select(AuditEntry.digest).order_by(AuditEntry.id).limit(1))
    return first or workspace.location
