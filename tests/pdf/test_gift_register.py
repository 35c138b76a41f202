"""The gift register's PDF for the clerk's disclosure: every gift of the demo with its
columns, the totals per direction and currency, landscape, tagged like every other
document (pdf/gift_register.py)."""

from __future__ import annotations

import datetime as dt
import io

import pytest
from pypdf import PdfReader

from sciapp.demo import load_demo
from sciapp.domain.gift_register import GiftLine, GiftRegister
from sciapp.pdf.gift_register import render_gift_register
from tests.pdf.conftest import pdf_text
from tests.pdf.structure import coverage_problems, elements, open_pdf
from tests.pdf.test_resolution import HEAD

TODAY = dt.date(2024, 6, 15)


@pytest.fixture(scope="module")
def demo(tmp_path_factory):
    from sciapp.services.opening import open_workspace

    workspace = open_workspace(tmp_path_factory.mktemp("gifts") / "demo.sqlite3")
    try:
        load_demo(workspace, TODAY)
        gifts = workspace.gifts.list(2024)
        return gifts, workspace.gift_register.pdf(2024, TODAY)
    finally:
        workspace.close()


def test_every_gift_of_the_demo_and_the_totals_are_in_the_text(demo) -> None:
    gifts, rendered = demo
    text = " ".join(pdf_text(rendered.pdf).split())
    assert "Gift register 2024" in text
    assert "Lansing Regional Sister Cities Commission" in text  # the letterhead
    assert gifts
    for gift in gifts:
        words = " ".join(gift.description.split()[:2])
        assert words in text, gift.description
        assert gift.direction.label.capitalize() in text
    assert "3 gifts in 2024: 2 received, 1 given." in text
    assert "Shigaraki-ware vase" in text
    assert "$350.00" in text
    assert "Lansing City Hall" in text  # place kept
    assert "City Clerk" in text  # custodian
    assert "Official delegation to Otsu · Otsu" in text  # activity and partnership
    assert "Totals of estimated value" in text
    assert "Received USD 2 2 $390.00" in text
    assert "Given USD 1 1 $180.00" in text
    assert "Page 1 of 1" in text
    assert not rendered.missing


def test_the_pages_are_landscape(demo) -> None:
    _gifts, rendered = demo
    page = PdfReader(io.BytesIO(rendered.pdf)).pages[0]
    assert page.mediabox.width > page.mediabox.height


def test_it_is_tagged_with_a_struct_tree_and_every_operator_marked(demo) -> None:
    import pikepdf

    _gifts, rendered = demo
    with pikepdf.open(io.BytesIO(rendered.pdf)) as pdf:
        assert "/StructTreeRoot" in pdf.Root
    assert coverage_problems(rendered.pdf) == []
    with open_pdf(rendered.pdf) as doc:
        roles = [leaf.role for leaf in elements(doc)]
        assert str(doc.docinfo.Title).startswith("Gift register 2024")
    assert roles.count("TH") == 10 + 5  # the register's header once, the totals'
    assert roles.count("TD") == 3 * 10 + 2 * 5


def test_the_pdfua_package_finds_nothing(demo, tmp_path) -> None:
    pdfua = pytest.importorskip("pdfua", reason="the pdfua package is not installed")
    path = tmp_path / "gifts.pdf"
    path.write_bytes(demo[1].pdf)
    report = pdfua.validate(str(path))
    assert [str(f.rule_id) + ": " + f.message for f in report.findings] == []


def _gift(n: int, currency: str = "USD") -> GiftLine:
    return GiftLine(
        TODAY, "received" if n % 2 else "given", f"Gift {n:03}", "Mayor", "Otsu", "",
        1000 * n, currency, True, "Clerk", "Vault", "", None,
    )  # fmt: skip


def test_a_long_register_repeats_its_header_on_every_page_as_an_artifact() -> None:
    lines = (*(_gift(n) for n in range(1, 121)), _gift(121, "JPY"))
    rendered = render_gift_register(GiftRegister(2024, "Commission", TODAY, lines), HEAD)
    pages = [" ".join(p.extract_text().split()) for p in PdfReader(io.BytesIO(rendered.pdf)).pages]
    assert len(pages) >= 3
    running = [p for p in pages if "Gift 0" in p or "Gift 1" in p]
    assert all("Date Given or received Gift From or to" in p for p in running)
    for number, page in enumerate(pages, start=1):
        assert f"Page {number} of {len(pages)}" in page
    assert coverage_problems(rendered.pdf) == []
    with open_pdf(rendered.pdf) as doc:
        roles = [leaf.role for leaf in elements(doc)]
    assert roles.count("TH") == 10 + 5
    text = " ".join(pages)
    assert "Received USD 60 60 $36,000.00" in text  # (1+3+…+119) × $10
    assert "Given USD 60 60 $36,600.00" in text  # (2+4+…+120) × $10
    assert "Received JPY 1 1 ¥1,210.00" in text  # never added across currencies


def test_an_empty_year_says_so() -> None:
    rendered = render_gift_register(GiftRegister(2019, "Commission", TODAY, ()), HEAD)
    assert "No gift given or received is recorded in 2019." in pdf_text(rendered.pdf)
