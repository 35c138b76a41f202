"""Only the Start area is built at start; the others, Partnerships too, when first shown."""

from tests.gui.helpers import go_to


def test_the_partnerships_area_and_its_menu_are_built_when_first_shown(qtbot, window):
    assert window._built("Partnerships") is None  # a quicker start: Start is what shows
    assert not window.partnership_menu.isEnabled()
    assert not window.partnership_menu.actions()

    page = go_to(qtbot, window, "Partnerships")
    assert page is window.partnerships
    names = [a.text().replace("&", "") for a in window.partnership_menu.actions() if a.text()]
    assert names[-1] == "Find"
    assert page.new_action in window.partnership_menu.actions()
    assert window.partnership_menu.isEnabled()

    go_to(qtbot, window, "Start")
    assert not window.partnership_menu.isEnabled()  # its commands act on a row shown
    go_to(qtbot, window, "Partnerships")
    assert window.partnership_menu.actions().count(page.new_action) == 1  # filled once


def test_the_shortcuts_list_names_the_partnership_commands_before_the_area_is_opened(qtbot, window):
    dialog = window.show_help("shortcuts")
    qtbot.addWidget(dialog)
    text = dialog.browser.toPlainText()
    assert "Find" in text
