"""Issue 15, "On paper": what a printed resolution, letter, agenda and minutes look like."""

import datetime as dt
import io
import re

import pikepdf
from pypdf import PdfReader

from sciapp.pdf.letter import render_letter
from sciapp.pdf.meeting_docs import render_agenda, render_minutes
from sciapp.pdf.model import (
    AgendaDoc,
    LetterDoc,
    Letterhead,
    MinutesDoc,
    MinutesItem,
    ResolutionDoc,
    Signer,
    Votes,
)
from sciapp.pdf.resolution import render_resolution
from tests.pdf.conftest import pdf_text

HEAD = Letterhead("City of Lansing", ("124 W. Michigan Avenue", "Lansing, Michigan 48933"))
NBSP = "\u00a0"


def resolution(**changes) -> ResolutionDoc:
    base = {
        "number": "2022-01",
        "title": "A resolution suspending the sister-city relationship with St. Petersburg, Russia",
        "body_name": "Lansing City Council",
        "preamble": (
            "the war inflicted suffering on the Ukrainian people;",
            "Whereas, the council hopes for a declaration of peace;.",
            'the cities\' friendship is "people to people"; and',
        ),
        "operative": (
            "the relationship is suspended;",
            "that the matter goes to the Committee..",
        ),
        "distribution": (
            "the Mayor of St. Petersburg;",
            "the Embassy",
            "Sister Cities International",
        ),
        "letterhead": HEAD,
        "status": "adopted",
        "adopted_on": dt.date(2022, 3, 14),
        "votes": Votes(("Ada Abbott", "Ben Baker"), ("Cal Cruz",), (), ()),
        "presiding": Signer("Carol Whitaker", "Council President"),
        "clerk": Signer("Andrea Lopez", "City Clerk"),
        "meeting_kind": "regular",
        "meeting_date": dt.date(2022, 3, 14),
    }
    return ResolutionDoc(**{**base, **changes})


def flat(pdf: bytes) -> str:
    return " ".join(pdf_text(pdf).split())


def pages(pdf: bytes) -> list[str]:
    return [" ".join(p.extract_text().split()) for p in PdfReader(io.BytesIO(pdf)).pages]


def test_each_clause_prints_its_punctuation_once_whatever_was_pasted():
    text = flat(render_resolution(resolution()).pdf)
    for doubled in (";;", ";.", "..", "; and;", "WHEREAS, Whereas", "that that"):
        assert doubled not in text, doubled
    for part in (
        "WHEREAS, the war inflicted suffering on the Ukrainian people; and",
        "WHEREAS, the council hopes for a declaration of peace; and",
        "WHEREAS, the cities\u2019 friendship is \u201cpeople to people\u201d;",
        "NOW, THEREFORE, BE IT RESOLVED by the Lansing City Council that the relationship is "
        "suspended.",
        "BE IT FURTHER RESOLVED that the matter goes to the Committee.",
    ):
        assert part in text, part


def test_copies_to_print_as_a_list_one_recipient_a_line():
    lines = [
        " ".join(line.split())
        for line in pdf_text(render_resolution(resolution()).pdf).splitlines()
    ]
    start = lines.index(
        "BE IT FURTHER RESOLVED that the City Clerk send copies of this resolution to:"
    )
    assert lines[start + 1 : start + 4] == [
        "the Mayor of St. Petersburg;",
        "the Embassy; and",
        "Sister Cities International.",
    ]


def test_the_clerks_certificate_names_the_meeting():
    text = flat(render_resolution(resolution()).pdf)
    assert (
        "I, the undersigned City Clerk, certify that the foregoing resolution was adopted by the "
        "Lansing City Council at a regular meeting held on the 14th day of March, 2022, by the "
        "following vote:"
    ) in text
    hand = flat(render_resolution(resolution(meeting_kind="", meeting_date=None)).pdf)
    assert "adopted by the Lansing City Council at a meeting held on the 14th day of March" in hand


