"""Render the app's records as PDF: reports/doc_models.py builds the plain model (pdf/model.py)
inside a session, sciapp.pdf renders it. A sealed record prints the model its seal keeps
(reports/sealed_copies.py), not today's data. ReportLab is imported here, on
the first export, never at start-up."""

from __future__ import annotations

from typing import TYPE_CHECKING

from sciapp.domain.formats import DOCUMENT_LOCALE, document_time, long_date
from sciapp.services.errors import NotFoundError
from sciapp.services.reports.doc_models import letterhead, resolution_doc
from sciapp.services.reports.passages import passages

if TYPE_CHECKING:
    import datetime as dt

    from sciapp.pdf.model import (
        Letterhead,
        Rendered,
    )
    from sciapp.services.documents.records import (
        LetterDraft,
        ResolutionDraft,
    )
    from sciapp.services.reports.sources import ReportSources


def render_resolution(
    workspace: ReportSources, number: str | None, draft: ResolutionDraft | None = None
) -> Rendered:
    """The stored resolution (as sealed, once adopted), or with `draft` its unsaved text (the
    editor's live preview); number None: a new one, not saved (nor numbered) yet."""
    from dataclasses import replace

    from sciapp.pdf.resolution import render_resolution as render
    from sciapp.services.reports.sealed_copies import printed_resolution

    with workspace.db.session() as session:
        if draft is not None:
            doc = resolution_doc(session, number, draft)
        elif number is None:
            raise NotFoundError("Resolution None does not exist.")  # nothing to print yet
        else:
            doc = printed_resolution(session, number)
    return render(replace(doc, letterhead=placed(workspace, doc.letterhead)), passages(workspace))


def render_letter(
    workspace: ReportSources, letter_id: int | None, draft: LetterDraft | None = None
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


def render_agenda(workspace: ReportSources, meeting_id: int) -> Rendered:
    from sciapp.pdf.meeting_docs import render_agenda as render
    from sciapp.pdf.model import AgendaDoc

    d = workspace.meetings.get(meeting_id)
    facts = [("Time", _time(d.start_time)), ("Place", d.place or "—")]
    if d.remote_link:
        facts.append(("Online", d.remote_link))
    notice = ""
    if d.notice_posted:
        notice = (
            f"Public notice posted {long_date(d.notice_posted.date(), DOCUMENT_LOCALE)} "
            f"at {_time(d.notice_posted.time())}"
        )
        notice += "" if notice.endswith(".") else "."  # "9:00 a.m." ends the sentence
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


def render_minutes(workspace: ReportSources, meeting_id: int) -> Rendered:
    """The minutes as they stand, or as sealed once approved (corrections printed beside)."""
    from dataclasses import replace

    from sciapp.pdf.meeting_docs import render_minutes as render
    from sciapp.services.reports.sealed_copies import printed_minutes

    with workspace.db.session() as session:
        doc = printed_minutes(session, meeting_id)
    return render(replace(doc, letterhead=placed(workspace, doc.letterhead)), passages(workspace))


def placed(workspace: ReportSources, head: Letterhead) -> Letterhead:
    """The letterhead with its stored seal-image path resolved for this database."""
    from dataclasses import replace

    from sciapp.services.safekeeping.attachments import resolve

    return replace(head, seal=resolve(workspace.db, str(head.seal)) if head.seal else None)
