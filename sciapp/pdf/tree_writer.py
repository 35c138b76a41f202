"""The structure tree of a tagged PDF written by ReportLab itself, in the pass that writes the
pages: the StructTreeRoot and its elements, the ParentTree, /StructParents on every page, /Lang,
/MarkInfo, DisplayDocTitle and the XMP metadata stream with the PDF/UA identifier, all as
ReportLab's own document objects (reportlab.pdfbase.pdfdoc), so the file is never opened again.

`write_tree(canvas, tags)` is called once every page is on the canvas's document and before it
is saved. The tree's order is the order the story was built in (the reading order); each
element's marked content is in the order it was drawn. The document information dictionary
says what the XMP says (`TaggedInfo`)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from reportlab.pdfbase.pdfdoc import (
    PDFArray,
    PDFDate,
    PDFDictionary,
    PDFInfo,
    PDFName,
    PDFObject,
    PDFStream,
    PDFString,
)

from sciapp.pdf import xmp

if TYPE_CHECKING:
    from reportlab.pdfgen.canvas import Canvas

    from sciapp.pdf.tagging import Element, Tags

_STRINGS = ("Alt", "Lang", "ActualText", "E")  # attributes written as text strings


class TaggedInfo(PDFInfo):
    """ReportLab's document information as the XMP says it: no /Trapped (ReportLab's "False"
    has no XMP equivalent here), no empty entry (XMP leaves them out)."""

    def format(self, document: Any) -> bytes:
        date = PDFDate(ts=document._timeStamp)  # noqa: SLF001  # ReportLab's own clock
        texts = {
            "Title": self.title,
            "Author": self.author,
            "Producer": self.producer,
            "Creator": self.creator,
            "Subject": self.subject,
            "Keywords": self.keywords,
        }
        entries: dict[str, Any] = {k: PDFString(xmp.clean(v)) for k, v in texts.items() if v}
        entries["CreationDate"] = entries["ModDate"] = date
        return PDFDictionary(entries).format(document)


def use_tagged_info(canvas: Canvas) -> None:
    """Give the canvas's document the information dictionary a tagged PDF keeps (call it
    before the title and author are set)."""
    document = canvas._doc  # type: ignore[attr-defined]  # noqa: SLF001  # no public way in
    info = TaggedInfo()
    info.__dict__.update(document.info.__dict__)
    document.info = info


def write_tree(canvas: Canvas, tags: Tags, *, lang: str | None = None) -> None:
    """Add the structure tree, the parent tree, /Lang, /MarkInfo, DisplayDocTitle and the
    XMP to the canvas's document (every page shown, not yet saved)."""
    document = canvas._doc  # type: ignore[attr-defined]  # noqa: SLF001  # no public way in
    lang = lang or tags.lang
    pages = list(document.Pages.pages)
    tree = _add_tree(document, pages, tags)
    catalog = document.Catalog
    catalog.StructTreeRoot = tree
    catalog.Lang = PDFString(lang)
    catalog.MarkInfo = PDFDictionary({"Marked": "true"})
    catalog.ViewerPreferences = PDFDictionary({"DisplayDocTitle": "true"})
    info = document.info
    catalog.Metadata = PDFStream(
        PDFDictionary({"Type": PDFName("Metadata"), "Subtype": PDFName("XML")}),
        xmp.packet(
            title=info.title,
            author=info.author,
            subject=info.subject,
            keywords=info.keywords,
            producer=info.producer,
            creator=info.creator,
            stamp=document._timeStamp,  # noqa: SLF001  # the Info dictionary's dates
            lang=lang,
        ),
        filters=None,  # plain text, readable without inflating
    )


