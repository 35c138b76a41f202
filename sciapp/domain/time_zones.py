"""The time zone a body meets in: an IANA name ("America/Detroit"), checked here, and the zone
its local meeting times are read in when exports need a UTC offset (Popolo, Open Civic Data,
iCalendar).

A body with no zone of its own (NULL) takes its open-meetings profile's state zone: Michigan's
Lower Peninsula and most of the Upper keep America/Detroit, New York and North Carolina
America/New_York. A body with no profile takes the zone of the state the commission is in (what
`services/partnerships/laws.py` reads from the letterhead's address or the ties' local
jurisdiction: "Pecan Springs, Texas" is America/Chicago), the zone most of that state's people
live in; else this computer's zone (the TZ variable or /etc/localtime), else UTC. A body in a
state's other zone (Menominee County, Michigan; El Paso, Texas) sets its own."""

from __future__ import annotations

import datetime as dt
import os
from functools import cache
from pathlib import Path
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError, available_timezones

PROFILE_ZONE = {
    "michigan": "America/Detroit",
    "new_york": "America/New_York",
    "north_carolina": "America/New_York",
}
# Each US state, DC and territory (ISO 3166-2) by the zone most of its people live in.
_EASTERN = "CT DC DE FL GA KY MA MD ME NC NH NJ NY OH PA RI SC VA VT WV"
_CENTRAL = "AL AR IA IL KS LA MN MO MS ND NE OK SD TN TX WI"
_MOUNTAIN = "CO MT NM UT WY"
_PACIFIC = "CA NV OR WA"
STATE_ZONE = {
    **{f"US-{s}": "America/New_York" for s in _EASTERN.split()},
    **{f"US-{s}": "America/Chicago" for s in _CENTRAL.split()},
    **{f"US-{s}": "America/Denver" for s in _MOUNTAIN.split()},
    **{f"US-{s}": "America/Los_Angeles" for s in _PACIFIC.split()},
    "US-MI": "America/Detroit",
    "US-IN": "America/Indiana/Indianapolis",
    "US-AZ": "America/Phoenix",
    "US-ID": "America/Boise",
    "US-AK": "America/Anchorage",
    "US-HI": "Pacific/Honolulu",
    "US-PR": "America/Puerto_Rico",
    "US-VI": "America/St_Thomas",
    "US-GU": "Pacific/Guam",
    "US-MP": "Pacific/Saipan",
    "US-AS": "Pacific/Pago_Pago",
}
MAX_LENGTH = 64  # body.time_zone is String(64)


@cache
def zone_names() -> tuple[str, ...]:
    """Every IANA zone name this computer knows, sorted (for the body dialog's chooser)."""
    return tuple(sorted(n for n in available_timezones() if "/" in n or n == "UTC"))


def check_zone(name: str | None) -> str | None:
    """The zone name as stored (None for blank); raises ValueError with the reason."""
    name = (name or "").strip()
    if not name:
        return None
    if len(name) > MAX_LENGTH:
        raise ValueError(f"a time zone name has at most {MAX_LENGTH} characters")
    try:
        ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):
        raise ValueError(
            f"{name!r} is not a time zone (an IANA name like America/Detroit)"
        ) from None
    return name


def computer_zone() -> dt.tzinfo:
    """This computer's zone: the TZ variable, /etc/localtime's target, else UTC."""
    candidates = [os.environ.get("TZ", "").lstrip(":")]
    localtime = Path("/etc/localtime")
    if localtime.is_symlink():
        target = str(localtime.resolve())
        if "zoneinfo/" in target:
            candidates.append(target.split("zoneinfo/", 1)[1])
    for name in filter(None, candidates):
        try:
            return ZoneInfo(name)
        except (ZoneInfoNotFoundError, ValueError):
            continue
    return dt.UTC


def body_zone(time_zone: str | None, profile: str = "none", state: str | None = None) -> dt.tzinfo:
    """The zone a body's local times are in: its own, else its profile's state's, else the
    commission's state's (`state`: ISO 3166-2, "US-TX"), else this computer's."""
    name = time_zone or PROFILE_ZONE.get(profile) or STATE_ZONE.get(state or "")
    if name:
        try:
            return ZoneInfo(name)
        except (ZoneInfoNotFoundError, ValueError):
            pass
    return computer_zone()


def zone_name(zone: dt.tzinfo) -> str:
    """The IANA key of a zone ("UTC" for the fixed UTC zone)."""
    return getattr(zone, "key", None) or "UTC"


def aware(day: dt.date, at: dt.time, zone: dt.tzinfo) -> dt.datetime:
    """A local wall-clock time on a day, in the zone (the earlier of a repeated hour)."""
    return dt.datetime.combine(day, at, tzinfo=zone)


def offset_iso(day: dt.date, at: dt.time, zone: dt.tzinfo) -> str:
    """The local time with its UTC offset: "2022-03-14T20:15:00-04:00" (RFC 3339)."""
    return aware(day, at.replace(microsecond=0), zone).isoformat(timespec="seconds")
