"""Issue 15, Letters: a new letter starts empty (its fields say what goes in them), from the
commission on its letterhead, signed by its chair; Save as PDF offers "<date> <subject>.pdf";
a body's own letterhead and signers are set in its dialog."""

import datetime as dt

from PySide6.QtWidgets import QFileDialog, QLineEdit

from tests.gui.helpers import (
    choose,
    click,
    go_to,
    modal,
    press,
    show_tab,
    type_into,
)
from tests.pdf.conftest import pdf_text


def new_letter(qtbot, window):
    documents = go_to(qtbot, window, "Documents")
    show_tab(qtbot, documents.tabs, "Letters")
    click(qtbot, documents.new_letter_button)
    return documents, documents.letter_editor


def test_a_new_letter_starts_empty_with_placeholders_from_the_commissions_chair(qtbot, window):
    before = len(window.workspace.documents.list_letters())
    _documents, editor = new_letter(qtbot, window)
    assert editor.letter_id is None
    assert len(window.workspace.documents.list_letters()) == before  # nothing stored yet
    assert editor.to.toPlainText() == ""
    assert editor.salutation.text() == ""
    assert editor.body.toPlainText() == ""
    assert editor.to.placeholderText()
    assert editor.salutation.placeholderText() == "e.g. Dear Mayor:"
    assert editor.writer.currentText() == "Lansing Regional Sister Cities Commission"
    assert editor.signers.toPlainText() == (
        "Margaret Okafor, Chair, Lansing Regional Sister Cities Commission"
    )
    printed = " ".join(pdf_text(editor.rendered().pdf).split())
    for typed_for_the_clerk in ("(recipient)", "Dear …", "(text)", "Council President"):
        assert typed_for_the_clerk not in printed
    assert printed.startswith("Lansing Regional Sister Cities Commission")
    assert not editor.unsaved  # an untouched new letter is left without a question


def test_a_new_letter_is_saved_once_filled_in_and_named_by_date_and_subject(
    qtbot, window, tmp_path
):
    documents, editor = new_letter(qtbot, window)
    click(qtbot, editor.save_button)
    assert "inside address" in editor.problem.text()  # nothing pretends to be filled in
    assert editor.letter_id is None
    type_into(qtbot, editor.to, "The Honorable Mayor\nCity of Otsu")
    type_into(qtbot, editor.salutation, "Dear Mayor:")
    type_into(qtbot, editor.subject, "Youth exchange 2023")
    type_into(qtbot, editor.body, "We write about the exchange.")
    today = dt.date.today().isoformat()
    assert editor.file_name() == f"{today} Youth exchange 2023.pdf"

    offered = []
    target = tmp_path / "letter.pdf"

    def save_first(box):
        press(qtbot, box, "Save and continue")

    def save_as(dialog):
        assert isinstance(dialog, QFileDialog)
        field = dialog.findChild(QLineEdit, "fileNameEdit")
        offered.append(field.text())
        field.setText(str(target))
        press(qtbot, dialog, "Save")

    with modal(qtbot, save_first, save_as):
        click(qtbot, editor.pdf_button)
    assert offered == [f"{today} Youth exchange 2023.pdf"]
    assert editor.letter_id is not None
    assert documents.letters.currentItem().data(256) == editor.letter_id  # listed, selected
    text = " ".join(pdf_text(target.read_bytes()).split())
    assert text.startswith("Lansing Regional Sister Cities Commission")
    assert "Margaret Okafor Chair, Lansing Regional Sister Cities Commission" in text


def test_a_letter_from_the_council_prints_on_the_councils_letterhead(qtbot, window):
    _documents, editor = new_letter(qtbot, window)
    type_into(qtbot, editor.to, "The Honorable Mayor")
    type_into(qtbot, editor.salutation, "Dear Mayor:")
    type_into(qtbot, editor.body, "Text.")
    choose(qtbot, editor.writer, "Lansing City Council")
    click(qtbot, editor.save_button)
    saved = window.workspace.documents.letter(editor.letter_id).draft
    assert saved.body_id == window.workspace.bodies.find_body("Lansing City Council").id
    printed = " ".join(pdf_text(editor.stored().pdf).split())
    assert printed.startswith("City of Lansing — City Council")


def test_a_bodys_dialog_sets_its_own_letterhead_and_signers(qtbot, window):
    page = go_to(qtbot, window, "Members")
    choose(qtbot, page.body, "Lansing Regional Sister Cities Commission")

    def letterhead(dialog):
        assert dialog.name.text() == "Lansing Regional Sister Cities Commission"  # the general
        type_into(qtbot, dialog.name, "Sister Cities Commission of Lansing")
        type_into(qtbot, dialog.presiding, "Margaret Okafor, Chair")
        type_into(qtbot, dialog.clerk, "Yuki Tanaka-Brown, Secretary")
        press(qtbot, dialog, "Save")

    def settings(dialog):
        assert dialog.letterhead_note.text().startswith("The general letterhead")
        assert not dialog.general_button.isEnabled()
        with modal(qtbot, letterhead):
            click(qtbot, dialog.letterhead_button)
        assert "Sister Cities Commission of Lansing" in dialog.letterhead_note.text()
        press(qtbot, dialog, "Save")

    with modal(qtbot, settings):
        click(qtbot, page.edit_body_button)
    body = window.workspace.bodies.find_body("Lansing Regional Sister Cities Commission")
    assert body.letterhead is not None
    assert body.letterhead.name == "Sister Cities Commission of Lansing"
    assert body.letterhead.clerk.title == "Secretary"

    def back_to_general(dialog):
        click(qtbot, dialog.general_button)
        assert dialog.letterhead_note.text().startswith("The general letterhead")
        press(qtbot, dialog, "Save")

    with modal(qtbot, back_to_general):
        click(qtbot, page.edit_body_button)
    body = window.workspace.bodies.find_body("Lansing Regional Sister Cities Commission")
    assert body.letterhead is None
