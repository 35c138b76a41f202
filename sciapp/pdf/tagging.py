"""Tagged PDF (ISO 32000-1 §14.7–14.8, PDF/UA-1): what the flowables draw, wrapped in marked
content as it is drawn, and the structure tree that says what each piece is.

ReportLab writes no structure tree. The renderers build the tree's elements while they
build the story (`Tags.add(parent, "P")`), hand each paragraph its element
(`tagged(paragraph, element)`), and as the paragraph is drawn it is wrapped in
`/P <</MCID n>> BDC … EMC` on its page, n counted per page. What is not content (the running
header, the footer, "Page x of y", the DRAFT watermark, rules and cell backgrounds) is drawn
inside `/Artifact … BDC … EMC`. After ReportLab has written the file, `write_tree` (pikepdf)
adds the structure tree, the parent tree, /Lang, /MarkInfo, DisplayDocTitle and the XMP
metadata with the PDF/UA identifier. The tree's order is the order the story was built in,
which is the reading order; each element's marked content is in the order it was drawn."""

from __future__ import annotations

import io
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from collections.abc import Iterator

    from reportlab.pdfgen.canvas import Canvas

    from sciapp.pdf.paragraphs import Paragraph

DEFAULT_LANG = "en-US"
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

    def mark(self, canvas: Canvas, element: Element) -> None:
        """Open `element`'s marked content on the canvas's page (close it with `end`)."""
        page = canvas.getPageNumber()
        mcid = self._next.get(page, 0)
        self._next[page] = mcid + 1
        element.kids.append((page, mcid))
        canvas.addLiteral(f"/{element.role} <</MCID {mcid}>> BDC")

    @staticmethod
    def end(canvas: Canvas) -> None:
        canvas.addLiteral("EMC")


def tags_of(canvas: Canvas) -> Tags | None:
    tags = getattr(canvas, CANVAS_ATTRIBUTE, None)
    return tags if isinstance(tags, Tags) else None


def tagged(paragraph: Paragraph, element: Element) -> Paragraph:
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


def write_tree(pdf_bytes: bytes, tags: Tags, *, title: str, lang: str | None = None) -> bytes:
    """The PDF with its structure tree, /Lang, /MarkInfo, DisplayDocTitle and XMP."""
    import pikepdf

    with pikepdf.open(io.BytesIO(pdf_bytes)) as pdf:
        _add_tree(pdf, tags)
        root = pdf.Root
        root.Lang = pikepdf.String(lang or tags.lang)
        root.MarkInfo = pikepdf.Dictionary(Marked=True)
        root.ViewerPreferences = pikepdf.Dictionary(DisplayDocTitle=True)
        with pdf.open_metadata(set_pikepdf_as_editor=False) as meta:
            if "/Trapped" in pdf.docinfo:  # ReportLab's "False": no XMP equivalent
                del pdf.docinfo["/Trapped"]
            meta.load_from_docinfo(pdf.docinfo)
            meta["dc:title"] = title
            meta["dc:language"] = [lang or tags.lang]
            meta["pdfuaid:part"] = "1"
        out = io.BytesIO()
        pdf.save(out, deterministic_id=True)
        return out.getvalue()


def _add_tree(pdf: Any, tags: Tags) -> None:
    import pikepdf

    pages = list(pdf.pages)
    page_refs = [page.obj for page in pages]
    parents: dict[int, dict[int, Any]] = {}  # page → MCID → the element holding it

    def make(element: Element, parent: Any) -> Any:
        if not _drawn(element):
            return None  # built but never drawn (nothing to read)
        node = pdf.make_indirect(
            pikepdf.Dictionary(Type=pikepdf.Name.StructElem, S=pikepdf.Name("/" + element.role))
        )
        node.P = parent
        _set_attributes(node, element)
        kids = pikepdf.Array()
        first_page = next((kid[0] for kid in element.kids if isinstance(kid, tuple)), None)
        if first_page is not None:
            node.Pg = page_refs[first_page - 1]
        for kid in element.kids:
            if isinstance(kid, Element):
                if (made := make(kid, node)) is not None:
                    kids.append(made)
                continue
            page, mcid = kid
            parents.setdefault(page, {})[mcid] = node
            if page == first_page:
                kids.append(mcid)
            else:
                kids.append(
                    pikepdf.Dictionary(Type=pikepdf.Name.MCR, Pg=page_refs[page - 1], MCID=mcid)
                )
        node.K = kids
        return node

    tree = pdf.make_indirect(pikepdf.Dictionary(Type=pikepdf.Name.StructTreeRoot))
    document = make(tags.root, tree)
    tree.K = pikepdf.Array([document])
    parent_tree = pikepdf.NumberTree.new(pdf)
    for index, page in enumerate(pages):
        page.obj.StructParents = index
        held = parents.get(index + 1, {})
        parent_tree[index] = pdf.make_indirect(
            pikepdf.Array([held[mcid] for mcid in range(len(held))])
        )
        if "/Annots" in page.obj:
            page.obj.Tabs = pikepdf.Name.S
    tree.ParentTree = parent_tree.obj
    tree.ParentTreeNextKey = len(pages)
    pdf.Root.StructTreeRoot = tree


def _drawn(element: Element) -> bool:
    return any(isinstance(kid, tuple) or _drawn(kid) for kid in element.kids)


def _set_attributes(node: Any, element: Element) -> None:
    import pikepdf

    layout: dict[str, Any] = {}
    for key, value in element.attributes.items():
        if key in ("Alt", "Lang", "ActualText", "E"):
            node[f"/{key}"] = pikepdf.String(value)
        elif key == "Scope":
            layout["Table"] = {**layout.get("Table", {}), "/Scope": pikepdf.Name("/" + value)}
        elif key in ("ColSpan", "RowSpan"):
            layout["Table"] = {**layout.get("Table", {}), f"/{key}": int(value)}
        elif key == "ListNumbering":
            layout["List"] = {"/ListNumbering": pikepdf.Name("/" + value)}
    owned = [pikepdf.Dictionary({"/O": pikepdf.Name("/" + o), **a}) for o, a in layout.items()]
    if owned:
        node.A = owned[0] if len(owned) == 1 else pikepdf.Array(owned)
