"""Resolutions and letters: numbering, editing, adoption from a recorded vote, settings,
and the JSON exchange format (all or nothing)."""

from __future__ import annotations

import datetime as dt
from dataclasses import asdict
from typing import TYPE_CHECKING, Any

from sqlalchemy import func, select

from sciapp.domain.resolutions import RESOLUTION_STATUSES, ResolutionStatus
from sciapp.domain.text import NUMBER
from sciapp.services.clock import utc_now
from sciapp.services.documents.exchange import letter_text_errors, resolution_text_errors
from sciapp.services.documents.letterheads import (
    LetterWriter,
    default_writer,
    letterhead_for,
)
from sciapp.services.documents.letters import apply_letter as _apply_letter
from sciapp.services.documents.letters import check_writer, writer_body
from sciapp.services.documents.letters import letter_record as _letter
from sciapp.services.documents.records import (
    DocumentSettings,
    LetterDraft,
    LetterheadSettings,
    LetterRecord,
    ResolutionDraft,
    ResolutionRecord,
    RollCallNames,
)
from sciapp.services.documents.resolution_rows import (
    SETTINGS_KEY,
    by_number,
    is_locked,
    load_settings,
    resolution_record,
    status_of,
)
from sciapp.services.errors import ImportRejectedError, NotFoundError, ValidationError
from sciapp.services.safekeeping.seals import seal_due
from sciapp.storage.document_models import Letter, Resolution, Setting
from sciapp.storage.meeting_models import Body
from sciapp.storage.sequences import sync_sequences
from sciapp.storage.vote_models import Motion

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

    from sciapp.services.safekeeping.snapshots import SnapshotRenderer
    from sciapp.storage.database import Database

LOCKED = (
    "an adopted resolution is sealed and locked; changing it takes a new motion to rescind "
    "or amend it, or a new resolution that supersedes it"
)


