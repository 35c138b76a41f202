"""The annual report to council as a tagged PDF: a cover with the year's figures and the
contents, then a section per subject with its heading and tables whose header row is
repeated on every page a table runs onto ("Page N of M" at the foot, the report's name at
the head of later pages). Drawn from the plain model (`domain/annual_report.py`)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import PageBreak, Spacer

from sciapp.domain.annual_report import percent
from sciapp.domain.formats import DOCUMENT_LOCALE, formal_date
from sciapp.pdf.annual_exchanges import activities, gifts, membership
from sciapp.pdf.layout import Text, build, para, styles
from sciapp.pdf.report_story import NONE, Story, count_text, date_text, partial_text, table
from sciapp.pdf.tagging import Tags

if TYPE_CHECKING:
    from collections.abc import Callable, Sequence

    from sciapp.domain.annual_report import AnnualReport, Section
    from sciapp.pdf.model import Letterhead, Rendered


def _cover(story: Story, report: AnnualReport, titles: Sequence[str]) -> None:
    text, root, s = story.text, story.root, styles()
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
        (_terms_heading(report), totals["terms_ending"]),
        ("Vacancies", totals["vacancies"]),
        ("Activities", totals["activities"]),
        ("Participants in them", totals["participants"]),
        ("Gifts given and received", totals["gifts"]),
        ("Partnerships a state law touches", totals["law_flags"]),
    ]
    story.flow += [
        table(root, text, ("Figure", "Number"), [(k, str(v)) for k, v in figures], (4.0, 1.2)),
        Spacer(1, 18),
        para(root, "H2", "Contents", s.heading),
    ]
    listing = root.add("L", ListNumbering="Decimal")
    story.flow += [
        para(listing.add("LI"), "LBody", f"{n}. {text(t)}", s.body) for n, t in enumerate(titles, 1)
    ]
    story.flow.append(PageBreak())


def _partnerships(story: Story, report: AnnualReport) -> None:
    story.say(
        f"{count_text(len(report.partnerships), 'partnership')} stood during {report.year}; "
        f"their status as of {formal_date(report.as_of, DOCUMENT_LOCALE)}."
    )
    rows = [
        (
            t.partner_city,
            t.country,
            partial_text(t.established),
            t.status,
            "; ".join(t.law_flags) or "",
        )
        for t in report.partnerships
    ]
    story.table(
        ("Partner city", "Country", "Established", "Status", "State law"),
        rows,
        (1.5, 1.2, 0.9, 0.8, 2.1),
    )


def _changes(story: Story, report: AnnualReport) -> None:
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
            counted = "" if m.counts in decision else f", {m.result} {m.counts}"
            decision += f". Motion: “{m.text}” ({vote}{counted})"
        if c.reason:
            decision += f". Reason: {c.reason}"
        rows.append((partial_text(c.effective), c.partner, change, c.decided_by or NONE, decision))
    story.table(
        ("Effective", "Partnership", "Change", "Decided by", "Instrument and motion"),
        rows,
        (0.8, 1.3, 1.0, 0.9, 2.5),
    )


def _meetings(story: Story, report: AnnualReport) -> None:
    for body in report.bodies:
        story.sub(body.name)
        story.say(
            f"{count_text(body.meetings_held, 'meeting')} held"
            + (f", {body.meetings_cancelled} cancelled" if body.meetings_cancelled else "")
            + f"; {count_text(body.motions_adopted, 'motion')} adopted."
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


def _motions(story: Story, report: AnnualReport) -> None:
    if not report.motions_adopted:
        story.say(f"No motion was adopted in {report.year}.")
        return
    rows = [(date_text(m.date), m.body, m.text, m.counts) for m in report.motions_adopted]
    story.table(("Date", "Body", "Motion", "Vote"), rows, (0.8, 1.5, 3.4, 0.8))


def _members(story: Story, report: AnnualReport) -> None:
    story.sub("Seats and vacancies")
    rows = [(b.name, str(b.seats), str(b.serving), str(b.vacancies)) for b in report.bodies]
    story.table(
        ("Body", "Seats", "Voting members serving", "Vacancies"), rows, (3.2, 0.8, 1.5, 1.0)
    )
    story.sub(_terms_heading(report))
    if not report.terms_ending:
        story.say("No term ends in that time.")
        return
    rows = [(t.body, t.name, t.office, date_text(t.term_end)) for t in report.terms_ending]
    story.table(("Body", "Member", "Office", "Term ends"), rows, (2.6, 1.8, 1.1, 1.0))


def _terms_heading(report: AnnualReport) -> str:
    """ "Terms ending in 2023"; while the year runs, "Terms ending by December 31, 2025"."""
    if report.as_of.month == 12 and report.as_of.day == 31:
        return f"Terms ending in {report.year + 1}"
    return f"Terms ending by December 31, {report.year + 1}"


def _laws(story: Story, report: AnnualReport) -> None:
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


def _extra(section: Section) -> Callable[[Story, AnnualReport], None]:
    def write(story: Story, _report: AnnualReport) -> None:
        if section.note:
            story.say(section.note)
        if not section.rows:
            story.say("None recorded this year.")
            return
        width = 6.5 / max(1, len(section.columns))
        story.table(section.columns, section.rows, [width] * len(section.columns))

    return write


def render_annual_report(
    report: AnnualReport, letterhead: Letterhead, passages: Sequence[tuple[str, str]] = ()
) -> Rendered:
    text = Text(passages)
    tags = Tags()
    story = Story(text, tags.root)
    sections: list[tuple[str, Callable[[Story, AnnualReport], None]]] = [
        ("Partnerships", _partnerships),
        ("Status changes and decisions", _changes),
        ("Activities", activities),
        ("Gifts given and received", gifts),
        ("Sister Cities International membership", membership),
        ("Meetings and attendance", _meetings),
        ("Motions adopted", _motions),
        ("Members, terms ending and vacancies", _members),
        ("State laws on partner countries", _laws),
        *((section.title, _extra(section)) for section in report.sections),
    ]
    _cover(story, report, [title for title, _write in sections])
    for title, write in sections:
        story.heading(title)
        write(story, report)
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
