"""What a partnership record is, and how raw input (a form, a CSV row) becomes one."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum
from functools import lru_cache

from sciapp.domain.countries import resolve_country
from sciapp.domain.dates import FORMAT_HINT, PartialDate
from sciapp.domain.errors import InvalidInputError
from sciapp.domain.text import NAME, NOTES, TextCheck

MAX_NAME = NAME
MAX_NOTES = NOTES


class Kind(StrEnum):
    SISTER = "sister_city"
    FRIENDSHIP = "friendship_city"

    @property
    def label(self) -> str:
        return {Kind.SISTER: "Sister city", Kind.FRIENDSHIP: "Friendship city"}[self]

    @classmethod
    def parse(cls, text: str) -> Kind:
        """Accept "sister", "Sister City", "sister_city", "friendship" in any case."""
        return _kind(text)


@lru_cache(maxsize=256)  # an imported file spells it the same way thousands of times
def _kind(text: str) -> Kind:
    key = " ".join((text or "").replace("_", " ").replace("-", " ").split()).casefold()
    key = key.removesuffix(" city")
    for kind in Kind:
        if key == kind.value.removesuffix("_city"):
            return kind
    raise ValueError("use sister or friendship")


@dataclass(frozen=True)
class PartnershipDraft:
    """Raw text as typed into the form or read from a file."""

    kind: str = Kind.SISTER.value
    partner_city: str = ""
    partner_country: str = ""
    local_jurisdiction: str = ""
    partner_city_native: str = ""
    partner_region: str = ""
    established: str = ""
    local_signatory_name: str = ""
    local_signatory_title: str = ""
    partner_signatory_name: str = ""
    partner_signatory_title: str = ""
    no_expiry: bool = True
    expires: str = ""
    notes: str = ""


@dataclass(frozen=True)
class PartnershipData:
    """A valid partnership: cleaned text, typed values, country as ISO alpha-2."""

    kind: Kind
    partner_city: str
    partner_country: str
    local_jurisdiction: str = ""
    partner_city_native: str = ""
    partner_region: str = ""
    established: PartialDate | None = None
    local_signatory_name: str = ""
    local_signatory_title: str = ""
    partner_signatory_name: str = ""
    partner_signatory_title: str = ""
    expires: PartialDate | None = None  # None: the agreement has no expiry
    notes: str = ""

    def identity(self) -> tuple[str, str, str, str]:
        """Two records with the same identity are the same tie (kind, city, country, local)."""
        return identity_key(
            self.kind.value, self.partner_city, self.partner_country, self.local_jurisdiction
        )


def identity_key(kind: str, city: str, country: str, local: str) -> tuple[str, str, str, str]:
    return (kind, " ".join(city.split()).casefold(), country, " ".join(local.split()).casefold())


_TEXT_FIELDS = (
    "partner_city",
    "local_jurisdiction",
    "partner_city_native",
    "partner_region",
    "local_signatory_name",
    "local_signatory_title",
    "partner_signatory_name",
    "partner_signatory_title",
)


def parse_partnership(draft: PartnershipDraft) -> PartnershipData:
    """Validate a draft; raise InvalidInputError naming every bad field at once."""
    check = TextCheck()  # no control or invisible characters, and the column's length
    text = {name: check.name(name, getattr(draft, name)) for name in _TEXT_FIELDS}
    notes = check.text("notes", draft.notes.strip(), MAX_NOTES)
    errors = check.errors
    if not text["partner_city"] and "partner_city" not in errors:
        errors["partner_city"] = "enter the partner city"

    kind: Kind | None = None
    try:
        kind = Kind.parse(draft.kind)
    except ValueError as exc:
        errors["kind"] = str(exc)

    country = resolve_country(draft.partner_country)
    if not draft.partner_country.strip():
        errors["partner_country"] = "choose the partner's country"
    elif country is None:
        shown = draft.partner_country.strip()
        shown = shown if len(shown) <= 60 else shown[:59] + "…"
        errors["partner_country"] = f"no country called {shown!r}"

    established = _date(draft.established, "established", errors)
    expires = None
    if not draft.no_expiry:
        expires = _date(draft.expires, "expires", errors)
        if expires is None and "expires" not in errors:
            errors["expires"] = "enter the end date, or tick No expiry"
        elif expires and established and expires.surely_before(established):
            errors["expires"] = "must not be before the established date"

    if errors:
        raise InvalidInputError(errors)
    assert kind is not None
    assert country is not None
    return PartnershipData(
        kind=kind,
        partner_country=country,
        established=established,
        expires=expires,
        notes=notes,
        **text,
    )


def _date(text: str, field: str, errors: dict[str, str]) -> PartialDate | None:
    try:
        return PartialDate.parse_optional(text)
    except ValueError as exc:
        errors[field] = str(exc) if "use" in str(exc) else f"{exc} (use {FORMAT_HINT})"
        return None
