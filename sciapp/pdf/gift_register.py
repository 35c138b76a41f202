"""The gift register for the clerk's disclosure as a tagged PDF, landscape (ten columns):
the commission's letterhead, "Gift register <year>", one table of every gift whose header
row repeats on each page it runs onto ("Page N of M" at the foot), then the totals of
estimated value per direction and currency. Drawn from domain/gift_register.py."""

from __future__ import annotations

from typing import TYPE_CHECKING

from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import Spacer

from sciapp.domain.activities import money_text
from sciapp.domain.formats import DOCUMENT_LOCALE, formal_date
from sciapp.pdf.layout import Text, build, para, styles
from sciapp.pdf.report_story import NONE, Story, count_text, date_text
from sciapp.pdf.tagging import Tags

if TYPE_CHECKING:
    from collections.abc import Sequence

    from sciapp.domain.gift_register import GiftLine, GiftRegister
    from sciapp.pdf.model import Letterhead, Rendered

COLUMNS = (
    "Date",
    "Given or received",
    "Gift",
    "From or to",
    "Activity or partnership",
    "Estimated value",
    "City property or personal",
    "Custodian",
    "Place kept",
    "Disposition",
)
WIDTHS = (0.72, 0.65, 1.3, 1.1, 1.1, 0.78, 0.72, 0.8, 0.85, 0.98)  # inches: 9 across


def _tie(g: GiftLine) -> str:
    return " · ".join(part for part in (g.activity, g.partnership) if part) or "No partnership"


def _disposition(g: GiftLine) -> str:
    if not g.disposition:
        return NONE
    return f"{g.disposition} ({date_text(g.disposed_on)})" if g.disposed_on else g.disposition


def _row(g: GiftLine) -> tuple[str, ...]:
    return (
        date_text(g.exchanged_on),
        g.direction.capitalize(),
        g.description,
        g.counterpart or NONE,
        _tie(g),
        money_text(g.value_cents, g.currency),
        "City property" if g.city_property else "Personal",
        g.custodian or NONE,
        g.location or NONE,
        _disposition(g),
    )


def render_gift_register(
    register: GiftRegister, letterhead: Letterhead, passages: Sequence[tuple[str, str]] = ()
) -> Rendered:
    text = Text(passages)
    tags = Tags()
    story = Story(text, tags.root)
    s = styles()
    title = register.title
    story.flow += [
        para(
            tags.root,
            "H1",
            text(title),
            ParagraphStyle("gift-title", parent=s.title, fontSize=18, leading=23),
        ),
        para(
            tags.root,
            "P",
            text(
                (f"of the {register.commission} · " if register.commission else "")
                + f"prepared {formal_date(register.prepared_on, DOCUMENT_LOCALE)}"
            ),
            s.center,
        ),
        Spacer(1, 8),
    ]
    lines = register.lines
    received = sum(1 for g in lines if g.direction == "received")
    when = f"in {register.year}" if register.year else "in the register"
    if not lines:
        story.say(f"No gift given or received is recorded {when}.")
    else:
        story.say(
            f"{count_text(len(lines), 'gift')} {when}: {received} received, "
            f"{len(lines) - received} given. A gift to the City is city property; a "
            "personal gift is reported."
        )
        story.table(COLUMNS, [_row(g) for g in lines], WIDTHS)
        story.sub("Totals of estimated value")
        rows = [
            (
                t.direction.capitalize(),
                t.currency,
                str(t.gifts),
                str(t.valued),
                money_text(t.value_cents, t.currency),
            )
            for t in register.totals()
        ]
        story.table(
            ("Given or received", "Currency", "Gifts", "With a value", "Estimated value"),
            rows,
            (1.4, 0.9, 0.8, 1.0, 1.4),
        )
    return build(
        story.flow,
        text=text,
        letterhead=letterhead,
        title=f"{title} — {register.commission}" if register.commission else title,
        subject="The gift register for the clerk's disclosure",
        footer=f"{title} · prepared {formal_date(register.prepared_on, DOCUMENT_LOCALE)}",
        continuation=f"{title} — {register.commission}" if register.commission else title,
        tags=tags,
        landscape=True,
    )
