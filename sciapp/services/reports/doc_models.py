"""The plain document models of the records as they stand now (no seal digest), built in a
session: what a seal snapshots (reports/sealed_copies.py) and what the PDFs of unsealed
records print (reports/rendering.py)."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

    from sciapp.domain.minutes_model import Minutes
    from sciapp.pdf.model import Letterhead, MinutesDoc, ResolutionDoc
    from sciapp.services.documents.records import LetterheadSettings, ResolutionDraft
    from sciapp.services.reports.sources import ReportSources

NOT_NUMBERED = "(new)"  # a new resolution's preview: its number comes when it is saved


def letterhead(settings: LetterheadSettings, workspace: ReportSources | None = None) -> Letterhead:
    from sciapp.pdf.model import Letterhead

    seal = Path(settings.seal) if settings.seal else None
    if workspace is not None:  # a stored path is relative to the database's folder
        from sciapp.services.safekeeping.attachments import resolve

        seal = resolve(workspace.db, settings.seal)
    return Letterhead(
        settings.name, settings.address, settings.phone, settings.web, seal, settings.paper
    )


def resolution_doc(
    session: Session, number: str | None, draft: ResolutionDraft | None = None
) -> ResolutionDoc:
    """The resolution as it stands now (no seal digest): what a seal snapshots. Number None
    with a `draft`: a new resolution's preview, numbered once it is saved."""
    from dataclasses import replace

    from sciapp.pdf.model import ResolutionDoc, Signer, Votes
    from sciapp.services.documents.letterheads import letterhead_for
    from sciapp.services.documents.records import ResolutionRecord
    from sciapp.services.documents.resolution_rows import by_number, resolution_record
    from sciapp.storage.meeting_models import Body, Meeting
    from sciapp.storage.vote_models import Motion

    if number is None:  # new: nothing stored but the draft (printing saves it first)
        record = ResolutionRecord(
            0, NOT_NUMBERED, "", 0, "", (), (), (), False, "draft", None, None, None
        )
    else:
        record = resolution_record(session, by_number(session, number))
    if draft is not None:
        body = session.get(Body, draft.body_id)
        record = replace(
            record,
            title=draft.title,
            preamble=draft.preamble,
            operative=draft.operative,
            distribution=draft.distribution,
            sections=draft.sections,
            body_id=draft.body_id,
            body_name=body.name if body else "",
        )
    settings = letterhead_for(session, record.body_id)  # the adopting body's, and its signers
    motion = session.get(Motion, record.motion_id) if record.motion_id is not None else None
    meeting = session.get(Meeting, motion.meeting_id) if motion is not None else None
    names = record.votes
    votes = (
        Votes(names.ayes, names.nays, names.abstain, names.absent, names.recused) if names else None
    )
    return ResolutionDoc(
        number=record.number,
        title=record.title,
        body_name=record.body_name,
        preamble=record.preamble,
        operative=record.operative,
        letterhead=letterhead(settings),
        status=record.status,
        distribution=record.distribution,
        adopted_on=record.adopted_on,
        votes=votes,
        presiding=Signer(settings.presiding.name, settings.presiding.title),
        clerk=Signer(settings.clerk.name, settings.clerk.title),
        attorney=Signer(settings.attorney.name, settings.attorney.title)
        if settings.attorney
        else None,
        sections=record.sections,
        meeting_kind=meeting.kind if meeting is not None else "",
        meeting_date=meeting.date if meeting is not None else None,
    )


def minutes_doc(session: Session, meeting_id: int) -> MinutesDoc:
    """The minutes as they stand now, corrections included (no seal digest)."""
    from sciapp.services.documents.letterheads import letterhead_for
    from sciapp.services.meetings.minutes_build import build_minutes
    from sciapp.storage.meeting_models import Meeting

    meeting = session.get(Meeting, meeting_id)
    head = letterhead_for(session, meeting.body_id if meeting is not None else None)
    return minutes_document(build_minutes(session, meeting_id), letterhead(head))


def minutes_document(minutes: Minutes, head: Letterhead) -> MinutesDoc:
    """The PDF's model of the minutes: the words the text minutes print too
    (`domain.minutes_words`), laid out for the page."""
    from sciapp.domain.minutes_words import correction_date, words
    from sciapp.pdf.model import MinutesDoc, MinutesItem, MotionLines

    said = words(minutes)
    items = tuple(
        MinutesItem(
            section.number or 0,
            section.title,
            section.notes,
            tuple(MotionLines(m.text, m.moved_by, m.rows, m.outcome) for m in section.motions),
            tuple(
                (correction_date(c.approved_on), c.original, c.corrected)
                for c in minutes.corrections_of(section.item_id)
            )
            if section.item_id is not None
            else (),
            section.comments,
        )
        for section in said.sections
    )
    return MinutesDoc(
        letterhead=head,
        body_name=said.body_name,
        heading=said.heading,
        status=minutes.status.value,
        facts=said.facts,
        items=items,
        closing=said.closing,
        opening=said.opening,
    )
