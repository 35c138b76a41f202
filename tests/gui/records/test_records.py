import sqlite3

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QDialog, QMessageBox

from sciapp.gui.app import run_app
from sciapp.gui.records import actions
from sciapp.gui.records.settings_dialog import SettingsDialog
from sciapp.services.workspace import load_demo, open_workspace
from sciapp.settings import load_settings
from tests.gui.conftest import select_city


def demo_file(path):
    ws = open_workspace(path, actor="Andrea Lopez")
    load_demo(ws)
    ws.close()
    return path


def test_the_history_tab_shows_who_changed_the_partnership(page, window):
    select_city(page, "St. Petersburg")
    assert page.history.topLevelItemCount() == 0  # read only when the tab is shown
    page.detail_tabs.setCurrentWidget(page.history)
    lines = page.history.texts()
    assert lines[-1].endswith("| Created")  # newest first: the creation is last
    assert any("Changed status, status since" in line for line in lines)
    first = page.history.topLevelItem(page.history.topLevelItemCount() - 1)
    assert "partner city: St. Petersburg" in [
        first.child(i).text(2) for i in range(first.childCount())
    ]


def test_back_up_now_and_the_audit_trail_window(window, tmp_path):
    made = actions.back_up_now(window, str(tmp_path / "copy.sqlite3"))
    assert made.exists()
    assert "Backed up to" in window.statusBar().currentMessage()
    dialog = actions.show_audit_trail(window)
    assert any("create partnership" in line for line in dialog.view.texts())
    dialog.close()


def test_check_and_verify_report_a_sound_demo(window, monkeypatch):
    shown = []
    monkeypatch.setattr(QMessageBox, "information", lambda *a: shown.append(a[2]))
    assert actions.check_database(window)
    assert actions.verify_seals(window)
    assert shown[0].startswith("No problems found")
    assert "seals verified" in shown[1]


def test_verify_names_a_tampered_record(window, monkeypatch):
    with sqlite3.connect(window.workspace.path) as conn:
        conn.execute("UPDATE resolution SET title = 'Other'")
    conn.close()
    details = []
    monkeypatch.setattr(QMessageBox, "exec", lambda box: details.append(box.detailedText()))
    assert not actions.verify_seals(window)
    assert "Resolution 2022-01" in details[0]


def test_settings_are_saved_and_name_the_next_changes(window, qtbot, monkeypatch, isolated_home):
    def fill(dialog):
        dialog.user_name.setText("Carol Whitaker")
        dialog.keep.setValue(5)
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(SettingsDialog, "exec", fill)
    assert actions.edit_settings(window)
    saved = load_settings(isolated_home / "config")
    assert (saved.user_name, saved.backup_keep) == ("Carol Whitaker", 5)
    assert window.workspace.audit.actor == "Carol Whitaker"


def test_a_session_backs_up_at_start_and_quit(qtbot, tmp_path):
    path = tmp_path / "register.sqlite3"
    demo_file(path)
    run_app(db=path, on_shown=lambda w: QTimer.singleShot(0, w.close))
    names = sorted(p.name for p in (tmp_path / "backups").iterdir())
    assert sorted(n.rsplit("-", 1)[-1] for n in names) == ["quit.sqlite3", "start.sqlite3"]


def test_restore_swaps_the_database_and_reopens(qtbot, tmp_path, monkeypatch):
    path = demo_file(tmp_path / "register.sqlite3")
    saved = tmp_path / "saved.sqlite3"
    ws = open_workspace(path)
    ws.close()
    import shutil

    shutil.copy(path, saved)
    ws = open_workspace(path)
    ws.partnerships.delete(ws.partnerships.list_rows()[0].id)
    ws.close()
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    seen = []

    def shown(window):
        seen.append(window.workspace.partnerships.count())
        if len(seen) == 1:
            QTimer.singleShot(0, lambda: actions.restore_from_backup(window, str(saved)))
        else:
            seen.append(window.statusBar().currentMessage())
            QTimer.singleShot(0, window.close)

    assert run_app(db=path, on_shown=shown) == 0
    assert seen[:2] == [10, 11]
    assert seen[2].startswith(f"Restored from {saved}")


