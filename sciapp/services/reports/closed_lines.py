"""The Start page's closed-session lines: each profile's deadline and retention for the
minutes of a closed session (domain/closed_sessions.py has the rules and their citations).

- Michigan: "may be destroyed on or after" 1 year and 1 day after the open minutes are
  approved (MCL 15.267(2)); until that approval they are simply kept, and no line shows.
- New York: executive-session minutes due within one week (POL §106(3), GCL §25-a).
- Every profile: a past session whose minutes are not written yet.
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from sciapp.domain.bodies import Profile
from sciapp.domain.closed_sessions import closed_session_law
from sciapp.services.reports.records import DUE_SOON_DAYS, DashboardLine

if TYPE_CHECKING:
    from collections.abc import Sequence

    from sciapp.services.meetings.closed_records import ClosedSessionRecord


def closed_session_lines(
    sessions: Sequence[ClosedSessionRecord], today: dt.date, locale: str = "en_US"
) -> list[tuple[dt.date, DashboardLine]]:
    """A line, with the date it sorts by, for each closed session with a deadline or a
    retention date to show (the Start page lists them with the minutes due)."""
    from sciapp.domain.formats import day_month, short_date

    dated: list[tuple[dt.date, DashboardLine]] = []
    for s in sessions:
        law = closed_session_law(s.profile)
        if law is None or s.meeting_date > today:
            continue
        hyphened = s.name.replace(" ", "-")  # "Closed-session minutes"
        what = f"{hyphened[:1].upper()}{hyphened[1:]} minutes of {s.body_name}, "
        what += short_date(s.meeting_date, locale)
        cite = law.minutes_citation
        if s.minutes_due is not None and not s.minutes.strip():
            late = s.minutes_due < today
            if late or s.minutes_due <= today + dt.timedelta(days=DUE_SOON_DAYS):
                when = f"due {day_month(s.minutes_due, locale)}"  # late from the next day
                text = f"{what}: {f'overdue, {when}' if late else when} ({cite})"
                dated.append((s.minutes_due, DashboardLine(text, "meeting", s.meeting_id, late)))
            continue
        if not s.minutes.strip():
            text = f"{what}: not written yet ({cite})"
            dated.append((s.meeting_date, DashboardLine(text, "meeting", s.meeting_id, True)))
        elif s.profile is Profile.MICHIGAN and s.may_destroy_from is not None:
            # Kept, not public, until then (before approval: until a year and a day after).
            text = f"{what}: not public; may be destroyed on or after "
            text += f"{short_date(s.may_destroy_from, locale)} ({cite})"
            dated.append((s.may_destroy_from, DashboardLine(text, "meeting", s.meeting_id)))
    return dated
