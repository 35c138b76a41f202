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


def inside_address(contact: ContactRecord) -> tuple[str, ...]:
    """佐藤 直美 / Naomi Sato / Mayor of Otsu / 大津市役所 / 〒520-8575 / 滋賀県大津市…"""
    latin = contact.name_latin if contact.name_latin != contact.name else ""
    lines = (contact.name, latin, _title(contact), contact.organisation, *contact.address)
    seen: list[str] = []
    for line in lines:
        if line and line not in seen:
            seen.append(line)
    return tuple(seen)


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
