"""A realistic demo commission: Lansing, Michigan, from the mayor's statement in the seeds.

Seven sister cities and four friendship cities. Only what the sources say is recorded: Otsu
(1968) was the first sister city; the St. Petersburg tie began in 1994 with a youth exchange,
though some sources give 1992. Unknown dates stay empty, as they would in a real register.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from sciapp.domain.dates import PartialDate
from sciapp.domain.partnership import Kind, PartnershipDraft
from sciapp.domain.status import Decider, Status, StatusChange

if TYPE_CHECKING:
    from sciapp.services.partnerships.service import PartnershipService

LANSING = "Lansing, Michigan"

_SISTER = [
    (
        "Otsu",
        "大津市",
        "Shiga Prefecture",
        "JP",
        "1968",
        "Lansing's first sister city relationship.",
    ),
    ("Asan", "아산시", "South Chungcheong", "KR", "", ""),
    ("Guadalajara", "", "Jalisco", "MX", "", ""),
    ("Saltillo", "", "Coahuila", "MX", "", ""),
    ("Sanming", "三明市", "Fujian", "CN", "", ""),
    ("Akuapim South District", "", "Eastern Region", "GH", "", ""),
]
_FRIENDSHIP = [
    ("Cosenza", "", "Calabria", "IT"),
    ("Dar es Salaam", "", "Dar es Salaam Region", "TZ"),
    ("Lanzhou", "兰州市", "Gansu", "CN"),
    ("Sakaide", "坂出市", "Kagawa Prefecture", "JP"),
]

ST_PETERSBURG_NOTES = (
    "The relationship began in 1994 with a Russian-language high-school youth exchange funded "
    "by the Kellogg Foundation; some sources date it to 1992.\n\n"
    "In 2013 some residents asked that the tie be severed over Russia's anti-LGBT laws. Mayor "
    "Bernero condemned the laws and the violence but urged the Council and the Commission to "
    "keep the relationship as a channel for dialogue between citizens, noting that the "
    "decision rests with the Lansing Regional Sister Cities Commission (LRSCC)."
)


def seed_demo(service: PartnershipService) -> int:
    """Add the Lansing demo register; returns the number of partnerships added."""
    count = 0
    for city, native, region, country, established, notes in _SISTER:
        service.create(
            PartnershipDraft(
                kind=Kind.SISTER.value,
                partner_city=city,
                partner_city_native=native,
                partner_region=region,
                partner_country=country,
                local_jurisdiction=LANSING,
                established=established,
                notes=notes,
            )
        )
        count += 1
    _seed_st_petersburg(service)
    count += 1
    for city, native, region, country in _FRIENDSHIP:
        service.create(
            PartnershipDraft(
                kind=Kind.FRIENDSHIP.value,
                partner_city=city,
                partner_city_native=native,
                partner_region=region,
                partner_country=country,
                local_jurisdiction=LANSING,
            )
        )
        count += 1
    return count


def _seed_st_petersburg(service: PartnershipService) -> None:
    created = service.create(
        PartnershipDraft(
            kind=Kind.SISTER.value,
            partner_city="St. Petersburg",
            partner_city_native="Санкт-Петербург",
            partner_country="RU",
            local_jurisdiction=LANSING,
            established="1994",
            notes=ST_PETERSBURG_NOTES,
        ),
        initial=Status.PROPOSED,
        decided_by=Decider.COMMISSION,
        since=PartialDate(1992),
    )
    service.record_change(
        created.id,
        StatusChange(
            status=Status.ACTIVE,
            effective=PartialDate(1994),
            decided_by=Decider.COMMISSION,
            instrument="Youth exchange program funded by the Kellogg Foundation",
        ),
    )
