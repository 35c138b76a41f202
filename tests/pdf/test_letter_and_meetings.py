import datetime as dt
import re

from sciapp.pdf.layout import Text
from sciapp.pdf.letter import inline, render_letter
from sciapp.pdf.model import LetterDoc, Letterhead, Signer
from tests.pdf.conftest import fonts_of, pdf_text

HEAD = Letterhead("Roanoke Sister Cities", ("215 Church Ave SW",), paper="a4")


def test_a_letter_has_every_part():
    doc = LetterDoc(
        letterhead=HEAD,
        date=dt.date(2022, 2, 28),
        to=("The Honorable Glenn Youngkin", "Governor of Virginia"),
        salutation="Dear Governor Youngkin:",
        body=(
            "It is times like these that such relationships are **more important** than *ever*.",
            "- people to people\n- city to city",
        ),
        signers=(
            Signer("Sherman Lea", "Mayor"),
            Signer("Jo Clerk", "City Clerk"),
            Signer("Pat Chair", "Chair"),
        ),
        subject="Our sister city Pskov",
        attention="Office of the Governor",
        initials="SL/jc",
        enclosures=("SCI policy statement",),
        cc=("City Council", "Sister Cities International"),
    )
    rendered = render_letter(doc)
    text = " ".join(pdf_text(rendered.pdf).split())
    for part in (
        "February 28, 2022",
        "The Honorable Glenn Youngkin",
        "Attention: Office of the Governor",
        "Subject: Our sister city Pskov",
        "Dear Governor Youngkin:",
        "more important than ever",
        "• people to people",
        "Sincerely,",
        "Sherman Lea",
        "Pat Chair",
        "SL/jc",
        "Enclosures: SCI policy statement",
        "cc: City Council; Sister Cities International",
    ):
        assert part in text, part
    assert all(fonts_of(rendered.pdf).values())


def test_inline_bold_and_italic_escape_the_rest():
    text = Text()
    assert inline("a **b** *c* <d> & e", text) == "a <b>b</b> <i>c</i> &lt;d&gt; &amp; e"
    assert inline("2 * 3 * 4", text) == "2 * 3 * 4"


def test_minutes_and_agenda_from_the_demo(demo_workspace):
    from sciapp.services.reports.rendering import render_agenda, render_minutes

    minutes = pdf_text(render_minutes(demo_workspace, 1).pdf)
    flat = " ".join(minutes.split())
    for part in (
        "Minutes of the regular meeting, Wednesday, March 16, 2022",
        "Status Approved on April 20, 2022",
        "Members present",
        "Margaret Okafor (Chair)",
        "Andrea Lopez (non-voting)",
        "Luis Carrillo (arrived 7:26 p.m.)",
        "Hannah Becker (excused)",
        "Motion: Ask the City Council to reconsider",
        "Moved by Irina Volkova, seconded by Daniel Reyes",
        "Ayes: Grace Mensah, Daniel Reyes, Irina Volkova",
        "Failed on a tie 3–3",
        "Public comment",
        "Adjourned at 8:41 p.m.",
    ):
        assert part in flat, part
    agenda = " ".join(pdf_text(render_agenda(demo_workspace, 5).pdf).split())
    assert "1. Call to order" in agenda
    assert "8. Adjournment" in agenda
    notice = re.search(r"Public notice posted [^.]*?\d:\d\d [ap]\.m\.\S*", agenda)
    assert notice, agenda
    assert notice.group().endswith(("a.m.", "p.m.")), agenda  # not "a.m.."
