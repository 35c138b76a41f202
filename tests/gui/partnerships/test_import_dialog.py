"""File ▸ Import partnerships… from a workbook or any CSV: the sheet chosen in the dialog,
every problem listed in it by row and column, corrected and imported again; and File ▸
Export partnerships… to a workbook or CSV."""

import datetime as dt

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication

from sciapp.gui.partnerships.import_dialog import ProblemsModel, split_problem
from tests.gui.helpers import (
    cells,
    choose,
    click_row,
    go_to,
    modal,
    open_file,
    press,
    save_as,
    show_tab,
)
from tests.services.partnerships.workbooks import REGISTER, write_ods, write_xlsx

HORIZONTAL = Qt.Orientation.Horizontal


def test_a_workbooks_sheet_is_chosen_in_the_dialog(qtbot, window, tmp_path):
    book = write_xlsx(tmp_path / "register.xlsx", {"Old": [["scratch"]], "Register": REGISTER})
    seen = {}

    def choose_sheet(dialog):
        seen["summary"] = dialog.summary.text()
        seen["sheets"] = [dialog.sheet.itemText(i) for i in range(dialog.sheet.count())]
        assert dialog.sheet.isVisible()
        assert not dialog.problems.isVisible()  # nothing wrong yet
        choose(qtbot, dialog.sheet, "Register")
        press(qtbot, dialog, "Import")

    with modal(qtbot, open_file(qtbot, book), choose_sheet):
        window.import_action.trigger()
    assert seen["summary"] == "register.xlsx has 2 sheets. Choose the one that holds the register."
    assert seen["sheets"] == ["Old", "Register"]
    assert window.statusBar().currentMessage() == (
        "Imported 3 partnerships from register.xlsx. Read sheet 'Register' of the Excel workbook."
    )
    page = go_to(qtbot, window, "Partnerships")
    assert {"Asan", "St. Petersburg", "Lanzhou"} <= set(cells(page.table, 0))
    model = page.table.model()
    est = next(
        c for c in range(model.columnCount()) if model.headerData(c, HORIZONTAL) == "Established"
    )
    (dated,) = [d for d in cells(page.table, est) if d and "2022" in d]  # the imported Asan
    click_row(qtbot, page.table, dated, est)
    show_tab(qtbot, page.detail_tabs, "History")  # the import's one entry, said for this row
    assert page.history.texts()[-1].endswith("| Imported from register.xlsx")


def test_problems_are_listed_in_the_dialog_then_corrected_and_imported(qtbot, window, tmp_path):
    rows = [
        REGISTER[0],
        ["sister", "Asan", "아산시", "KR", "19x5", ""],
        ["twin", "Pskov", "Псков", "RU", dt.date(2001, 5, 6), ""],
        ["friendship", "Lanzhou", "兰州市", "CN", 1999, ""],
        ["friendship", "lanzhou", "", "China", 1999, ""],
    ]
    book = write_ods(tmp_path / "register.ods", {"Register": rows})
    listed = {}

    def read_then_correct(dialog):
        table = dialog.problems
        assert table.isVisible()
        listed["summary"] = dialog.summary.text()
        listed["read_as"] = dialog.read_as.text()
        listed["header"] = [table.model().headerData(c, HORIZONTAL) for c in range(3)]
        listed["rows"] = [cells(table, c) for c in range(3)]
        press(qtbot, dialog, "Copy the list")
        listed["copied"] = QGuiApplication.clipboard().text()
        rows[1][4] = "3/14/2022"  # corrected in the spreadsheet and saved
        rows[2][0] = "friendship"
        del rows[4]
        write_ods(book, {"Register": rows})
        press(qtbot, dialog, "Import again")

    with modal(qtbot, open_file(qtbot, book), read_then_correct):
        window.import_action.trigger()
    assert listed["summary"].startswith(
        "Nothing was imported from register.ods: 3 problems to correct first."
    )
    assert listed["read_as"] == "Read sheet 'Register' of the OpenDocument spreadsheet"
    assert listed["header"] == ["Row", "Column", "Problem"]
    assert listed["rows"] == [
        ["2", "3", "5"],
        ["established", "kind", "partner_city"],
        [
            "'19x5' is not a date; use YYYY-MM-DD, YYYY-MM, YYYY or M/D/YYYY",
            "'twin' is not a kind; use sister or friendship",
            "'lanzhou' duplicates row 4 (same kind, partner city, country and local jurisdiction)",
        ],
    ]
    assert listed["copied"].splitlines()[:2] == [
        "Read sheet 'Register' of the OpenDocument spreadsheet",
        "row 2: established: '19x5' is not a date; use YYYY-MM-DD, YYYY-MM, YYYY or M/D/YYYY",
    ]
    message = window.statusBar().currentMessage()
    assert message.startswith("Imported 3 partnerships from register.ods.")
    page = go_to(qtbot, window, "Partnerships")
    assert {"Asan", "Pskov"} <= set(cells(page.table, 0))


def test_a_windows_csv_imports_at_once_and_says_how_it_was_read(qtbot, window, tmp_path):
    register = tmp_path / "register.csv"
    register.write_bytes(
        "kind;partner_city;partner_country\r\nsister;Malmö;SE\r\n".encode("cp1252")
    )
    with modal(qtbot, open_file(qtbot, register)):
        window.import_action.trigger()
    assert window.statusBar().currentMessage() == (
        "Imported 1 partnership from register.csv. Read as Windows-1252, semicolon-separated."
    )


def test_a_line_that_is_a_csv_line_is_headed_line(qtbot, window, tmp_path):
    register = tmp_path / "bad.csv"
    register.write_text("kind,partner_city,partner_country\nsister,Graz,Austriaa\n")
    shown = {}

    def read(dialog):
        shown["header"] = dialog.problems.model().headerData(0, HORIZONTAL)
        shown["first"] = [cells(dialog.problems, c)[0] for c in range(3)]
        press(qtbot, dialog, "Close")

    with modal(qtbot, open_file(qtbot, register), read):
        window.import_action.trigger()
    assert shown == {
        "header": "Line",
        "first": ["2", "partner_country", "no country called 'Austriaa'"],
    }


def test_export_to_a_workbook_or_csv_from_the_save_dialog(qtbot, window, tmp_path):
    with modal(qtbot, save_as(qtbot, tmp_path / "register")):  # no extension: the filter's
        window.export_action.trigger()
    book = tmp_path / "register.xlsx"
    assert book.read_bytes().startswith(b"PK\x03\x04")
    assert window.statusBar().currentMessage() == f"Exported 11 partnerships to {book}."
    with modal(qtbot, save_as(qtbot, tmp_path / "register.csv")):
        window.export_action.trigger()
    assert (tmp_path / "register.csv").read_bytes().startswith(b"\xef\xbb\xbfkind,")


def test_the_problems_model(qtmodeltester):
    model = ProblemsModel()
    model.set_problems(
        [
            "row 4: established: '19x5' is not a date",
            "row 8: has 7 cells but the header has 6",
            "sheet 'X': no such sheet (the sheets: 'A')",
        ]
    )
    qtmodeltester.check(model)
    assert model.index(1, 1).data() == ""
    assert model.index(2, 2).data() == "sheet 'X': no such sheet (the sheets: 'A')"
    assert split_problem("line 1: column 4: the header cell is empty") == (
        "line",
        1,
        "column 4",
        "the header cell is empty",
    )
