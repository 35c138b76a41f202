"""Every kind of document is a tagged PDF a screen reader reads in order (PDF/UA-1), and its
archival copy is PDF/A-2b: read back with pikepdf, checked by pdfinfo, the `pdfua` package
and pikepdf's PDF/A validator."""

from __future__ import annotations

import datetime as dt
import shutil
import subprocess

import pytest

from sciapp.pdf.archival import Attachment, archival
from sciapp.pdf.letter import render_letter
from sciapp.pdf.meeting_docs import render_agenda, render_minutes
from sciapp.pdf.model import AgendaDoc, LetterDoc, MinutesDoc, MinutesItem, MotionLines, Signer
from sciapp.pdf.resolution import render_resolution
from tests.pdf.conftest import pdf_text
from tests.pdf.structure import coverage_problems, elements, open_pdf
from tests.pdf.test_resolution import HEAD, resolution


def long_minutes() -> MinutesDoc:
    motion = MotionLines(
        "Ask the City Council to reconsider",
        "Moved by A, seconded by B",
        (("Ayes", "A, B"),),
        "Failed",
    )
    items = tuple(
        MinutesItem(
            n,
            f"Item {n}",
            "Discussed at length. " * 30,
            motions=(motion,) if n % 2 else (),
            corrections=(("April 20, 2022", "old words", "new words"),) if n == 3 else (),
        )
        for n in range(1, 9)
    )
    facts = (("Time", "7:02 p.m."), ("Members present", "A, B"), ("Absent", "C (excused)"))
    return MinutesDoc(HEAD, "Commission", "Minutes of the regular meeting", "draft", facts, items)


def letter() -> LetterDoc:
    return LetterDoc(
        letterhead=HEAD,
        date=dt.date(2022, 3, 10),
        to=("The Honorable Mayor", "City Hall"),
        salutation="Dear Mayor:",
        body=("It's **bold**, *italic*.", "- people to people\n- city to city"),
        signers=(Signer("Margaret Okafor", "Chair"), Signer("Jo Clerk", "Clerk")),
        cc=("City Council",),
    )


def agenda() -> AgendaDoc:
    return AgendaDoc(
        HEAD,
        "Commission",
        "Regular meeting",
        (("Time", "7:00 p.m."),),
        ("Call to order", "Adjourn"),
    )


DOCUMENTS = {
    "resolution": lambda: render_resolution(resolution()),
    "draft resolution with copies": lambda: render_resolution(
        resolution(status="draft", distribution=("the Mayor", "the partner city"))
    ),
    "long resolution": lambda: render_resolution(
        resolution(preamble=tuple(f"clause {i} " * 40 for i in range(30)))
    ),
    "letter": lambda: render_letter(letter()),
    "agenda": lambda: render_agenda(agenda()),
    "minutes over pages": lambda: render_minutes(long_minutes()),
}


@pytest.fixture(params=list(DOCUMENTS), scope="module")
def pdf(request) -> bytes:
    return DOCUMENTS[request.param]().pdf


def test_every_drawing_operator_is_tagged_or_an_artifact_in_reading_order(pdf):
    assert coverage_problems(pdf) == []


def test_catalog_and_xmp_say_what_a_reader_needs(pdf):
    with open_pdf(pdf) as doc:
        assert str(doc.Root.Lang) == "en-US"
        assert bool(doc.Root.MarkInfo.Marked) is True
        assert bool(doc.Root.ViewerPreferences.DisplayDocTitle) is True
        meta = doc.open_metadata()
        assert meta["dc:title"] == str(doc.docinfo.Title)
        assert meta["pdfuaid:part"] == "1"
        assert elements(doc)[0].role == "Document"


def test_an_agenda_and_minutes_are_titled_with_what_and_whose():
    """The title a reader's window shows (WCAG 2.4.2): which document, of which body."""
    for rendered, title in (
        (render_agenda(agenda()), "Agenda: Regular meeting — Commission"),
        (render_minutes(long_minutes()), "Minutes of the regular meeting — Commission"),
    ):
        with open_pdf(rendered.pdf) as doc:
            assert str(doc.docinfo.Title) == title
            assert doc.open_metadata()["dc:title"] == title


