"""A policy letter: letterhead, date, inside address, attention and subject lines, salutation,
body (bold, italic, bulleted lists), closing, signature blocks, reference initials,
enclosures and cc."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from reportlab.lib.units import inch
from reportlab.platypus import Flowable, KeepTogether, Spacer, TableStyle

from sciapp.pdf.layout import SciTable, Text, build, derived, para, styles
from sciapp.pdf.tagging import Tags

if TYPE_CHECKING:
    from collections.abc import Sequence

    from sciapp.pdf.model import LetterDoc, Rendered

_BOLD = re.compile(r"\*\*(.+?)\*\*")
_ITALIC = re.compile(r"(?<![*\w])\*(?!\s)(.+?)(?<!\s)\*(?![*\w])")


def inline(raw: str, text: Text) -> str:
    """**bold** and *italic* in typed text; everything else printed as typed."""
    out, position = [], 0
    tokens = sorted(
        [(m.start(), m.end(), "b", m.group(1)) for m in _BOLD.finditer(raw)]
        + [
            (m.start(), m.end(), "i", m.group(1))
            for m in _ITALIC.finditer(raw)
            if not any(b.start() <= m.start() < b.end() for b in _BOLD.finditer(raw))
        ]
    )
    for start, end, tag, inner in tokens:
        if start < position:
            continue
        out.append(text(raw[position:start]))
        out.append(f"<{tag}>{text(inner)}</{tag}>")
        position = end
    out.append(text(raw[position:]))
    return "".join(out)


def render_letter(doc: LetterDoc, passages: Sequence[tuple[str, str]] = ()) -> Rendered:
    s = styles()
    text = Text(passages)  # (text, language): a native name in its own
    tags = Tags()
    root = tags.root
    story: list[Flowable] = [
        para(root, "P", _date(doc), s.body),
        Spacer(1, 8),
    ]
    address = root.add("Div")
    address_style = derived("body", "addr", spaceAfter=0)
    story += [para(address, "P", text(line), address_style) for line in doc.to]
    story.append(Spacer(1, 10))
    if doc.attention:
        story.append(para(root, "P", f"Attention: {text(doc.attention)}", s.body))
    if doc.subject:
        story.append(para(root, "P", f"<b>Subject: {text(doc.subject)}</b>", s.body))
    story.append(para(root, "P", text(doc.salutation), s.body))
    for paragraph in doc.body:
        lines = paragraph.splitlines()
        if lines and all(line.lstrip().startswith(("- ", "• ")) for line in lines if line.strip()):
            listing = root.add("L")
            story += [
                para(
                    listing.add("LI"),
                    "LBody",
                    inline(line.lstrip()[2:], text),
                    s.bullet,
                    bullet="•",
                )
                for line in lines
                if line.strip()
            ]
        else:
            markup = inline(paragraph, text).replace("\n", "<br/>")
            story.append(para(root, "P", markup, s.justified))
    closing: list[Flowable] = [Spacer(1, 6), para(root, "P", text(doc.closing), s.body)]
    signed = root.add("Div")
    blocks = [
        para(signed, "P", f"<br/><br/><br/>{text(signer.name)}<br/>{text(signer.title)}", s.body)
        for signer in doc.signers
    ]
    if blocks:  # signature blocks side by side, two to a row
        rows = [
            blocks[i : i + 2] + [""] * (2 - len(blocks[i : i + 2]))
            for i in range(0, len(blocks), 2)
        ]
        signatures = SciTable(rows, colWidths=[3.2 * inch, 3.2 * inch], hAlign="LEFT")
        signatures.setStyle(TableStyle([("LEFTPADDING", (0, 0), (-1, -1), 0)]))
        closing.append(signatures)
    story.append(KeepTogether(closing))
    tail = []
    if doc.initials:
        tail.append(para(root, "P", text(doc.initials), s.small))
    if doc.enclosures:
        enclosed = "Enclosures: " + "; ".join(text(e) for e in doc.enclosures)
        tail.append(para(root, "P", enclosed, s.small))
    if doc.cc:
        tail.append(para(root, "P", "cc: " + "; ".join(text(c) for c in doc.cc), s.small))
    if tail:
        story += [Spacer(1, 10), *tail]
    return build(
        story,
        text=text,
        letterhead=doc.letterhead,
        title=doc.title,
        subject=doc.subject or doc.title,
        continuation=" — ".join(part for part in (doc.to[0] if doc.to else "", _date(doc)) if part),
        tags=tags,
    )


def _date(doc: LetterDoc) -> str:
    from sciapp.domain.formats import DOCUMENT_LOCALE, formal_date

    return formal_date(doc.date, DOCUMENT_LOCALE)
