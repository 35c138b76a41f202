import sqlite3

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QMessageBox

from sciapp.gui.app import run_app
from tests.gui.conftest import visible_cities


def close_when_shown(seen):
    def shown(window):
        seen["window"] = window
        seen["cities"] = visible_cities(window.partnerships)
        QTimer.singleShot(0, window.close)

    return shown


def choose(monkeypatch, act):
    """Answer the welcome screen with `act(dialog)` instead of a person's clicks."""
    from sciapp.gui.welcome import WelcomeDialog

    shown = []

    def run(dialog):
        shown.append(dialog.windowTitle())
        act(dialog)
        return dialog.result()

    monkeypatch.setattr(WelcomeDialog, "exec", run)
    return shown


def test_a_first_start_welcomes_and_can_open_the_demo(qtbot, isolated_home, monkeypatch):
    shown = choose(monkeypatch, lambda d: d.demo_button.click())
    seen = {}
    assert run_app(on_shown=close_when_shown(seen)) == 0
    assert shown == ["Welcome to sciapp"]
    assert (isolated_home / "data" / "sciapp.sqlite3").exists()
    assert len(seen["cities"]) == 11

    shown.clear()  # the second start asks nothing
    assert run_app(on_shown=close_when_shown(seen)) == 0
    assert shown == []
    assert len(seen["cities"]) == 11


def test_the_welcome_screen_sets_up_the_commission(qtbot, tmp_path, isolated_home, monkeypatch):
    from sciapp.settings import load_settings

    def set_up(dialog):
        dialog.setup_button.click()
        dialog.create_button.click()  # nothing filled in: refused, says why
        assert "enter the commission's name" in dialog.problem.text()
        dialog.name.setText("Ann Arbor Sister Cities Commission")
        dialog.city.setText("Ann Arbor, Michigan")
        dialog.profile.setCurrentIndex(
            dialog.profile.findText("Michigan", Qt.MatchFlag.MatchStartsWith)
        )
        dialog.seats.setValue(9)
        dialog.user_name.setText("Jane Clerk")
        dialog.create_button.click()

    choose(monkeypatch, set_up)
    seen = {}
    assert run_app(db=tmp_path / "aa.sqlite3", on_shown=close_when_shown(seen)) == 0
    workspace = seen["window"].workspace
    assert load_settings(isolated_home / "config").user_name == "Jane Clerk"
    from sciapp.services.workspace import open_workspace

    ws = open_workspace(tmp_path / "aa.sqlite3")
    try:
        (body,) = ws.bodies.list_bodies()
        assert (body.name, body.seats, body.profile.value) == (
            "Ann Arbor Sister Cities Commission",
            9,
            "michigan",
        )
        assert ws.documents.settings().address == ("Ann Arbor, Michigan",)
        assert ws.audit.entries(table="body")[0].actor == "Jane Clerk"
    finally:
        ws.close()
    assert workspace is not None


def test_an_empty_register_when_the_user_wants_one(qtbot, tmp_path, monkeypatch):
    choose(monkeypatch, lambda d: d.empty_button.click())
    seen = {}
    assert run_app(db=tmp_path / "mine.sqlite3", on_shown=close_when_shown(seen)) == 0
    assert seen["cities"] == []
    assert seen["window"].windowTitle() == "sciapp — mine.sqlite3"


def test_bringing_back_an_archive_on_a_first_start(qtbot, tmp_path, demo_workspace, monkeypatch):
    from PySide6.QtWidgets import QFileDialog

    from sciapp.services.archive import export_archive

    export_archive(demo_workspace.db, tmp_path / "ours.zip")
    monkeypatch.setattr(
        QFileDialog, "getOpenFileName", lambda *a, **k: (str(tmp_path / "ours.zip"), "")
    )
    choose(monkeypatch, lambda d: d.restore_button.click())
    seen = {}
    assert run_app(db=tmp_path / "new.sqlite3", on_shown=close_when_shown(seen)) == 0
    assert len(seen["cities"]) == 11


def test_demo_mode_needs_no_question(qtbot, monkeypatch):
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: 1 / 0)
    seen = {}
    assert run_app(demo=True, on_shown=close_when_shown(seen)) == 0
    assert "demo" in seen["window"].windowTitle()
    assert not seen["window"].workspace.path.parent.exists()  # removed on exit


def test_a_database_that_cannot_be_opened_is_explained(qtbot, tmp_path, monkeypatch):
    path = tmp_path / "future.sqlite3"
    choose(monkeypatch, lambda d: d.empty_button.click())
    run_app(db=path, on_shown=lambda w: QTimer.singleShot(0, w.close))
    with sqlite3.connect(path) as conn:
        conn.execute("UPDATE alembic_version SET version_num = '0077'")
    conn.close()
    shown = []
    monkeypatch.setattr(QMessageBox, "critical", lambda *a: shown.append(a[2]))
    assert run_app(db=path) == 1
    assert "newer version of sciapp" in shown[0]
    assert QApplication.instance() is not None


def test_meeting_option_opens_straight_into_meeting_mode(qtbot, demo_workspace, monkeypatch):
    path = demo_workspace.path
    demo_workspace.close()
    seen = {}

    def shown(window):
        seen["modes"] = list(window.meeting_windows)
        QTimer.singleShot(0, window.close)

    assert run_app(db=path, meeting=3, on_shown=shown) == 0
    assert seen["modes"] == [3]
    warnings = []
    monkeypatch.setattr(QMessageBox, "warning", lambda *a: warnings.append(a[2]))
    assert run_app(db=path, meeting=404, on_shown=lambda w: QTimer.singleShot(0, w.close)) == 0
    assert "Meeting 404 does not exist" in warnings[0]


def test_reportlab_is_not_imported_at_start(tmp_path):
    import subprocess
    import sys
    import textwrap

    code = textwrap.dedent(
        f"""
        import sys
        from pathlib import Path
        from PySide6.QtWidgets import QApplication
        from sciapp.gui.main_window import MainWindow
        from sciapp.services.workspace import open_workspace, load_demo
        app = QApplication([])
        ws = open_workspace(Path({str(tmp_path / "r.sqlite3")!r}))
        window = MainWindow(ws, "en_US")
        window.show()
        app.processEvents()
        print("reportlab" in sys.modules, "alembic" in sys.modules)
        """
    )
    subprocess.run([sys.executable, "-c", code], check=True, capture_output=True)  # migrates
    result = subprocess.run(
        [sys.executable, "-c", code],
        check=True,
        capture_output=True,
        text=True,
        env={**__import__("os").environ, "QT_QPA_PLATFORM": "offscreen"},
    )
    assert result.stdout.split() == ["False", "False"]


def test_garbage_collection_paused_for_the_start_is_back_on_once_shown(qtbot, tmp_path):
    import gc

    seen = {}
    gc.disable()
    try:
        run_app(
            demo=True,
            on_shown=lambda w: (seen.update(gc=gc.isenabled()), QTimer.singleShot(0, w.close)),
        )
        assert seen == {"gc": True}
    finally:
        gc.enable()
        gc.unfreeze()
