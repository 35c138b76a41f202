"""The kept parses, line breaks and font subsets change nothing: the same bytes as ReportLab
makes without them, cold and warm, for documents that split across pages, mix bold and italic,
and use bullets."""

import datetime as dt
import threading

import pytest
from reportlab import rl_config
from reportlab.pdfbase import pdfdoc, ttfonts

from sciapp.pdf import layout, paragraphs, subsets
from sciapp.pdf.letter import render_letter
from sciapp.pdf.model import LetterDoc, Letterhead, ResolutionDoc, Signer, Votes
from sciapp.pdf.resolution import render_resolution

HEAD = Letterhead("Lansing Regional Sister Cities", ("124 W Michigan Ave",), "(517) 483-4141")


def long_resolution(n: int) -> ResolutionDoc:
    return ResolutionDoc(
        number=f"2022-{n:02}",
        title="A resolution suspending the sister-city relationship",
        body_name="City Council",
        letterhead=HEAD,
        preamble=tuple(
            f"clause {i}: the partnership since 1994 with Санкт-Петербург & Kraków "
            "has linked <schools>, hospitals and families " * (1 + i % 3)
            for i in range(6 + n)
        ),
        operative=("the relationship is suspended", "BE IT FURTHER RESOLVED that copies go"),
        distribution=("the Mayor of Saint Petersburg", "Sister Cities International"),
        status="adopted" if n % 2 else "draft",
        adopted_on=dt.date(2022, 3, 14),
        votes=Votes(("A", "B", "C"), ("D",), ("E",)),
        presiding=Signer("Carol Whitaker", "Mayor"),
        clerk=Signer("Andrea Lopez", "Clerk"),
        attorney=Signer("Pat Counsel", "City Attorney") if n % 3 else None,
    )


def a_letter(n: int) -> LetterDoc:
    return LetterDoc(
        letterhead=HEAD,
        date=dt.date(2022, 2, 28),
        to=("The Honorable Glenn Youngkin", "Governor of Virginia"),
        salutation="Dear Governor Youngkin:",
        body=(
            *(f"Paragraph {i}: such ties are **more important** than *ever*." for i in range(n)),
            "- people to people\n- city to city",
        ),
        signers=(Signer("Sherman Lea", "Mayor"),),
        subject="Our sister city",
        cc=("City Council",),
    )


def documents() -> list[bytes]:
    out = [render_resolution(long_resolution(n)).pdf for n in (0, 5, 14, 30)]
    out += [render_letter(a_letter(n)).pdf for n in (1, 25)]
    return out


@pytest.fixture
def invariant(monkeypatch):
    monkeypatch.setattr(rl_config, "invariant", 1)  # no dates or random ids in the file
    paragraphs.forget()
    yield
    paragraphs.forget()


def test_kept_work_gives_the_bytes_reportlab_gives(invariant, monkeypatch):
    cold = documents()
    warm = documents()  # every paragraph found in the tables now
    # ReportLab's own Paragraph, tagged as ours is (every paragraph is made in layout):
    monkeypatch.setattr(layout, "Paragraph", paragraphs.TaggedParagraph)
    monkeypatch.setattr(ttfonts.TTFontFace, "makeSubset", subsets.ORIGINAL["makeSubset"])
    monkeypatch.setattr(pdfdoc.PDFZCompress, "encode", subsets.ORIGINAL["encode"])
    monkeypatch.setattr(pdfdoc.PDFArray, "format", subsets.ORIGINAL["array_format"])
    monkeypatch.setattr(ttfonts, "makeToUnicodeCMap", subsets.ORIGINAL["makeToUnicodeCMap"])
    plain = documents()
    assert cold == plain
    assert warm == plain


def test_two_threads_rendering_at_once_get_the_same_bytes(invariant):
    expected = documents()
    results: list[list[bytes]] = []
    threads = [threading.Thread(target=lambda: results.append(documents())) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert results == [expected, expected]


def test_the_tables_stay_bounded(invariant, monkeypatch):
    monkeypatch.setattr(paragraphs, "LIMIT", 10)
    render_resolution(long_resolution(30))
    assert len(paragraphs._parsed) <= 10
    assert len(paragraphs._wrapped) <= 10
