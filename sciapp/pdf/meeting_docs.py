"""Agendas for posting and minutes with what open-meetings laws ask (MCL 15.269: date, time,
place, members present and absent, decisions, all roll-call votes; corrections beside the
original)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from reportlab.lib import colors
from reportlab.lib.units import inch
from reportlab.platypus import Flowable, KeepTogether, Spacer, TableStyle

from sciapp.pdf.layout import SciTable, Text, build, para, styles
from sciapp.pdf.paragraphs import Paragraph
from sciapp.pdf.tagging import Tags

if TYPE_CHECKING:
    from collections.abc import Sequence

    from sciapp.pdf.model import AgendaDoc, MinutesDoc, Rendered
    from sciapp.pdf.tagging import Element


def _facts(facts: tuple[tuple[str, str], ...], text: Text, parent: Element) -> SciTable:
    s = styles()
    grid = parent.add("Table")  # time, place, present, absent …: each label heads its row
    rows = []
    for label, value in facts:
        row = grid.add("TR")
        rows.append(
            [
                para(row, "TH", f"<b>{text(label)}</b>", s.body, Scope="Row"),
                para(row, "TD", text(value), s.body),
            ]
        )
    # At the text's left edge, as the body text and the letterhead's rule: not centred in
    # the frame, and no cell padding before the labels.
    table = SciTable(rows, colWidths=[1.6 * inch, 4.7 * inch], hAlign="LEFT")
    table.setStyle(
        TableStyle(
            [
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 0),
                ("LEFTPADDING", (0, 0), (0, -1), 0),
            ]
        )
    )
    return table


def _header(
    body_name: str, heading: str, facts: tuple[tuple[str, str], ...], text: Text, root: Element
) -> list[Flowable]:
    s = styles()
    return [
        para(root, "P", text(body_name.upper()), s.title),
        para(root, "H1", text(heading), s.title),
        _facts(facts, text, root),
    ]


def render_agenda(doc: AgendaDoc, passages: Sequence[tuple[str, str]] = ()) -> Rendered:
    s = styles()
    text = Text(passages)  # (text, language): a native name in its own
    tags = Tags()
    root = tags.root
    story = _header(doc.body_name, doc.heading, doc.facts, text, root)
    story += [Spacer(1, 10), para(root, "H2", "<b>AGENDA</b>", s.heading)]
    listing = root.add("L", ListNumbering="Decimal")
    story += [
        para(listing.add("LI"), "LBody", f"{n}. {text(item)}", s.body)
        for n, item in enumerate(doc.items, 1)
    ]
    if doc.notice:
        story += [Spacer(1, 12), para(root, "P", text(doc.notice), s.small)]
    return build(
        story,
        text=text,
        letterhead=doc.letterhead,
        # The window's title for a screen reader (DisplayDocTitle): what, of whom, when.
        title=f"Agenda: {doc.heading} — {doc.body_name}",
        subject=f"Agenda: {doc.body_name}",
        continuation=f"Agenda, {doc.heading}",
        tags=tags,
    )


def render_minutes(doc: MinutesDoc, passages: Sequence[tuple[str, str]] = ()) -> Rendered:
    s = styles()
    text = Text(passages)  # (text, language): a native name in its own
    tags = Tags()
    root = tags.root
    story = [*_header(doc.body_name, doc.heading, doc.facts, text, root), Spacer(1, 8)]
    if doc.opening:
        story.append(para(root, "P", text(doc.opening), s.body))
    for item in doc.items:
        number = f"{item.number}. " if item.number else ""  # 0: a section of its own
        story.append(para(root, "H2", number + text(item.title), s.heading))
        if item.notes.strip():
            story.append(para(root, "P", text(item.notes.strip()), s.justified))
        story += [para(root, "P", text(line), s.body) for line in item.comments]
        for motion in item.motions:
            box = root.add("Div")  # the motion, who moved it, the roll call, the outcome
            rows = [
                [para(box, "P", f"<b>Motion:</b> {text(motion.text)}", s.body)],
                [para(box, "P", text(motion.moved_by), s.body)],
            ]
            votes = box.add("Table")  # the roll call: each answer heads the names under it
            for label, names in motion.roll_call:
                row = votes.add("TR")
                cells = tags.cells(
                    (row.add("TH", Scope="Row"), f"<b>{text(label)}:</b>"),
                    (row.add("TD"), f" {text(names)}"),
                )
                rows.append([Paragraph(cells, s.body)])
            rows.append([para(box, "P", f"<b>{text(motion.outcome)}</b>", s.body)])
            framed = SciTable(rows, colWidths=[6.2 * inch])
            framed.setStyle(
                TableStyle(
                    [
                        ("BOX", (0, 0), (-1, -1), 0.6, colors.HexColor("#999999")),
                        ("BACKGROUND", (0, 0), (-1, -1), colors.HexColor("#f5f5f5")),
                        ("BOTTOMPADDING", (0, 0), (-1, -1), 0),
                        ("TOPPADDING", (0, 0), (-1, -1), 1),
                    ]
                )
            )
            story += [KeepTogether([framed]), Spacer(1, 6)]
        for approved_on, original, corrected in item.corrections:
            grid = root.add("Table")  # the correction's date heads both versions
            head, versions = grid.add("TR"), grid.add("TR")
            table = SciTable(
                [
                    [
                        para(
                            head,
                            "TH",
                            f"<b>Correction approved {text(approved_on)}:</b>",
                            s.small,
                            Scope="Column",
                            ColSpan=2,
                        ),
                        "",
                    ],
                    [
                        para(
                            versions,
                            "TD",
                            "<b>Original:</b><br/>" + text(original or "(empty)"),
                            s.small,
                        ),
                        para(versions, "TD", "<b>Corrected:</b><br/>" + text(corrected), s.small),
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
        story.append(para(root, "H2", "Public comment", s.heading))
        story += [para(root, "P", text(line), s.body) for line in doc.public_comment]
    if doc.closing:
        story += [Spacer(1, 8), para(root, "P", text(doc.closing), s.body)]
    return build(
        story,
        text=text,
        letterhead=doc.letterhead,
        title=f"{doc.heading} — {doc.body_name}",
        subject=f"Minutes: {doc.body_name} ({doc.status})",
        draft=doc.status != "approved",
        footer=f"Minutes — {doc.status}"
        + (f" · SHA-256 seal {doc.seal_digest}" if doc.seal_digest else ""),
        continuation=doc.heading,
        tags=tags,
    )
