"""The rules every stored row keeps, whoever wrote it: real dates and times, ISO countries,
known codes. `check` applies them to the database and archive import to an archive before
anything is written; each problem names its table and row, and none raises."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from typing import Any

from sciapp.domain.activities import ActivityKind, ContactRole, GiftDirection, ParticipantRole
from sciapp.domain.attendance import Presence
from sciapp.domain.bodies import BodyKind, Office, Profile
from sciapp.domain.dates import PartialDate
from sciapp.domain.formats import short_date
from sciapp.domain.minutes import MinutesStatus
from sciapp.domain.motions import MotionKind, PartnershipAction
from sciapp.domain.partnership import Kind
from sciapp.domain.status import Decider, Status
from sciapp.domain.votes import ChairVoting, Result, VoteOption, VoteRule

FULL_DATES = {
    "meeting": ("date", "minutes_proposed_on", "minutes_approved_on", "cancelled_on"),
    "member": ("term_start", "term_end"),
    "resolution": ("adopted_on",),
    "letter": ("date",),
    "minutes_correction": ("approved_on",),
    "activity": ("starts_on", "ends_on"),
    "gift": ("exchanged_on", "disposed_on"),
    "sci_membership": ("dues_paid_on",),
}
PARTIAL_DATES = {
    "partnership": ("established", "expires", "status_since"),
    "status_event": ("effective",),
}
TIMES = {
    "meeting": ("start_time", "called_to_order", "adjourned"),
    "attendance": ("arrived", "departed"),
    "motion": ("moved_at",),
}
MEETING_KINDS = ("regular", "special", "emergency", "work session")
CODES: dict[tuple[str, str], tuple[str, ...]] = {
    ("partnership", "kind"): tuple(Kind),
    ("partnership", "status"): tuple(Status),
    ("status_event", "status"): tuple(Status),
    ("status_event", "decided_by"): tuple(Decider),
    ("body", "kind"): tuple(BodyKind),
    ("body", "profile"): tuple(Profile),
    ("body", "default_rule"): tuple(VoteRule),
    ("body", "chair_voting"): tuple(ChairVoting),
    ("member", "office"): tuple(Office),
    ("meeting", "kind"): MEETING_KINDS,
    ("meeting", "minutes_status"): tuple(MinutesStatus),
    ("attendance", "presence"): tuple(Presence),
    ("motion", "kind"): tuple(MotionKind),
    ("motion", "rule"): tuple(VoteRule),
    ("motion", "method"): ("roll_call", "voice"),
    ("motion", "result"): tuple(Result),
    ("motion", "action"): tuple(PartnershipAction),
    ("roll_call_vote", "option"): tuple(VoteOption),
    ("activity", "kind"): tuple(ActivityKind),
    ("activity_participant", "role"): tuple(ParticipantRole),
    ("gift", "direction"): tuple(GiftDirection),
    ("contact", "role"): tuple(ContactRole),
}


@dataclass(frozen=True)
class Finding:
    """One rule a row breaks."""

    table: str
    row_id: Any
    label: str
    what: str

    def __str__(self) -> str:
        label = f" ({self.label})" if self.label else ""
        return f"{self.table} {self.row_id}{label}: {self.what}"


Rows = Mapping[str, Iterable[Mapping[str, Any]]]


def row_findings(tables: Rows) -> Iterator[Finding]:
    """Every row of every table against the column rules above."""
    for table, rows in tables.items():
        for row in rows:
            yield from _row(table, row)


def _row(table: str, row: Mapping[str, Any]) -> Iterator[Finding]:
    def finding(what: str) -> Finding:
        return Finding(table, row.get("id", row.get("key")), _label(row), what)

    for column in FULL_DATES.get(table, ()):
        value = row.get(column)
        if value is not None and not _is_date(value):
            yield finding(f"{column}: {_shown(value)} is not a real date (YYYY-MM-DD)")
    for column in PARTIAL_DATES.get(table, ()):
        value = row.get(column)
        if value is not None and not _is_partial(value):
            yield finding(f"{column}: {_shown(value)} is not a real date (YYYY, YYYY-MM or full)")
    for column in TIMES.get(table, ()):
        value = row.get(column)
        if value is not None and not _is_time(value):
            yield finding(f"{column}: {_shown(value)} is not a time (HH:MM)")
    for (name, column), allowed in CODES.items():
        value = row.get(column) if name == table else None
        if value is not None and value not in allowed:
            yield finding(f"{column}: {_shown(value)} is not one of {', '.join(allowed)}")
    if table == "partnership" and not _is_country(row.get("partner_country")):
        yield finding(
            f"partner_country: {_shown(row.get('partner_country'))} is not an ISO 3166 country"
        )
    if table == "body" and row.get("time_zone") is not None:
        problem = _zone_problem(row["time_zone"])
        if problem:
            yield finding(f"time_zone: {problem}")


def _is_date(value: object) -> bool:
    if not isinstance(value, str) or len(value) != 10:
        return False
    try:
        dt.date.fromisoformat(value)
    except ValueError:
        return False
    return True


def _is_partial(value: object) -> bool:
    if not isinstance(value, str):  # what parse refuses with a TypeError (or "" for None)
        return False
    try:
        PartialDate.parse(value)
    except (ValueError, TypeError):
        return False
    return True


def _is_time(value: object) -> bool:
    if not isinstance(value, str) or len(value) != 5:
        return False
    try:
        dt.time.fromisoformat(value)
    except ValueError:
        return False
    return True


def _zone_problem(value: object) -> str:
    """Why a body's stored time zone is no IANA zone name ("" when it is one)."""
    from sciapp.domain.time_zones import check_zone

    if not isinstance(value, str) or not value.strip():
        return f"{_shown(value)} is not a time zone (an IANA name like America/Detroit)"
    try:
        check_zone(value)
    except ValueError as exc:
        return str(exc)
    return ""


def _is_country(value: object) -> bool:
    if not isinstance(value, str) or len(value) != 2 or not value.isupper():
        return False
    import pycountry

    return pycountry.countries.get(alpha_2=value) is not None


def _label(row: Mapping[str, Any]) -> str:
    for key in ("partner_city", "name", "number", "title", "date", "text"):
        value = row.get(key)
        if isinstance(value, str) and value:
            return shown_day(value) if key == "date" else _shown(value, quote=False)
    return ""


def shown_day(stored: str) -> str:
    """A stored date as people read it ("Mar 16, 2022"); text that is no date, as stored."""
    try:
        return short_date(dt.date.fromisoformat(stored))
    except ValueError:
        return _shown(stored, quote=False)


def _shown(value: object, quote: bool = True) -> str:
    text = repr(value) if quote else str(value)
    return text if len(text) <= 60 else text[:59] + "…"
