"""Agendas for posting and minutes with what open-meetings laws ask (MCL 15.269: date, time,
place, members present and absent, decisions, all roll-call votes; corrections beside the
original)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from reportlab.lib import colors
from reportlab.lib.units import inch
from reportlab.platypus import Flowable, KeepTogether, Spacer, TableStyle

from sciapp.pdf.layout import SciTable, Text, build, styles
from sciapp.pdf.paragraphs import Paragraph

if TYPE_CHECKING:
    from sciapp.pdf.model import AgendaDoc, MinutesDoc, Rendered


def _facts(facts: tuple[tuple[str, str], ...], text: Text) -> SciTable:
    s = styles()
    table = SciTable(
        [
            [Paragraph(f"<b>{text(label)}</b>", s.body), Paragraph(text(value), s.body)]
            for label, value in facts
        ],
        colWidths=[1.6 * inch, 4.7 * inch],
    )
    table.setStyle(
        TableStyle([("VALIGN", (0, 0), (-1, -1), "TOP"), ("BOTTOMPADDING", (0, 0), (-1, -1), 0)])
    )
    return table


def _header(
    body_name: str, heading: str, facts: tuple[tuple[str, str], ...], text: Text
) -> list[Flowable]:
    s = styles()
    return [
        Paragraph(text(body_name.upper()), s.title),
        Paragraph(text(heading), s.title),
        _facts(facts, text),
    ]


def render_agenda(doc: AgendaDoc) -> Rendered:
    s = styles()
    text = Text()
    story = _header(doc.body_name, doc.heading, doc.facts, text)
    story += [Spacer(1, 10), Paragraph("<b>AGENDA</b>", s.heading)]
    story += [Paragraph(f"{n}. {text(item)}", s.body) for n, item in enumerate(doc.items, 1)]
    if doc.notice:
        story += [Spacer(1, 12), Paragraph(text(doc.notice), s.small)]
    return build(
        story,
        text=text,
        letterhead=doc.letterhead,
        title=doc.heading,
        subject=f"Agenda: {doc.body_name}",
        continuation=f"Agenda, {doc.heading}",
    )


def render_minutes(doc: MinutesDoc) -> Rendered:
    s = styles()
    text = Text()
    story = [*_header(doc.body_name, doc.heading, doc.facts, text), Spacer(1, 8)]
    if doc.opening:
        story.append(Paragraph(text(doc.opening), s.body))
    for item in doc.items:
        number = f"{item.number}. " if item.number else ""  # 0: a section of its own
        story.append(Paragraph(number + text(item.title), s.heading))
        if item.notes.strip():
            story.append(Paragraph(text(item.notes.strip()), s.justified))
        story += [Paragraph(text(line), s.body) for line in item.comments]
        for motion in item.motions:
            rows = [
                [Paragraph(f"<b>Motion:</b> {text(motion.text)}", s.body)],
                [Paragraph(text(motion.moved_by), s.body)],
            ]
            rows += [
                [Paragraph(f"<b>{text(label)}:</b> {text(names)}", s.body)]
                for label, names in motion.roll_call
            ]
            rows.append([Paragraph(f"<b>{text(motion.outcome)}</b>", s.body)])
            box = SciTable(rows, colWidths=[6.2 * inch])
            box.setStyle(
                TableStyle(
                    [
                        ("BOX", (0, 0), (-1, -1), 0.6, colors.HexColor("#999999")),
                        ("BACKGROUND", (0, 0), (-1, -1), colors.HexColor("#f5f5f5")),
                        ("BOTTOMPADDING", (0, 0), (-1, -1), 0),
                        ("TOPPADDING", (0, 0), (-1, -1), 1),
                    ]
                )
            )
            story += [KeepTogether([box]), Spacer(1, 6)]
        for approved_on, original, corrected in item.corrections:
            table = SciTable(
                [
                    [Paragraph(f"<b>Correction approved {text(approved_on)}:</b>", s.small), ""],
                    [
                        Paragraph("<b>Original:</b><br/>" + text(original or "(empty)"), s.small),
                        Paragraph("<b>Corrected:</b><br/>" + text(corrected), s.small),
                    ],
                ],
                colWidths=[3.1 * inch, 3.1 * inch],
            )
            table.setStyle(
                TableStyle(
                    [
                        ("BOX", (0, 0), (-1, -1), 0.6, colors.HexColor("#b45309")),
                        ("SPAN", (0, 0), (1, 0)),
                        ("VALIGN", (0, 0), (-1, -1), "TOP"),
                    ]
                )
            )
            story += [KeepTogether([table]), Spacer(1, 6)]
    if doc.public_comment:  # minutes sealed before comments went under their agenda item
        story.append(Paragraph("Public comment", s.heading))
        story += [Paragraph(text(line), s.body) for line in doc.public_comment]
    if doc.closing:
        story += [Spacer(1, 8), Paragraph(text(doc.closing), s.body)]
    return build(
        story,
        text=text,
        letterhead=doc.letterhead,
        title=doc.heading,
        subject=f"Minutes: {doc.body_name} ({doc.status})",
        draft=doc.status != "approved",
        footer=f"Minutes — {doc.status}"
        + (f" · SHA-256 seal {doc.seal_digest}" if doc.seal_digest else ""),
        continuation=doc.heading,
    )
