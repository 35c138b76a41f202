"""A second, smaller demo jurisdiction: a fictional Texas city whose register holds a Russian
tie that Texas Government Code chapter 795 touches (domain/partner_country_laws).

Pecan Springs is made up; its partner cities are real places, its ties are not. Tonight's
meeting lets a clerk put a motion about the ties and see the law's warning before the vote.
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from sciapp.domain.attendance import Presence
from sciapp.domain.bodies import Office, Profile
from sciapp.domain.dates import PartialDate
from sciapp.domain.partnership import Kind, PartnershipDraft
from sciapp.domain.status import Decider, Status

if TYPE_CHECKING:
    from sciapp.services.workspace import Workspace

PECAN_SPRINGS = "Pecan Springs, Texas"
COMMISSION = "Pecan Springs Sister Cities Commission"
CITY_HALL = "Pecan Springs City Hall, 100 E. Main Street"

# (city, native name, region, country, established, notes)
_TIES = [
    (
        "Tver",
        "Тверь",
        "Tver Oblast",
        "RU",
        "1992",
        "Signed in 1992 after a teachers' exchange. Texas Government Code §795.003 bars "
        "maintaining it from September 1, 2025; the council has not yet voted on it.",
    ),
    ("Monterrey", "", "Nuevo León", "MX", "1987", ""),
    ("Tainan", "臺南市", "", "TW", "2004", ""),
]
_MEMBERS = [
    ("Maria Alvarez", Office.CHAIR, 1),
    ("Robert Nguyen", Office.VICE_CHAIR, 2),
    ("Dana Whitaker", Office.SECRETARY, 3),
    ("Luis Ortega", Office.MEMBER, 4),
    ("Karen Brooks", Office.MEMBER, 5),
]


def load_texas_demo(workspace: Workspace, today: dt.date | None = None) -> int:
    """Seed the Pecan Springs demo; returns the number of partnerships added."""
    from sciapp.services.meetings.records import MeetingDraft, MemberDraft
    from sciapp.services.meetings.setup import CommissionSetup, set_up_commission

    today = today or dt.date.today()
    # Texas is no open-meetings profile the app knows; the letterhead's city names the state.
    body = set_up_commission(
        workspace, CommissionSetup(COMMISSION, PECAN_SPRINGS, Profile.NONE, seats=5)
    )
    workspace.bodies.set_time_zone(body.id, "America/Chicago")  # Central Texas
    for name, office, seat in _MEMBERS:
        workspace.bodies.add_member(
            body.id,
            MemberDraft(name, dt.date(2023, 7, 1), dt.date(2027, 6, 30), office, seat=seat),
        )
    service = workspace.partnerships
    for city, native, region, country, established, notes in _TIES:
        service.create(
            PartnershipDraft(
                kind=Kind.SISTER.value,
                partner_city=city,
                partner_city_native=native,
                partner_region=region,
                partner_country=country,
                local_jurisdiction=PECAN_SPRINGS,
                established=established,
                notes=notes,
            ),
            decided_by=Decider.CITY_COUNCIL,
            instrument=f"Council resolution of {established}",
        )
    # Proposed in 2019 by a business delegation; never voted on. Establishing it is barred.
    service.create(
        PartnershipDraft(
            kind=Kind.FRIENDSHIP.value,
            partner_city="Harbin",
            partner_city_native="哈尔滨市",
            partner_region="Heilongjiang",
            partner_country="CN",
            local_jurisdiction=PECAN_SPRINGS,
        ),
        initial=Status.PROPOSED,
        decided_by=Decider.COMMISSION,
        since=PartialDate(2019),
    )
    tonight = workspace.meetings.create(
        MeetingDraft(
            body.id,
            today,
            dt.time(18, 0),
            place=CITY_HALL,
        )
    )
    for row in tonight.attendance:  # the roll is taken: all five are there
        workspace.meetings.set_attendance(tonight.id, row.member_id, Presence.PRESENT)
    return len(_TIES) + 1
