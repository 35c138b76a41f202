"""The main window: its areas, the File menu's CSV commands, Help."""

from tests.gui.helpers import (
    cells,
    go_to,
    modal,
    open_file,
    opened_window,
    press,
    read_box,
    save_as,
)


def test_sidebar_lists_only_areas_that_exist(window):
    items = [window.sidebar.item(i).text() for i in range(window.sidebar.count())]
    assert items == ["Start", "Partnerships", "Meetings", "Members", "Documents"]
    assert window.pages.currentWidget() is window.dashboard


def test_areas_are_built_when_first_shown_and_kept(qtbot, window):
    assert window._built("Meetings") is None
    assert window._built("Documents") is None
    meetings = go_to(qtbot, window, "Meetings")
    assert meetings is window.meetings
    assert meetings.isVisible()
    assert window.pages.count() == 5
    go_to(qtbot, window, "Start")
    assert go_to(qtbot, window, "Meetings") is meetings  # built once, not again
    go_to(qtbot, window, "Documents")
    assert window.pages.indexOf(window.documents) == 4


def test_unreadable_files_are_reported(qtbot, window, tmp_path):
    spreadsheet = tmp_path / "register.xls"
    spreadsheet.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1 not text")
    said = []

    def problems(dialog):
        said.append(dialog.summary.text() + "\n" + "\n".join(cells(dialog.problems, 2)))
        press(qtbot, dialog, "Close")

    with modal(qtbot, open_file(qtbot, spreadsheet), problems):
        window.import_action.trigger()
    assert "Nothing was imported from register.xls: 1 problem" in said[0]
    assert "cannot be read as an Excel (.xls) workbook" in said[0]
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("")
    warnings = []
    with modal(qtbot, save_as(qtbot, blocker / "x.csv"), read_box(warnings)):
        window.export_action.trigger()
    assert "Could not write" in warnings[0]


def test_about_names_the_database_folders_and_licences(qtbot, window):
    dialog = opened_window(qtbot, window.about_action.trigger, "About sciapp")
    text = dialog.browser.toPlainText()
    assert str(window.workspace.path) in text
    from sciapp.storage.schema import HEAD

    assert f"Schema version: {int(HEAD)}" in text  # the newest migration's number
    assert "SIL Open Font License" in text
    assert "Log files:" in text
    dialog.close()


def test_the_user_guide_and_the_shortcuts(qtbot, window):
    guide = opened_window(qtbot, window.guide_action.trigger, "sciapp user guide")
    text = guide.browser.toPlainText()
    for section in (
        "First steps",
        "Recording a partnership's suspension",
        "Running a meeting",
        "Taking a roll call",
        "Printing a resolution",
        "Backing up",
    ):
        assert section in text
    guide.close()
    shortcuts = opened_window(qtbot, window.shortcuts_action.trigger, "Keyboard shortcuts")
    keys = shortcuts.browser.toPlainText()
    assert "Ctrl+N" in keys
    assert "New" in keys
    assert "Y yes" in keys
    shortcuts.close()
