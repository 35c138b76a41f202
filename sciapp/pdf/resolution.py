"""A council resolution, laid out as councils do (e.g. Downey Res. 13-7401): number and title,
WHEREAS clauses (or participle openers such as CONDEMNING), NOW, THEREFORE, BE IT RESOLVED …
(or SECTION 1 …), a distribution clause, the adoption block with signatures, ATTEST, and the
clerk's certificate of the roll call, kept together on one page."""

from __future__ import annotations

import re

from reportlab.lib.units import inch
from reportlab.platypus import KeepTogether, Paragraph, Spacer, TableStyle

from sciapp.pdf.layout import SciTable, Text, build, styles
from sciapp.pdf.model import Rendered, ResolutionDoc, Signer

_OPENER = re.compile(r"^([A-Z][A-Z,]{2,})\b")  # WHEREAS, CONDEMNING, REAFFIRMING …


def ordinal(day: int) -> str:
    suffix = "th" if 11 <= day % 100 <= 13 else {1: "st", 2: "nd", 3: "rd"}.get(day % 10, "th")
    return f"{day}{suffix}"


def preamble_markup(clause: str, text: Text) -> str:
    clause = clause.strip()
    match = _OPENER.match(clause)
    if match:  # the clerk chose the opener: print it in bold as typed
        word = match.group(1)
        return f"<b>{text(word)}</b>{text(clause[len(word) :])}"
    return f"<b>WHEREAS</b>, {text(clause)}"


def operative_markup(index: int, clause: str, doc: ResolutionDoc, text: Text) -> str:
    clause = clause.strip()
    if doc.sections:
        return f"<b>SECTION {index + 1}.</b> {text(clause)}"
    if clause.upper().startswith(("NOW, THEREFORE", "BE IT")):
        return text(clause)
    if index == 0:
        return (
            f"<b>NOW, THEREFORE, BE IT RESOLVED</b> by the {text(doc.body_name)} "
            f"that {text(clause)}"
        )
    return f"<b>BE IT FURTHER RESOLVED</b> that {text(clause)}"


def _signature(signer: Signer, label: str, text: Text) -> list[object]:
    s = styles()
    name = text(signer.name) if signer.name else "&nbsp;"
    return [
        Spacer(1, 0.35 * inch),
        SciTable(
            [[""]],
            colWidths=[3.2 * inch],
            rowHeights=[2],
            hAlign="LEFT",
            style=TableStyle([("LINEABOVE", (0, 0), (-1, -1), 0.7, "black")]),
        ),
        Paragraph(f"{name}, {text(signer.title)}" if signer.name else text(signer.title), s.body),
        Paragraph(label, s.small) if label else Spacer(1, 0),
    ]


def render_resolution(doc: ResolutionDoc) -> Rendered:
    s = styles()
    text = Text()
    story: list[object] = [
        Paragraph(f"RESOLUTION NO. {text(doc.number)}", s.title),
        Paragraph(text(doc.title.upper()), s.title),
        Spacer(1, 6),
    ]
    if doc.notice:  # beside the sealed text, never in it: "Superseded by Resolution …"
        story += [Paragraph(f"<b>{text(doc.notice)}</b>", s.small), Spacer(1, 6)]
    story += [Paragraph(preamble_markup(c, text) + ";", s.justified) for c in doc.preamble]
    story += [
        Paragraph(operative_markup(i, c, doc, text) + ".", s.justified)
        for i, c in enumerate(doc.operative)
    ]
    if doc.distribution:
        story.append(
            Paragraph(
                "<b>BE IT FURTHER RESOLVED</b> that the City Clerk send copies of this resolution "
                "to " + "; ".join(text(d) for d in doc.distribution) + ".",
                s.justified,
            )
        )
    story.append(KeepTogether(_adoption_block(doc, text)))
    return build(
        story,
        text=text,
        letterhead=doc.letterhead,
        title=f"Resolution {doc.number}: {doc.title}",
        subject=f"{doc.body_name} resolution {doc.number} ({doc.status})",
        draft=doc.status != "adopted",
        footer=f"Resolution {doc.number}"
        + (f" · SHA-256 seal {doc.seal_digest}" if doc.seal_digest else ""),
    )


def _adoption_block(doc: ResolutionDoc, text: Text) -> list[object]:
    s = styles()
    block: list[object] = [Spacer(1, 10)]
    if doc.status == "adopted" and doc.adopted_on:
        day = doc.adopted_on
        block.append(
            Paragraph(
                f"<b>PASSED, APPROVED AND ADOPTED</b> this {ordinal(day.day)} day of "
                f"{day:%B}, {day.year}.",
                s.body,
            )
        )
    else:
        block.append(
            Paragraph(
                f"<b>{doc.status.upper()}</b>: not adopted. "
                "PASSED, APPROVED AND ADOPTED this ____ day of __________, ____.",
                s.body,
            )
        )
    block += _signature(doc.presiding, "", text)
    block.append(Paragraph("ATTEST:", s.body))
    block += _signature(doc.clerk, "", text)
    if doc.attorney is not None:
        block.append(Paragraph("APPROVED AS TO FORM:", s.body))
        block += _signature(doc.attorney, "", text)
    if doc.votes is not None:
        block.append(Spacer(1, 10))
        block.append(
            Paragraph(
                f"I, the undersigned City Clerk, certify that the foregoing resolution was adopted "
                f"by the {text(doc.body_name)} by the following vote:",
                s.body,
            )
        )
        rows = [
            ["AYES:", doc.votes.ayes],
            ["NAYS:", doc.votes.nays],
            ["ABSTAIN:", doc.votes.abstain],
            ["ABSENT:", doc.votes.absent],
        ]
        table = SciTable(
            [
                [
                    Paragraph(f"<b>{label}</b>", s.body),
                    Paragraph(text(", ".join(names)) if names else "None", s.body),
                ]
                for label, names in rows
            ],
            colWidths=[1.0 * inch, 5.3 * inch],
        )
        table.setStyle(
            TableStyle(
                [("VALIGN", (0, 0), (-1, -1), "TOP"), ("BOTTOMPADDING", (0, 0), (-1, -1), 0)]
            )
        )
        block.append(table)
    return block
