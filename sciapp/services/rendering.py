"""Render the app's records as PDF: gather plain data, hand it to sciapp.documents.
ReportLab is imported here, on the first export, never at start-up."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from sciapp.domain.attendance import Presence
from sciapp.domain.votes import VoteOption

if TYPE_CHECKING:
    from sciapp.documents.model import Letterhead, Rendered
    from sciapp.services.document_records import DocumentSettings, LetterDraft, ResolutionDraft
    from sciapp.services.workspace import Workspace


def letterhead(settings: DocumentSettings, workspace: Workspace | None = None) -> Letterhead:
    from sciapp.documents.model import Letterhead

    seal = Path(settings.seal) if settings.seal else None
    if workspace is not None:  # a stored path is relative to the database's folder
        from sciapp.services.attachments import resolve

        seal = resolve(workspace.db, settings.seal)
    return Letterhead(
        settings.name, settings.address, settings.phone, settings.web, seal, settings.paper
    )


def render_resolution(
    workspace: Workspace, number: str, draft: ResolutionDraft | None = None
) -> Rendered:
    """The stored resolution, or with `draft` its unsaved text (the editor's live preview)."""
    from dataclasses import replace

    from sciapp.documents.model import ResolutionDoc, Signer, Votes
    from sciapp.documents.resolution import render_resolution as render

    record = workspace.documents.resolution(number)
    if draft is not None:
        body = workspace.bodies.get_body(draft.body_id)
        record = replace(
            record,
            title=draft.title,
            preamble=draft.preamble,
            operative=draft.operative,
            distribution=draft.distribution,
            sections=draft.sections,
            body_name=body.name,
        )
    settings = workspace.documents.settings()
    votes = (
        Votes(*(record.votes.ayes, record.votes.nays, record.votes.abstain, record.votes.absent))
        if record.votes
        else None
    )
    return render(
        ResolutionDoc(
            number=record.number,
            title=record.title,
            body_name=record.body_name,
            preamble=record.preamble,
            operative=record.operative,
            letterhead=letterhead(settings, workspace),
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
            seal_digest=_seal(workspace, "resolution", record.id) if draft is None else "",
        )
    )


def render_letter(
    workspace: Workspace, letter_id: int | None, draft: LetterDraft | None = None
) -> Rendered:
    """A stored letter, or an unsaved `draft` (the editor's live preview)."""
    from sciapp.documents.letter import render_letter as render
    from sciapp.documents.model import LetterDoc, Signer

    d = draft if draft is not None else workspace.documents.letter(letter_id).draft  # type: ignore[arg-type]
    return render(
        LetterDoc(
            letterhead=letterhead(workspace.documents.settings(), workspace),
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
        )
    )


def _heading(kind: str, day: object) -> str:
    return f"{kind.capitalize()} meeting, {day:%A, %B} {day.day}, {day.year}"  # type: ignore[attr-defined]


def render_agenda(workspace: Workspace, meeting_id: int) -> Rendered:
    from sciapp.documents.meeting_docs import render_agenda as render
    from sciapp.documents.model import AgendaDoc

    d = workspace.meetings.get(meeting_id)
    facts = [("Time", d.start_time.strftime("%H:%M")), ("Place", d.place or "—")]
    if d.remote_link:
        facts.append(("Online", d.remote_link))
    notice = (
        f"Public notice posted {d.notice_posted:%B} {d.notice_posted.day}, "
        f"{d.notice_posted.year} at {d.notice_posted:%H:%M}."
        if d.notice_posted
        else ""
    )
    return render(
        AgendaDoc(
            letterhead=letterhead(workspace.documents.settings(), workspace),
            body_name=d.body.name,
            heading=_heading(d.kind, d.date),
            facts=tuple(facts),
            items=tuple(i.title for i in d.items),
            notice=notice,
        )
    )


def render_minutes(workspace: Workspace, meeting_id: int) -> Rendered:
    from sciapp.documents.meeting_docs import render_minutes as render
    from sciapp.documents.model import MinutesDoc, MinutesItem, MotionLines

    d = workspace.meetings.get(meeting_id)
    motions = workspace.motions.for_meeting(meeting_id)
    present = [a for a in d.attendance if a.presence is Presence.PRESENT]
    absent = [a for a in d.attendance if a.presence is not Presence.PRESENT]

    def who(a) -> str:  # type: ignore[no-untyped-def]
        notes = [
            n
            for n in (
                f"arrived {a.arrived:%H:%M}" if a.arrived else "",
                f"left {a.departed:%H:%M}" if a.departed else "",
            )
            if n
        ]
        return a.name + (f" ({'; '.join(notes)})" if notes else "")

    facts = [
        ("Date", f"{d.date:%A, %B} {d.date.day}, {d.date.year}"),
        ("Called to order", d.called_to_order.strftime("%H:%M") if d.called_to_order else "—"),
        ("Place", d.place or "—"),
        ("Present", ", ".join(who(a) for a in present) or "none"),
        (
            "Absent",
            ", ".join(
                a.name + (" (excused)" if a.presence is Presence.EXCUSED else "") for a in absent
            )
            or "none",
        ),
    ]
    if d.guests:
        facts.append(
            (
                "Also present",
                ", ".join(f"{g.name} ({g.role})" if g.role else g.name for g in d.guests),
            )
        )
    items = []
    for item in d.items:
        lines = []
        for m in (m for m in motions if m.agenda_item_id == item.id):
            roll = tuple(
                (label, ", ".join(m.names(option)) or "none")
                for label, option in (
                    ("Ayes", VoteOption.YES),
                    ("Nays", VoteOption.NO),
                    ("Abstain", VoteOption.ABSTAIN),
                    ("Recused", VoteOption.RECUSED),
                    ("Absent", VoteOption.ABSENT),
                )
                if m.votes and (m.names(option) or option in (VoteOption.YES, VoteOption.NO))
            )
            by = f"Moved by {m.mover or '—'}" + (
                f", seconded by {m.seconder}" if m.seconder else ""
            )
            lines.append(MotionLines(m.text, by, roll, m.explanation or "Not voted on"))
        corrections = tuple(
            (c.approved_on.isoformat(), c.original_text, c.corrected_text)
            for c in d.corrections
            if c.item_id == item.id
        )
        items.append(MinutesItem(item.position, item.title, item.notes, tuple(lines), corrections))
    comments = tuple(
        f"{c.speaker}" + (f" ({c.topic})" if c.topic else "") + f": {c.summary}" for c in d.comments
    )
    closing = f"Adjourned at {d.adjourned:%H:%M}." if d.adjourned else ""
    status = d.minutes_status.value
    heading = "Minutes of the " + _heading(d.kind, d.date)[0].lower() + _heading(d.kind, d.date)[1:]
    return render(
        MinutesDoc(
            letterhead=letterhead(workspace.documents.settings(), workspace),
            body_name=d.body.name,
            heading=heading,
            status=status,
            facts=tuple(facts),
            items=tuple(items),
            public_comment=comments,
            closing=closing,
            seal_digest=_seal(workspace, "minutes", meeting_id),
        )
    )


def _seal(workspace: Workspace, kind: str, record_id: int) -> str:
    """The record's seal, printed in the footer so a paper copy can be checked against it."""
    seal = workspace.seals.seal_of(kind, record_id)
    return seal.digest if seal else ""