class DocumentService:
    def __init__(self, db: Database, *, snapshots: SnapshotRenderer) -> None:
        self._db = db
        self._snapshots = snapshots  # what sealing an adopted resolution keeps of it

    # -- settings --------------------------------------------------------------------------

    def settings(self) -> DocumentSettings:
        with self._db.session() as session:
            return load_settings(session)

    def save_settings(self, settings: DocumentSettings) -> None:
        try:
            settings.numbering.format(year=2000, seq=1)
        except (KeyError, ValueError, IndexError) as exc:
            raise ValidationError(
                {"numbering": f"use {{year}} and {{seq}}, e.g. {{year}}-{{seq:02}} ({exc})"}
            ) from exc
        with self._db.session() as session, session.begin():
            session.merge(Setting(key=SETTINGS_KEY, value=asdict(settings)))

    def letterhead(self, body_id: int | None) -> LetterheadSettings:
        """What a document of this body prints on: its own letterhead, else the general."""
        with self._db.session() as session:
            return letterhead_for(session, body_id)

    def letter_writer(self, kind: str, today: dt.date) -> LetterWriter:
        """Who writes and signs a new letter from the body of this kind ("commission")."""
        with self._db.session() as session:
            return default_writer(session, kind, today)

    # -- resolutions -----------------------------------------------------------------------

    def list_resolutions(self) -> list[ResolutionRecord]:
        with self._db.session() as session:
            rows = session.scalars(select(Resolution).order_by(Resolution.year, Resolution.seq))
            return [resolution_record(session, r) for r in rows]

    def resolution(self, number: str) -> ResolutionRecord:
        with self._db.session() as session:
            return resolution_record(session, by_number(session, number))

    def create_resolution(
        self, draft: ResolutionDraft, year: int | None = None, number: str | None = None
    ) -> ResolutionRecord:
        """A new draft, numbered by the scheme in settings ({year}-{seq:02}, restarting each
        year) unless `number` is given (an import)."""
        _check_draft(draft)
        scheme = self.settings().numbering
        year = year or dt.date.today().year
        with self._db.session() as session, session.begin():
            _body(session, draft.body_id)
            _check_supersedes(session, draft.supersedes, number)
            seq = (
                session.scalar(select(func.max(Resolution.seq)).where(Resolution.year == year)) or 0
            ) + 1
            number = number or scheme.format(year=year, seq=seq)
            if session.scalar(select(Resolution.id).where(Resolution.number == number)):
                raise ValidationError({"number": f"resolution {number} already exists"})
            row = Resolution(
                number=number,
                year=year,
                seq=seq,
                status=ResolutionStatus.DRAFT.value,
                created_at=utc_now(),
            )
            _apply(row, draft)
            session.add(row)
            session.flush()
            return resolution_record(session, row)

    def update_resolution(self, number: str, draft: ResolutionDraft) -> ResolutionRecord:
        _check_draft(draft)
        with self._db.session() as session, session.begin():
            row = by_number(session, number)
            if is_locked(session, row):
                raise ValidationError({"status": LOCKED})
            _body(session, draft.body_id)
            _check_supersedes(session, draft.supersedes, number)
            _apply(row, draft)
            return resolution_record(session, row)

    def link_motion(self, number: str, motion_id: int | None) -> ResolutionRecord:
        """The motion that adopts the resolution: its vote fills the adoption block. Once
        adopted it is sealed: the link can no longer change (nor be removed)."""
        with self._db.session() as session, session.begin():
            row = by_number(session, number)
            if is_locked(session, row):
                raise ValidationError({"motion": LOCKED})
            if motion_id is not None and session.get(Motion, motion_id) is None:
                raise NotFoundError(f"Motion {motion_id} does not exist.")
            row.motion_id = motion_id
            seal_due(session, self._db.audit.actor, self._snapshots)
            return resolution_record(session, row)

    def set_status(
        self,
        number: str,
        status: str,
        adopted_on: dt.date | None = None,
        votes: RollCallNames | None = None,
    ) -> ResolutionRecord:
        """Set by hand where no motion is linked (withdrawn, or a vote recorded elsewhere)."""
        if status not in RESOLUTION_STATUSES:
            raise ValidationError({"status": f"one of {', '.join(RESOLUTION_STATUSES)}"})
        if status == ResolutionStatus.ADOPTED and adopted_on is None:
            raise ValidationError({"adopted_on": "an adopted resolution needs its date"})
        with self._db.session() as session, session.begin():
            row = by_number(session, number)
            if row.motion_id is not None:
                raise ValidationError({"status": "the linked motion's vote decides the status"})
            if is_locked(session, row):  # adopted once, adopted for good: not even its date
                raise ValidationError({"status": LOCKED})
            row.status = status
            row.adopted_on = adopted_on
            row.votes = asdict(votes) if votes else None
            seal_due(session, self._db.audit.actor, self._snapshots)
            return resolution_record(session, row)

    # -- letters ---------------------------------------------------------------------------

    def list_letters(self) -> list[LetterRecord]:
        with self._db.session() as session:
            return [_letter(r) for r in session.scalars(select(Letter).order_by(Letter.id))]

    def letter(self, letter_id: int) -> LetterRecord:
        with self._db.session() as session:
            row = session.get(Letter, letter_id)
            if row is None:
                raise NotFoundError(f"Letter {letter_id} does not exist.")
            return _letter(row)

    def save_letter(self, draft: LetterDraft, letter_id: int | None = None) -> LetterRecord:
        errors = letter_text_errors(draft)
        if not draft.salutation.strip():
            errors["salutation"] = "enter the salutation, such as \u201cDear Mayor:\u201d"
        if not any(line.strip() for line in draft.to):
            errors["to"] = "enter the inside address"
        if not any(p.strip() for p in draft.body):
            errors["body"] = "the letter has no text"
        if errors:
            raise ValidationError(errors)
        with self._db.session() as session, session.begin():
            check_writer(session, draft.body_id)
            row = session.get(Letter, letter_id) if letter_id is not None else None
            if row is None:
                row = Letter(id=letter_id, created_at=utc_now())
                session.add(row)
            _apply_letter(row, draft)
            session.flush()
            return _letter(row)

    # -- exchange format -------------------------------------------------------------------

    def export_json(self) -> dict[str, Any]:
        resolutions = []
        for r in self.list_resolutions():
            item: dict[str, Any] = {
                "number": r.number,
                "title": r.title,
                "body": r.body_name,
                "preamble": list(r.preamble),
                "operative": list(r.operative),
                "status": r.status,
            }
            if r.distribution:
                item["distribution"] = list(r.distribution)
            if r.sections:
                item["sections"] = True
            if r.adopted_on:
                item["adopted_on"] = r.adopted_on.isoformat()
            if r.votes:
                item["votes"] = r.votes.as_data()
            resolutions.append(item)
        with self._db.session() as session:
            query = select(Body.id, Body.name, Body.kind)
            writers = {row.id: (row.name, row.kind) for row in session.execute(query)}
        letters = []
        for letter in self.list_letters():
            d = letter.draft
            item = {
                "id": letter.id,
                "date": d.date.isoformat(),
                "to": list(d.to),
                "salutation": d.salutation,
                "body": list(d.body),
                "closing": d.closing,
                "signers": [asdict(s) for s in d.signers],
            }
            for key in ("subject", "attention", "initials"):
                if getattr(d, key):
                    item[key] = getattr(d, key)
            for key in ("cc", "enclosures"):
                if getattr(d, key):
                    item[key] = list(getattr(d, key))
            if d.body_id in writers:
                item["from"], item["from_kind"] = writers[d.body_id]
            letters.append(item)
        return {"resolutions": resolutions, "letters": letters}

    def import_json(self, content: bytes) -> tuple[int, int]:
        """Check everything, then write it all in one transaction; returns the counts."""
        from sciapp.services.documents.exchange import parse_documents

        parsed = parse_documents(content)  # raises ImportRejectedError with every problem
        with self._db.session() as session, session.begin():
            problems = []
            existing = set(session.scalars(select(Resolution.number)))
            for r in parsed.resolutions:
                if r.number in existing:
                    problems.append(f"resolutions[{r.index}].number: {r.number} already exists")
            letter_ids = set(session.scalars(select(Letter.id)))
            for letter in parsed.letters:
                if letter.id is not None and letter.id in letter_ids:
                    problems.append(
                        f"letters[{letter.index}].id: letter {letter.id} already exists"
                    )
            if problems:
                raise ImportRejectedError(problems)
            bodies = {b.name.casefold(): b for b in session.scalars(select(Body))}
            now = utc_now()
            for r in parsed.resolutions:
                body = bodies.get(r.body.casefold())
                if body is None:  # the adopting body is created if it does not exist yet
                    body = Body(
                        name=r.body,
                        kind="council",
                        seats=max(1, r.member_count),
                        profile="none",
                        usual_agenda="",
                        quorum_counts_seats=False,
                        default_rule="majority-cast",
                        chair_voting="always",
                    )
                    session.add(body)
                    session.flush()
                    bodies[r.body.casefold()] = body
                seq = (
                    session.scalar(
                        select(func.max(Resolution.seq)).where(Resolution.year == r.year)
                    )
                    or 0
                ) + 1
                row = Resolution(
                    number=r.number,
                    year=r.year,
                    seq=seq,
                    created_at=now,
                    status=r.status,
                    adopted_on=r.adopted_on,
                    votes=asdict(r.votes) if r.votes else None,
                )
                _apply(
                    row,
                    ResolutionDraft(
                        r.title, body.id, r.preamble, r.operative, r.distribution, r.sections
                    ),
                )
                session.add(row)
            for letter in parsed.letters:
                letter_row = Letter(id=letter.id, created_at=now)
                _apply_letter(letter_row, letter.draft)
                if letter.writer:  # created, like an adopting body, if it does not exist yet
                    writer = writer_body(session, bodies, letter.writer, letter.writer_kind)
                    letter_row.body_id = writer.id
                session.add(letter_row)
            session.flush()
            sync_sequences(session.connection(), [Letter.__tablename__])
            seal_due(session, self._db.audit.actor, self._snapshots)
        return len(parsed.resolutions), len(parsed.letters)


