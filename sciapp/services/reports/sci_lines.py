"""The Start page's Sister Cities International lines: when entries for SCI's Annual Awards
are due (a date the commission sets each round in Settings; none is assumed: unset, the line
says to set it), and this year's dues when none are recorded as paid."""

from __future__ import annotations

from typing import TYPE_CHECKING

from sciapp.services.reports.records import DashboardLine

if TYPE_CHECKING:
    import datetime as dt

    from sciapp.services.partnerships.membership import MembershipRecord

AWARDS = "Sister Cities International Annual Awards"
AWARDS_SOON_DAYS = 30  # entries take a month to gather: nearer than this, the line warns
SETTINGS = "settings"  # the line opens the Settings dialog
MEMBERSHIP = "membership"  # the line opens the SCI membership dialog


def awards_line(due: dt.date | None, today: dt.date, locale: str = "en_US") -> DashboardLine:
    """ "…: entries due Mar 15, 2027"; "…: entries were due …"; "…: set the date …"."""
    from sciapp.domain.formats import short_date

    if due is None:
        return DashboardLine(f"{AWARDS}: set the entry deadline in Settings", SETTINGS, 0)
    when = short_date(due, locale)
    days = (due - today).days
    if days < 0:
        text = f"{AWARDS}: entries were due {when} — set the next round's date in Settings"
        return DashboardLine(text, SETTINGS, 0)
    said = "today" if days == 0 else when
    return DashboardLine(f"{AWARDS}: entries due {said}", SETTINGS, 0, days <= AWARDS_SOON_DAYS)


def dues_line(membership: MembershipRecord | None, year: int) -> DashboardLine | None:
    """ "SCI dues for 2026 not recorded" unless this year's dues are recorded as paid."""
    if membership is not None and membership.in_good_standing:
        return None
    return DashboardLine(f"SCI dues for {year} not recorded", MEMBERSHIP, year)


def sci_lines(
    membership: MembershipRecord | None,
    awards_due: dt.date | None,
    today: dt.date,
    locale: str = "en_US",
) -> tuple[DashboardLine, ...]:
    dues = dues_line(membership, today.year)
    return (awards_line(awards_due, today, locale), *((dues,) if dues else ()))
