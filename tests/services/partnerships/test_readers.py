"""The files a register lives in: workbooks read directly, CSV in whatever encoding and
delimiter a spreadsheet saved it with; what was read is said."""

import datetime as dt
import functools
import shutil
import tempfile
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from sciapp.services.errors import ImportRejectedError
from sciapp.services.partnerships.csv_io import import_csv
from sciapp.services.partnerships.readers import read_table, sheet_names
from tests.services.partnerships.workbooks import REGISTER, write_ods, write_xlsx


def imported(workspace) -> dict[str, tuple[str, str, str, str]]:
    return {
        r.partner_city: (r.kind, r.partner_city_native, r.partner_country, r.established or "")
        for r in workspace.partnerships.list_rows()
    }


def refused(workspace, content: bytes, sheet: str | None = None) -> ImportRejectedError:
    with pytest.raises(ImportRejectedError) as info:
        import_csv(workspace.db, content, sheet)
    assert workspace.partnerships.count() == 0
    return info.value


EXPECTED = {
    "Asan": ("sister_city", "아산시", "KR", "2022-03-14"),
    "St. Petersburg": ("sister_city", "Санкт-Петербург", "RU", "1994"),
    "Lanzhou": ("friendship_city", "兰州市", "CN", "1999-05"),
}


@pytest.mark.parametrize(
    ("write", "kind"),
    [(write_xlsx, "Excel workbook"), (write_ods, "OpenDocument spreadsheet")],
    ids=["xlsx", "ods"],
)
def test_a_workbook_imports_directly_date_cells_as_dates(workspace, tmp_path, write, kind):
    path = write(
        tmp_path / f"register.{write.__name__[-4:]}", {"Register": REGISTER, "Notes": [["scratch"]]}
    )
    report = import_csv(workspace.db, path.read_bytes())
    assert report.imported == 3
    assert report.read_as == f"Read sheet 'Register' of the {kind} (first of 2: Register, Notes)"
    assert imported(workspace) == EXPECTED
    notes = {r.partner_city: r.notes for r in workspace.partnerships.list_rows()}
    assert notes["Lanzhou"] == "=not a formula"  # text in the sheet, text in the register


@pytest.mark.parametrize("write", [write_xlsx, write_ods], ids=["xlsx", "ods"])
def test_a_named_sheet_and_the_sheets_offered(workspace, tmp_path, write):
    other = [REGISTER[0], ["sister", "Otsu", "大津市", "JP", dt.date(1968, 5, 3), ""]]
    content = write(
        tmp_path / f"book.{write.__name__[-4:]}", {"Old": [["nothing", "here"]], "Current": other}
    )
    content = content.read_bytes()
    assert sheet_names(content) == ["Old", "Current"]
    report = import_csv(workspace.db, content, "Current")
    assert report.read_as.startswith("Read sheet 'Current' of the ")
    assert imported(workspace)["Otsu"][3] == "1968-05-03"


def test_a_sheet_that_is_not_there_or_a_csv_asked_for_a_sheet(workspace, tmp_path):
    content = write_xlsx(tmp_path / "b.xlsx", {"Register": REGISTER, "Notes": []}).read_bytes()
    assert refused(workspace, content, "Archive").problems == [
        "sheet 'Archive': no such sheet (the sheets: 'Register', 'Notes')"
    ]
    csv_file = b"kind,partner_city,partner_country\nsister,Otsu,JP\n"
    assert refused(workspace, csv_file, "Register").problems == [
        "sheet 'Register': this is a CSV file, which has no sheets"
    ]
    assert sheet_names(csv_file) == []


def test_hidden_sheets_are_passed_over(tmp_path):
    from openpyxl import load_workbook

    path = write_xlsx(tmp_path / "h.xlsx", {"Old": [["x"]], "Register": REGISTER})
    book = load_workbook(path)
    book["Old"].sheet_state = "hidden"
    book.save(path)
    assert sheet_names(path.read_bytes()) == ["Register"]
    assert read_table(path.read_bytes()).read_as == "Read sheet 'Register' of the Excel workbook"


