"""What a report's PDF is made of: numbered section headings kept with what follows, and
tables of text whose header row is repeated on every page a table runs onto, drawn there as
a running artifact so that the header's cells are in the structure tree once (tagged PDF,
pdf/tagging.py). The annual report to council is written with them (pdf/annual_report.py)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from reportlab.lib import colors
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import inch
from reportlab.platypus import CondPageBreak, Spacer, TableStyle

from sciapp.domain.formats import DOCUMENT_LOCALE, partial_date, short_date
from sciapp.pdf.fonts import FAMILY
from sciapp.pdf.layout import SciTable, para, styles
from sciapp.pdf.tagging import artifact

if TYPE_CHECKING:
    import datetime as dt
    from collections.abc import Sequence

    from reportlab.platypus import Flowable

    from sciapp.pdf.layout import Text
    from sciapp.pdf.tagging import Element

HEADER_GREY = colors.HexColor("#e8e8e8")
RULE_GREY = colors.HexColor("#9a9a9a")
NONE = "—"


class ReportTable(SciTable):
    """A table whose header row is repeated on each page it runs onto: drawn again there as
    a running artifact, so the header's cells are in the structure tree once."""

    _repeated: frozenset[int] = frozenset()  # ids of the header cells drawn again here

    def split(self, avail_width: float, avail_height: float) -> list[Any]:
        parts = super().split(avail_width, avail_height)
        for number, part in enumerate(parts):
            if isinstance(part, ReportTable) and (number > 0 or self._repeated):
                part.repeats_header()
        return parts

    def repeats_header(self) -> None:
        """This part comes after a page break: its header row is the first part's again."""
        head = self._cellvalues[: self.repeatRows]  # type: ignore[attr-defined]  # ReportLab's own
        self._repeated = frozenset(id(cell) for row in head for cell in row)

    def _drawCell(self, cellval: Any, cellstyle: Any, pos: Any, size: Any) -> None:
        if id(cellval) not in self._repeated:
            super()._drawCell(cellval, cellstyle, pos, size)
            return
        # A cell holds its flowables as a tuple: each is drawn untagged, as the artifact.
        flowables = list(cellval) if isinstance(cellval, list | tuple) else [cellval]
        tags = [getattr(flowable, "tag", None) for flowable in flowables]
        for flowable, tag in zip(flowables, tags, strict=True):
            if tag is not None:
                flowable.tag = None
        try:
            with artifact(self.canv, "Pagination", "Header"):
                super()._drawCell(cellval, cellstyle, pos, size)
        finally:
            for flowable, tag in zip(flowables, tags, strict=True):
                if tag is not None:
                    flowable.tag = tag


def _cell_styles() -> tuple[ParagraphStyle, ParagraphStyle]:
    s = styles()
    cell = ParagraphStyle("annual-cell", parent=s.small, fontSize=8.5, leading=10.5, spaceAfter=0)
    head = ParagraphStyle("annual-head", parent=cell, fontName=f"{FAMILY}-Bold")
    return cell, head


def table(
    parent: Element,
    text: Text,
    columns: Sequence[str],
    rows: Sequence[Sequence[str]],
    widths: Sequence[float],
) -> ReportTable:
    """A table of text: the first row heads the columns (TH, Scope Column) and repeats."""
    cell, head = _cell_styles()
    grid = parent.add("Table")
    header = grid.add("TR")
    data: list[list[Any]] = [
        [para(header, "TH", text(name), head, Scope="Column") for name in columns]
    ]
    for values in rows:
        row = grid.add("TR")
        data.append([para(row, "TD", text(value), cell) for value in values])
    made = ReportTable(data, colWidths=[w * inch for w in widths], repeatRows=1, hAlign="LEFT")
    style: list[Any] = [
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("BACKGROUND", (0, 0), (-1, 0), HEADER_GREY),
        ("LINEBELOW", (0, 0), (-1, 0), 0.6, RULE_GREY),
        ("LINEBELOW", (0, 1), (-1, -1), 0.25, colors.HexColor("#cccccc")),
        ("TOPPADDING", (0, 0), (-1, -1), 2),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
        ("LEFTPADDING", (0, 0), (-1, -1), 3),
        ("RIGHTPADDING", (0, 0), (-1, -1), 3),
    ]
    made.setStyle(TableStyle(style))
    return made


def date_text(day: dt.date | None) -> str:
    return short_date(day, DOCUMENT_LOCALE) if day else NONE


def partial_text(iso: str | None) -> str:
    return partial_date(iso, DOCUMENT_LOCALE) if iso else NONE


def count_text(n: int, one: str, many: str | None = None) -> str:
    return f"{n} {one if n == 1 else (many or one + 's')}"


class Story:
    """The flowables of a report, its numbered sections and their tagged elements in order."""

    def __init__(self, text: Text, root: Element) -> None:
        self.text, self.root = text, root
        self.flow: list[Flowable] = []
        self.number = 0

    def heading(self, title: str) -> None:
        self.number += 1
        self.flow += [
            CondPageBreak(2.2 * inch),  # with room for a sub-heading, a sentence, a row
            para(self.root, "H1", f"{self.number}. {self.text(title)}", h1_style()),
        ]

    def sub(self, title: str) -> None:
        # Kept with what follows: a heading and its sentence never end a page alone.
        self.flow += [
            CondPageBreak(1.6 * inch),
            para(self.root, "H2", self.text(title), styles().heading),
        ]

    def say(self, words: str) -> None:
        self.flow.append(para(self.root, "P", self.text(words), styles().body))

    def table(
        self, columns: Sequence[str], rows: Sequence[Sequence[str]], widths: Sequence[float]
    ) -> None:
        self.flow += [table(self.root, self.text, columns, rows, widths), Spacer(1, 10)]


def h1_style() -> ParagraphStyle:
    s = styles()
    return ParagraphStyle("annual-h1", parent=s.heading, fontSize=14, leading=18, spaceBefore=10)
