"""Letterheads: each body may have its own, with its own signers (body.letterhead, 0008);
a body without one, and a letter that names no body, print on the register's general
letterhead (the documents setting). A resolution prints on its adopting body's, minutes and
agendas on their meeting's body's, a letter on its writing body's."""

from __future__ import annotations

from dataclasses import asdict, dataclass, fields
from typing import TYPE_CHECKING, Any

from sqlalchemy import select

from sciapp.domain.text import NAME, TextCheck
from sciapp.services.documents.records import DocumentSettings, LetterheadSettings, Person
from sciapp.storage.document_models import Setting
from sciapp.storage.meeting_models import Body, Member

if TYPE_CHECKING:
    import datetime as dt

    from sqlalchemy.orm import Session

SETTINGS_KEY = "documents"
PAPERS = ("letter", "a4")


@dataclass(frozen=True)
class LetterWriter:
    """Who writes a letter by default: the body (None: the general letterhead) and its signer."""

    body_id: int | None
    signer: Person


def letterhead_from(data: dict[str, Any]) -> LetterheadSettings:
    attorney = data.get("attorney")
    return LetterheadSettings(
        name=data.get("name", LetterheadSettings.name),
        address=tuple(data.get("address", ())),
        phone=data.get("phone", ""),
        web=data.get("web", ""),
        seal=data.get("seal", ""),
        paper=data.get("paper", "letter"),
        presiding=Person(**data["presiding"]) if "presiding" in data else Person("", "Mayor"),
        clerk=Person(**data["clerk"]) if "clerk" in data else Person("", "City Clerk"),
        attorney=Person(**attorney) if attorney else None,
    )


def letterhead_data(head: LetterheadSettings) -> dict[str, Any]:
    """As stored: the fields of a letterhead only (no numbering)."""
    data = asdict(head)
    return {f.name: data[f.name] for f in fields(LetterheadSettings)}


def settings_from(data: dict[str, Any]) -> DocumentSettings:
    """The documents setting as stored: the general letterhead and the numbering."""
    head = letterhead_from(data)
    return DocumentSettings(
        **{f.name: getattr(head, f.name) for f in fields(head)},
        numbering=data.get("numbering", "{year}-{seq:02}"),
    )


def general(session: Session) -> DocumentSettings:
    row = session.get(Setting, SETTINGS_KEY)
    return settings_from(row.value) if row else DocumentSettings()


def own(body: Body | None) -> LetterheadSettings | None:
    return letterhead_from(body.letterhead) if body is not None and body.letterhead else None


def letterhead_for(session: Session, body_id: int | None) -> LetterheadSettings:
    """The letterhead a document of this body prints on."""
    body = session.get(Body, body_id) if body_id is not None else None
    return own(body) or general(session).letterhead


def address_of(session: Session, body_id: int | None) -> tuple[str, ...]:
    """The address lines body `body_id`'s letterhead prints (None: the general letterhead's):
    where the partner laws look for the commission's state (partnerships/laws.py)."""
    return tuple(letterhead_for(session, body_id).address)


def check_letterhead(head: LetterheadSettings) -> dict[str, str]:
    """Errors by field; an empty dict when the letterhead can be saved."""
    text = TextCheck()
    text.name("letterhead", head.name, NAME, required="enter the name the letterhead prints")
    for person in (head.presiding, head.clerk, head.attorney):
        if person is not None:
            text.name("signers", person.name, NAME)
            text.name("signers", person.title, NAME)
    errors = text.errors
    if head.paper not in PAPERS:
        errors["paper"] = f"one of {', '.join(PAPERS)}"
    return errors


def default_writer(session: Session, kind: str, today: dt.date) -> LetterWriter:
    """The body of this kind ("commission", "council") writes the letter; its chair in
    office signs (with the title its letterhead gives the chair, if it names them), else
    the presiding signer of its letterhead. No such body: the general letterhead's signer."""
    body = session.scalars(select(Body).where(Body.kind == kind).order_by(Body.id)).first()
    if body is None:
        return LetterWriter(None, general(session).presiding)
    head = letterhead_for(session, body.id)
    query = select(Member).where(Member.body_id == body.id, Member.office == "chair")
    for member in session.scalars(query.order_by(Member.term_start.desc())):
        if member.term_start <= today and (member.term_end is None or today <= member.term_end):
            if head.presiding.name == member.name and own(body) is not None:
                return LetterWriter(body.id, head.presiding)
            return LetterWriter(body.id, Person(member.name, f"Chair, {body.name}"))
    return LetterWriter(body.id, head.presiding)
