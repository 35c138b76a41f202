"""The annual report's people-to-people sections: activities by kind and partnership with
who took part and spending against budget, the gifts given and received, and the Sister
Cities International membership (model: domain/annual_exchanges.py)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from sciapp.domain.activities import ActivityKind, money_text
from sciapp.domain.annual_exchanges import spending
from sciapp.pdf.report_story import NONE, count_text, date_text

if TYPE_CHECKING:
    from sciapp.domain.annual_exchanges import ActivityLine, Spending
    from sciapp.domain.annual_report import AnnualReport
    from sciapp.pdf.report_story import Story


def _when(a: ActivityLine) -> str:
    if a.ends_on is None or a.ends_on == a.starts_on:
        return date_text(a.starts_on)
    return f"{date_text(a.starts_on)} – {date_text(a.ends_on)}"


def _who(a: ActivityLine) -> str:
    said = a.participants_text() or NONE
    if a.members:
        said += f" (members: {', '.join(a.members)})"
    return said


def _balance(t: Spending) -> str:
    gap = t.spent_cents - t.budget_cents
    if gap > 0:
        return f"{money_text(gap, t.currency)} over budget"
    if gap < 0:
        return f"{money_text(-gap, t.currency)} under budget"
    return "on budget"


def activities(story: Story, report: AnnualReport) -> None:
    found = report.activities
    if not found:
        story.say(f"No activity is recorded for {report.year}.")
        return
    people = sum(a.participant_count for a in found)
    story.say(
        f"{count_text(len(found), 'activity', 'activities')} under way in {report.year}, "
        f"with {count_text(people, 'participant')} in all."
    )
    story.sub("By kind")
    kinds = [k for k in ActivityKind if any(a.kind is k for a in found)]
    by_kind = [
        (
            kind.label,
            str(sum(1 for a in found if a.kind is kind)),
            str(sum(a.participant_count for a in found if a.kind is kind)),
        )
        for kind in kinds
    ]
    story.table(("Kind", "Activities", "Participants"), by_kind, (3.2, 1.0, 1.0))
    story.sub("By partnership")
    rows = [
        (
            a.partner,
            a.kind.label,
            "; ".join(part for part in (a.title, _when(a), a.place, a.motion) if part),
            _who(a),
            money_text(a.budget_cents, a.currency),
            money_text(a.spent_cents, a.currency),
        )
        for a in found
    ]
    story.table(
        ("Partnership", "Kind", "Activity", "Participants", "Budget", "Spent"),
        rows,
        (1.05, 0.95, 1.9, 1.2, 0.7, 0.7),
    )
    totals = spending(found)
    if totals:
        story.sub("Spending against budget")
        sums = [
            (
                t.currency,
                str(t.activities),
                money_text(t.budget_cents, t.currency),
                money_text(t.spent_cents, t.currency),
                _balance(t),
            )
            for t in totals
        ]
        story.table(
            ("Currency", "Activities", "Budget", "Spent", "Against budget"),
            sums,
            (0.9, 0.9, 1.3, 1.3, 2.0),
        )


def gifts(story: Story, report: AnnualReport) -> None:
    found = report.gifts
    if not found:
        story.say(f"No gift given or received is recorded for {report.year}.")
        return
    received = sum(1 for g in found if g.direction == "received")
    story.say(
        f"{count_text(len(found), 'gift')}: {received} received, {len(found) - received} "
        "given. A gift to the City is city property; a personal gift is reported."
    )
    rows = [
        (
            date_text(g.exchanged_on),
            g.direction.capitalize(),
            g.description + (f" ({g.activity})" if g.activity else ""),
            g.counterpart or NONE,
            money_text(g.value_cents, g.currency),
            "City property" if g.city_property else "Personal",
            ", ".join(part for part in (g.custodian, g.location, g.disposition) if part) or NONE,
        )
        for g in found
    ]
    story.table(
        (
            "Date",
            "Given or received",
            "Gift",
            "From or to",
            "Value",
            "Held as",
            "Custodian, where kept",
        ),
        rows,
        (0.75, 0.65, 1.5, 1.2, 0.65, 0.75, 1.0),
    )


def membership(story: Story, report: AnnualReport) -> None:
    m = report.membership
    if m is None:
        story.say(f"No Sister Cities International membership is recorded for {report.year}.")
        return
    standing = "in good standing" if m.in_good_standing else "not in good standing (no dues paid)"
    story.say(f"The commission's membership for {report.year} is {standing}.")
    rows = [
        ("Dues paid on", date_text(m.dues_paid_on)),
        ("Dues", money_text(m.dues_cents, m.currency)),
        (
            "Agreement on file with Sister Cities International",
            "Yes" if m.agreement_on_file else "No",
        ),
    ]
    story.table(("Membership", str(report.year)), rows, (4.0, 2.0))
