"""`partnerships import` reads workbooks and any CSV a spreadsheet saves, saying what it read;
`partnerships export FILE.xlsx` writes a workbook."""

from sciapp.cli import main
from tests.services.partnerships.workbooks import REGISTER, write_ods, write_xlsx


def test_import_a_workbooks_named_sheet(tmp_path, capsys):
    book = write_xlsx(tmp_path / "register.xlsx", {"Notes": [["x"]], "Register": REGISTER})
    db = str(tmp_path / "r.sqlite3")
    assert main(["--db", db, "partnerships", "import", str(book), "--sheet", "Register"]) == 0
    out = capsys.readouterr().out.splitlines()
    assert out == ["Read sheet 'Register' of the Excel workbook", "imported 3 partnerships"]
    assert main(["--db", db, "partnerships", "list", "--format", "csv"]) == 0
    listed = capsys.readouterr().out
    assert "sister,Asan,아산시,,KR,,2022-03-14,active,2022-03-14,a date cell" in listed
    assert "Санкт-Петербург" in listed


def test_an_ods_with_problems_lists_them_by_row(tmp_path, capsys):
    rows = [*REGISTER, ["sister", "Asan", "", "KR", "3/14/2022", ""]]
    rows[2] = ["sister", "St. Petersburg", "", "RU", "19x5", ""]
    book = write_ods(tmp_path / "register.ods", {"Register": rows})
    db = str(tmp_path / "r.sqlite3")
    assert main(["--db", db, "partnerships", "import", str(book)]) == 1
    err = capsys.readouterr().err.splitlines()
    assert err == [
        "Read sheet 'Register' of the OpenDocument spreadsheet",
        "row 3: established: '19x5' is not a date; use YYYY-MM-DD, YYYY-MM, YYYY or M/D/YYYY",
        "row 5: partner_city: 'Asan' duplicates row 2 "
        "(same kind, partner city, country and local jurisdiction)",
        "sciapp: 2 problems found; nothing was imported",
    ]
    assert main(["--db", db, "partnerships", "import", str(book), "--sheet", "Nope"]) == 1
    assert "sheet 'Nope': no such sheet (the sheets: 'Register')" in capsys.readouterr().err


def test_a_windows_semicolon_csv_says_how_it_was_read(tmp_path, capsys):
    csv_file = tmp_path / "register.csv"
    csv_file.write_bytes(
        "kind;partner_city;partner_country;established\r\nsister;Malmö;SE;3/14/2022\r\n".encode(
            "cp1252"
        )
    )
    db = str(tmp_path / "r.sqlite3")
    assert main(["--db", db, "partnerships", "import", str(csv_file)]) == 0
    out = capsys.readouterr().out
    assert out == "Read as Windows-1252, semicolon-separated\nimported 1 partnership\n"


def test_export_to_xlsx_by_extension_and_back(tmp_path, capsys):
    book = tmp_path / "register.xlsx"
    assert main(["--demo", "partnerships", "export", str(book)]) == 0
    assert "exported 11 partnerships to" in capsys.readouterr().err
    assert book.read_bytes().startswith(b"PK\x03\x04")
    db = str(tmp_path / "r.sqlite3")
    assert main(["--db", db, "partnerships", "import", str(book)]) == 0
    assert "imported 11 partnerships" in capsys.readouterr().out
    assert main(["--db", db, "partnerships", "export", str(tmp_path / "r.ods")]) == 1
    err = capsys.readouterr().err
    assert err.startswith("sciapp: sciapp cannot write OpenDocument (.ods) files")
    assert not (tmp_path / "r.ods").exists()


def test_an_old_excel_file_is_one_sentence(tmp_path, capsys):
    xls = tmp_path / "register.xls"
    xls.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(100))
    assert main(["--db", str(tmp_path / "r.sqlite3"), "partnerships", "import", str(xls)]) == 1
    err = capsys.readouterr().err
    assert "Traceback" not in err
    assert "the file cannot be read as an Excel (.xls) workbook" in err
