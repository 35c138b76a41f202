"""What every document shares: paper, styles, letterhead, a continuation header on later
pages ("Resolution No. 2022-01 — page 2"), "Page x of y", a DRAFT watermark, PDF metadata,
and the build that returns bytes.

The body's frame has no padding: its text lines up with the letterhead and its rule. The
watermark is drawn before anything else on the page, under the text, so a draft's text
comes out of the PDF in reading order."""

from __future__ import annotations

import io
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING, Any

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
    Table,
    TableStyle,
)

from sciapp import __version__
from sciapp.domain.typography import typeset
from sciapp.pdf.fonts import FAMILY, Shaper, register_fonts
from sciapp.pdf.model import Letterhead, Rendered
from sciapp.pdf.paragraphs import Paragraph
from sciapp.pdf.tagging import (
    CANVAS_ATTRIBUTE,
    Element,
    Passages,
    Tags,
    artifact,
    handle_languages,
    in_language,
    marked,
    tagged,
)
from sciapp.pdf.tree_writer import use_tagged_info, write_tree

if TYPE_CHECKING:
    from collections.abc import Callable, Sequence

MARGIN = 1 * inch
WATERMARK_GREY = 1 - 0.35 * (1 - 0.75)
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


@lru_cache(maxsize=1)
def styles() -> Styles:
    """The shared styles, made once: never change one in place (clone it)."""
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


def derived(base: str, name: str, **changes: Any) -> ParagraphStyle:
    """Shared style `base` ("body", "justified" …) cloned with `changes`, made once: the
    same style object every render, so its paragraphs' parses and line breaks are kept."""
    return _derived(base, name, tuple(sorted(changes.items())))


@lru_cache(maxsize=64)
def _derived(base: str, name: str, changes: tuple[tuple[str, Any], ...]) -> ParagraphStyle:
    style: ParagraphStyle = getattr(styles(), base).clone(name, **dict(changes))
    return style


@lru_cache(maxsize=1)
def page_styles() -> dict[str, ParagraphStyle]:
    """The letterhead's and the continuation header's styles, made once: the same style
    object every page, so their paragraphs' parses and line breaks are kept too."""
    grey = colors.HexColor("#444444")
    return {
        "lh": ParagraphStyle("lh", fontName=FAMILY, fontSize=15, leading=18),
        "lh2": ParagraphStyle("lh2", fontName=FAMILY, fontSize=9, leading=11, textColor=grey),
        "cont": ParagraphStyle("cont", fontName=FAMILY, fontSize=9, leading=11, textColor=grey),
    }


class Text:
    """Paragraphs from typed text: typeset (’ “ ”, no break after "St."), escaped, with
    fallback fonts, missing glyphs noted; `passages` (text, language) in a language of
    their own, a partner city's native name, marked so in a tagged PDF."""

    def __init__(self, passages: Sequence[tuple[str, str]] = ()) -> None:
        self.shaper = Shaper()
        self.passages = Passages([(typeset(text), lang) for text, lang in passages])

    def __call__(self, text: str) -> str:
        typed = typeset(text)
        if not self.passages:
            return self.shaper.markup(typed)
        return "".join(
            self.shaper.markup(piece)
            if lang is None
            else in_language(piece, lang, self.shaper.markup)
            for piece, lang in self.passages.split(typed)
        )

    def para(self, text: str, style: ParagraphStyle, markup_before: str = "") -> Paragraph:
        return Paragraph(markup_before + self(text), style)


def para(
    parent: Element,
    role: str,
    markup: str,
    style: ParagraphStyle,
    *,
    bullet: str | None = None,
    **attributes: object,
) -> Paragraph:
    """A paragraph of markup, drawn as a new `role` element (P, H1, LBody …) in `parent`."""
    return tagged(Paragraph(markup, style, bulletText=bullet), parent.add(role, **attributes))


