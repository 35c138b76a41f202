import datetime as dt

from sciapp.pdf.model import Letterhead, ResolutionDoc, Signer, Votes
from sciapp.pdf.resolution import ordinal, render_resolution
from tests.pdf.conftest import fonts_of, pdf_text

HEAD = Letterhead("Norfolk Sister City Commission", ("810 Union Street",), "(757) 664-4000")


def resolution(**changes) -> ResolutionDoc:
    base = {
        "number": "2022-14",
        "title": "A resolution suspending the sister-city relationship with Kaliningrad",
        "body_name": "Council of the City of Norfolk",
        "preamble": (
            "Russia invaded Ukraine on February 24, 2022",
            "REAFFIRMING the friendship of the people of Norfolk & Калининград",
        ),
        "operative": (
            "the relationship is suspended until peace and sovereignty are restored",
            "the Clerk shall notify the partner city",
        ),
        "letterhead": HEAD,
        "status": "adopted",
        "adopted_on": dt.date(2022, 3, 8),
        "votes": Votes(("Ada Abbott", "Ben Baker"), ("Cal Cruz",), (), ("Dee Diaz",)),
        "presiding": Signer("Kenneth Alexander", "Mayor"),
        "clerk": Signer("Richard Bonney", "City Clerk"),
        "attorney": Signer("Bernard Pishko", "City Attorney"),
    }
    return ResolutionDoc(**{**base, **changes})


def test_clauses_adoption_block_and_roll_call_are_all_there_in_order():
    rendered = render_resolution(resolution())
    text = pdf_text(rendered.pdf)
    order = [
        "RESOLUTION NO. 2022-14",
        "WHEREAS, Russia invaded Ukraine",
        "REAFFIRMING the friendship of the people of Norfolk & Калининград",
        "NOW, THEREFORE, BE IT RESOLVED by the Council of the City of Norfolk that the "
        "relationship is suspended",
        "BE IT FURTHER RESOLVED that the Clerk shall notify the partner city",
        "PASSED, APPROVED AND ADOPTED this 8th day of March, 2022.",
        "Kenneth Alexander, Mayor",
        "ATTEST:",
        "Richard Bonney, City Clerk",
        "APPROVED AS TO FORM:",
        "AYES:",
        "Ada Abbott, Ben Baker",
        "NAYS:",
        "Cal Cruz",
        "ABSENT:",
        "Dee Diaz",
    ]
    flat = " ".join(text.split())
    positions = [flat.find(" ".join(part.split())) for part in order]
    assert -1 not in positions, [p for p, i in zip(order, positions, strict=True) if i == -1]
    assert positions == sorted(positions)
    assert all(fonts_of(rendered.pdf).values())
    assert rendered.missing == frozenset()


def test_metadata_and_page_numbers():
    from io import BytesIO

    from pypdf import PdfReader

    rendered = render_resolution(resolution())
    meta = PdfReader(BytesIO(rendered.pdf)).metadata
    assert meta.title.startswith("Resolution 2022-14")
    assert meta.author == "Norfolk Sister City Commission"
    assert "adopted" in meta.subject
    assert f"Page 1 of {rendered.pages}" in pdf_text(rendered.pdf)


def test_markup_characters_print_as_typed():
    doc = resolution(
        title="Fees < $5 & > $1 <b>not bold</b>",
        operative=("fees < 5 & tags like <i> stay as typed",),
    )
    text = " ".join(pdf_text(render_resolution(doc).pdf).split())
    assert "FEES < $5 & > $1 <B>NOT BOLD</B>" in text
    assert "fees < 5 & tags like <i> stay as typed" in text


def test_anything_not_adopted_is_a_draft_with_a_blank_adoption_line():
    text = pdf_text(render_resolution(resolution(status="draft", votes=None)).pdf)
    assert "DRAFT" in text
    assert "this ____ day of" in text


def test_eighty_clauses_lose_nothing_across_pages():
    preamble = tuple(f"clause {n:02} of the preamble, long enough to wrap " * 3 for n in range(40))
    operative = tuple(f"operative clause {n:02} resolves something" for n in range(40))
    rendered = render_resolution(resolution(preamble=preamble, operative=operative))
    assert rendered.pages >= 4
    flat = " ".join(pdf_text(rendered.pdf).split())
    positions = [flat.find(f"clause {n:02} of the preamble") for n in range(40)]
    positions += [flat.find(f"operative clause {n:02} resolves") for n in range(40)]
    assert -1 not in positions
    assert positions == sorted(positions)
    assert flat.index("PASSED, APPROVED AND ADOPTED") < flat.index("ABSENT:")
    assert f"Page {rendered.pages} of {rendered.pages}" in flat


def test_section_numbering_and_ordinals():
    text = pdf_text(render_resolution(resolution(sections=True)).pdf)
    assert "SECTION 1. The relationship is suspended until" in " ".join(text.split())
    assert [ordinal(n) for n in (1, 2, 3, 4, 11, 12, 13, 21, 22, 23)] == [
        "1st",
        "2nd",
        "3rd",
        "4th",
        "11th",
        "12th",
        "13th",
        "21st",
        "22nd",
        "23rd",
    ]


def test_a_japanese_partner_name_comes_from_a_system_font(cjk_font):
    doc = resolution(preamble=("Otsu (大津市) and Lansing have been sister cities since 1968",))
    rendered = render_resolution(doc)
    assert "大津市" in pdf_text(rendered.pdf)
    fonts = fonts_of(rendered.pdf)
    assert len(fonts) >= 3  # Liberation regular and bold, and the fallback
    assert all(fonts.values())


def test_characters_no_font_has_are_reported(monkeypatch, tmp_path):
    from sciapp.pdf import fonts

    monkeypatch.setenv(fonts.FONT_DIRS_ENV, str(tmp_path))  # no system fonts at all
    fonts.fallback_fonts.cache_clear()
    try:
        rendered = render_resolution(resolution(preamble=("Otsu is 大津市",)))
    finally:
        fonts.fallback_fonts.cache_clear()
    assert rendered.missing == frozenset("大津市")
