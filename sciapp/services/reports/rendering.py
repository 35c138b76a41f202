"""Render the app's records as PDF: `resolution_doc` and `minutes_doc` build the plain model
(documents/model.py) inside a session, sciapp.pdf renders it. A sealed record prints the
model its seal keeps (safekeeping/snapshots.py), not today's data. ReportLab is imported here, on
the first export, never at start-up."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from sciapp.domain.formats import DOCUMENT_LOCALE, document_time, long_date
from sciapp.services.errors import NotFoundError
from sciapp.services.reports.passages import passages

if TYPE_CHECKING:
    import datetime as dt

    from sqlalchemy.orm import Session

    from sciapp.domain.minutes_model import Minutes
    from sciapp.pdf.model import (
        Letterhead,
        MinutesDoc,
        Rendered,
        ResolutionDoc,
    )
    from sciapp.services.documents.records import (
        LetterDraft,
        LetterheadSettings,
        ResolutionDraft,
    )
    from sciapp.services.workspace import Workspace

NOT_NUMBERED = "(new)"  # a new resolution's preview: its number comes when it is saved


def letterhead(settings: LetterheadSettings, workspace: Workspace | None = None) -> Letterhead:
    from sciapp.pdf.model import Letterhead

    seal = Path(settings.seal) if settings.seal else None
    if workspace is not None:  # a stored path is relative to the database's folder
        from sciapp.services.safekeeping.attachments import resolve

        seal = resolve(workspace.db, settings.seal)
    return Letterhead(
        settings.name, settings.address, settings.phone, settings.web, seal, settings.paper
    )


def render_resolution(
    workspace: Workspace, number: str | None, draft: ResolutionDraft | None = None
) -> Rendered:
    """The stored resolution (as sealed, once adopted), or with `draft` its unsaved text (the
    editor's live preview); number None: a new one, not saved (nor numbered) yet."""
    from dataclasses import replace

    from sciapp.pdf.resolution import render_resolution as render
    from sciapp.services.safekeeping.snapshots import printed_resolution

    with workspace.db.session() as session:
        if draft is not None:
            doc = resolution_doc(session, number, draft)
        elif number is None:
            raise NotFoundError("Resolution None does not exist.")  # nothing to print yet
        else:
            doc = printed_resolution(session, number)
    return render(replace(doc, letterhead=placed(workspace, doc.letterhead)), passages(workspace))


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


def render_letter(
    workspace: Workspace, letter_id: int | None, draft: LetterDraft | None = None
) -> Rendered:
    """A stored letter, or an unsaved `draft` (the editor's live preview)."""
    from sciapp.pdf.letter import render_letter as render
    from sciapp.pdf.model import LetterDoc, Signer

    if draft is not None:
        d = draft
    elif letter_id is not None:
        d = workspace.documents.letter(letter_id).draft
    else:
        raise NotFoundError("Letter None does not exist.")  # as the service says for no id
    return render(
        LetterDoc(
            letterhead=letterhead(workspace.documents.letterhead(d.body_id), workspace),
            date=d.date,
            to=d.to,
            salutation=d.salutation,
            body=d.body,
            closing=d.closing,
            signers=tuple(Signer(s.name, s.title) for s in d.signers),
            subject=d.subject,
            attention=d.attention,
            initials=d.initials,
            enclosures=d.enclosures,
            cc=d.cc,
            title=f"Letter {letter_id or ''}".strip() + (f": {d.subject}" if d.subject else ""),
        ),
        passages(workspace),
    )


def _heading(kind: str, day: object) -> str:
    return f"{kind.capitalize()} meeting, {long_date(day, DOCUMENT_LOCALE)}"


def _time(at: dt.time) -> str:
    return document_time(at)


def render_agenda(workspace: Workspace, meeting_id: int) -> Rendered:
    from sciapp.pdf.meeting_docs import render_agenda as render
    from sciapp.pdf.model import AgendaDoc

    d = workspace.meetings.get(meeting_id)
    facts = [("Time", _time(d.start_time)), ("Place", d.place or "—")]
    if d.remote_link:
        facts.append(("Online", d.remote_link))
    notice = (
        f"Public notice posted {long_date(d.notice_posted.date(), DOCUMENT_LOCALE)} "
        f"at {_time(d.notice_posted.time())}."
        if d.notice_posted
        else ""
    )
    return render(
        AgendaDoc(
            letterhead=letterhead(workspace.documents.letterhead(d.body.id), workspace),
            body_name=d.body.name,
            heading=_heading(d.kind, d.date),
            facts=tuple(facts),
            items=tuple(i.title for i in d.items),
            notice=notice,
        ),
        passages(workspace),
    )


def render_minutes(workspace: Workspace, meeting_id: int) -> Rendered:
    """The minutes as they stand, or as sealed once approved (corrections printed beside)."""
    from dataclasses import replace

    from sciapp.pdf.meeting_docs import render_minutes as render
    from sciapp.services.safekeeping.snapshots import printed_minutes

    with workspace.db.session() as session:
        doc = printed_minutes(session, meeting_id)
    return render(replace(doc, letterhead=placed(workspace, doc.letterhead)), passages(workspace))


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


def placed(workspace: Workspace, head: Letterhead) -> Letterhead:
    """The letterhead with its stored seal-image path resolved for this database."""
    from dataclasses import replace

    from sciapp.services.safekeeping.attachments import resolve

    return replace(head, seal=resolve(workspace.db, str(head.seal)) if head.seal else None)
