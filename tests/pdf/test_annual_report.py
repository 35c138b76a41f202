"""The annual report's PDF: its sections, figures and tables as a council reads them, tagged
like every other document (pdf/annual_report.py)."""

from __future__ import annotations

import datetime as dt
import io

import pytest
from pypdf import PdfReader

from sciapp.demo import load_demo
from sciapp.domain.annual_report import AnnualReport, TieLine
from sciapp.pdf.annual_report import render_annual_report
from tests.pdf.conftest import pdf_text
from tests.pdf.structure import coverage_problems, elements, open_pdf
from tests.pdf.test_resolution import HEAD

TODAY = dt.date(2024, 6, 15)


@pytest.fixture(scope="module")
def rendered(tmp_path_factory):
    from sciapp.services.workspace import open_workspace

    workspace = open_workspace(tmp_path_factory.mktemp("annual") / "demo.sqlite3")
    try:
        load_demo(workspace, TODAY)
        return workspace.annual_report.pdf(2022, TODAY)
    finally:
        workspace.close()


def test_the_cover_sections_and_figures_are_in_the_text(rendered) -> None:
    text = " ".join(pdf_text(rendered.pdf).split())  # a table's cells, a line each
    for heading in (
        "Annual Report 2022",
        "to the City Council",
        "The year in figures",
        "Contents",
        "1. Partnerships",
        "2. Status changes and decisions",
        "3. Meetings and attendance",
        "4. Motions adopted",
        "5. Members, terms ending and vacancies",
        "6. State laws on partner countries",
    ):
        assert heading in text, heading
    assert "11 partnerships stood during 2022" in text
    assert "Meetings held 3" in text
    assert "Lansing City Council motion of March 14, 2022, adopted 7–1" in text
    assert "Hannah Becker Member 2 1 1 0 50%" in text
    assert "No term ends in 2023." in text
    assert not rendered.missing


def test_every_page_says_page_n_of_m(rendered) -> None:
    reader = PdfReader(io.BytesIO(rendered.pdf))
    pages = [" ".join(page.extract_text().split()) for page in reader.pages]
    assert rendered.pages == len(pages) >= 3
    for number, page in enumerate(pages, start=1):
        assert f"Page {number} of {len(pages)}" in page


def long_report() -> AnnualReport:
    ties = tuple(TieLine(n, f"City {n:03}", "JP", "Japan", "1968", "Active") for n in range(1, 121))
    return AnnualReport(2022, "Commission", dt.date(2022, 12, 31), TODAY, ties, (), (), (), (), ())


def test_a_table_run_onto_later_pages_repeats_its_header_as_an_artifact() -> None:
    rendered = render_annual_report(long_report(), HEAD)
    reader = PdfReader(io.BytesIO(rendered.pdf))
    pages = [" ".join(page.extract_text().split()) for page in reader.pages]
    header = "Partner city Country Established Status State law"
    running = [n for n, page in enumerate(pages, start=1) if "City 0" in page or "City 1" in page]
    assert len(running) >= 3
    assert all(header in pages[n - 1] for n in running)
    assert "City 120" in pages[running[-1] - 1]
    assert coverage_problems(rendered.pdf) == []
    with open_pdf(rendered.pdf) as doc:
        roles = [leaf.role for leaf in elements(doc)]
    assert roles.count("TH") == 2 + 5 + 4  # figures, ties, seats: each header once
    assert roles.count("TD") == 7 * 2 + 120 * 5


def test_it_is_tagged_every_operator_marked_and_the_repeated_header_an_artifact(rendered) -> None:
    assert coverage_problems(rendered.pdf) == []
    with open_pdf(rendered.pdf) as doc:
        roles = [leaf.role for leaf in elements(doc)]
        assert str(doc.Root.Lang) == "en-US"
        assert str(doc.docinfo.Title).startswith("Annual Report 2022")
    assert roles.count("H1") == 7  # the title and six sections
    # Each table's header cells are in the tree once, however many pages the table spans.
    assert roles.count("TH") == 2 + 5 + 5 + 7 * 2 + 4 + 4  # each table's header row once


def test_the_pdfua_package_finds_nothing(rendered, tmp_path) -> None:
    pdfua = pytest.importorskip("pdfua", reason="the pdfua package is not installed")
    path = tmp_path / "annual.pdf"
    path.write_bytes(rendered.pdf)
    report = pdfua.validate(str(path))
    assert [str(f.rule_id) + ": " + f.message for f in report.findings] == []


def test_a_tie_a_state_law_touches_is_printed_with_its_citation(workspace) -> None:
    from sciapp.demo.texas import load_texas_demo

    load_texas_demo(workspace, dt.date(2026, 2, 1))
    rendered = workspace.annual_report.pdf(2025, dt.date(2026, 2, 1))
    text = " ".join(pdf_text(rendered.pdf).split())
    assert "Partnerships a state law touches 2" in text
    assert "Tver Russia 1992 Active barred: maintaining; must be terminated" in text
    assert (
        "Tver, Russia Texas Yes barred: maintaining; must be terminated (Tex. Gov’t Code §795.003)"
        in text
    )
