"""The File menu's record-keeping: back up, restore, check, verify, audit trail, settings,
archives; opened read-only when another session has the file."""

import shutil
import sqlite3

from PySide6.QtWidgets import QApplication

from sciapp.gui.app import run_app
from sciapp.services.opening import open_workspace
from sciapp.settings import load_settings
from tests.gui.helpers import (
    choose,
    choose_folder,
    click_row,
    go_to,
    in_loop,
    modal,
    open_file,
    opened_window,
    press,
    read_details,
    reply,
    save_as,
    show_tab,
    type_into,
)


def test_the_history_tab_shows_who_changed_the_partnership(qtbot, window):
    page = go_to(qtbot, window, "Partnerships")
    click_row(qtbot, page.table, "St. Petersburg")
    assert page.history.topLevelItemCount() == 0  # read only when the tab is shown
    show_tab(qtbot, page.detail_tabs, "History")
    lines = page.history.texts()
    assert lines[-1].endswith("| Created")  # newest first: the creation is last
    assert any("Changed status and since" in line for line in lines)
    first = page.history.topLevelItem(page.history.topLevelItemCount() - 1)
    assert "Partner city: St. Petersburg" in [
        first.child(i).text(2) for i in range(first.childCount())
    ]


def test_back_up_now_and_the_audit_trail_window(qtbot, window, tmp_path):
    target = tmp_path / "copy.sqlite3"
    with modal(qtbot, save_as(qtbot, target)):
        window.backup_action.trigger()
    assert target.exists()
    assert "Backed up to" in window.statusBar().currentMessage()
    trail = opened_window(qtbot, window.audit_action.trigger, "Audit trail: every change")
    assert any("Created partnership St. Petersburg" in line for line in trail.view.texts())
    trail.close()


def test_check_and_verify_report_a_sound_demo(qtbot, window):
    shown = []
    with modal(qtbot, read_details(shown)):
        window.check_action.trigger()
    with modal(qtbot, read_details(shown)):
        window.verify_action.trigger()
    assert shown[0][0].startswith("No problems found")
    assert "seals verified" in shown[1][0]


def test_verify_names_a_tampered_record(qtbot, window):
    with sqlite3.connect(window.workspace.path) as conn:
        conn.execute("UPDATE resolution SET title = 'Other'")
    conn.close()
    shown = []
    with modal(qtbot, read_details(shown)):
        window.verify_action.trigger()
    assert "no longer match" in shown[0][0]
    assert "Resolution 2022-01" in shown[0][1]


def test_settings_are_saved_and_name_the_next_changes(qtbot, window, isolated_home):
    def fill(dialog):
        type_into(qtbot, dialog.user_name, "Carol Whitaker")
        dialog.keep.setValue(5)
        press(qtbot, dialog, "Save")

    with modal(qtbot, fill):
        window.settings_action.trigger()
    saved = load_settings(isolated_home / "config")
    assert (saved.user_name, saved.backup_keep) == ("Carol Whitaker", 5)
    assert window.workspace.audit.actor == "Carol Whitaker"


def test_a_session_backs_up_at_start_and_quit(qtbot, tmp_path, demo_register):
    path = demo_register
    run_app(db=path, on_shown=lambda w: in_loop(w.close))
    names = sorted(p.name for p in (tmp_path / "backups").iterdir())
    assert sorted(n.rsplit("-", 1)[-1] for n in names) == ["quit.sqlite3", "start.sqlite3"]


def test_restore_swaps_the_database_and_reopens(qtbot, tmp_path, demo_register):
    path = demo_register
    saved = tmp_path / "saved.sqlite3"
    shutil.copy(path, saved)
    ws = open_workspace(path)
    ws.partnerships.delete(ws.partnerships.list_rows()[0].id)
    ws.close()
    seen = []

    def restore(window):
        with modal(qtbot, open_file(qtbot, saved), reply("Restore")):
            window.restore_action.trigger()

    def shown(window):
        seen.append(window.workspace.partnerships.count())
        if len(seen) == 1:
            in_loop(lambda: restore(window))
        else:
            seen.append(window.statusBar().currentMessage())
            in_loop(window.close)

    assert run_app(db=path, on_shown=shown) == 0
    assert seen[:2] == [10, 11]
    assert seen[2].startswith(f"Restored from {saved}")


