"""Sealed copies as the reports print them. `SEALED_COPIES.take` renders the snapshot a seal
keeps (the `SnapshotRenderer` the workspace hands to sealing, safekeeping/snapshots.py);
`printed_minutes` and `printed_resolution` print a sealed record from its snapshot, with
what came after it (corrections, a superseding or rescinding act) beside it, never in it."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sqlalchemy import select

from sciapp.services.errors import ServiceError
from sciapp.services.safekeeping.snapshots import image_digest, seal_row, sound_snapshot

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

    from sciapp.pdf.model import Letterhead, MinutesDoc, ResolutionDoc


class SealedCopies:
    """The reports' `SnapshotRenderer`: what sealing stores of a record."""

    def take(self, session: Session, kind: str, record_id: int) -> str:
        return take(session, kind, record_id)


SEALED_COPIES = SealedCopies()


def take(session: Session, kind: str, record_id: int) -> str:
    """The snapshot of a record about to be sealed, as canonical JSON."""
    from sciapp.pdf.serial import canonical, to_data

    doc: MinutesDoc | ResolutionDoc
    if kind == "minutes":
        # One model of the minutes, built once: the PDF's document and the text from it.
        from sciapp.services.documents.letterheads import letterhead_for
        from sciapp.services.meetings.minutes import minutes_text_parts
        from sciapp.services.meetings.minutes_build import build_minutes
        from sciapp.services.reports.doc_models import letterhead, minutes_document

        minutes = build_minutes(session, record_id)
        head = letterhead(letterhead_for(session, minutes.body_id))  # the meeting body's
        doc = _uncorrected(minutes_document(minutes, head))
        data: dict[str, Any] = {
            "document": to_data(doc),
            "text": to_data(minutes_text_parts(minutes)),
        }
    else:
        doc = _resolution_doc_now(session, record_id)
        data = {"document": to_data(doc)}
    data["letterhead_seal_sha256"] = image_digest(session, doc.letterhead.seal)
    return canonical(data)


def printed_minutes(session: Session, meeting_id: int) -> MinutesDoc:
    """As sealed when approved (with today's corrections beside), else as they stand."""
    from sciapp.pdf.model import MinutesDoc

    seal = seal_row(session, "minutes", meeting_id)
    data = sound_snapshot(seal)
    if seal is None or data is None:
        doc = minutes_doc_now(session, meeting_id)
        return replace(doc, seal_digest=seal.digest if seal else "")
    from sciapp.domain.minutes_words import correction_date
    from sciapp.pdf.serial import from_data

    doc = from_data(MinutesDoc, data["document"])
    ids = [item_id for item_id, _lines in data["text"]["items"]]
    by_item: dict[int | None, list[tuple[str, str, str]]] = {}
    for c in _corrections(session, meeting_id):
        by_item.setdefault(c.item_id, []).append(
            (correction_date(c.approved_on), c.original_text, c.corrected_text)
        )

    def corrections_at(index: int) -> tuple[tuple[str, str, str], ...]:
        item_id = ids[index] if index < len(ids) else None  # None: public comment's own
        return tuple(by_item.get(item_id, ())) if item_id is not None else ()

    items = tuple(replace(item, corrections=corrections_at(i)) for i, item in enumerate(doc.items))
    head = _checked_letterhead(session, doc.letterhead, data)
    return replace(doc, items=items, letterhead=head, seal_digest=seal.digest)


def printed_resolution(session: Session, number: str) -> ResolutionDoc:
    """As sealed when adopted, else as it stands; a later resolution that supersedes it, or
    a motion that rescinded it, is noted beside the sealed text, never written into it."""
    from sciapp.pdf.model import ResolutionDoc
    from sciapp.services.documents.resolution_rows import by_number, rescinded_by, superseded_by
    from sciapp.services.reports.doc_models import resolution_doc

    row = by_number(session, number)
    seal = seal_row(session, "resolution", row.id)
    data = sound_snapshot(seal)
    if seal is None or data is None:
        doc = resolution_doc(session, number)
    else:
        from sciapp.pdf.serial import from_data

        doc = from_data(ResolutionDoc, data["document"])
        doc = replace(doc, letterhead=_checked_letterhead(session, doc.letterhead, data))
    notes = []
    newer = superseded_by(session, row)
    if newer:
        notes.append(f"Superseded by Resolution {newer}.")
    if rescinded_by(session, row) is not None:
        notes.append("Rescinded by a later motion.")
    return replace(doc, seal_digest=seal.digest if seal else "", notice=" ".join(notes))


def minutes_doc_now(session: Session, meeting_id: int) -> MinutesDoc:
    from sciapp.services.reports.doc_models import minutes_doc

    return minutes_doc(session, meeting_id)


def _uncorrected(doc: MinutesDoc) -> MinutesDoc:
    return replace(doc, items=tuple(replace(i, corrections=()) for i in doc.items))


def _resolution_doc_now(session: Session, resolution_id: int) -> ResolutionDoc:
    from sciapp.services.reports.doc_models import resolution_doc
    from sciapp.storage.document_models import Resolution

    row = session.get(Resolution, resolution_id)
    if row is None:
        raise ServiceError(f"Resolution {resolution_id} does not exist.")
    return resolution_doc(session, row.number)


def _corrections(session: Session, meeting_id: int) -> list[Any]:
    from sciapp.services.meetings.detail import to_detail
    from sciapp.services.meetings.service import load_meeting

    return list(to_detail(session, load_meeting(session, meeting_id)).corrections)


def _checked_letterhead(session: Session, head: Letterhead, data: dict[str, Any]) -> Letterhead:
    """The seal image prints only if it is still the image that was sealed: where it was
    then, or where a letterhead (the general one or a body's) keeps it now (an archive
    moved it to another folder)."""
    if head.seal is None:
        return head
    sealed = data.get("letterhead_seal_sha256")
    if image_digest(session, head.seal) == sealed:
        return head
    from sciapp.services.documents.letterheads import general, own
    from sciapp.storage.meeting_models import Body

    heads = [general(session), *(own(b) for b in session.scalars(select(Body)))]
    for current in (h.seal for h in heads if h is not None and h.seal):
        if image_digest(session, Path(current)) == sealed:
            return replace(head, seal=Path(current))
    return replace(head, seal=None)
