"""A council resolution, laid out as councils do (e.g. Downey Res. 13-7401): number and title,
WHEREAS clauses (or participle openers such as CONDEMNING), NOW, THEREFORE, BE IT RESOLVED …
(or SECTION 1 …), the copies to send as a list, the adoption block with signatures and
ATTEST, and the clerk's certificate naming the meeting and the roll call. The last resolved
clause stays on the page of the signatures: a signature page never stands alone. The
clauses' words and punctuation are the domain's (sciapp/domain/clauses.py)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from reportlab.lib.units import inch
from reportlab.platypus import Flowable, KeepTogether, Spacer, TableStyle

from sciapp.domain import clauses
from sciapp.domain.clauses import Clause, day_of, meeting_phrase, ordinal
from sciapp.domain.minutes_words import CERTIFICATE_ROWS, roll_call
from sciapp.pdf.layout import SciTable, Text, build, derived, para, styles
from sciapp.pdf.tagging import Tags

if TYPE_CHECKING:
    from collections.abc import Sequence

    from sciapp.pdf.model import Rendered, ResolutionDoc, Signer
    from sciapp.pdf.paragraphs import Paragraph
    from sciapp.pdf.tagging import Element

__all__ = ["ordinal", "render_resolution"]


def _clause(clause: Clause, text: Text, parent: Element) -> Paragraph:
    markup = f"<b>{text(clause.opener)}</b>{text(clause.text)}"
    return para(parent, "P", markup, styles().justified)


def _signature(signer: Signer, text: Text, parent: Element) -> list[Flowable]:
    s = styles()
    name = f"{signer.name}, {signer.title}" if signer.name else signer.title
    return [
        Spacer(1, 0.35 * inch),
        SciTable(
            [[""]],
            colWidths=[3.2 * inch],
            rowHeights=[2],
            hAlign="LEFT",
            style=TableStyle([("LINEABOVE", (0, 0), (-1, -1), 0.7, "black")]),
        ),
        para(parent, "P", text(name), s.body),
    ]


def _resolved(doc: ResolutionDoc, text: Text, parent: Element) -> list[list[Flowable]]:
    """Each resolved clause as its flowables; the copies clause carries its list."""
    out: list[list[Flowable]] = [
        [_clause(c, text, parent)]
        for c in clauses.operative(doc.operative, doc.body_name, doc.sections)
    ]
    if doc.distribution:
        section = len(doc.operative) + 1 if doc.sections else None
        opener, listed = clauses.copies(doc.distribution, doc.clerk.title, section)
        item = derived("body", "copies", leftIndent=0.5 * inch, spaceAfter=1)
        lead = para(
            parent,
            "P",
            f"<b>{text(opener.opener)}</b>{text(opener.text)}",
            derived("justified", "copies-lead", spaceAfter=3),
        )
        listing = parent.add("L")
        out.append(
            [
                lead,
                *(para(listing.add("LI"), "LBody", text(line), item) for line in listed),
                Spacer(1, 6),
            ]
        )
    return out


def render_resolution(doc: ResolutionDoc, passages: Sequence[tuple[str, str]] = ()) -> Rendered:
    s = styles()
    text = Text(passages)  # (text, language): a native name in its own
    tags = Tags()
    root = tags.root
    story: list[Flowable] = [
        para(root, "H1", f"RESOLUTION NO. {text(doc.number)}", s.title),
        para(root, "H2", text(doc.title.upper()), s.title),
        Spacer(1, 6),
    ]
    if doc.notice:  # beside the sealed text, never in it: "Superseded by Resolution …"
        story += [para(root, "P", f"<b>{text(doc.notice)}</b>", s.small), Spacer(1, 6)]
    story += [_clause(c, text, root) for c in clauses.preamble(doc.preamble)]
    resolved = _resolved(doc, text, root)
    for flowables in resolved[:-1]:
        story += flowables
    last = resolved[-1] if resolved else []
    story.append(KeepTogether([*last, *_adoption_block(doc, text, root)]))
    if doc.votes is not None:
        story.append(KeepTogether(_certificate(doc, text, root)))
    return build(
        story,
        text=text,
        letterhead=doc.letterhead,
        title=f"Resolution {doc.number}: {doc.title}",
        subject=f"{doc.body_name} resolution {doc.number} ({doc.status})",
        draft=doc.status != "adopted",
        footer=f"Resolution {doc.number}"
        + (f" · SHA-256 seal {doc.seal_digest}" if doc.seal_digest else ""),
        continuation=f"Resolution No. {doc.number}",
        tags=tags,
    )


def _adoption_block(doc: ResolutionDoc, text: Text, parent: Element) -> list[Flowable]:
    s = styles()
    block: list[Flowable] = [Spacer(1, 4)]
    if doc.status == "adopted" and doc.adopted_on:
        block.append(
            para(
                parent,
                "P",
                f"<b>PASSED, APPROVED AND ADOPTED</b> this {day_of(doc.adopted_on)}.",
                s.body,
            )
        )
    else:
        block.append(
            para(
                parent,
                "P",
                f"<b>{doc.status.upper()}</b>: not adopted. "
                "PASSED, APPROVED AND ADOPTED this ____ day of __________, ____.",
                s.body,
            )
        )
    block += _signature(doc.presiding, text, parent)
    block.append(para(parent, "P", "ATTEST:", s.body))
    block += _signature(doc.clerk, text, parent)
    if doc.attorney is not None:
        block.append(para(parent, "P", "APPROVED AS TO FORM:", s.body))
        block += _signature(doc.attorney, text, parent)
    return block


def certificate_sentence(doc: ResolutionDoc) -> str:
    """I, the undersigned City Clerk, certify that … at a regular meeting held on the 14th
    day of March, 2022, by the following vote:"""
    where = meeting_phrase(doc.meeting_kind, doc.meeting_date or doc.adopted_on)
    decided = "was adopted" if doc.status == "adopted" else "was not adopted"
    clerk = doc.clerk.title or "City Clerk"
    return (
        f"I, the undersigned {clerk}, certify that the foregoing resolution {decided} by the "
        f"{doc.body_name}" + (f" {where}," if where else "") + " by the following vote:"
    )


def _certificate(doc: ResolutionDoc, text: Text, parent: Element) -> list[Flowable]:
    s = styles()
    assert doc.votes is not None
    sentence = para(parent, "P", text(certificate_sentence(doc)), s.body)
    block: list[Flowable] = [Spacer(1, 10), sentence]
    # The one roll-call formatter the minutes use too: recusals are named when there are any.
    rows = [
        [f"{label.upper()}:", names]
        for label, names in roll_call(doc.votes.by_option(), CERTIFICATE_ROWS)
    ]
    grid = parent.add("Table")  # the roll call: each answer heads its row of names
    cells = []
    for label, names in rows:
        row = grid.add("TR")
        cells.append(
            [
                para(row, "TH", f"<b>{label}</b>", s.body, Scope="Row"),
                para(row, "TD", text(", ".join(names)) if names else "None", s.body),
            ]
        )
    table = SciTable(
        cells,
        colWidths=[1.0 * inch, 5.5 * inch],
        hAlign="LEFT",
    )
    table.setStyle(
        TableStyle(
            [
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 0),
                ("LEFTPADDING", (0, 0), (0, -1), 0),  # in line with the text above
            ]
        )
    )
    block.append(table)
    block += _signature(doc.clerk, text, parent)  # the clerk signs the certificate too
    return block
