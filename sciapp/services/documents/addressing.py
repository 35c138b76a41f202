"""A contact as a letter and a resolution address it: the inside address (the name in its own
script and in Latin letters, the mayor's title, the organisation, the address lines as the
contact writes them), the salutation, and the line a resolution's "Copies to" gives them.
Pure functions of a `ContactRecord`: the editors fill their fields from these, the clerk
edits what they filled."""

from __future__ import annotations

from typing import TYPE_CHECKING

from sciapp.domain.activities import ContactRole

if TYPE_CHECKING:
    from sciapp.services.partnerships.contacts import ContactRecord


def _title(contact: ContactRecord) -> str:
    if contact.role is ContactRole.MAYOR:
        return f"Mayor of {contact.partner_city}" if contact.partner_city else "Mayor"
    return ""


HOME_COUNTRY = "US"  # sciapp's commissions are American cities': mail to them needs no country


def inside_address(contact: ContactRecord) -> tuple[str, ...]:
    """佐藤 直美 / Naomi Sato / Mayor of Otsu / 大津市役所 / 〒520-8575 / 滋賀県大津市… / JAPAN:
    mail abroad ends with the country in capitals (the UPU's rule), unless the clerk wrote it."""
    latin = contact.name_latin if contact.name_latin != contact.name else ""
    lines = (contact.name, latin, _title(contact), contact.organisation, *contact.address)
    seen: list[str] = []
    for line in lines:
        if line and line not in seen:
            seen.append(line)
    country = _country_line(contact.partner_country)
    if country and not (
        seen and seen[-1].casefold() in (country.casefold(), contact.partner_country.casefold())
    ):
        seen.append(country)
    return tuple(seen)


def _country_line(code: str) -> str:
    if not code or code.upper() == HOME_COUNTRY:
        return ""
    from sciapp.domain.countries import country_name

    return country_name(code).upper()


def salutation(contact: ContactRecord) -> str:
    """ "Dear Mayor Sato:" for a mayor (the last word of the Latin name); else "Dear <name>:"."""
    name = contact.name_latin or contact.name
    if contact.role is ContactRole.MAYOR:
        return f"Dear Mayor {name.split()[-1]}:"
    return f"Dear {name}:"


def copy_line(contact: ContactRecord) -> str:
    """A resolution's recipient: "Naomi Sato, Mayor of Otsu", "Member Services, Sister
    Cities International"; the name in Latin letters where it is known."""
    name = contact.name_latin or contact.name
    what = _title(contact) or contact.organisation
    return f"{name}, {what}" if what and what not in name else name
