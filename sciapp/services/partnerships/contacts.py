"""Contacts at each partner city (the mayor, the international-relations office, the partner
committee) and beyond any one tie (an embassy or consulate, Sister Cities International),
with the name and address in their own script and the name in Latin letters.

A letter's inside address is `ContactRecord.address_block`: the name, the organisation and
the address lines as the contact writes them."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

from sqlalchemy import select

from sciapp.domain.activities import ContactRole
from sciapp.domain.text import EMAIL, NAME, PHONE, ROLE, TITLE, TextCheck, clean_name
from sciapp.services.errors import NotFoundError, ValidationError
from sciapp.storage.activity_models import Contact
from sciapp.storage.models import Partnership

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

    from sciapp.storage.database import Database

TABLE = "contact"
MAX_ADDRESS_LINES = 10
_EMAIL = re.compile(r"[^@\s]+@[^@\s]+\.[^@\s]+")


@dataclass(frozen=True)
class ContactDraft:
    role: ContactRole
    name: str  # in its own script: 佐藤 直美
    partnership_id: int | None = None  # None: beyond any one tie
    name_latin: str = ""  # Naomi Sato
    organisation: str = ""
    address: tuple[str, ...] = ()  # lines, in the script the post uses there
    email: str = ""
    phone: str = ""
    language: str = ""
    notes: str = ""


@dataclass(frozen=True)
class ContactRecord:
    id: int
    partnership_id: int | None
    partner_city: str  # "" for a contact beyond any one tie
    role: ContactRole
    name: str
    name_latin: str
    organisation: str
    address: tuple[str, ...]
    email: str
    phone: str
    language: str
    notes: str
    partner_country: str = ""  # the tie's country (ISO code); "" for a contact beyond any one

    @property
    def shown_name(self) -> str:
        """ "佐藤 直美 (Naomi Sato)"; the one name when only one is known or both agree."""
        if self.name_latin and self.name_latin != self.name:
            return f"{self.name} ({self.name_latin})"
        return self.name

    @property
    def address_block(self) -> tuple[str, ...]:
        """A letter's inside address: name, organisation, address lines."""
        lines = (self.name, self.organisation, *self.address)
        return tuple(line for line in lines if line)


class ContactService:
    def __init__(self, db: Database) -> None:
        self._db = db

    def list(self, partnership_id: int | None = None, everyone: bool = True) -> list[ContactRecord]:
        """Contacts by role and name: every one, or one tie's (and, with `everyone`, those
        beyond any tie, which every tie's letters may address)."""
        with self._db.session() as session:
            query = select(Contact).order_by(
                Contact.partnership_id.is_(None), Contact.partnership_id, Contact.role, Contact.name
            )
            if partnership_id is not None:
                _partnership(session, partnership_id)
                wanted = Contact.partnership_id == partnership_id
                query = query.where(
                    wanted | Contact.partnership_id.is_(None) if everyone else wanted
                )
            return [_record(session, row) for row in session.scalars(query)]

    def get(self, contact_id: int) -> ContactRecord:
        with self._db.session() as session:
            return _record(session, _load(session, contact_id))

    def add(self, draft: ContactDraft) -> ContactRecord:
        with self._db.session() as session, session.begin():
            row = Contact()
            _apply(session, row, draft)
            session.add(row)
            session.flush()
            return _record(session, row)

    def update(self, contact_id: int, draft: ContactDraft) -> ContactRecord:
        with self._db.session() as session, session.begin():
            row = _load(session, contact_id)
            _apply(session, row, draft)
            session.flush()
            return _record(session, row)

    def delete(self, contact_id: int) -> None:
        with self._db.session() as session, session.begin():
            session.delete(_load(session, contact_id))


def _partnership(session: Session, partnership_id: int) -> Partnership:
    row = session.get(Partnership, partnership_id)
    if row is None:
        raise NotFoundError(f"Partnership {partnership_id} does not exist (deleted?).")
    return row


def _load(session: Session, contact_id: int) -> Contact:
    row = session.get(Contact, contact_id)
    if row is None:
        raise NotFoundError(f"Contact {contact_id} does not exist (deleted?).")
    return row


def _apply(session: Session, row: Contact, draft: ContactDraft) -> None:
    check = TextCheck()
    name = check.name("name", draft.name, NAME, "the contact's name")
    name_latin = check.name("name_latin", draft.name_latin, NAME)
    organisation = check.name("organisation", draft.organisation, NAME)
    email = check.name("email", draft.email, EMAIL)
    phone = check.name("phone", draft.phone, PHONE)
    language = check.name("language", draft.language, ROLE)
    notes = check.text("notes", draft.notes)
    lines = tuple(line for line in (x.strip() for x in draft.address) if line)
    errors = check.errors
    if len(lines) > MAX_ADDRESS_LINES:
        errors["address"] = f"at most {MAX_ADDRESS_LINES} lines (this has {len(lines)})"
    else:
        for number, line in enumerate(lines, start=1):
            try:
                clean_name(line, TITLE)
            except ValueError as exc:
                errors["address"] = f"line {number}: {exc}"
                break
    if email and not _EMAIL.fullmatch(email):
        errors["email"] = "an address such as name@example.org"
    try:
        role = ContactRole(draft.role)
    except ValueError:
        errors["role"] = "choose one of the roles listed"
        role = ContactRole.OTHER
    if draft.partnership_id is not None and session.get(Partnership, draft.partnership_id) is None:
        errors["partnership_id"] = "choose a partnership of the register"
    if errors:
        raise ValidationError(errors, TABLE)
    row.partnership_id = draft.partnership_id
    row.role = role.value
    row.name = name
    row.name_latin = name_latin
    row.organisation = organisation
    row.address = list(lines)
    row.email = email
    row.phone = phone
    row.language = language
    row.notes = notes


def _record(session: Session, row: Contact) -> ContactRecord:
    partnership = session.get(Partnership, row.partnership_id) if row.partnership_id else None
    return ContactRecord(
        id=row.id,
        partnership_id=row.partnership_id,
        partner_city=partnership.partner_city if partnership is not None else "",
        role=ContactRole(row.role),
        name=row.name,
        name_latin=row.name_latin,
        organisation=row.organisation,
        address=tuple(row.address or ()),
        email=row.email,
        phone=row.phone,
        language=row.language,
        notes=row.notes,
        partner_country=partnership.partner_country if partnership is not None else "",
    )


def delete_for_tie(session: Session, partnership_id: int) -> None:
    """A tie's own contacts, deleted with it through the ORM (so each is in the trail)."""
    for row in session.scalars(select(Contact).where(Contact.partnership_id == partnership_id)):
        session.delete(row)
    session.flush()
