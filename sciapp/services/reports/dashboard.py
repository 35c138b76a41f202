"""The start page: what needs attention today."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import TYPE_CHECKING

from sciapp.domain.bodies import TERM_WARNING_DAYS
from sciapp.domain.dormancy import DEFAULT_DORMANT_YEARS
from sciapp.domain.minutes import MinutesStatus
from sciapp.services.reports.records import DUE_SOON_DAYS, DashboardLine, DormantTie

if TYPE_CHECKING:
    from collections.abc import Callable, Sequence

    from sciapp.services.meetings.bodies import BodyService
    from sciapp.services.meetings.closed_sessions import ClosedSessionService
    from sciapp.services.meetings.service import MeetingService
    from sciapp.services.partnerships.laws import PartnerLawService
    from sciapp.services.partnerships.service import PartnershipService

UPCOMING_DAYS = 60
MAX_LINES = 40  # a national directory has thousands of anniversaries a year


@dataclass(frozen=True)
class Dashboard:
    upcoming: tuple[DashboardLine, ...]
    minutes_due: tuple[DashboardLine, ...]
    terms_ending: tuple[DashboardLine, ...]
    anniversaries: tuple[DashboardLine, ...]
    more: dict[str, int]  # lines left off each section beyond MAX_LINES
    # Ties a state law on partner countries touches, with the citation (urgent: barred now).
    law_flags: tuple[DashboardLine, ...] = ()
    # Live ties nothing on record has named for the commission's years (services/reports/
    # dormant.py): "due for review".
    dormant: tuple[DashboardLine, ...] = ()
    # Sister Cities International: the Annual Awards deadline, this year's dues unrecorded
    # (services/reports/sci_lines.py).
    sci: tuple[DashboardLine, ...] = ()


def build_dashboard(
    bodies: BodyService,
    meetings: MeetingService,
    partnerships: PartnershipService,
    today: dt.date,
    country_name: Callable[[str], str] = str,
    locale: str = "en_US",
    closed: ClosedSessionService | None = None,
    laws: PartnerLawService | None = None,
    dormant: Sequence[DormantTie] = (),
    dormant_years: int = DEFAULT_DORMANT_YEARS,
    sci: Sequence[DashboardLine] = (),
) -> Dashboard:
    from sciapp.domain.formats import day_month, short_date, time_of_day, weekday_day

    rows = meetings.list_meetings()
    upcoming = [
        DashboardLine(
            f"{weekday_day(r.date, locale)}, {time_of_day(r.start_time, locale)} — {r.body_name}, "
            f"{r.kind} meeting"
            + (f" ({r.place})" if r.place else "")
            + (" — CANCELLED" if r.cancelled else ""),
            "meeting",
            r.id,
        )
        for r in sorted(rows, key=lambda r: (r.date, r.start_time))
        if today <= r.date <= today + dt.timedelta(days=UPCOMING_DAYS)
    ]
    due: list[tuple[dt.date, DashboardLine]] = []
    for row in rows:
        if row.date >= today or row.minutes_status is MinutesStatus.APPROVED or row.cancelled:
            continue
        detail = meetings.get(row.id)
        deadline = detail.proposed_due if row.minutes_status is MinutesStatus.DRAFT else None
        if deadline is None:
            continue
        late = deadline < today
        if late or deadline <= today + dt.timedelta(days=DUE_SOON_DAYS):
            when = f"due {day_month(deadline, locale)}"  # due that day: late from the next
            text = (
                f"Minutes of {row.body_name}, {short_date(row.date, locale)}: "
                f"proposed minutes {f'overdue ({when})' if late else when}"
            )
            due.append((deadline, DashboardLine(text, "meeting", row.id, late)))
    if closed is not None:  # closed-session minutes: each profile's deadline and retention
        from sciapp.services.reports.closed_lines import closed_session_lines

        due.extend(closed_session_lines(closed.all_sessions(), today, locale))
    horizon = today + dt.timedelta(days=TERM_WARNING_DAYS)
    terms = []
    for body in bodies.list_bodies():
        for member in bodies.members(body.id):
            end = member.term_end
            if end and member.in_office(today) and end <= horizon:
                text = f"{member.name} ({body.name}): term ends {short_date(end, locale)}"
                terms.append((end, DashboardLine(text, "body", body.id, (end - today).days < 30)))
    # The anniversary each tie reaches this calendar year ("Otsu, 58 years"): the year decides.
    oldest, tie_count = partnerships.oldest_ties(today.year, MAX_LINES)
    anniversaries = [
        DashboardLine(
            f"{row.partner_city}, {country_name(row.partner_country)}: "
            f"{today.year - int(row.established[:4])} years"
            + (" (suspended)" if row.status == "suspended" else ""),
            "partnership",
            row.id,
        )
        for row in oldest
        if row.established
    ]
    sections = {
        "upcoming": upcoming,
        "minutes_due": [line for _d, line in sorted(due, key=lambda p: p[0])],
        "terms_ending": [line for _d, line in sorted(terms, key=lambda p: p[0])],
    }
    more = {key: max(0, len(lines) - MAX_LINES) for key, lines in sections.items()}
    more["anniversaries"] = tie_count - len(anniversaries)
    touched = laws.touched(today) if laws is not None else []
    law_flags = [
        DashboardLine(
            f"{tie.partner_city}, {country_name(tie.partner_country)}: {tie.describe()}",
            "partnership",
            tie.id,
            tie.is_barred,
        )
        for tie in touched
    ]
    more["law_flags"] = max(0, len(law_flags) - MAX_LINES)
    quiet = [dormant_line(tie, dormant_years, country_name, locale) for tie in dormant]
    more["dormant"] = max(0, len(quiet) - MAX_LINES)
    more["sci"] = 0
    return Dashboard(
        **{key: tuple(lines[:MAX_LINES]) for key, lines in sections.items()},
        anniversaries=tuple(anniversaries),
        more=more,
        law_flags=tuple(law_flags[:MAX_LINES]),
        dormant=tuple(quiet[:MAX_LINES]),
        sci=tuple(sci),
    )


def dormant_line(
    tie: DormantTie, years: int, country_name: Callable[[str], str], locale: str
) -> DashboardLine:
    """ "Otsu, Japan: nothing in 3 years (last: letter, Mar 18, 2022) — due for review"."""
    from sciapp.domain.formats import partial_date

    where = f"{tie.partner_city}, {country_name(tie.partner_country)}"
    if tie.last_recorded is None:
        said = "no activity, letter or meeting item on record"
    else:
        what = DORMANT_SIGNS.get(tie.last_what or "", tie.last_what or "record")
        span = f"{years} year{'s' if years != 1 else ''}"
        said = f"nothing in {span} (last: {what}, {partial_date(tie.last_recorded, locale)})"
    return DashboardLine(f"{where}: {said} — due for review", "partnership", tie.id)


DORMANT_SIGNS = {"status": "status change", "meeting": "meeting item"}
