"""The demo commission's people-to-people year: the 1994 youth exchange with St. Petersburg
that began the tie, an Otsu delegation with the gifts exchanged, a Guadalajara sister-schools
program, the Sister Cities International dues paid this year, and the contacts they need.
Seeded through the services, like any clerk's work."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from sciapp.domain.activities import ActivityKind, ContactRole, GiftDirection, ParticipantRole
from sciapp.services.activities.records import ActivityDraft, GiftDraft, ParticipantDraft
from sciapp.services.partnerships.contacts import ContactDraft
from sciapp.services.partnerships.membership import MembershipDraft

if TYPE_CHECKING:
    from sciapp.services.workspace import Workspace

ITINERARY = (
    "Lansing - Otsu official delegation\n"
    "Day 1  Arrive Kansai International; bus to Otsu\n"
    "Day 2  Welcome ceremony at Otsu City Hall; exchange of gifts\n"
    "Day 3  Lake Biwa Museum; Ishiyama-dera\n"
    "Day 4  Visit to Otsu Commercial High School\n"
    "Day 5  Farewell dinner with the Otsu International Association\n"
)


def seed_activities(workspace: Workspace, today: dt.date) -> None:
    ties = {row.partner_city: row.id for row in workspace.partnerships.list_rows(None)}
    members = {name: i for i, name in workspace.activities.member_choices()}
    _st_petersburg(workspace, ties["St. Petersburg"])
    _otsu(workspace, ties["Otsu"], members, today)
    _guadalajara(workspace, ties["Guadalajara"], today)
    _contacts(workspace, ties)
    workspace.membership.record(
        MembershipDraft(
            today.year,
            dues_paid_on=dt.date(today.year, 1, 1) + dt.timedelta(days=min(20, today.day)),
            dues="1,080.00",
            agreement_on_file=True,
            notes=f"Invoice SCI-{today.year}-0417; paid by the City Clerk's office.",
        )
    )
    workspace.membership.record(
        MembershipDraft(
            today.year - 1, dt.date(today.year - 1, 2, 3), "1,040.00", agreement_on_file=True
        )
    )


def _st_petersburg(workspace: Workspace, tie: int) -> None:
    activities = workspace.activities
    trip = activities.add(
        ActivityDraft(
            tie,
            ActivityKind.YOUTH_EXCHANGE,
            "Russian-language high-school youth exchange",
            dt.date(1994, 6, 20),
            dt.date(1994, 7, 18),
            place="St. Petersburg, School No. 157",
            budget="38,000.00",
            spent="36,450.00",
            notes="Funded by the W. K. Kellogg Foundation. Students lived with host families; "
            "the return visit came in the autumn.",
        )
    )
    chaperone = activities.add_participant(
        trip.id, ParticipantDraft("Eleanor Marsh", ParticipantRole.CHAPERONE)
    )
    for name in ("Kevin O'Donnell", "Maria Santos", "Jennifer Liu", "Aaron Fields"):
        activities.add_participant(
            trip.id, ParticipantDraft(name, ParticipantRole.STUDENT, chaperone_id=chaperone.id)
        )
    activities.add_participant(
        trip.id, ParticipantDraft("Ivanov family", ParticipantRole.HOST_FAMILY)
    )


def _otsu(workspace: Workspace, tie: int, members: dict[str, int], today: dt.date) -> None:
    activities = workspace.activities
    start = dt.date(today.year, 4, 8) if today >= dt.date(today.year, 4, 13) else None
    start = start or dt.date(today.year - 1, 4, 8)
    trip = activities.add(
        ActivityDraft(
            tie,
            ActivityKind.OFFICIAL_DELEGATION_OUT,
            "Official delegation to Otsu",
            start,
            start + dt.timedelta(days=5),
            place="Otsu, Shiga Prefecture",
            budget="12,000.00",
            spent="12,640.00",
            notes="Airfare rose after the budget was set; the overrun was reported to the "
            "council with the travel report.",
        )
    )
    for name in ("Margaret Okafor", "Yuki Tanaka-Brown"):
        activities.add_participant(
            trip.id, ParticipantDraft(name, ParticipantRole.MEMBER, member_id=members.get(name))
        )
    activities.add_participant(trip.id, ParticipantDraft("Dana Whitlock", ParticipantRole.RESIDENT))
    activities.attach_file(trip.id, "itinerary.txt", ITINERARY.encode(), "text/plain")
    ceremony = start + dt.timedelta(days=1)
    workspace.gifts.add(
        GiftDraft(
            GiftDirection.RECEIVED,
            "Shigaraki-ware vase with the Otsu city crest",
            ceremony,
            counterpart_name="佐藤 直美 (Mayor Naomi Sato)",
            counterpart_office="Office of the Mayor",
            counterpart_city="Otsu",
            activity_id=trip.id,
            value="350.00",
            city_property=True,
            custodian="City Clerk",
            location="Lansing City Hall, second-floor display case",
        )
    )
    workspace.gifts.add(
        GiftDraft(
            GiftDirection.GIVEN,
            "Framed print of the Michigan State Capitol",
            ceremony,
            counterpart_name="Mayor Naomi Sato",
            counterpart_office="Office of the Mayor",
            counterpart_city="Otsu",
            activity_id=trip.id,
            value="180.00",
            city_property=True,
        )
    )
    workspace.gifts.add(
        GiftDraft(
            GiftDirection.RECEIVED,
            "Silk furoshiki wrapping cloth",
            ceremony,
            counterpart_name="Otsu International Association",
            counterpart_city="Otsu",
            activity_id=trip.id,
            value="40.00",
            city_property=False,
            custodian="Yuki Tanaka-Brown",
            notes="A personal gift under the city's limit; reported.",
        )
    )


def _guadalajara(workspace: Workspace, tie: int, today: dt.date) -> None:
    activities = workspace.activities
    autumn = today.year if today.month >= 9 else today.year - 1
    program = activities.add(
        ActivityDraft(
            tie,
            ActivityKind.SISTER_SCHOOLS,
            "Sister schools: Eastern High School and Preparatoria 5",
            dt.date(autumn, 9, 2),
            dt.date(autumn + 1, 6, 12),
            place="Lansing and Guadalajara (video calls and one visit)",
            budget="3,500.00",
            spent="2,180.00",
            notes="Pen pals in Spanish and English classes; a spring visit by eight students.",
        )
    )
    teacher = activities.add_participant(
        program.id, ParticipantDraft("Rosa Delgado", ParticipantRole.CHAPERONE)
    )
    for name in ("Tyler Brooks", "Aisha Rahman", "Diego Hernández"):
        activities.add_participant(
            program.id, ParticipantDraft(name, ParticipantRole.STUDENT, chaperone_id=teacher.id)
        )
    activities.add_participant(
        program.id, ParticipantDraft("Brooks family", ParticipantRole.HOST_FAMILY)
    )


def _contacts(workspace: Workspace, ties: dict[str, int]) -> None:
    contacts = workspace.contacts
    contacts.add(
        ContactDraft(
            ContactRole.MAYOR,
            "佐藤 直美",
            partnership_id=ties["Otsu"],
            name_latin="Naomi Sato",
            organisation="大津市役所",
            address=("〒520-8575", "滋賀県大津市御陵町3番1号"),
            language="Japanese",
        )
    )
    contacts.add(
        ContactDraft(
            ContactRole.INTERNATIONAL_OFFICE,
            "大津市国際交流課",
            partnership_id=ties["Otsu"],
            name_latin="Otsu City International Relations Division",
            email="kokusai@city.otsu.example",
            phone="+81 77-528-2727",
            language="Japanese",
        )
    )
    contacts.add(
        ContactDraft(
            ContactRole.PARTNER_COMMITTEE,
            "Comité de Ciudades Hermanas de Guadalajara",
            partnership_id=ties["Guadalajara"],
            address=("Av. Hidalgo 400", "Centro", "44100 Guadalajara, Jal.", "México"),
            language="Spanish",
        )
    )
    contacts.add(
        ContactDraft(
            ContactRole.EMBASSY,
            "Consulate General of Japan in Detroit",
            organisation="Consulate General of Japan",
            address=("400 Renaissance Center, Suite 1600", "Detroit, MI 48243"),
            phone="+1 313-567-0120",
            language="English",
        )
    )
    contacts.add(
        ContactDraft(
            ContactRole.SCI,
            "Member Services",
            organisation="Sister Cities International",
            address=("1301 Pennsylvania Ave. NW, Suite 350", "Washington, DC 20004"),
            email="info@sistercities.example",
            language="English",
        )
    )