def test_the_title_never_breaks_after_st_and_quotes_are_typographic():
    ends = []
    for pad in range(0, 30, 2):  # some of these would break the line right after "ST."
        title = (
            "x" * pad + " a resolution suspending the sister-city relationship with St. Petersburg"
        )
        lines = pdf_text(render_resolution(resolution(title=title)).pdf).splitlines()
        ends += [line for line in lines if line.rstrip().endswith("ST.")]
        assert any("PETERSBURG" in line for line in lines)
    assert ends == []
    text = pdf_text(render_resolution(resolution()).pdf)
    assert "'" not in text
    assert '"' not in text
    assert "cities\u2019 friendship is \u201cpeople to people\u201d" in " ".join(text.split())


def test_the_last_resolved_clause_stays_with_the_signatures_and_later_pages_say_whose():
    long_preamble = tuple(
        f"clause {n} of the preamble, long enough to fill a line " * 2 for n in range(12)
    )
    rendered = render_resolution(resolution(preamble=long_preamble, distribution=()))
    assert rendered.pages >= 2
    text = pages(rendered.pdf)
    signed = next(i for i, page in enumerate(text) if "PASSED, APPROVED AND ADOPTED" in page)
    assert "that the matter goes to the Committee." in text[signed]
    assert text[signed].index("Committee.") < text[signed].index("PASSED, APPROVED")
    for number, page in enumerate(text[1:], start=2):
        assert f"Resolution No.{NBSP}2022-01 — page {number}" in page or (
            f"Resolution No. 2022-01 — page {number}" in page
        )
    assert "— page 1" not in text[0]


def test_demo_sized_resolution_keeps_its_adoption_block_on_page_one():
    from sciapp.demo.documents import OPERATIVE, PREAMBLE

    doc = resolution(
        preamble=PREAMBLE,
        operative=OPERATIVE,
        distribution=(
            "the Mayor of St. Petersburg",
            "the Embassy of the Russian Federation",
            "Sister Cities International",
            "the Lansing Regional Sister Cities Commission",
        ),
    )
    first = pages(render_resolution(doc).pdf)[0]
    assert "PASSED, APPROVED AND ADOPTED" in first
    assert "Andrea Lopez, City Clerk" in first


def _x_positions(pdf: bytes, page: int = 0) -> dict[str, float]:
    found: dict[str, float] = {}

    def visit(text, cm, tm, _font, _size):
        if text.strip():
            found.setdefault(text.strip(), tm[4] * cm[0] + tm[5] * cm[2] + cm[4])

    PdfReader(io.BytesIO(pdf)).pages[page].extract_text(visitor_text=visit)
    return found


def _rule_x(pdf: bytes) -> float:
    with pikepdf.open(io.BytesIO(pdf)) as document:
        instructions = pikepdf.parse_content_stream(document.pages[0])
    for operands, operator in instructions:
        if str(operator) == "m":  # the letterhead rule is the first line drawn
            return float(operands[0])
    raise AssertionError("no rule")


def test_body_text_lines_up_with_the_letterhead_and_its_rule():
    for pdf in (
        render_resolution(resolution()).pdf,
        render_letter(letter()).pdf,
        render_agenda(agenda()).pdf,
    ):
        rule = _rule_x(pdf)
        xs = _x_positions(pdf)
        body = [x for text, x in xs.items() if text.startswith(("WHEREAS", "March 10", "AGENDA"))]
        assert body, xs
        assert all(abs(x - rule) < 0.5 for x in body), (rule, body)
        assert abs(xs["City of Lansing"] - rule) < 0.5


def test_a_drafts_text_comes_out_in_reading_order():
    rendered = render_resolution(resolution(status="draft", votes=None))
    for page in PdfReader(io.BytesIO(rendered.pdf)).pages:
        text = page.extract_text()
        assert text.startswith("DRAFT"), text[:40]  # drawn first, under everything
        assert text.count("DRAFT") == 1 or "DRAFT:" in text
    text = flat(rendered.pdf)
    order = ["City of Lansing", "RESOLUTION NO.", "WHEREAS, the war", "NOW, THEREFORE", "ATTEST:"]
    positions = [text.find(part) for part in order]
    assert -1 not in positions
    assert positions == sorted(positions)
    minutes = render_minutes(
        MinutesDoc(
            HEAD,
            "Commission",
            "Minutes of the regular meeting",
            "draft",
            (("Place", "City Hall"),),
            (MinutesItem(1, "Call to order", "Called to order."),),
        )
    )
    text = flat(minutes.pdf)
    assert text.startswith("DRAFT City of Lansing")
    assert (
        text.index("COMMISSION") < text.index("1. Call to order") < text.index("Called to order.")
    )