def test_a_database_in_use_opens_read_only_on_request(qtbot, tmp_path, monkeypatch):
    path = demo_file(tmp_path / "register.sqlite3")
    holder = open_workspace(path, actor="Andrea Lopez")
    asked = []

    def answer(_parent, _title, text, *_a):
        asked.append(text)
        return QMessageBox.StandardButton.Open

    monkeypatch.setattr(QMessageBox, "question", answer)
    seen = {}

    def shown(window):
        seen["title"] = window.windowTitle()
        seen["restore"] = window.restore_action.isEnabled()
        QTimer.singleShot(0, window.close)

    try:
        assert run_app(db=path, on_shown=shown) == 0
    finally:
        holder.close()
    assert "open in sciapp by Andrea Lopez" in asked[0]
    assert seen == {"title": "sciapp — register.sqlite3 (read-only)", "restore": False}


def test_archive_export_then_import_into_an_empty_register(window, qtbot, tmp_path, monkeypatch):
    from sciapp.gui.main_window import MainWindow

    target = tmp_path / "commission.zip"
    assert actions.export_archive(window, str(target))
    refusals = []
    monkeypatch.setattr(QMessageBox, "exec", lambda box: refusals.append(box.text()))
    assert not actions.import_archive(window, str(target))  # this register is not empty
    assert "new database" in refusals[0]

    empty = open_workspace(tmp_path / "new" / "register.sqlite3")
    other = MainWindow(empty, "en_US")
    qtbot.addWidget(other)
    try:
        assert actions.import_archive(other, str(target))
        assert empty.partnerships.count() == 11
        assert "Imported" in other.statusBar().currentMessage()
    finally:
        other.close()
        empty.close()


def test_settings_persist_across_a_restart_and_the_theme_applies(qtbot, tmp_path, monkeypatch):
    from PySide6.QtWidgets import QApplication

    path = demo_file(tmp_path / "register.sqlite3")

    def choose_dark(dialog):
        dialog.theme.setCurrentIndex(dialog.theme.findData("dark"))
        dialog.user_name.setText("Tom Volunteer")
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(SettingsDialog, "exec", choose_dark)
    seen = []

    def shown(window):
        seen.append((window.settings.theme, window.settings.user_name))
        if len(seen) == 1:
            actions.edit_settings(window)
            seen.append(QApplication.instance().palette().window().color().name())
        QTimer.singleShot(0, window.close)

    run_app(db=path, on_shown=shown)
    run_app(db=path, on_shown=shown)  # a restart reads the saved settings
    assert seen[0] == ("system", "")
    assert seen[1] == "#2b2d31"  # dark at once, without a restart
    assert seen[2] == ("dark", "Tom Volunteer")
    from sciapp.gui.theme import apply_theme

    apply_theme(QApplication.instance(), "system")


def test_moving_the_database_copies_it_checked_and_reopens_it_there(
    qtbot, tmp_path, monkeypatch, isolated_home
):
    path = demo_file(tmp_path / "register.sqlite3")
    target = tmp_path / "elsewhere" / "register.sqlite3"
    target.parent.mkdir()

    def move(dialog):
        dialog.move_to = target
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(SettingsDialog, "exec", move)
    seen = []

    def shown(window):
        seen.append(window.workspace.path)
        if len(seen) == 1:  # from inside the event loop, as a click would
            QTimer.singleShot(0, lambda: actions.edit_settings(window))
        else:
            seen.append(window.statusBar().currentMessage())
            QTimer.singleShot(0, window.close)

    assert run_app(db=path, on_shown=shown) == 0
    assert seen[1] == target
    assert seen[2].startswith(f"The database now lives at {target}")
    assert load_settings(isolated_home / "config").database == str(target)
    ws = open_workspace(target)
    assert ws.partnerships.count() == 11
    ws.close()
