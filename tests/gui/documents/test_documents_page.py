import datetime as dt

import pytest
from PySide6.QtWidgets import QInputDialog

from tests.documents.conftest import pdf_text


@pytest.fixture
def documents(window):
    window.show_area(window.documents)
    return window.documents


def test_the_adopted_resolution_opens_locked_with_its_preview(documents):
    editor = documents.resolution_editor
    assert editor.number == "2022-01"
    assert "locked" in editor.status.text()
    assert not editor.save_button.isEnabled()
    assert len(editor.preview.pages) == 2


def test_a_new_resolution_previews_as_typed_and_saves(qtbot, documents, tmp_path):
    number = documents.new_resolution()
    editor = documents.resolution_editor
    assert editor.number == number
    editor.title.setText("Welcoming the delegation from Otsu & Sakaide")
    editor.operative.setPlainText("the Council welcomes the delegation\n\nthe Mayor hosts a dinner")
    qtbot.waitUntil(lambda: not editor.timer.isActive(), timeout=3000)
    assert len(editor.preview.pages) == 1
    editor.save()
    assert documents.workspace.documents.resolution(number).operative == (
        "the Council welcomes the delegation",
        "the Mayor hosts a dinner",
    )
    target = tmp_path / "r.pdf"
    editor.save_pdf(str(target))
    text = " ".join(pdf_text(target.read_bytes()).split())
    assert "WELCOMING THE DELEGATION FROM OTSU & SAKAIDE" in text
    assert "DRAFT" in text


def test_a_refused_save_says_why(documents):
    documents.new_resolution()
    editor = documents.resolution_editor
    editor.operative.setPlainText("")
    editor.save()
    assert "operative" in editor.problem.text()


def test_letter_from_a_template(qtbot, monkeypatch, documents, tmp_path):
    rows = documents.workspace.partnerships.list_rows()
    otsu = next(r.id for r in rows if r.partner_city == "Otsu")
    documents.letter_from_template("keep-partnership", otsu)
    editor = documents.letter_editor
    assert documents.tabs.currentIndex() == 1
    assert "Otsu, Japan" in editor.subject.text()
    assert editor.signers.toPlainText() == "Carol Whitaker, Council President"
    editor.cc.setText("City Council; Sister Cities International")
    editor.save()
    saved = documents.workspace.documents.letter(editor.letter_id).draft
    assert saved.cc == ("City Council", "Sister Cities International")
    answers = iter([("Notify a partner city of a suspension", True), ("Otsu, Japan", True)])
    monkeypatch.setattr(QInputDialog, "getItem", lambda *a, **k: next(answers))
    documents.letter_from_template()
    assert editor.salutation.text() == "Dear Mayor:"
    assert editor.date.date().toPython() == dt.date.today()


def test_history_of_a_document(documents):
    dialog = documents.resolution_editor.show_history()
    lines = dialog.view.texts()
    assert lines[-1].endswith("| Created")
    dialog.close()
    assert documents.letter_editor.record_key() in (
        None,
        ("letter", documents.letter_editor.letter_id),
    )


def test_unsaved_text_is_never_dropped_silently(qtbot, monkeypatch, documents, window):
    from PySide6.QtWidgets import QMessageBox

    editor = documents.letter_editor
    assert not editor.unsaved
    editor.subject.setText("Keeping our ties with St. Petersburg")
    assert editor.unsaved
    answers = [QMessageBox.StandardButton.Cancel, QMessageBox.StandardButton.Save]
    asked = []

    def question(*args, **kwargs):
        asked.append(args[2])
        return answers.pop(0)

    monkeypatch.setattr(QMessageBox, "question", question)
    window.close()  # Cancel: the window stays, the text too
    assert window.isVisible()
    assert editor.subject.text() == "Keeping our ties with St. Petersburg"
    window.close()  # Save: saved, then closed
    assert not window.isVisible()
    assert asked == ["This document has changes that are not saved. Save them?"] * 2
    saved = window.workspace.documents.letter(editor.letter_id).draft
    assert saved.subject == "Keeping our ties with St. Petersburg"