def test_a_database_in_use_opens_read_only_on_request(qtbot, tmp_path, demo_register):
    path = demo_register
    holder = open_workspace(path, actor="Andrea Lopez")
    asked = []

    def open_read_only(box):
        asked.append(box.text())
        reply("Open")(box)

    seen = {}

    def shown(window):
        seen["title"] = window.windowTitle()
        seen["restore"] = window.restore_action.isEnabled()
        in_loop(window.close)

    try:
        with modal(qtbot, open_read_only):
            assert run_app(db=path, on_shown=shown) == 0
    finally:
        holder.close()
    assert "open in sciapp by Andrea Lopez" in asked[0]
    assert seen == {
        "title": "Lansing Regional Sister Cities Commission — sciapp (read-only)",
        "restore": False,
    }


def test_archive_export_then_import_into_an_empty_register(qtbot, window, tmp_path):
    from sciapp.gui.main_window import MainWindow

    target = tmp_path / "commission.zip"
    with modal(qtbot, save_as(qtbot, target)):
        window.archive_export_action.trigger()
    assert target.exists()
    refusals = []

    def refused(dialog):
        refusals.append(dialog.summary.text())
        press(qtbot, dialog, "Close")

    with modal(qtbot, open_file(qtbot, target), refused):
        window.archive_import_action.trigger()  # this register is not empty
    assert "new database" in refusals[0]

    empty = open_workspace(tmp_path / "new" / "register.sqlite3")
    other = MainWindow(empty, "en_US")
    other.show()
    qtbot.addWidget(other)
    try:
        with modal(qtbot, open_file(qtbot, target)):
            other.archive_import_action.trigger()
        assert empty.partnerships.count() == 11
        assert "Imported" in other.statusBar().currentMessage()
        page = go_to(qtbot, other, "Partnerships")  # the window shows it without a restart
        assert page.model.rowCount() == 11
    finally:
        other.close()
        empty.close()


def test_settings_persist_across_a_restart_and_the_theme_applies(qtbot, tmp_path, demo_register):
    path = demo_register
    seen = []

    def choose_dark(dialog):
        choose(qtbot, dialog.theme, "Dark")
        type_into(qtbot, dialog.user_name, "Tom Volunteer")
        press(qtbot, dialog, "Save")

    def change(window):
        with modal(qtbot, choose_dark):
            window.settings_action.trigger()
        seen.append(QApplication.instance().palette().window().color().name())
        window.close()

    def shown(window):
        seen.append((window.settings.theme, window.settings.user_name))
        in_loop((lambda: change(window)) if len(seen) == 1 else window.close)

    run_app(db=path, on_shown=shown)
    run_app(db=path, on_shown=shown)  # a restart reads the saved settings
    assert seen[0] == ("system", "")
    assert seen[1] == "#2b2d31"  # dark at once, without a restart
    assert seen[2] == ("dark", "Tom Volunteer")
    from sciapp.gui.theme import apply_theme

    apply_theme(QApplication.instance(), "system")


def test_moving_the_database_copies_it_checked_and_reopens_it_there(
    qtbot, tmp_path, isolated_home, demo_register
):
    path = demo_register
    folder = tmp_path / "elsewhere"
    folder.mkdir()
    target = folder / "register.sqlite3"
    seen = []

    def move(dialog):
        with modal(qtbot, choose_folder(qtbot, folder)):
            press(qtbot, dialog, "Move…")
        assert "moves to" in dialog.database_label.text()
        press(qtbot, dialog, "Save")

    def shown(window):
        seen.append(window.workspace.path)
        if len(seen) == 1:
            in_loop(lambda: _run(lambda: window.settings_action.trigger(), move))
        else:
            seen.append(window.statusBar().currentMessage())
            in_loop(window.close)

    def _run(act, answer):
        with modal(qtbot, answer):
            act()

    assert run_app(db=path, on_shown=shown) == 0
    assert seen[1] == target
    assert seen[2].startswith(f"The database now lives at {target}")
    assert load_settings(isolated_home / "config").database == str(target)
    ws = open_workspace(target)
    assert ws.partnerships.count() == 11
    ws.close()