def letter(**changes) -> LetterDoc:
    base = {
        "letterhead": HEAD,
        "date": dt.date(2022, 3, 10),
        "to": ("The Honorable Mayor",),
        "salutation": "Dear Mayor:",
        "body": ("It's **bold**, *italic*, ***both***.",),
        "signers": (Signer("Margaret Okafor", "Chair"),),
    }
    return LetterDoc(**{**base, **changes})


def agenda() -> AgendaDoc:
    return AgendaDoc(
        HEAD, "Commission", "Regular meeting", (("Time", "19:00"),), ("Call to order",)
    )


def _subset_fonts(pdf: bytes) -> list[tuple[str, str]]:
    """(BaseFont, FontDescriptor's FontName) of every embedded subset font."""
    found = []
    with pikepdf.open(io.BytesIO(pdf)) as document:
        for obj in document.objects:
            if isinstance(obj, pikepdf.Dictionary) and obj.get("/Type") == "/Font":
                descriptor = obj.get("/FontDescriptor")
                if descriptor is not None:
                    found.append((str(obj.BaseFont), str(descriptor.FontName)))
    return found


def test_every_embedded_subset_has_its_own_tag():
    # Three faces, and more than 256 characters of each: two subsets of each.
    many = "".join(chr(c) for c in range(0x0100, 0x017F)) + "".join(
        chr(c) for c in range(0x0410, 0x0450)
    )
    doc = letter(body=(many, f"**{many}**", f"*{many}*"))
    fonts = _subset_fonts(render_letter(doc).pdf)
    assert len(fonts) >= 6
    tags = [base.split("+")[0] for base, _name in fonts]
    assert all(re.fullmatch(r"/[A-Z]{6}", tag) for tag in tags), tags
    assert len(set(tags)) == len(tags), tags
    assert all(base == name for base, name in fonts)
    # the same document has the same tags, render after render
    assert _subset_fonts(render_letter(doc).pdf) == fonts


def test_tags_differ_in_resolutions_agendas_and_minutes_too():
    for pdf in (render_resolution(resolution()).pdf, render_agenda(agenda()).pdf):
        tags = [base.split("+")[0] for base, _name in _subset_fonts(pdf)]
        assert len(tags) >= 2
        assert len(set(tags)) == len(tags)


def test_a_long_letter_heads_its_later_pages():
    doc = letter(
        body=tuple(f"Paragraph {n}, long enough to take a few lines. " * 6 for n in range(20))
    )
    text = pages(render_letter(doc).pdf)
    assert len(text) >= 2
    assert "The Honorable Mayor — March 10, 2022 — page 2" in text[1]
    assert "It\u2019s" in text[0] or "Paragraph 0" in text[0]


def test_long_minutes_and_agendas_head_their_later_pages():
    items = tuple(MinutesItem(n, f"Item {n}", "Discussed at length. " * 40) for n in range(1, 12))
    minutes = render_minutes(
        MinutesDoc(
            HEAD,
            "Commission",
            "Minutes of the regular meeting",
            "approved",
            (("Place", "City Hall"),),
            items,
        )
    )
    text = pages(minutes.pdf)
    assert len(text) >= 2
    assert "Minutes of the regular meeting — page 2" in text[1]
    long_agenda = AgendaDoc(
        HEAD,
        "Commission",
        "Regular meeting",
        (("Time", "19:00"),),
        tuple(f"Item {n}" for n in range(60)),
    )
    assert "Agenda, Regular meeting — page 2" in pages(render_agenda(long_agenda).pdf)[1]
