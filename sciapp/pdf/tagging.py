"""Tagged PDF (ISO 32000-1 §14.7–14.8, PDF/UA-1): what the flowables draw, wrapped in marked
content as it is drawn, and the structure tree that says what each piece is.

ReportLab keeps no structure tree of its own. The renderers build the tree's elements while they
build the story (`Tags.add(parent, "P")`), hand each paragraph its element
(`tagged(paragraph, element)`), and as the paragraph is drawn it is wrapped in
`/P <</MCID n>> BDC … EMC` on its page, n counted per page. What is not content (the running
header, the footer, "Page x of y", the DRAFT watermark, rules and cell backgrounds) is drawn
inside `/Artifact … BDC … EMC`. In the same pass, once the pages are drawn,
`tree_writer.write_tree` adds the structure tree, the parent tree, /Lang, /MarkInfo,
DisplayDocTitle and the XMP metadata with the PDF/UA identifier. The tree's order is the
order the story was built in, which is the reading order; each element's marked content is
in the order it was drawn."""

from __future__ import annotations

import re
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Protocol, TypeVar

from sciapp.domain.formats import DOCUMENT_LOCALE

if TYPE_CHECKING:
    from collections.abc import Callable, Iterator, Sequence

    from reportlab.pdfgen.canvas import Canvas


# The documents' language (their dates and words are US English: domain/formats), BCP 47.
DEFAULT_LANG = DOCUMENT_LOCALE.replace("_", "-")
CANVAS_ATTRIBUTE = "sciapp_tags"  # where a canvas keeps the document's Tags


@dataclass(eq=False)
class Element:
    """A structure element: its standard role (P, H1, TD …), attributes (Scope, Alt, Lang …)
    and kids, elements or marked content as (page, MCID)."""

    role: str
    attributes: dict[str, Any] = field(default_factory=dict)
    kids: list[Element | tuple[int, int]] = field(default_factory=list)

    def add(self, role: str, **attributes: Any) -> Element:
        child = Element(role, dict(attributes))
        self.kids.append(child)
        return child


@dataclass(eq=False)
class Tags:
    """One document's structure tree, and the MCIDs handed out on each page."""

    lang: str = DEFAULT_LANG
    root: Element = field(default_factory=lambda: Element("Document"))
    _next: dict[int, int] = field(default_factory=dict)
    _named: dict[str, Element] = field(default_factory=dict)  # for the cells' callbacks
    _cell_open: bool = False

    def mark(self, canvas: Canvas, element: Element) -> None:
        """Open `element`'s marked content on the canvas's page (close it with `end`)."""
        canvas.addLiteral(self._open(canvas, element))

    def _open(self, canvas: Canvas, element: Element) -> str:
        page = canvas.getPageNumber()
        mcid = self._next.get(page, 0)
        self._next[page] = mcid + 1
        element.kids.append((page, mcid))
        return f"/{element.role} <</MCID {mcid}>> BDC"

    def cells(self, *cells: tuple[Element, str]) -> str:
        """One paragraph's markup drawn as several elements, each (element, markup) its own
        marked content inside the paragraph's text object: a row "Ayes: names" as its TH
        and its TD, laid out as one line as before. The paragraph itself carries no tag."""
        out = []
        for element, markup in cells:
            name = f"e{len(self._named)}"
            self._named[name] = element
            out.append(f'<ondraw name="{CELL_BEGIN}" label="{name}"/>{markup}')
        return "".join(out) + f'<ondraw name="{CELL_END}"/>'

    def begin_cell(self, canvas: Canvas, code: list[str], name: str) -> None:
        """In the text object's `code`: close the cell before, open cell `name`."""
        self.end_cell(code)
        code.append(self._open(canvas, self._named[name]))
        self._cell_open = True

    def end_cell(self, code: list[str]) -> None:
        if self._cell_open:
            code.append("EMC")
            self._cell_open = False

    @staticmethod
    def end(canvas: Canvas) -> None:
        canvas.addLiteral("EMC")


def tags_of(canvas: Canvas) -> Tags | None:
    tags = getattr(canvas, CANVAS_ATTRIBUTE, None)
    return tags if isinstance(tags, Tags) else None


class Taggable(Protocol):
    """A flowable drawn as a structure element (pdf/paragraphs.TaggedParagraph)."""

    tag: Element | None


T = TypeVar("T", bound=Taggable)


def tagged(paragraph: T, element: Element) -> T:
    """The paragraph, drawn as (part of) `element`; the parts it splits into stay in it."""
    paragraph.tag = element
    return paragraph


@contextmanager
def marked(canvas: Canvas, element: Element | None) -> Iterator[None]:
    """What is drawn inside, as `element`'s content (untagged when the canvas keeps no tags)."""
    tags = tags_of(canvas)
    if tags is None or element is None:
        yield
        return
    tags.mark(canvas, element)
    try:
        yield
    finally:
        tags.end(canvas)