def test_problems_in_a_sheet_are_by_row_and_all_in_one_pass(workspace, tmp_path):
    rows = [
        REGISTER[0],
        [None],  # a blank row keeps its number
        ["sister", "Asan", "", "KR", "19x5", ""],
        ["sister", "Graz", "", "AT", dt.date(2001, 1, 2), ""],
        ["sister", "graz", "", "Austria", 2001, ""],
    ]
    path = write_xlsx(tmp_path / "bad.xlsx", {"Register": rows})
    error = refused(workspace, path.read_bytes())
    assert error.problems == [
        "row 3: established: '19x5' is not a date; use YYYY-MM-DD, YYYY-MM, YYYY or M/D/YYYY",
        "row 5: partner_city: 'graz' duplicates row 4 "
        "(same kind, partner city, country and local jurisdiction)",
    ]
    assert error.read_as == "Read sheet 'Register' of the Excel workbook"


def test_a_damaged_or_old_workbook_is_one_sentence(workspace):
    xls = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1 not really a workbook"
    (problem,) = refused(workspace, xls).problems
    assert problem.startswith("the file cannot be read as an Excel (.xls) workbook (")
    assert problem.endswith("save it again as .xlsx or CSV")
    (problem,) = refused(workspace, b"PK\x03\x04 a broken zip").problems
    assert problem.startswith("the file cannot be read as a workbook (")


# -- CSV as spreadsheets save it ---------------------------------------------------------------


def test_a_libreoffice_csv_with_date_cells(workspace):
    """LibreOffice (en-US) saves UTF-8 without a byte-order mark, LF, text quoted where it
    must be, and date cells as shown: 03/14/22."""
    content = (
        "kind,partner_city,partner_city_native,partner_country,established,status,status_since\n"
        "Sister City,Asan,아산시,South Korea,03/14/22,,\n"
        'Sister City,"St. Petersburg",Санкт-Петербург,Russia,12/31/1994,suspended,3/2/2022\n'
        "Friendship City,Lanzhou,兰州市,China,5/6/1999,,\n"
    ).encode()
    report = import_csv(workspace.db, content)
    assert report.read_as == "Read as UTF-8, comma-separated"
    rows = {r.partner_city: r for r in workspace.partnerships.list_rows()}
    assert rows["Asan"].established == "2022-03-14"
    assert rows["St. Petersburg"].established == "1994-12-31"
    assert rows["St. Petersburg"].status_since == "2022-03-02"
    assert rows["Lanzhou"].established == "1999-05-06"
    assert rows["Asan"].partner_city_native == "아산시"


def test_excels_plain_csv_in_the_windows_code_page(workspace):
    """Excel's "CSV (Comma delimited)": Windows-1252, CRLF, dates as M/D/YYYY; letters the
    code page lacks arrive as '?', which the report warns of."""
    content = (
        "kind,partner_city,partner_city_native,partner_country,established,notes\r\n"
        "sister,Malmö,Malmö,SE,3/14/2022,“quoted” – and €\r\n"
        "sister,Asan,???,KR,1/2/1987,\r\n"
    ).encode("cp1252")
    report = import_csv(workspace.db, content)
    assert report.read_as.startswith("Read as Windows-1252, comma-separated. Where the file")
    assert "save it as 'CSV UTF-8'" in report.read_as
    rows = {r.partner_city: r for r in workspace.partnerships.list_rows()}
    assert rows["Malmö"].established == "2022-03-14"
    assert workspace.partnerships.get(rows["Malmö"].id).data.notes == "“quoted” – and €"


def test_a_european_semicolon_csv(workspace):
    content = (
        "kind;partner_city;partner_country;local_jurisdiction;established\r\n"
        "sister;Kraków;PL;Lansing, Michigan;1994\r\n"
        'friendship;"Saint-Étienne; Loire";FR;;2001-06\r\n'
    ).encode("cp1252")
    report = import_csv(workspace.db, content)
    assert report.read_as == "Read as Windows-1252, semicolon-separated"
    cities = {r.partner_city: r.local_jurisdiction for r in workspace.partnerships.list_rows()}
    assert cities == {"Kraków": "Lansing, Michigan", "Saint-Étienne; Loire": ""}


