"""The documents area, driven as a user does: lists, editors, previews, Save as PDF."""

import pytest
from PySide6.QtCore import Qt

from tests.gui.helpers import (
    click,
    go_to,
    modal,
    opened_window,
    reply,
    save_as,
    show_tab,
    type_into,
)
from tests.pdf.conftest import pdf_text


@pytest.fixture
def documents(qtbot, window):
    return go_to(qtbot, window, "Documents")


def test_the_adopted_resolution_opens_locked_with_its_sealed_preview(documents):
    editor = documents.resolution_editor
    assert editor.number == "2022-01"
    assert "Adopted, locked" in editor.status.text()
    assert not editor.save_button.isEnabled()
    assert not editor.motion.isEnabled()
    assert len(editor.preview.pages) == 2


def test_a_new_resolution_previews_as_typed_and_saves(qtbot, documents, tmp_path):
    before = documents.resolutions.count()
    click(qtbot, documents.new_resolution_button)
    editor = documents.resolution_editor
    assert editor.number is None  # numbered when saved
    assert documents.resolutions.count() == before  # nothing stored yet
    type_into(qtbot, editor.title, "Welcoming the delegation from Otsu & Sakaide")
    type_into(
        qtbot, editor.operative, "the Council welcomes the delegation\n\nthe Mayor hosts a dinner"
    )
    assert editor.timer.isActive()  # the preview follows shortly after typing stops
    qtbot.waitUntil(lambda: not editor.timer.isActive(), timeout=10000)
    assert len(editor.preview.pages) == 1
    click(qtbot, editor.save_button)
    number = editor.number
    assert number is not None
    assert documents.resolutions.count() == before + 1
    assert documents.resolutions.currentItem().data(Qt.ItemDataRole.UserRole) == number
    assert documents.workspace.documents.resolution(number).operative == (
        "the Council welcomes the delegation",
        "the Mayor hosts a dinner",
    )
    target = tmp_path / "r.pdf"
    with modal(qtbot, save_as(qtbot, target)):
        click(qtbot, editor.pdf_button)
    text = " ".join(pdf_text(target.read_bytes()).split())
    assert "WELCOMING THE DELEGATION FROM OTSU & SAKAIDE" in text
    assert "DRAFT" in text


def test_printing_unsaved_text_asks_to_save_it_first(qtbot, documents, tmp_path):
    click(qtbot, documents.new_resolution_button)
    editor = documents.resolution_editor
    type_into(qtbot, editor.title, "Thanking the Guadalajara delegation")
    type_into(qtbot, editor.operative, "the Council thanks the delegation")
    target = tmp_path / "r.pdf"
    with modal(qtbot, reply("Save and continue"), save_as(qtbot, target)):
        click(qtbot, editor.pdf_button)
    assert not editor.unsaved
    assert "THANKING THE GUADALAJARA DELEGATION" in " ".join(pdf_text(target.read_bytes()).split())


def test_a_new_resolution_starts_empty_with_placeholders(qtbot, documents):
    click(qtbot, documents.new_resolution_button)
    editor = documents.resolution_editor
    for field in (editor.title, editor.preamble, editor.operative, editor.distribution):
        text = field.text() if hasattr(field, "text") else field.toPlainText()
        assert text == "", field.accessibleName()  # nothing that could be printed
        assert field.placeholderText(), field.accessibleName()
    assert "(operative clause)" not in editor.operative.toPlainText()
    assert not editor.unsaved  # nothing typed: leaving asks nothing
    assert not editor.history_button.isEnabled()
    assert not editor.motion.isEnabled()


def test_a_refused_save_says_why(qtbot, documents):
    before = documents.resolutions.count()
    click(qtbot, documents.new_resolution_button)
    editor = documents.resolution_editor
    type_into(qtbot, editor.title, "Thanking Otsu")
    click(qtbot, editor.save_button)
    assert editor.problem.text().startswith("Resolved: "), editor.problem.text()
    assert "operative" not in editor.problem.text().split(":")[0]
    assert editor.number is None
    assert documents.resolutions.count() == before
    type_into(qtbot, editor.title, "")
    click(qtbot, editor.save_button)
    assert "Title: " in editor.problem.text()
    assert "Resolved: " in editor.problem.text()


def test_history_of_a_document(qtbot, documents):
    editor = documents.resolution_editor
    dialog = opened_window(qtbot, lambda: click(qtbot, editor.history_button), "History")
    assert dialog.view.texts()[-1].endswith("| Created")
    dialog.close()


def test_unsaved_text_is_never_dropped_silently(qtbot, documents, window):
    show_tab(qtbot, documents.tabs, "Letters")
    editor = documents.letter_editor
    assert not editor.unsaved
    type_into(qtbot, editor.subject, "Keeping our ties with St. Petersburg")
    assert editor.unsaved
    asked = []

    def answer(word):
        def reply_with(box):
            asked.append(box.text())
            reply(word)(box)

        return reply_with

    with modal(qtbot, answer("Cancel")):
        window.close()  # the window's close button: Cancel keeps the window and the text
    assert window.isVisible()
    assert editor.subject.text() == "Keeping our ties with St. Petersburg"
    with modal(qtbot, answer("Save")):
        window.close()  # Save: saved, then closed
    assert not window.isVisible()
    assert asked == ["This document has changes that are not saved. Save them?"] * 2
    saved = window.workspace.documents.letter(editor.letter_id).draft
    assert saved.subject == "Keeping our ties with St. Petersburg"