def test_pdfinfo_says_tagged(pdf, tmp_path):
    if shutil.which("pdfinfo") is None:
        pytest.skip("pdfinfo (poppler-utils) is not installed")
    path = tmp_path / "doc.pdf"
    path.write_bytes(pdf)
    info = subprocess.run(["pdfinfo", str(path)], capture_output=True, text=True, check=True)
    assert "Tagged:          yes" in info.stdout


def test_the_pdfua_package_finds_nothing(pdf, tmp_path):
    pdfua = pytest.importorskip("pdfua", reason="the pdfua package is not installed")
    path = tmp_path / "doc.pdf"
    path.write_bytes(pdf)
    report = pdfua.validate(str(path))
    assert [str(f.rule_id) + ": " + f.message for f in report.findings] == []
    assert report.exit_code == 0


def roles(pdf: bytes) -> list[tuple[str, ...]]:
    with open_pdf(pdf) as doc:
        return [leaf.path for leaf in elements(doc)]


def test_the_resolution_has_headings_a_list_and_the_roll_call_as_a_table():
    pdf = render_resolution(resolution(distribution=("the Mayor", "the partner"))).pdf
    paths = roles(pdf)
    found = [path[-1] for path in paths]
    assert found[:4] == ["Document", "Div", "P", "P"]  # the letterhead: name, address
    assert found[4:7] == ["H1", "H2", "P"]  # the number, the title, the first clause
    assert ("Document", "L", "LI", "LBody") in paths
    assert ("Document", "Table", "TR", "TH") in paths
    with open_pdf(pdf) as doc:
        headers = [leaf.node for leaf in elements(doc) if leaf.role == "TH"]
        assert headers
        assert all(str(th.A.Scope) == "/Row" for th in headers)


def test_minutes_facts_and_attendance_are_a_table_and_each_item_a_heading():
    paths = roles(render_minutes(long_minutes()).pdf)
    assert sum(path[-1] == "H2" for path in paths) == 8
    assert sum(path == ("Document", "Table", "TR", "TH") for path in paths) >= 3
    assert ("Document", "Table", "TR", "TD") in paths
    # each motion's roll call: "Ayes:" heads its row of names, inside the motion's box
    assert ("Document", "Div", "Table", "TR", "TH") in paths
    assert ("Document", "Div", "Table", "TR", "TD") in paths


def test_the_seal_is_a_figure_with_alternative_text(tmp_path):
    from dataclasses import replace

    from PIL import Image

    seal = tmp_path / "seal.png"
    Image.new("RGB", (40, 40), "navy").save(seal)
    pdf = render_letter(replace(letter(), letterhead=replace(HEAD, seal=seal))).pdf
    assert coverage_problems(pdf) == []
    with open_pdf(pdf) as doc:
        figures = [leaf.node for leaf in elements(doc) if leaf.role == "Figure"]
        assert [str(f.Alt) for f in figures] == [f"Seal of {HEAD.name}"]


@pytest.mark.parametrize("kind", ["resolution", "minutes over pages", "letter", "agenda"])
def test_the_archival_copy_is_pdfa_2b_and_stays_tagged(kind):
    from pikepdf import pdfa

    tagged = DOCUMENTS[kind]().pdf
    copy = archival(tagged)
    with open_pdf(copy) as doc:
        assert doc.open_metadata().pdfa_status == "2B"
        intent = doc.Root.OutputIntents[0]
        assert str(intent.S) == "/GTS_PDFA1"
        assert "sRGB" in str(intent.OutputConditionIdentifier)
        assert pdfa.check(doc, "2b").verdict == "pass"
        assert "/StructTreeRoot" in doc.Root
        assert str(doc.Root.Lang) == "en-US"
    assert coverage_problems(copy) == []