def test_utf16_tab_separated_and_the_default_comma(workspace):
    content = "kind\tpartner_city\tpartner_country\r\nsister\tOtsu\tJP\r\n".encode("utf-16")
    assert import_csv(workspace.db, content).read_as == "Read as UTF-16, tab-separated"
    assert read_table(b"kind\n").read_as == "Read as UTF-8, comma-separated"
    assert read_table(b'"a;b",c\n').read_as == "Read as UTF-8, comma-separated"


def test_a_rejected_csv_says_how_it_was_read(workspace):
    content = "kind;partner_city;partner_country\r\nsister;Malmö;Sweeden\r\n".encode("cp1252")
    error = refused(workspace, content)
    assert error.read_as == "Read as Windows-1252, semicolon-separated"
    assert error.problems == ["line 2: partner_country: no country called 'Sweeden'"]


def test_broken_csv_names_the_line(workspace):
    content = b'kind,partner_city,partner_country\nsister,Otsu,JP\nsister,"' + b"x" * 200_000
    (problem,) = refused(workspace, content).problems
    assert problem.startswith("line 3: not valid CSV (field larger than field limit")


def test_a_stray_cell_far_away_is_refused_before_it_is_laid_out(workspace, tmp_path):
    """python-calamine would allocate the grid up to XFD1048576 at once (512 GiB) and abort
    the process: the sheet's reach is read from its XML first."""
    from openpyxl import load_workbook

    path = write_xlsx(tmp_path / "far.xlsx", {"Register": REGISTER})
    book = load_workbook(path)
    book["Register"]["XFD1048576"] = "oops"
    book.save(path)
    assert refused(workspace, path.read_bytes()).problems == [
        "sheet 'Register': its cells reach as far as row 1048576 and column XFD, far beyond a "
        "register; delete what lies outside the register (or copy the register to a sheet of "
        "its own) and import again"
    ]


def test_an_ods_sheet_with_repeats_is_measured_by_its_filled_cells(workspace, tmp_path):
    from odf.opendocument import load
    from odf.table import Table, TableCell, TableRow
    from odf.text import P

    path = write_ods(tmp_path / "far.ods", {"Register": REGISTER})
    document = load(str(path))
    table = document.spreadsheet.getElementsByType(Table)[0]
    blank = TableRow(numberrowsrepeated=1_048_000)  # as LibreOffice pads a sheet: fine
    blank.addElement(TableCell(numbercolumnsrepeated=1024))
    table.addElement(blank)
    document.save(str(path))
    assert import_csv(workspace.db, path.read_bytes()).imported == 3
    far = TableRow()
    far.addElement(TableCell(numbercolumnsrepeated=5000))
    cell = TableCell(valuetype="string")
    cell.addElement(P(text="oops"))
    far.addElement(cell)
    table.addElement(far)
    document.save(str(path))
    with pytest.raises(ImportRejectedError) as info:
        read_table(path.read_bytes())
    (problem,) = info.value.problems
    assert problem.startswith("sheet 'Register': its cells reach as far as row 1048005 and")


@functools.cache
def _workbook(ods: bool) -> bytes:
    """Made once: a workbook's bytes differ by their timestamps each time one is written."""
    folder = Path(tempfile.mkdtemp())
    write = write_ods if ods else write_xlsx
    content = write(folder / "w", {"Register": REGISTER}).read_bytes()
    shutil.rmtree(folder)
    return content


def _problems_of_damaged(content: bytes) -> list[str]:
    try:
        sheet_names(content)
        read_table(content)
    except ImportRejectedError as exc:
        return exc.problems
    return []


@settings(max_examples=150, deadline=None)
@given(data=st.data(), ods=st.booleans(), cut=st.booleans())
def test_a_damaged_workbook_is_refused_never_a_crash(data, ods, cut):
    content = bytearray(_workbook(ods))
    if cut:
        content = content[: data.draw(st.integers(0, len(content) - 1))]
    else:
        for _ in range(data.draw(st.integers(1, 12))):
            content[data.draw(st.integers(0, len(content) - 1))] = data.draw(st.integers(0, 255))
    assert all(isinstance(p, str) and p for p in _problems_of_damaged(bytes(content)))