class SciTable(Table):
    """A Table whose cells default to our font: ReportLab's default cell font is an
    unembedded Helvetica, which would otherwise be referenced in every PDF."""

    def __init__(self, data: Any, *args: Any, **kwargs: Any) -> None:  # Table's, passed on
        super().__init__(data, *args, **kwargs)
        self.setStyle(TableStyle([("FONTNAME", (0, 0), (-1, -1), register_fonts())]))

    # Tagged PDF: rules and backgrounds are artifacts; the cells' paragraphs carry their
    # own tags; an empty text cell draws nothing (ReportLab would draw an empty string).
    def _drawBkgrnd(self) -> None:
        with artifact(self.canv):
            super()._drawBkgrnd()  # type: ignore[misc]  # ReportLab's own, private

    def _drawLines(self) -> None:
        with artifact(self.canv):
            super()._drawLines()  # type: ignore[misc]  # ReportLab's own, private

    def _drawCell(self, cellval: Any, cellstyle: Any, pos: Any, size: Any) -> None:
        if isinstance(cellval, str | None) and not (cellval or "").strip():
            return
        super()._drawCell(cellval, cellstyle, pos, size)  # type: ignore[misc]  # private


def page_size(paper: str) -> tuple[float, float]:
    return A4 if paper.lower() == "a4" else LETTER


def _numbered_canvas(footer: str, tags: Tags | None = None) -> type[Canvas]:
    class NumberedCanvas(Canvas):
        """Two passes: pages are kept until the end, when "Page x of y" is known."""

        def __init__(self, *args: Any, **kwargs: Any) -> None:  # Canvas's, passed on
            # Our own font from the first operator on: no unembedded Helvetica in the file.
            kwargs["initialFontName"] = kwargs.get("initialFontName") or FAMILY
            super().__init__(*args, **kwargs)
            self._pages: list[dict[str, object]] = []
            setattr(self, CANVAS_ATTRIBUTE, tags)
            handle_languages(self)
            if tags is not None:
                use_tagged_info(self)  # before the document template sets the title

        def showPage(self) -> None:
            self._pages.append(dict(self.__dict__))
            self._startPage()  # type: ignore[attr-defined]  # Canvas's own page reset; no stub

        def save(self) -> None:
            total = len(self._pages)
            for number, state in enumerate(self._pages, start=1):
                self.__dict__.update(state)
                self._decorate(number, total)
                super().showPage()
            if tags is not None:
                write_tree(self, tags)  # in this pass: the file is not opened again
            super().save()

        def _decorate(self, number: int, total: int) -> None:
            width, _height = canvas_size(self)
            self.saveState()
            self.setFont(FAMILY, 8.5)
            self.setFillColor(colors.HexColor("#555555"))
            with artifact(self, "Pagination", "Footer"):
                self.drawRightString(width - MARGIN, 0.6 * inch, f"Page {number} of {total}")
                if footer:
                    self.drawString(MARGIN, 0.6 * inch, footer)
            self.restoreState()

    return NumberedCanvas


def canvas_size(canvas: Canvas) -> tuple[float, float]:
    """The page's width and height: ReportLab keeps them only in a private attribute."""
    return canvas._pagesize  # type: ignore[attr-defined]  # noqa: SLF001  # no stub


def draw_watermark(canvas: Canvas) -> None:
    """DRAFT across the page, first thing on it: under the text, and first in its text."""
    width, height = canvas_size(canvas)
    canvas.saveState()
    canvas.setFont(f"{FAMILY}-Bold", 110)
    # The grey that 35 % of 0.75 grey makes on white, opaque: no transparency in the file
    # (PDF/A), the same on paper, since nothing is under it.
    canvas.setFillColor(colors.Color(WATERMARK_GREY, WATERMARK_GREY, WATERMARK_GREY))
    canvas.translate(width / 2, height / 2)
    canvas.rotate(45)
    with artifact(canvas, "Pagination", "Watermark"):
        canvas.drawCentredString(0, -35, "DRAFT")
    canvas.restoreState()


