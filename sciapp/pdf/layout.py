"""What every document shares: paper, styles, letterhead, "Page x of y", a DRAFT watermark,
PDF metadata, and the build that returns bytes."""

from __future__ import annotations

import io
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER, TA_JUSTIFY
from reportlab.lib.pagesizes import A4, LETTER
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import inch
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import (
    BaseDocTemplate,
    Flowable,
    Frame,
    PageTemplate,
    Paragraph,
    Table,
    TableStyle,
)

from sciapp import __version__
from sciapp.pdf.fonts import FAMILY, Shaper, register_fonts
from sciapp.pdf.model import Letterhead, Rendered

MARGIN = 1 * inch
LETTERHEAD_HEIGHT = 0.55 * inch


@dataclass(frozen=True)
class Styles:
    body: ParagraphStyle
    justified: ParagraphStyle
    title: ParagraphStyle
    heading: ParagraphStyle
    small: ParagraphStyle
    center: ParagraphStyle
    bullet: ParagraphStyle


def styles() -> Styles:
    font = register_fonts()
    body = ParagraphStyle(
        "body", fontName=font, bulletFontName=font, fontSize=11.5, leading=15, spaceAfter=8
    )
    return Styles(
        body=body,
        justified=ParagraphStyle("justified", parent=body, alignment=TA_JUSTIFY),
        title=ParagraphStyle(
            "title",
            parent=body,
            fontName=f"{FAMILY}-Bold",
            fontSize=13,
            leading=17,
            alignment=TA_CENTER,
            spaceAfter=12,
        ),
        heading=ParagraphStyle(
            "heading",
            parent=body,
            fontName=f"{FAMILY}-Bold",
            fontSize=12,
            spaceBefore=6,
            spaceAfter=4,
            keepWithNext=True,
        ),
        small=ParagraphStyle("small", parent=body, fontSize=9, leading=11, spaceAfter=2),
        center=ParagraphStyle("center", parent=body, alignment=TA_CENTER),
        bullet=ParagraphStyle("bullet", parent=body, leftIndent=18, bulletIndent=6, spaceAfter=4),
    )


class Text:
    """Paragraphs from typed text: escaped, with fallback fonts, missing glyphs noted."""

    def __init__(self) -> None:
        self.shaper = Shaper()

    def __call__(self, text: str) -> str:
        return self.shaper.markup(text)

    def para(self, text: str, style: ParagraphStyle, markup_before: str = "") -> Paragraph:
        return Paragraph(markup_before + self(text), style)


class SciTable(Table):
    """A Table whose cells default to our font: ReportLab's default cell font is an
    unembedded Helvetica, which would otherwise be referenced in every PDF."""

    def __init__(self, data: object, *args: object, **kwargs: object) -> None:
        super().__init__(data, *args, **kwargs)  # type: ignore[arg-type]
        self.setStyle(TableStyle([("FONTNAME", (0, 0), (-1, -1), register_fonts())]))


def page_size(paper: str) -> tuple[float, float]:
    return A4 if paper.lower() == "a4" else LETTER


def _numbered_canvas(footer: str, draft: bool) -> type[Canvas]:
    class NumberedCanvas(Canvas):
        """Two passes: pages are kept until the end, when "Page x of y" is known."""

        def __init__(self, *args: object, **kwargs: object) -> None:
            # Our own font from the first operator on: no unembedded Helvetica in the file.
            kwargs["initialFontName"] = kwargs.get("initialFontName") or FAMILY
            super().__init__(*args, **kwargs)  # type: ignore[arg-type]
            self._pages: list[dict[str, object]] = []

        def showPage(self) -> None:
            self._pages.append(dict(self.__dict__))
            self._startPage()

        def save(self) -> None:
            total = len(self._pages)
            for number, state in enumerate(self._pages, start=1):
                self.__dict__.update(state)
                self._decorate(number, total)
                super().showPage()
            super().save()

        def _decorate(self, number: int, total: int) -> None:
            width, _height = self._pagesize
            self.saveState()
            self.setFont(FAMILY, 8.5)
            self.setFillColor(colors.HexColor("#555555"))
            self.drawRightString(width - MARGIN, 0.6 * inch, f"Page {number} of {total}")
            if footer:
                self.drawString(MARGIN, 0.6 * inch, footer)
            if draft:
                self.setFont(f"{FAMILY}-Bold", 110)
                self.setFillColor(colors.Color(0.75, 0.75, 0.75, alpha=0.35))
                self.translate(width / 2, self._pagesize[1] / 2)
                self.rotate(45)
                self.drawCentredString(0, -35, "DRAFT")
            self.restoreState()

    return NumberedCanvas


def letterhead_block(head: Letterhead, text: Text) -> Callable[[Canvas, object], None]:
    """Draws the letterhead at the top of the first page."""

    def draw(canvas: Canvas, doc: object) -> None:
        width, height = canvas._pagesize
        canvas.saveState()
        top = height - 0.55 * inch
        left = MARGIN
        if head.seal is not None and head.seal.exists():
            canvas.drawImage(
                str(head.seal),
                MARGIN,
                top - 0.75 * inch,
                0.75 * inch,
                0.75 * inch,
                preserveAspectRatio=True,
                mask="auto",
            )
            left = MARGIN + 0.9 * inch
        name = Paragraph(
            f"<b>{text(head.name)}</b>",
            ParagraphStyle("lh", fontName=FAMILY, fontSize=15, leading=18),
        )
        details = " · ".join(part for part in (*head.address, head.phone, head.web) if part)
        lines = Paragraph(
            text(details),
            ParagraphStyle("lh2", fontName=FAMILY, fontSize=9, leading=11, textColor="#444444"),
        )
        available = width - left - MARGIN
        _w, h1 = name.wrap(available, 100)
        name.drawOn(canvas, left, top - h1)
        _w, h2 = lines.wrap(available, 100)
        lines.drawOn(canvas, left, top - h1 - h2 - 2)
        canvas.setStrokeColor(colors.HexColor("#888888"))
        canvas.setLineWidth(0.6)
        canvas.line(MARGIN, top - 0.85 * inch, width - MARGIN, top - 0.85 * inch)
        canvas.restoreState()

    return draw


def build(
    story: Sequence[Flowable],
    *,
    text: Text,
    letterhead: Letterhead,
    title: str,
    subject: str,
    draft: bool = False,
    footer: str = "",
) -> Rendered:
    """Lay out the story on pages and return the PDF."""
    buffer = io.BytesIO()
    width, height = page_size(letterhead.paper)
    doc = BaseDocTemplate(
        buffer,
        pagesize=(width, height),
        leftMargin=MARGIN,
        rightMargin=MARGIN,
        topMargin=MARGIN,
        bottomMargin=MARGIN,
        title=title,
        author=letterhead.name,
        subject=subject,
        creator=f"sciapp {__version__}",
        initialFontName=FAMILY,
    )
    body_width = width - 2 * MARGIN
    below_letterhead = height - 2 * MARGIN - LETTERHEAD_HEIGHT
    doc.addPageTemplates(
        [
            PageTemplate(
                "first",
                [Frame(MARGIN, MARGIN, body_width, below_letterhead, id="first")],
                onPage=letterhead_block(letterhead, text),
                autoNextPageTemplate="later",
            ),
            PageTemplate(
                "later", [Frame(MARGIN, MARGIN, body_width, height - 2 * MARGIN, id="later")]
            ),
        ]
    )
    doc.build(list(story), canvasmaker=_numbered_canvas(footer, draft))
    return Rendered(buffer.getvalue(), doc.page, frozenset(text.shaper.missing))
