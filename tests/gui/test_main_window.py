from PySide6.QtWidgets import QMessageBox

from tests.gui.conftest import visible_cities


def test_sidebar_lists_only_areas_that_exist(window):
    items = [window.sidebar.item(i).text() for i in range(window.sidebar.count())]
    assert items == ["Start", "Partnerships", "Meetings", "Members", "Documents"]
    assert window.pages.currentWidget() is window.dashboard


def test_areas_are_built_when_first_shown_and_kept(window, qtbot):
    assert window._built("Meetings") is None
    assert window._built("Documents") is None
    window.sidebar.setCurrentRow(2)
    meetings = window.pages.currentWidget()
    assert meetings is window.meetings
    assert meetings.isVisible()
    assert window.pages.count() == 5
    window.sidebar.setCurrentRow(0)
    window.sidebar.setCurrentRow(2)
    assert window.pages.currentWidget() is meetings  # built once, not again
    window.sidebar.setCurrentRow(4)
    assert window.pages.indexOf(window.documents) == 4


def test_export_then_import_through_the_file_menu(window, tmp_path, monkeypatch):
    target = tmp_path / "register.csv"
    window.export_csv(str(target))
    assert target.read_bytes().startswith(b"\xef\xbb\xbfkind,partner_city")
    assert "Exported 11 partnerships" in window.statusBar().currentMessage()

    bad = tmp_path / "bad.csv"
    bad.write_text("kind,partner_city,partner_country\nsister,Graz,AT\nsister,,XX\n")
    boxes = []
    monkeypatch.setattr(QMessageBox, "exec", lambda box: boxes.append(box.detailedText()))
    window.import_csv(str(bad))
    assert boxes == [
        "line 3: partner_city: required\nline 3: partner_country: no country called 'XX'"
    ]
    assert "Graz" not in visible_cities(window.partnerships)

    good = tmp_path / "good.csv"
    good.write_text("kind,partner_city,partner_country\nfriendship,Graz,Austria\n")
    window.import_csv(str(good))
    assert "Graz" in visible_cities(window.partnerships)
    assert "Imported 1 partnerships" in window.statusBar().currentMessage()


def test_unreadable_files_are_reported(window, tmp_path, monkeypatch):
    warnings = []
    monkeypatch.setattr(QMessageBox, "warning", lambda *a: warnings.append(a[2]))
    window.import_csv(str(tmp_path / "missing.csv"))
    window.export_csv(str(tmp_path / "no-such-folder" / "x.csv"))
    assert len(warnings) == 2
    assert "Could not write" in warnings[1]


def test_about_names_the_database_folders_and_licences(window):
    dialog = window.show_about()
    text = dialog.browser.toPlainText()
    assert str(window.workspace.path) in text
    assert "Schema version: 5" in text
    assert "SIL Open Font License" in text
    assert "Log files:" in text
    dialog.close()


def test_the_user_guide_and_the_shortcuts(window):
    guide = window.show_help("guide")
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
    keys = window.show_help("shortcuts").browser.toPlainText()
    assert "Ctrl+N" in keys
    assert "New" in keys
    assert "Y yes" in keys