@contextmanager
def artifact(canvas: Canvas, kind: str = "Layout", subtype: str = "") -> Iterator[None]:
    """What is drawn inside, as an artifact: "Pagination" (subtype Header, Footer, Watermark)
    or "Layout" (rules, backgrounds)."""
    if tags_of(canvas) is None:
        yield
        return
    properties = f"/Type /{kind}" + (f" /Subtype /{subtype}" if subtype else "")
    canvas.addLiteral(f"/Artifact <<{properties}>> BDC")
    try:
        yield
    finally:
        canvas.addLiteral("EMC")


# A passage in another language (a partner city's native name) inside a paragraph: each of
# its words is wrapped in `/Span <</Lang (ru)>> BDC … EMC` inside the paragraph's text object
# (ISO 32000-1 §14.9.2.2), by callbacks ReportLab's paragraph calls where the markup puts
# <ondraw/>. Word by word, since a paragraph breaks between words, and a span must open and
# close in one text object, on one page.
LANGUAGE_BEGIN = "sciapp_lang"
LANGUAGE_END = "sciapp_lang_end"
CELL_BEGIN = "sciapp_cell"
CELL_END = "sciapp_cell_end"
_LANGUAGE_TAG = re.compile(r"[A-Za-z]{2,8}(-[A-Za-z0-9]{1,8})*")
_SPACE = re.compile(r"(\s+)")


class Passages:
    """Which stretches of typed text are in which language: (text, BCP 47 tag) pairs."""

    def __init__(self, passages: Sequence[tuple[str, str]] = ()) -> None:
        self.languages = {
            text: lang for text, lang in passages if text.strip() and _LANGUAGE_TAG.fullmatch(lang)
        }
        names = sorted(self.languages, key=len, reverse=True)  # the longest first
        self._pattern = re.compile("|".join(map(re.escape, names))) if names else None

    def __bool__(self) -> bool:
        return self._pattern is not None

    def split(self, text: str) -> list[tuple[str, str | None]]:
        """`text` in pieces, each with its language (None: the document's own)."""
        if self._pattern is None:
            return [(text, None)]
        out: list[tuple[str, str | None]] = []
        position = 0
        for match in self._pattern.finditer(text):
            if match.start() > position:
                out.append((text[position : match.start()], None))
            out.append((match.group(), self.languages[match.group()]))
            position = match.end()
        if position < len(text):
            out.append((text[position:], None))
        return out


def in_language(words: str, lang: str, markup: Callable[[str], str]) -> str:
    """Paragraph markup for `words` spoken in `lang`: each word marked with its language."""
    out = []
    for piece in _SPACE.split(words):
        if not piece or piece.isspace():
            out.append(markup(piece))
        else:
            begin = f'<ondraw name="{LANGUAGE_BEGIN}" label="{lang}"/>'
            out.append(f'{begin}{markup(piece)}<ondraw name="{LANGUAGE_END}"/>')
    return "".join(out)


def handle_languages(canvas: Canvas) -> None:
    """Let the canvas answer the paragraphs' language callbacks (nothing when untagged)."""
    canvas.setNamedCB(LANGUAGE_BEGIN, _language_begin)
    canvas.setNamedCB(LANGUAGE_END, _language_end)
    canvas.setNamedCB(CELL_BEGIN, _cell_begin)
    canvas.setNamedCB(CELL_END, _cell_end)


def _text_object(canvas: Canvas) -> Any:
    # ReportLab hands a callback the text object being written only through this attribute.
    return canvas._curr_tx_info["tx"]  # type: ignore[attr-defined]  # noqa: SLF001  # private, no stub


def _language_begin(canvas: Canvas, _kind: str | None, label: str) -> None:
    if tags_of(canvas) is not None and label and _LANGUAGE_TAG.fullmatch(label):
        _text_object(canvas)._code.append(f"/Span <</Lang ({label})>> BDC")  # noqa: SLF001  # no public way in


def _language_end(canvas: Canvas, _kind: str | None, _label: str) -> None:
    if tags_of(canvas) is not None:
        _text_object(canvas)._code.append("EMC")  # noqa: SLF001  # as above


def _cell_begin(canvas: Canvas, _kind: str | None, label: str) -> None:
    tags = tags_of(canvas)
    if tags is not None:
        tags.begin_cell(canvas, _text_object(canvas)._code, label)  # noqa: SLF001  # no public way in


def _cell_end(canvas: Canvas, _kind: str | None, _label: str) -> None:
    tags = tags_of(canvas)
    if tags is not None:
        tags.end_cell(_text_object(canvas)._code)  # noqa: SLF001  # no public way in
