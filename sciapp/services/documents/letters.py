"""A letter's row and its record, and the body that writes it (whose letterhead heads it)."""

from __future__ import annotations

from dataclasses import asdict
from typing import TYPE_CHECKING

from sciapp.services.documents.records import LetterDraft, LetterRecord, Person
from sciapp.services.errors import ValidationError
from sciapp.storage.meeting_models import Body

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

    from sciapp.storage.document_models import Letter


def writer_body(session: Session, bodies: dict[str, Body], name: str, kind: str) -> Body:
    """The body called `name` (case aside) among `bodies`, made (and added) if there is none."""
    body = bodies.get(name.casefold())
    if body is None:
        body = Body(
            name=name,
            kind=kind or "commission",
            seats=1,
            profile="none",
            usual_agenda="",
            quorum_counts_seats=False,
            default_rule="majority-cast",
            chair_voting="always",
        )
        session.add(body)
        session.flush()
        bodies[name.casefold()] = body
    return body


def check_writer(session: Session, body_id: int | None) -> None:
    if body_id is not None and session.get(Body, body_id) is None:
        raise ValidationError({"body": f"body {body_id} does not exist"})


def apply_letter(row: Letter, d: LetterDraft) -> None:
    row.date = d.date
    row.recipient = list(d.to)
    row.attention, row.subject, row.initials = d.attention, d.subject, d.initials
    row.salutation, row.closing = d.salutation, d.closing
    row.body = list(d.body)
    row.signers = [asdict(s) for s in d.signers]
    row.enclosures = list(d.enclosures)
    row.cc = list(d.cc)
    row.body_id = d.body_id


def letter_record(row: Letter) -> LetterRecord:
    return LetterRecord(
        row.id,
        LetterDraft(
            date=row.date,
            to=tuple(row.recipient),
            salutation=row.salutation,
            body=tuple(row.body),
            closing=row.closing,
            signers=tuple(Person(**s) for s in row.signers),
            subject=row.subject,
            attention=row.attention,
            initials=row.initials,
            enclosures=tuple(row.enclosures),
            cc=tuple(row.cc),
            body_id=row.body_id,
        ),
    )
