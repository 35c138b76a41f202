"""The annual report to council as a tagged PDF: a cover with the year's figures and the
contents, then a section per subject with its heading and tables whose header row is
repeated on every page a table runs onto ("Page N of M" at the foot, the report's name at
the head of later pages). Drawn from the plain model (`domain/annual_report.py`)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from reportlab.lib import colors
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import inch
from reportlab.platypus import CondPageBreak, PageBreak, Spacer, TableStyle

from sciapp.domain.annual_report import percent
from sciapp.domain.formats import DOCUMENT_LOCALE, formal_date, partial_date, short_date
from sciapp.pdf.fonts import FAMILY
from sciapp.pdf.layout import SciTable, Text, build, para, styles
from sciapp.pdf.tagging import Tags, artifact

if TYPE_CHECKING:
    import datetime as dt
    from collections.abc import Sequence

    from reportlab.platypus import Flowable

    from sciapp.domain.annual_report import AnnualReport, Section
    from sciapp.pdf.model import Letterhead, Rendered
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


def _date(day: dt.date | None) -> str:
    return short_date(day, DOCUMENT_LOCALE) if day else NONE


def _partial(iso: str | None) -> str:
    return partial_date(iso, DOCUMENT_LOCALE) if iso else NONE


def _count(n: int, one: str, many: str | None = None) -> str:
    return f"{n} {one if n == 1 else (many or one + 's')}"


class _Story:
    def __init__(self, report: AnnualReport, text: Text, root: Element) -> None:
        self.report, self.text, self.root = report, text, root
        self.flow: list[Flowable] = []
        self.number = 0

    def heading(self, title: str) -> None:
        self.number += 1
        self.flow += [
            CondPageBreak(1.4 * inch),
            para(self.root, "H1", f"{self.number}. {self.text(title)}", _h1()),
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


def _h1() -> ParagraphStyle:
    s = styles()
    return ParagraphStyle("annual-h1", parent=s.heading, fontSize=14, leading=18, spaceBefore=10)


TITLES = (
    "Partnerships",
    "Status changes and decisions",
    "Meetings and attendance",
    "Motions adopted",
    "Members, terms ending and vacancies",
    "State laws on partner countries",
)


def _cover(story: _Story) -> None:
    report, text, root, s = story.report, story.text, story.root, styles()
    title = ParagraphStyle("annual-title", parent=s.title, fontSize=20, leading=26, spaceBefore=36)
    subtitle = ParagraphStyle("annual-sub", parent=s.center, fontSize=13, leading=18)
    totals = report.totals()
    story.flow += [
        para(root, "H1", text(f"Annual Report {report.year}"), title),
        para(root, "P", text(f"of the {report.commission}" if report.commission else ""), subtitle),
        para(root, "P", text("to the City Council"), subtitle),
        Spacer(1, 10),
        para(
            root,
            "P",
            text(
                f"Covering {formal_date(report.as_of.replace(month=1, day=1), DOCUMENT_LOCALE)}"
                f" to {formal_date(report.as_of, DOCUMENT_LOCALE)} · prepared "
                f"{formal_date(report.prepared_on, DOCUMENT_LOCALE)}"
            ),
            ParagraphStyle("annual-span", parent=s.center, fontSize=10, leading=13),
        ),
        Spacer(1, 24),
        para(root, "H2", "The year in figures", s.heading),
    ]
    figures = [
        ("Partnerships", totals["partnerships"]),
        ("Status changes", totals["status_changes"]),
        ("Meetings held", totals["meetings_held"]),
        ("Motions adopted", totals["motions_adopted"]),
        (f"Terms ending in {report.year + 1}", totals["terms_ending"]),
        ("Vacancies", totals["vacancies"]),
        ("Partnerships a state law touches", totals["law_flags"]),
    ]
    story.flow += [
        table(root, text, ("Figure", "Number"), [(k, str(v)) for k, v in figures], (4.0, 1.2)),
        Spacer(1, 18),
        para(root, "H2", "Contents", s.heading),
    ]
    listing = root.add("L", ListNumbering="Decimal")
    titles = [*TITLES, *(section.title for section in report.sections)]
    story.flow += [
        para(listing.add("LI"), "LBody", f"{n}. {text(t)}", s.body) for n, t in enumerate(titles, 1)
    ]
    story.flow.append(PageBreak())


def _partnerships(story: _Story) -> None:
    report = story.report
    story.heading(TITLES[0])
    story.say(
        f"{_count(len(report.partnerships), 'partnership')} stood during {report.year}; "
        f"their status as of {formal_date(report.as_of, DOCUMENT_LOCALE)}."
    )
    rows = [
        (t.partner_city, t.country, _partial(t.established), t.status, "; ".join(t.law_flags) or "")
        for t in report.partnerships
    ]
    story.table(
        ("Partner city", "Country", "Established", "Status", "State law"),
        rows,
        (1.5, 1.2, 0.9, 0.8, 2.1),
    )


def _changes(story: _Story) -> None:
    report = story.report
    story.heading(TITLES[1])
    if not report.status_changes:
        story.say(f"No partnership changed status in {report.year}.")
        return
    rows = []
    for c in report.status_changes:
        change = f"{c.previous} → {c.status}" if c.previous else c.status
        decision = c.instrument or NONE
        if c.motion is not None:
            m = c.motion
            vote = "roll call" if m.method == "roll_call" else "voice vote"
            decision += f". Motion: “{m.text}” ({vote}, {m.result} {m.counts})"
        if c.reason:
            decision += f". Reason: {c.reason}"
        rows.append((_partial(c.effective), c.partner, change, c.decided_by or NONE, decision))
    story.table(
        ("Effective", "Partnership", "Change", "Decided by", "Instrument and motion"),
        rows,
        (0.8, 1.3, 1.0, 0.9, 2.5),
    )


def _meetings(story: _Story) -> None:
    report = story.report
    story.heading(TITLES[2])
    for body in report.bodies:
        story.sub(body.name)
        story.say(
            f"{_count(body.meetings_held, 'meeting')} held"
            + (f", {body.meetings_cancelled} cancelled" if body.meetings_cancelled else "")
            + f"; {_count(body.motions_adopted, 'motion')} adopted."
        )
        if not body.members:
            continue
        rows = [
            (
                m.name,
                m.office,
                str(m.meetings),
                str(m.present),
                str(m.excused),
                str(m.absent),
                percent(m.rate),
            )
            for m in body.members
        ]
        story.table(
            ("Member", "Office", "Meetings", "Present", "Excused", "Absent", "Attendance"),
            rows,
            (1.9, 1.0, 0.7, 0.65, 0.65, 0.65, 0.95),
        )


def _motions(story: _Story) -> None:
    report = story.report
    story.heading(TITLES[3])
    if not report.motions_adopted:
        story.say(f"No motion was adopted in {report.year}.")
        return
    rows = [(_date(m.date), m.body, m.text, m.counts) for m in report.motions_adopted]
    story.table(("Date", "Body", "Motion", "Vote"), rows, (0.8, 1.5, 3.4, 0.8))


def _members(story: _Story) -> None:
    report = story.report
    story.heading(TITLES[4])
    story.sub("Seats and vacancies")
    rows = [(b.name, str(b.seats), str(b.serving), str(b.vacancies)) for b in report.bodies]
    story.table(
        ("Body", "Seats", "Voting members serving", "Vacancies"), rows, (3.2, 0.8, 1.5, 1.0)
    )
    story.sub(f"Terms ending in {report.year + 1}")
    if not report.terms_ending:
        story.say(f"No term ends in {report.year + 1}.")
        return
    rows = [(t.body, t.name, t.office, _date(t.term_end)) for t in report.terms_ending]
    story.table(("Body", "Member", "Office", "Term ends"), rows, (2.6, 1.8, 1.1, 1.0))


def _laws(story: _Story) -> None:
    report = story.report
    story.heading(TITLES[5])
    if not report.law_flags:
        story.say(
            "No partnership is touched by a state law on partner countries as of "
            f"{formal_date(report.as_of, DOCUMENT_LOCALE)}."
        )
        return
    story.say("The council decides; the register informs and records. Each rule with its citation:")
    rows = [
        (f.partner, f.state, "Yes" if f.barred else "Not yet in force", f.description)
        for f in report.law_flags
    ]
    story.table(
        ("Partnership", "State", "Barred now", "What the law says of it, with its citation"),
        rows,
        (1.5, 0.8, 0.9, 3.3),
    )


def _extra(story: _Story, section: Section) -> None:
    story.heading(section.title)
    if section.note:
        story.say(section.note)
    if not section.rows:
        story.say("None recorded this year.")
        return
    width = 6.5 / max(1, len(section.columns))
    story.table(section.columns, section.rows, [width] * len(section.columns))


def render_annual_report(
    report: AnnualReport, letterhead: Letterhead, passages: Sequence[tuple[str, str]] = ()
) -> Rendered:
    text = Text(passages)
    tags = Tags()
    story = _Story(report, text, tags.root)
    _cover(story)
    for part in (_partnerships, _changes, _meetings, _motions, _members, _laws):
        part(story)
    for section in report.sections:
        _extra(story, section)
    title = f"Annual Report {report.year}"
    return build(
        story.flow,
        text=text,
        letterhead=letterhead,
        title=f"{title} — {report.commission}" if report.commission else title,
        subject=f"Annual report to the City Council for {report.year}",
        footer=f"{title} · as of {formal_date(report.as_of, DOCUMENT_LOCALE)}",
        continuation=f"{title} — {report.commission}" if report.commission else title,
        tags=tags,
    )
