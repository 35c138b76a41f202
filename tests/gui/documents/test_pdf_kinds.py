"""Save as PDF and Print to a file make the PDF for posting (tagged, PDF/UA) or the archival
one (PDF/A-2b), as the user picks: the save dialog's file type, the print dialog's tab."""

import io

import pikepdf
import pytest
from PySide6.QtWidgets import QComboBox, QFileDialog, QLineEdit, QRadioButton, QTabWidget

from tests.gui.helpers import choose, click, go_to, modal, press, save_as, show_tab, type_into


@pytest.fixture
def editor(qtbot, window):
    return go_to(qtbot, window, "Documents").resolution_editor


def metadata(path):
    with pikepdf.open(io.BytesIO(path.read_bytes())) as pdf:
        meta = pdf.open_metadata()
        return meta.pdfa_status, meta.get("pdfuaid:part"), "/StructTreeRoot" in pdf.Root


def save_as_kind(qtbot, path, kind):
    def answer(dialog):
        assert isinstance(dialog, QFileDialog)
        choose(qtbot, dialog.findChild(QComboBox, "fileTypeCombo"), kind)
        save_as(qtbot, path)(dialog)

    return answer


def test_save_as_pdf_for_posting_is_the_tagged_pdfua_file(qtbot, editor, tmp_path):
    target = tmp_path / "posting.pdf"
    with modal(qtbot, save_as(qtbot, target)):  # the first file type, as offered
        click(qtbot, editor.pdf_button)
    assert metadata(target) == ("", "1", True)


def test_save_as_pdf_archival_is_pdfa_2b_and_still_tagged(qtbot, editor, tmp_path):
    target = tmp_path / "archival.pdf"
    with modal(qtbot, save_as_kind(qtbot, target, "Archival (PDF/A) (*.pdf)")):
        click(qtbot, editor.pdf_button)
    assert metadata(target) == ("2B", None, True)


def test_print_to_file_as_archival(qtbot, editor, tmp_path):
    target = tmp_path / "printed.pdf"

    def answer(dialog):
        choose(qtbot, dialog.findChild(QComboBox, "printers"), "Print to File (PDF)")
        type_into(qtbot, dialog.findChild(QLineEdit, "filename"), str(target))
        archival = next(
            b for b in dialog.findChildren(QRadioButton) if b.text() == "Archival (PDF/A)"
        )
        if not archival.isVisible():
            press(qtbot, dialog, "Options >>")
        tabs = next(t for t in dialog.findChildren(QTabWidget) if t.indexOf(archival.parent()) >= 0)
        show_tab(qtbot, tabs, "PDF file")
        click(qtbot, archival)
        assert archival.isChecked()
        press(qtbot, dialog, "Print")

    said = []
    editor.bus.said.connect(lambda text, file: said.append((text, file)))
    with modal(qtbot, answer):
        click(qtbot, editor.print_button)
    assert metadata(target) == ("2B", None, True)
    assert said == [(f"Printed to {target} (PDF/A)", str(target))]  # with Open folder


def test_minutes_saved_as_archival_are_pdfa_3b_with_the_meeting_inside(qtbot, window, tmp_path):
    import datetime as dt
    import json

    from tests.gui.helpers import click_row, show_tab

    page = go_to(qtbot, window, "Meetings")
    click_row(qtbot, page.table, "Mar 14, 2022")
    editor = page.editor
    assert editor.detail.date == dt.date(2022, 3, 14)
    show_tab(qtbot, editor.tabs, "Minutes")
    target = tmp_path / "minutes.pdf"
    with modal(qtbot, save_as_kind(qtbot, target, "Archival (PDF/A) (*.pdf)")):
        click(qtbot, editor.minutes_pdf_button)
    assert metadata(target) == ("3B", None, True)
    name = f"minutes-{editor.detail.id}.popolo.json"
    with pikepdf.open(target) as pdf:
        data = json.loads(pdf.attachments[name].get_file().read_bytes())
    assert [e["id"] for e in data["events"]] == [f"meeting-{editor.detail.id}"]
    assert data["vote_events"]
    assert window.statusBar().currentMessage().endswith("(PDF/A)")