def test_every_font_in_the_archival_copy_is_embedded():
    from tests.pdf.conftest import fonts_of

    fonts = fonts_of(archival(DOCUMENTS["draft resolution with copies"]().pdf))
    assert fonts
    assert all(fonts.values()), fonts


def test_minutes_as_pdfa_3b_carry_their_data():
    data = b'{"events": []}'
    copy = archival(render_minutes(long_minutes()).pdf, [Attachment("minutes.json", data)])
    with open_pdf(copy) as doc:
        assert doc.open_metadata().pdfa_status == "3B"
        spec = doc.attachments["minutes.json"]
        assert spec.get_file().read_bytes() == data
        assert str(doc.Root.AF[0].AFRelationship) == "/Data"


def spans(pdf: bytes) -> list[tuple[str, int]]:
    """Each /Span with a /Lang on each page, and how many text operators it holds."""
    import pikepdf

    found = []
    with open_pdf(pdf) as doc:
        for page in doc.pages:
            depth, shown = None, 0
            for instruction in pikepdf.parse_content_stream(page):
                operator = str(instruction.operator)
                operands = instruction.operands
                if operator == "BDC" and str(operands[0]) == "/Span" and "/Lang" in operands[1]:
                    depth, shown, lang = 0, 0, str(operands[1].Lang)
                elif depth is not None and operator in ("Tj", "TJ"):
                    shown += 1
                elif depth is not None and operator in ("BDC", "BMC"):
                    depth += 1
                elif depth is not None and operator == "EMC":
                    if depth == 0:
                        found.append((lang, shown))
                        depth = None
                    else:
                        depth -= 1
    return found


def test_a_native_name_is_marked_in_its_own_language_word_by_word():
    doc = resolution(preamble=("the people of Norfolk & Калининград and of Nueva San Salvador",))
    plain = render_resolution(doc).pdf
    pdf = render_resolution(doc, [("Калининград", "ru"), ("Nueva San Salvador", "es")]).pdf
    assert spans(plain) == []
    found = spans(pdf)
    assert [lang for lang, _ in found] == ["ru", "es", "es", "es"]  # one per word
    assert all(shown >= 1 for _, shown in found)
    assert coverage_problems(pdf) == []
    assert pdf_text(pdf) == pdf_text(plain)  # the same words, in the same places


def test_the_demo_resolution_says_saint_petersburg_in_russian(demo_workspace):
    from sciapp.services.reports.rendering import render_resolution as render

    found = spans(render(demo_workspace, "2022-01").pdf)
    assert ("ru", 1) in found


def test_the_demo_documents_and_their_archival_copies(demo_workspace, tmp_path):
    from pikepdf import pdfa

    from sciapp.services.reports import rendering
    from sciapp.services.reports.minutes_record import archival_minutes
    from sciapp.services.reports.pdf_kinds import PdfKind, as_kind

    ws = demo_workspace
    made = {
        "resolution 2022-01": rendering.render_resolution(ws, "2022-01"),
        "letter 1": rendering.render_letter(ws, 1),
        "agenda 5": rendering.render_agenda(ws, 5),
        "minutes 1": rendering.render_minutes(ws, 1),
        "draft minutes 6": rendering.render_minutes(ws, 6),
    }
    pdfua = pytest.importorskip("pdfua", reason="the pdfua package is not installed")
    for name, rendered in made.items():
        assert coverage_problems(rendered.pdf) == [], name
        path = tmp_path / "doc.pdf"
        path.write_bytes(rendered.pdf)
        assert list(pdfua.validate(str(path)).findings) == [], name
        copy = (
            archival_minutes(ws, 1).pdf
            if name == "minutes 1"
            else as_kind(rendered, PdfKind.ARCHIVAL).pdf
        )
        with open_pdf(copy) as doc:
            flavour = "3b" if name == "minutes 1" else "2b"
            assert doc.open_metadata().pdfa_status == flavour.upper(), name
            assert pdfa.check(doc, flavour).verdict == "pass", name
        assert coverage_problems(copy) == [], name
