"""A body's meetings as an iCalendar feed (RFC 5545), read back with the icalendar library: the
body's VTIMEZONE and a TZID on every time, place, agenda and remote link, cancellations, and
UIDs that stay the same from one export to the next."""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

from icalendar import Calendar

from sciapp.services.meetings.records import MeetingDraft
from sciapp.services.reports.calendar import body_calendar

NOW = dt.datetime(2024, 6, 15, 12, 0, tzinfo=dt.UTC)


def feed(workspace, body_id):
    data = body_calendar(workspace, body_id, NOW)
    return data, Calendar.from_ical(data)


def test_the_demo_commissions_feed(demo_workspace):
    body = next(b for b in demo_workspace.bodies.list_bodies() if "Commission" in b.name)
    data, calendar = feed(demo_workspace, body.id)
    lines = data.split(b"\r\n")
    assert lines[0] == b"BEGIN:VCALENDAR"
    assert all(len(line) <= 75 for line in lines)  # folded at 75 octets (RFC 5545 §3.1)
    assert b"\n" not in data.replace(b"\r\n", b"")
    assert calendar["VERSION"] == "2.0"
    assert str(calendar["X-WR-CALNAME"]) == body.name
    (zone,) = calendar.walk("VTIMEZONE")
    assert str(zone["TZID"]) == "America/Detroit"
    events = calendar.walk("VEVENT")
    meetings = demo_workspace.meetings.list_meetings(body.id)
    assert len(events) == len(meetings) > 0
    for event in events:
        start = event.decoded("DTSTART")
        assert event["DTSTART"].params["TZID"] == "America/Detroit"
        assert start.utcoffset() == start.astimezone(ZoneInfo("America/Detroit")).utcoffset()
        assert event.decoded("DTEND") > start
        assert str(event["LOCATION"]).startswith("Lansing City Hall")
        assert str(event["DESCRIPTION"]).startswith("Agenda:\n1. Call to order")
        assert str(event["STATUS"]) == "CONFIRMED"
    march = next(e for e in events if e.decoded("DTSTART").date() == dt.date(2022, 3, 16))
    assert march.decoded("DTSTART").utcoffset() == dt.timedelta(hours=-4)
    assert march.decoded("DTEND").time() == dt.time(20, 41)  # adjourned at 8:41 p.m.


def test_uids_are_unique_and_stable(demo_workspace):
    body = demo_workspace.bodies.list_bodies()[0]
    _, first = feed(demo_workspace, body.id)
    uids = [str(e["UID"]) for e in first.walk("VEVENT")]
    assert len(set(uids)) == len(uids)
    later = body_calendar(demo_workspace, body.id, NOW + dt.timedelta(days=30))
    assert [str(e["UID"]) for e in Calendar.from_ical(later).walk("VEVENT")] == uids


def test_a_cancelled_meeting_a_remote_link_and_the_bodys_own_zone(workspace):
    from sciapp.domain.bodies import BodyKind, Profile

    body = workspace.bodies.create_body("Comité de jumelage", BodyKind.COMMITTEE, 3, Profile.NONE)
    workspace.bodies.set_time_zone(body.id, "Europe/Paris")
    on = workspace.meetings.create(
        MeetingDraft(
            body.id,
            dt.date(2024, 7, 2),
            dt.time(18, 0),
            place="Mairie, salle 2",
            remote_link="https://meet.example.org/jumelage",
        )
    )
    off = workspace.meetings.create(MeetingDraft(body.id, dt.date(2024, 8, 6), dt.time(18, 0)))
    workspace.meetings.cancel(off.id, dt.date(2024, 7, 30), "summer")
    _, calendar = feed(workspace, body.id)
    assert [str(z["TZID"]) for z in calendar.walk("VTIMEZONE")] == ["Europe/Paris"]
    events = {e.decoded("DTSTART").date(): e for e in calendar.walk("VEVENT")}
    kept, cancelled = events[on.date], events[off.date]
    assert kept.decoded("DTSTART").utcoffset() == dt.timedelta(hours=2)
    assert str(kept["URL"]) == "https://meet.example.org/jumelage"
    assert "Join remotely: https://meet.example.org/jumelage" in str(kept["DESCRIPTION"])
    assert str(kept["LOCATION"]) == "Mairie, salle 2"
    assert str(cancelled["STATUS"]) == "CANCELLED"
    assert cancelled["SEQUENCE"] == 1
    assert str(cancelled["DESCRIPTION"]).startswith("Cancelled. summer")
    assert str(calendar["X-WR-CALNAME"]) == "Comité de jumelage"


def test_an_empty_body_is_an_empty_calendar(workspace):
    from sciapp.domain.bodies import BodyKind, Profile

    body = workspace.bodies.create_body("New committee", BodyKind.COMMITTEE, 3, Profile.MICHIGAN)
    _, calendar = feed(workspace, body.id)
    assert calendar.walk("VEVENT") == []
    assert str(calendar["X-WR-TIMEZONE"]) == "America/Detroit"  # the profile's state's zone