class StructElem(PDFObject):
    """A structure element (ISO 32000-1 §14.7.2), formatted straight to bytes: a document
    has dozens, and ReportLab's general dictionary formatting would cost more than all the
    rest of the tree. `kids` holds MCIDs (ints), references to elements, and (page, MCID)
    references to marked content on another page than the element's own."""

    def __init__(self, role: str, parent: Any) -> None:
        self.role = PDFName(role).encode()
        self.parent = parent
        self.page: Any = None
        self.kids: list[Any] = []
        self.strings: dict[str, str] = {}
        self.owned = b""  # the /A entry's value, already written

    def format(self, document: Any) -> bytes:
        numbers = document.idToObjectNumberAndVersion

        def ref(reference: Any) -> str:
            number, generation = numbers[reference.name]
            return f"{number} {generation} R"

        kids = []
        for kid in self.kids:
            if type(kid) is int:
                kids.append(str(kid))
            elif type(kid) is tuple:
                kids.append(f"<< /Type /MCR /Pg {ref(kid[0])} /MCID {kid[1]} >>")
            else:
                kids.append(ref(kid))
        out = [b"<<\n/Type /StructElem\n/S " + self.role, f"/P {ref(self.parent)}".encode()]
        if self.page is not None:
            out.append(f"/Pg {ref(self.page)}".encode())
        for key, text in self.strings.items():
            out.append(f"/{key} ".encode() + PDFString(text).format(document))
        if self.owned:
            out.append(b"/A " + self.owned)
        out.append(("/K [ " + " ".join(kids) + " ]\n>>").encode())
        return b"\n".join(out)


def _add_tree(document: Any, pages: list[Any], tags: Tags) -> PDFDictionary:
    page_refs = [document.Reference(page) for page in pages]
    parents: dict[int, dict[int, Any]] = {}  # page → MCID → the element holding it
    reference = document.Reference
    drawn = _drawn(tags.root)

    def make(element: Element, parent: Any) -> Any:
        if id(element) not in drawn:
            return None  # built but never drawn (nothing to read)
        made = StructElem(element.role, parent)
        node = reference(made)  # numbered before its kids, as a reader meets them
        if element.attributes:
            _set_attributes(made, element)
        first_page = next((kid[0] for kid in element.kids if isinstance(kid, tuple)), None)
        if first_page is not None:
            made.page = page_refs[first_page - 1]
        kids = made.kids
        for kid in element.kids:
            if not isinstance(kid, tuple):
                if (child := make(kid, node)) is not None:
                    kids.append(child)
                continue
            page, mcid = kid
            parents.setdefault(page, {})[mcid] = node
            kids.append(mcid if page == first_page else (page_refs[page - 1], mcid))
        return node

    tree = PDFDictionary({"Type": "/StructTreeRoot"})
    root = reference(tree)
    tree["K"] = PDFArray([make(tags.root, root)])
    numbers: list[Any] = []
    for index, page in enumerate(pages):
        page.StructParents = index
        extra = ["StructParents"]
        if page.Annots:
            page.Tabs = "/S"
            extra.append("Tabs")
        page.__NoDefault__ = [*page.__NoDefault__, *extra]  # written beside ReportLab's own
        held = parents.get(index + 1, {})
        numbers += [index, reference(PDFArray([held[mcid] for mcid in range(len(held))]))]
    tree["ParentTree"] = reference(PDFDictionary({"Nums": PDFArray(numbers)}))
    tree["ParentTreeNextKey"] = len(pages)
    return tree


def _drawn(root: Element) -> set[int]:
    """The ids of the elements with marked content of their own or in a descendant."""
    found: set[int] = set()

    def visit(element: Element) -> bool:
        here = False
        for kid in element.kids:
            if isinstance(kid, tuple) or visit(kid):
                here = True
        if here:
            found.add(id(element))
        return here

    visit(root)
    return found


def _set_attributes(made: StructElem, element: Element) -> None:
    layout: dict[str, list[str]] = {}  # owner → its entries, written
    for key, value in element.attributes.items():
        if key in _STRINGS:
            made.strings[key] = str(value)
        elif key == "Scope":
            layout.setdefault("Table", []).append(f"/Scope {PDFName(value)}")
        elif key in ("ColSpan", "RowSpan"):
            layout.setdefault("Table", []).append(f"/{key} {int(value)}")
        elif key == "ListNumbering":
            layout["List"] = [f"/ListNumbering {PDFName(value)}"]
    owned = [f"<< /O {PDFName(o)} {' '.join(a)} >>" for o, a in layout.items()]
    if owned:
        made.owned = (owned[0] if len(owned) == 1 else f"[ {' '.join(owned)} ]").encode()
