"""The people-to-people work a tie exists for: activities (exchanges, delegations, sister
schools, events), who took part, gifts given and received, contacts at the partner city and
beyond, and the commission's Sister Cities International membership.

The vocabulary (kinds, roles, directions) and the rules on money: amounts are whole cents
with an ISO 4217 currency code, never floats.
"""

from __future__ import annotations

import re
from enum import StrEnum

DEFAULT_CURRENCY = "USD"
MAX_CENTS = 10**13  # ten billion in any currency: a typing slip, not a programme
MAX_FILE_BYTES = 50_000_000  # an itinerary, a waiver, a photo: not a film (the archive's cap)
_CURRENCY = re.compile(r"[A-Z]{3}")
_AMOUNT = re.compile(r"(\d{1,3}(?:,\d{3})+|\d+)?(?:\.(\d{1,2}))?")
_SYMBOLS = {"USD": "$", "EUR": "€", "JPY": "¥", "GBP": "£", "MXN": "MX$", "RUB": "₽"}


class ActivityKind(StrEnum):
    YOUTH_EXCHANGE = "youth_exchange"
    ADULT_DELEGATION_IN = "adult_delegation_incoming"
    ADULT_DELEGATION_OUT = "adult_delegation_outgoing"
    OFFICIAL_DELEGATION_IN = "official_delegation_incoming"
    OFFICIAL_DELEGATION_OUT = "official_delegation_outgoing"
    SISTER_SCHOOLS = "sister_schools"
    CULTURAL_EVENT = "cultural_event"
    BUSINESS_MISSION = "business_mission"
    VIRTUAL_MEETING = "virtual_meeting"
    HUMANITARIAN_AID = "humanitarian_aid"
    OTHER = "other"

    @property
    def label(self) -> str:
        return _KIND_LABELS[self]


_KIND_LABELS = {
    ActivityKind.YOUTH_EXCHANGE: "Youth exchange",
    ActivityKind.ADULT_DELEGATION_IN: "Adult delegation (incoming)",
    ActivityKind.ADULT_DELEGATION_OUT: "Adult delegation (outgoing)",
    ActivityKind.OFFICIAL_DELEGATION_IN: "Official delegation (incoming)",
    ActivityKind.OFFICIAL_DELEGATION_OUT: "Official delegation (outgoing)",
    ActivityKind.SISTER_SCHOOLS: "Sister schools",
    ActivityKind.CULTURAL_EVENT: "Cultural event",
    ActivityKind.BUSINESS_MISSION: "Business mission",
    ActivityKind.VIRTUAL_MEETING: "Virtual meeting",
    ActivityKind.HUMANITARIAN_AID: "Humanitarian aid",
    ActivityKind.OTHER: "Other",
}


class ParticipantRole(StrEnum):
    MEMBER = "member"  # of the commission
    RESIDENT = "resident"
    STUDENT = "student"
    CHAPERONE = "chaperone"
    HOST_FAMILY = "host_family"

    @property
    def label(self) -> str:
        return "Host family" if self is ParticipantRole.HOST_FAMILY else self.value.capitalize()


class GiftDirection(StrEnum):
    GIVEN = "given"
    RECEIVED = "received"

    @property
    def label(self) -> str:
        return self.value.capitalize()


class ContactRole(StrEnum):
    MAYOR = "mayor"
    INTERNATIONAL_OFFICE = "international_relations"
    PARTNER_COMMITTEE = "partner_committee"
    EMBASSY = "embassy"
    SCI = "sister_cities_international"
    OTHER = "other"

    @property
    def label(self) -> str:
        return _ROLE_LABELS[self]


_ROLE_LABELS = {
    ContactRole.MAYOR: "Mayor",
    ContactRole.INTERNATIONAL_OFFICE: "International relations office",
    ContactRole.PARTNER_COMMITTEE: "Partner committee",
    ContactRole.EMBASSY: "Embassy or consulate",
    ContactRole.SCI: "Sister Cities International",
    ContactRole.OTHER: "Other",
}


def chaperone_problem(role: ParticipantRole, chaperone_role: ParticipantRole | None) -> str:
    """Only a student has a chaperone, and a chaperone is one; '' when fine."""
    if chaperone_role is None:
        return ""
    if role is not ParticipantRole.STUDENT:
        return "only a student travels with a chaperone"
    if chaperone_role is not ParticipantRole.CHAPERONE:
        return "choose a participant taking part as a chaperone"
    return ""


def parse_currency(text: str) -> str:
    """An ISO 4217 code ("usd" → "USD"); ValueError with the message for the field."""
    code = text.strip().upper()
    if not _CURRENCY.fullmatch(code):
        raise ValueError("a three-letter currency code (USD, EUR, JPY …)")
    return code


def parse_amount(text: str) -> int | None:
    """Cents from what a person types: "1,250", "1250.5", "$80.00"; None when blank.

    ValueError with the message for the field when it is not an amount.
    """
    cleaned = text.strip()
    for symbol in sorted(set(_SYMBOLS.values()), key=len, reverse=True):
        cleaned = cleaned.removeprefix(symbol)
    cleaned = cleaned.strip()
    if not cleaned:
        return None
    found = _AMOUNT.fullmatch(cleaned)
    if found is None or not (found.group(1) or found.group(2)):
        raise ValueError("an amount such as 1,250.00 (no minus sign)")
    whole = int((found.group(1) or "0").replace(",", ""))
    cents = whole * 100 + int((found.group(2) or "0").ljust(2, "0"))
    return check_cents(cents)


def check_cents(cents: int) -> int:
    if cents < 0:
        raise ValueError("an amount cannot be negative")
    if cents > MAX_CENTS:
        raise ValueError("too large for an amount")
    return cents


def amount_text(cents: int | None) -> str:
    """Cents as typed back into a field: 125000 → "1,250.00"; None → ""."""
    if cents is None:
        return ""
    return f"{cents // 100:,}.{cents % 100:02d}"


def money_text(cents: int | None, currency: str = DEFAULT_CURRENCY) -> str:
    """As a clerk reads it: "$1,250.00", "¥30,000.00"; a code without a sign after the
    amount ("1,250.00 CHF"); None → "—"."""
    if cents is None:
        return "—"
    symbol = _SYMBOLS.get(currency)
    return f"{symbol}{amount_text(cents)}" if symbol else f"{amount_text(cents)} {currency}"


def spending_problem(budget: int | None, spent: int | None) -> str:
    """A warning (never a refusal) when more was spent than budgeted; '' otherwise."""
    if budget is not None and spent is not None and spent > budget:
        return f"{amount_text(spent - budget)} over budget"
    return ""