def continuation_block(heading: str, text: Text, draft: bool) -> Callable[[Canvas, object], None]:
    """Draws "<heading> — page n" at the top of every page after the first."""

    def draw(canvas: Canvas, doc: object) -> None:
        if draft:
            draw_watermark(canvas)
        if not heading:
            return
        width, height = canvas_size(canvas)
        line = Paragraph(f"{text(heading)} — page {canvas.getPageNumber()}", page_styles()["cont"])
        available = width - 2 * MARGIN
        _w, h = line.wrap(available, 100)
        with artifact(canvas, "Pagination", "Header"):
            line.drawOn(canvas, MARGIN, height - 0.55 * inch - h)

    return draw


def letterhead_block(
    head: Letterhead, text: Text, draft: bool = False, element: Element | None = None
) -> Callable[[Canvas, object], None]:
    """Draws the letterhead at the top of the first page: in a tagged PDF, `element` holds
    the seal (a Figure with its alternative text) and the name and address (P)."""
    seal = name_tag = details_tag = None
    if element is not None:
        if head.seal is not None and head.seal.exists():
            seal = element.add("Figure", Alt=f"Seal of {head.name}")
        name_tag, details_tag = element.add("P"), element.add("P")

    def draw(canvas: Canvas, doc: object) -> None:
        if draft:
            draw_watermark(canvas)
        width, height = canvas_size(canvas)
        canvas.saveState()
        top = height - 0.55 * inch
        left = MARGIN
        if head.seal is not None and head.seal.exists():
            with marked(canvas, seal):
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
        name = Paragraph(f"<b>{text(head.name)}</b>", page_styles()["lh"])
        name.tag = name_tag
        details = " · ".join(part for part in (*head.address, head.phone, head.web) if part)
        lines = Paragraph(text(details), page_styles()["lh2"])
        lines.tag = details_tag
        available = width - left - MARGIN
        _w, h1 = name.wrap(available, 100)
        name.drawOn(canvas, left, top - h1)
        _w, h2 = lines.wrap(available, 100)
        lines.drawOn(canvas, left, top - h1 - h2 - 2)
        canvas.setStrokeColor(colors.HexColor("#888888"))
        canvas.setLineWidth(0.6)
        with artifact(canvas):
            canvas.line(MARGIN, top - 0.85 * inch, width - MARGIN, top - 0.85 * inch)
        canvas.restoreState()

    return draw


def _frame(name: str, width: float, height: float) -> Frame:
    """The text area: no padding, so text starts where the letterhead and its rule do."""
    return Frame(
        MARGIN,
        MARGIN,
        width,
        height,
        leftPadding=0,
        rightPadding=0,
        topPadding=0,
        bottomPadding=0,
        id=name,
    )


def build(
    story: Sequence[Flowable],
    *,
    text: Text,
    letterhead: Letterhead,
    title: str,
    subject: str,
    draft: bool = False,
    footer: str = "",
    continuation: str = "",
    tags: Tags | None = None,
    landscape: bool = False,
) -> Rendered:
    """Lay out the story on pages and return the PDF; `continuation` heads every page after
    the first ("Resolution No. 2022-01" → "Resolution No. 2022-01 — page 2"). With `tags`
    (the story's structure, pdf/tagging.py) the PDF is tagged: letterhead first, then the
    story in its order; running headers, footers and the watermark are artifacts."""
    head = None
    if tags is not None:
        head = Element("Div")
        tags.root.kids.insert(0, head)
    buffer = io.BytesIO()
    width, height = page_size(letterhead.paper)
    if landscape:  # a wide table's pages (the gift register's ten columns)
        width, height = height, width
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
                [_frame("first", body_width, below_letterhead)],
                onPage=letterhead_block(letterhead, text, draft, head),
                autoNextPageTemplate="later",
            ),
            PageTemplate(
                "later",
                [_frame("later", body_width, height - 2 * MARGIN)],
                onPage=continuation_block(continuation, text, draft),
            ),
        ]
    )
    doc.build(list(story), canvasmaker=_numbered_canvas(footer, tags))
    return Rendered(buffer.getvalue(), doc.page, frozenset(text.shaper.missing))
