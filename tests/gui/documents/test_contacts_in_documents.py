"""Issue 17, contacts feed documents: a letter's "From contacts…" fills the inside address
(the name in its own script and in Latin letters, the mayor's title, the organisation, the
address) and the salutation; a resolution's "Add contacts…" adds them to its copies."""

from PySide6.QtCore import Qt

from tests.gui.helpers import click, go_to, modal, pick_row, press, show_tab, type_into


def new_letter(qtbot, window):
    documents = go_to(qtbot, window, "Documents")
    show_tab(qtbot, documents.tabs, "Letters")
    click(qtbot, documents.new_letter_button)
    return documents.letter_editor


def test_a_letter_is_addressed_to_the_mayor_of_otsu_from_her_contact(qtbot, window):
    editor = new_letter(qtbot, window)
    shown = []

    def pick(dialog):
        assert not dialog.use_button.isEnabled()  # nothing chosen yet
        lines = [dialog.listing.item(r).text() for r in range(dialog.listing.count())]
        assert "Otsu — Mayor — 佐藤 直美 (Naomi Sato)" in lines
        assert any(line.startswith("Every tie — Sister Cities International") for line in lines)
        pick_row(qtbot, dialog.listing, "Naomi Sato")
        shown.append(dialog.address.text())
        press(qtbot, dialog, "Use")

    with modal(qtbot, pick):
        click(qtbot, editor.contacts_button)
    address = (
        "佐藤 直美\nNaomi Sato\nMayor of Otsu\n大津市役所\n〒520-8575\n滋賀県大津市御陵町3番1号"
        "\nJAPAN"  # mail abroad ends with the country
    )
    assert shown == [address]  # the address is shown before it is used
    assert editor.to.toPlainText() == address
    assert editor.salutation.text() == "Dear Mayor Sato:"
    type_into(qtbot, editor.body, "We write about the exchange.")
    click(qtbot, editor.save_button)
    assert editor.letter_id is not None
    saved = window.workspace.documents.letter(editor.letter_id).draft
    assert saved.to[:2] == ("佐藤 直美", "Naomi Sato")


def test_cancelling_the_contact_picker_leaves_the_letter_as_typed(qtbot, window):
    editor = new_letter(qtbot, window)
    type_into(qtbot, editor.to, "The Honorable Mayor")

    def cancel(dialog):
        pick_row(qtbot, dialog.listing, "Member Services")
        press(qtbot, dialog, "Cancel")

    with modal(qtbot, cancel):
        click(qtbot, editor.contacts_button)
    assert editor.to.toPlainText() == "The Honorable Mayor"
    assert editor.salutation.text() == ""


def test_a_resolutions_copies_add_contacts_once_each(qtbot, window):
    documents = go_to(qtbot, window, "Documents")
    click(qtbot, documents.new_resolution_button)
    editor = documents.resolution_editor
    type_into(qtbot, editor.distribution, "City Clerk")

    def pick_two(dialog):
        pick_row(qtbot, dialog.listing, "Naomi Sato")
        item = next(
            dialog.listing.item(r)
            for r in range(dialog.listing.count())
            if "Member Services" in dialog.listing.item(r).text()
        )
        rect = dialog.listing.visualItemRect(item)
        qtbot.mouseClick(
            dialog.listing.viewport(),
            Qt.MouseButton.LeftButton,
            Qt.KeyboardModifier.ControlModifier,
            rect.center(),
        )
        press(qtbot, dialog, "Add")

    with modal(qtbot, pick_two):
        click(qtbot, editor.copies_button)
    expected = "City Clerk\nNaomi Sato, Mayor of Otsu\nMember Services, Sister Cities International"
    assert editor.distribution.toPlainText() == expected

    def pick_again(dialog):
        pick_row(qtbot, dialog.listing, "Naomi Sato")
        press(qtbot, dialog, "Add")

    with modal(qtbot, pick_again):
        click(qtbot, editor.copies_button)
    assert editor.distribution.toPlainText() == expected  # each once
    type_into(qtbot, editor.title, "Welcoming the delegation from Otsu")
    type_into(qtbot, editor.operative, "the Council welcomes the delegation")
    click(qtbot, editor.save_button)
    assert editor.number is not None
    record = window.workspace.documents.resolution(editor.number)
    assert record.distribution == tuple(expected.split("\n"))
