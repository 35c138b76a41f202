"""What a report's PDF is made of: numbered section headings kept with what follows, and
tables of text whose header row is repeated on every page a table runs onto, drawn there as
a running artifact so that the header's cells are in the structure tree once (tagged PDF,
pdf/tagging.py). The annual report to council is written with them (pdf/annual_report.py)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from reportlab.lib import colors
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import inch
from reportlab.platypus import CondPageBreak, Flowable, Spacer, TableStyle

from sciapp.domain.formats import DOCUMENT_LOCALE, partial_date, short_date
from sciapp.pdf.fonts import FAMILY
from sciapp.pdf.layout import SciTable, para, styles
from sciapp.pdf.tagging import artifact

if TYPE_CHECKING:
    import datetime as dt
    from collections.abc import Sequence

    from sciapp.pdf.layout import Text
    from sciapp.pdf.tagging import Element

HEADER_GREY = colors.HexColor("#e8e8e8")
RULE_GREY = colors.HexColor("#9a9a9a")
NONE = "—"


class ReportTable(SciTable):
    """A table whose header row is repeated on each page it runs onto: drawn again there as
    a running artifact, so the header's cells are in the structure tree once."""

    _repeated: frozenset[int] = frozenset()  # ids of the header's flowables drawn again

    def split(self, avail_width: float, avail_height: float) -> list[Any]:
        parts = super().split(avail_width, avail_height)
        for number, part in enumerate(parts):
            if isinstance(part, ReportTable) and (number > 0 or self._repeated):
                part.repeats_header()
        return parts

    def repeats_header(self) -> None:
        """This part comes after a page break: its header row is the first part's again."""
        head = self._cellvalues[: self.repeatRows]  # type: ignore[attr-defined]  # ReportLab's own
        self._repeated = frozenset(id(f) for row in head for cell in row for f in _flowables(cell))

    def _drawCell(self, cellval: Any, cellstyle: Any, pos: Any, size: Any) -> None:
        # A cell holds its flowables as they were given, or (once laid out) in a tuple.
        flowables = _flowables(cellval)
        if not any(id(flowable) in self._repeated for flowable in flowables):
            super()._drawCell(cellval, cellstyle, pos, size)
            return
        # Drawn again here: untagged, as the running header's artifact.
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


def _flowables(cell: Any) -> list[Any]:
    return list(cell) if isinstance(cell, list | tuple) else [cell]


def _cell_styles() -> tuple[ParagraphStyle, ParagraphStyle]:
    s = styles()
    cell = ParagraphStyle("annual-cell", parent=s.small, fontSize=8.5, leading=10.5, spaceAfter=0)
    head = ParagraphStyle("annual-head", parent=cell, fontName=f"{FAMILY}-Bold")
    return cell, head


PADDING = {"TOP": 2, "BOTTOM": 3, "LEFT": 3, "RIGHT": 3}
CHUNKED = 80  # rows: a longer table is laid out a page at a time (RowsTable)


def _made(data: list[list[Any]], widths: Sequence[float]) -> ReportTable:
    made = ReportTable(data, colWidths=list(widths), repeatRows=1, hAlign="LEFT")
    style: list[Any] = [
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("BACKGROUND", (0, 0), (-1, 0), HEADER_GREY),
        ("LINEBELOW", (0, 0), (-1, 0), 0.6, RULE_GREY),
        ("LINEBELOW", (0, 1), (-1, -1), 0.25, colors.HexColor("#cccccc")),
        *((f"{side}PADDING", (0, 0), (-1, -1), pad) for side, pad in PADDING.items()),
    ]
    made.setStyle(TableStyle(style))
    return made


class RowsTable(Flowable):
    """A long table laid out a page at a time: each page's part is a `ReportTable` of the
    rows that fit, under the header (an artifact after the first). ReportLab splits one
    table by building its remainder anew, every cell styled again, on each page: for a
    national directory's twenty thousand ties that grew with the square of the pages."""

    def __init__(
        self, head: list[Any], rows: list[list[Any]], widths: Sequence[float], first: bool = True
    ) -> None:
        super().__init__()
        self.head, self.rows, self.widths, self.first = head, rows, list(widths), first
        self._heights: list[float] | None = None

    def _row_heights(self) -> list[float]:
        if self._heights is None:
            inner = [w - PADDING["LEFT"] - PADDING["RIGHT"] for w in self.widths]
            pad = PADDING["TOP"] + PADDING["BOTTOM"]
            self._heights = [
                max(cell.wrap(w, 10_000)[1] for cell, w in zip(row, inner, strict=True)) + pad
                for row in self.rows
            ]
        return self._heights

    def _part(self, rows: list[list[Any]], first: bool) -> ReportTable:
        made = _made([self.head, *rows], self.widths)
        if not first:
            made.repeats_header()
        return made

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        head = self._part([], self.first).wrap(avail_width, avail_height)[1]
        self.width, self.height = sum(self.widths), head + sum(self._row_heights())
        return self.width, self.height

    def split(self, avail_width: float, avail_height: float) -> list[Flowable]:
        heights, used, fits = self._row_heights(), 0.0, 0
        room = avail_height - self._part([], self.first).wrap(avail_width, avail_height)[1]
        while fits < len(heights) and used + heights[fits] <= room:
            used += heights[fits]
            fits += 1
        while fits > 0:  # what ReportLab measures decides, not the estimate
            part = self._part(self.rows[:fits], self.first)
            if part.wrap(avail_width, avail_height)[1] <= avail_height:
                rest = RowsTable(self.head, self.rows[fits:], self.widths, first=False)
                rest._heights = heights[fits:]
                return [part, rest] if rest.rows else [part]
            fits -= 1
        return []

    def draw(self) -> None:  # all of it fits here: one part
        part = self._part(self.rows, self.first)
        part.wrapOn(self.canv, self.width, self.height)
        part.drawOn(self.canv, 0, 0)


def table(
    parent: Element,
    text: Text,
    columns: Sequence[str],
    rows: Sequence[Sequence[str]],
    widths: Sequence[float],
) -> Flowable:
    """A table of text: the first row heads the columns (TH, Scope Column) and repeats on
    every page the table runs onto."""
    cell, head = _cell_styles()
    grid = parent.add("Table")
    header = grid.add("TR")
    heading = [para(header, "TH", text(name), head, Scope="Column") for name in columns]
    data: list[list[Any]] = []
    for values in rows:
        row = grid.add("TR")
        data.append([para(row, "TD", text(value), cell) for value in values])
    points = [w * inch for w in widths]
    if len(data) > CHUNKED:
        return RowsTable(heading, data, points)
    return _made([heading, *data], points)


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
