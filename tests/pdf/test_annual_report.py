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
    from sciapp.services.opening import open_workspace

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
        "3. Activities",
        "4. Gifts given and received",
        "5. Sister Cities International membership",
        "6. Meetings and attendance",
        "7. Motions adopted",
        "8. Members, terms ending and vacancies",
        "9. State laws on partner countries",
    ):
        assert heading in text, heading
    assert "11 partnerships stood during 2022" in text
    assert "Meetings held 3" in text
    assert "Lansing City Council motion of March 14, 2022, adopted 7–1" in text
    assert "Hannah Becker Member 2 1 1 0 50%" in text
    assert "Terms ending in 2023 No term ends in that time." in text
    assert "No activity is recorded for 2022." in text
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
    assert roles.count("TD") == 10 * 2 + 120 * 5


def test_it_is_tagged_every_operator_marked_and_the_repeated_header_an_artifact(rendered) -> None:
    assert coverage_problems(rendered.pdf) == []
    with open_pdf(rendered.pdf) as doc:
        roles = [leaf.role for leaf in elements(doc)]
        assert str(doc.Root.Lang) == "en-US"
        assert str(doc.docinfo.Title).startswith("Annual Report 2022")
    assert roles.count("H1") == 10  # the title and nine sections
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


def test_the_current_year_prints_its_activities_spending_gifts_and_membership(workspace) -> None:
    load_demo(workspace, TODAY)
    rendered = workspace.annual_report.pdf(2024, TODAY)
    text = " ".join(pdf_text(rendered.pdf).split())
    assert "Covering January 1, 2024 to June 15, 2024" in text
    assert "2 activities under way in 2024, with 8 participants in all." in text
    assert "Official delegation (outgoing) 1 3" in text  # by kind: activities, participants
    assert "Otsu, Japan Official delegation (outgoing) Official delegation to Otsu" in text
    assert "(members: Margaret Okafor, Yuki Tanaka-Brown)" in text
    assert "USD 2 $15,500.00 $14,820.00 $680.00 under budget" in text
    assert "3 gifts: 2 received, 1 given." in text
    assert "$40.00 Personal" in text
    assert "The commission’s membership for 2024 is in good standing." in text
    assert "Terms ending by December 31, 2025" in text
    assert "Samuel Whitfield Member Jul 30, 2024" in text
    assert coverage_problems(rendered.pdf) == []
