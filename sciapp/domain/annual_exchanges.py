"""The annual report's people-to-people part (`domain/annual_report.py` holds the rest): the
year's activities by kind and partnership with who took part and what was spent against the
budget, the gifts given and received, and the Sister Cities International membership.

Money is whole cents with its ISO 4217 code (domain/activities.py); totals are per currency,
never added across currencies. Participants are counted by role; only the commission's
members are named (the students of an exchange are minors: the report does not list them).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import datetime as dt

    from sciapp.domain.activities import ActivityKind, ParticipantRole


@dataclass(frozen=True)
class ActivityLine:
    id: int
    partnership_id: int
    partner: str  # "Otsu, Japan"
    kind: ActivityKind
    title: str
    starts_on: dt.date
    ends_on: dt.date | None
    place: str
    participants: tuple[tuple[ParticipantRole, int], ...]  # each role taking part, counted
    members: tuple[str, ...]  # the commission's members who took part, by name
    budget_cents: int | None
    spent_cents: int | None
    currency: str
    motion: str  # the motion that approved it, as its label reads; "" when none

    @property
    def participant_count(self) -> int:
        return sum(count for _role, count in self.participants)

    def participants_text(self) -> str:
        """ "1 member, 6 students, 1 chaperone, 3 host families"."""
        return ", ".join(f"{n} {role_words(role, n)}" for role, n in self.participants)


def role_words(role: ParticipantRole, count: int) -> str:
    word = role.label.lower()
    return word if count == 1 else PLURALS.get(role.value, word + "s")


PLURALS = {"host_family": "host families"}


@dataclass(frozen=True)
class Spending:
    currency: str
    budget_cents: int
    spent_cents: int
    activities: int


@dataclass(frozen=True)
class GiftLine:
    id: int
    direction: str  # "given" | "received"
    description: str
    exchanged_on: dt.date | None
    counterpart: str  # "Mayor Sato, Office of the Mayor, Otsu"
    partner: str  # the tie, "" when none
    activity: str  # the activity's title, "" when none
    value_cents: int | None
    currency: str
    city_property: bool
    custodian: str
    location: str
    disposition: str


@dataclass(frozen=True)
class MembershipLine:
    year: int
    dues_paid_on: dt.date | None
    dues_cents: int | None
    currency: str
    agreement_on_file: bool

    @property
    def in_good_standing(self) -> bool:
        return self.dues_paid_on is not None


def spending(activities: tuple[ActivityLine, ...]) -> tuple[Spending, ...]:
    """Budget and spending per currency over the activities that have either."""
    totals: dict[str, list[int]] = {}
    for a in activities:
        if a.budget_cents is None and a.spent_cents is None:
            continue
        entry = totals.setdefault(a.currency, [0, 0, 0])
        entry[0] += a.budget_cents or 0
        entry[1] += a.spent_cents or 0
        entry[2] += 1
    return tuple(Spending(c, b, s, n) for c, (b, s, n) in sorted(totals.items()))


def _day(day: dt.date | None) -> str | None:
    return day.isoformat() if day is not None else None


def activity_data(a: ActivityLine) -> dict[str, object]:
    return {
        "id": a.id,
        "partnership_id": a.partnership_id,
        "partner": a.partner,
        "kind": a.kind.value,
        "kind_label": a.kind.label,
        "title": a.title,
        "starts_on": a.starts_on.isoformat(),
        "ends_on": _day(a.ends_on),
        "place": a.place,
        "participants": {role.value: n for role, n in a.participants},
        "members": list(a.members),
        "budget_cents": a.budget_cents,
        "spent_cents": a.spent_cents,
        "currency": a.currency,
        "motion": a.motion,
    }


def gift_data(g: GiftLine) -> dict[str, object]:
    return {
        "id": g.id,
        "direction": g.direction,
        "description": g.description,
        "exchanged_on": _day(g.exchanged_on),
        "counterpart": g.counterpart,
        "partner": g.partner,
        "activity": g.activity,
        "value_cents": g.value_cents,
        "currency": g.currency,
        "city_property": g.city_property,
        "custodian": g.custodian,
        "location": g.location,
        "disposition": g.disposition,
    }


def membership_data(m: MembershipLine | None) -> dict[str, object] | None:
    if m is None:
        return None
    return {
        "year": m.year,
        "dues_paid_on": _day(m.dues_paid_on),
        "dues_cents": m.dues_cents,
        "currency": m.currency,
        "agreement_on_file": m.agreement_on_file,
        "in_good_standing": m.in_good_standing,
    }


def spending_data(totals: tuple[Spending, ...]) -> list[dict[str, object]]:
    return [
        {
            "currency": t.currency,
            "budget_cents": t.budget_cents,
            "spent_cents": t.spent_cents,
            "activities": t.activities,
        }
        for t in totals
    ]
