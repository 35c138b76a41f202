"""Export to a file by its extension: an Excel workbook or CSV, written whole or not at all."""

import pytest

from sciapp.domain.status import Status
from sciapp.services.errors import ServiceError
from sciapp.services.opening import open_workspace
from sciapp.services.partnerships.csv_io import import_csv
from sciapp.services.partnerships.readers import read_table
from sciapp.services.partnerships.spreadsheet import export_file


def test_a_workbook_export_imports_back_as_it_was(demo_workspace, tmp_path):
    import_csv(
        demo_workspace.db,
        b'kind,partner_city,partner_country,notes\nsister,=HYPERLINK("x"),JP,"\'=1, two"\n',
    )
    path = tmp_path / "register.xlsx"
    assert export_file(demo_workspace.db, path) == 12
    table = read_table(path.read_bytes())
    assert table.read_as == "Read sheet 'Partnerships' of the Excel workbook"
    header, first = table.rows[0][1], table.rows[1][1]
    assert header[:5] == [
        "kind",
        "partner_city",
        "partner_city_native",
        "partner_region",
        "partner_country",
    ]
    assert first[:3] == ["sister", "Otsu", "大津市"]  # the README's word, not sister_city
    from openpyxl import load_workbook

    sheet = load_workbook(path).active
    assert sheet["B13"].value == '=HYPERLINK("x")'
    assert sheet["B13"].data_type == "s"  # text: shown, never run
    assert sheet["A1"].font.bold
    assert sheet.freeze_panes == "A2"

    again = open_workspace(tmp_path / "again.sqlite3")
    assert import_csv(again.db, path.read_bytes()).imported == 12
    export_file(again.db, tmp_path / "again.csv")
    export_file(demo_workspace.db, tmp_path / "first.csv")
    assert (tmp_path / "again.csv").read_bytes() == (tmp_path / "first.csv").read_bytes()
    again.close()


def test_the_extension_chooses_and_csv_has_the_bom(demo_workspace, tmp_path):
    assert export_file(demo_workspace.db, tmp_path / "r.CSV", Status.SUSPENDED) == 1
    text = (tmp_path / "r.CSV").read_bytes()
    assert text.startswith(b"\xef\xbb\xbfkind,partner_city")
    assert b"\r\nsister,St. Petersburg," in text
    with pytest.raises(ServiceError, match=r"cannot write OpenDocument \(.ods\) files"):
        export_file(demo_workspace.db, tmp_path / "r.ods")
    assert not (tmp_path / "r.ods").exists()


def test_a_failed_workbook_export_leaves_the_old_file(demo_workspace, tmp_path, monkeypatch):
    path = tmp_path / "register.xlsx"
    path.write_bytes(b"the old file")
    from openpyxl.workbook.workbook import Workbook

    real_save = Workbook.save

    def full_disk(self, out):
        real_save(self, out)  # the whole workbook went to the temporary file; then the disk
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(Workbook, "save", full_disk)
    with pytest.raises(OSError, match="No space left"):
        export_file(demo_workspace.db, path)
    assert path.read_bytes() == b"the old file"
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".")] == []