def _check_draft(draft: ResolutionDraft) -> None:
    errors = resolution_text_errors(draft)  # the same caps as the documents JSON import
    if not draft.title.strip():
        errors["title"] = "enter the resolution's title"
    if not any(c.strip() for c in draft.operative):
        errors["operative"] = "a resolution resolves something: add an operative clause"
    if errors:
        raise ValidationError(errors)


def _apply(row: Resolution, draft: ResolutionDraft) -> None:
    row.title = draft.title.strip()
    row.body_id = draft.body_id
    row.preamble = [c.strip() for c in draft.preamble if c.strip()]
    row.operative = [c.strip() for c in draft.operative if c.strip()]
    row.distribution = [c.strip() for c in draft.distribution if c.strip()]
    row.sections = draft.sections
    row.supersedes = draft.supersedes.strip() or None  # NULL: old digests stay intact


def _body(session: Session, body_id: int) -> Body:
    body = session.get(Body, body_id)
    if body is None:
        raise ValidationError({"body": f"body {body_id} does not exist"})
    return body


def _check_supersedes(session: Session, supersedes: str, number: str | None) -> None:
    """A resolution replaces only one already adopted (never itself): the old one keeps its
    sealed text and shows "superseded by" the new one once that is adopted."""
    if not supersedes:
        return
    if len(supersedes) > NUMBER:
        raise ValidationError({"supersedes": f"a resolution number is at most {NUMBER} long"})
    if supersedes == number:
        raise ValidationError({"supersedes": "a resolution cannot supersede itself"})
    old = session.scalar(select(Resolution).where(Resolution.number == supersedes))
    if old is None:
        raise ValidationError({"supersedes": f"resolution {supersedes} does not exist"})
    if status_of(session, old) != ResolutionStatus.ADOPTED:
        raise ValidationError(
            {"supersedes": f"resolution {supersedes} was not adopted: edit it instead"}
        )
