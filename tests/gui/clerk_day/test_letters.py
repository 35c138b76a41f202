"""Scenario: a letter from each template for a chosen partnership, previewed and saved."""

from sciapp.services.documents.templates import TEMPLATES
from tests.gui.helpers import choose, click, go_to, modal, press, save_as, show_tab, type_into
from tests.pdf.conftest import pdf_text


def test_a_letter_from_each_template_previewed_and_saved(qtbot, window, tmp_path):
    documents = go_to(qtbot, window, "Documents")
    show_tab(qtbot, documents.tabs, "Letters")
    editor = documents.letter_editor
    for number, template in enumerate(TEMPLATES.values(), start=1):

        def pick(dialog, title=template["title"]):
            choose(qtbot, dialog.template, title)
            choose(qtbot, dialog.partnership, "St. Petersburg, Russia")
            press(qtbot, dialog, "Write the letter")

        with modal(qtbot, pick):
            click(qtbot, documents.template_button)
        assert "St. Petersburg" in editor.subject.text() + editor.body.toPlainText()
        assert editor.preview.pages  # the printed page, beside the form
        type_into(qtbot, editor.cc, "Sister Cities International")
        assert editor.unsaved
        click(qtbot, editor.save_button)
        assert not editor.unsaved
        saved = window.workspace.documents.letter(editor.letter_id).draft
        assert saved.cc == ("Sister Cities International",)

        target = tmp_path / f"letter-{number}.pdf"
        with modal(qtbot, save_as(qtbot, target)):
            click(qtbot, editor.pdf_button)
        text = " ".join(pdf_text(target.read_bytes()).split())
        assert "St. Petersburg" in text
        assert "Sister Cities International" in text
        assert window.statusBar().currentMessage() == f"Saved to {target}"
