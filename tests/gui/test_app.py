import sqlite3

from PySide6.QtWidgets import QApplication

from sciapp.gui.app import run_app
from tests.gui.helpers import choose, click, in_loop, modal, open_file, read_box, type_into


def close_when_shown(seen):
    def shown(window):
        seen["window"] = window
        seen["cities"] = [r.partner_city for r in window.workspace.partnerships.list_rows()]
        in_loop(window.close)

    return shown


def welcome(qtbot, act, shown=None):
    """Answer the welcome screen through its own buttons."""

    def answer(dialog):
        if shown is not None:
            shown.append(dialog.windowTitle())
        act(dialog)

    return modal(qtbot, answer)


def test_a_first_start_welcomes_and_can_open_the_demo(qtbot, isolated_home):
    shown = []
    seen = {}
    with welcome(qtbot, lambda d: click(qtbot, d.demo_button), shown):
        assert run_app(on_shown=close_when_shown(seen)) == 0
    assert shown == ["Welcome to sciapp"]
    assert (isolated_home / "data" / "sciapp.sqlite3").exists()
    assert len(seen["cities"]) == 11

    shown.clear()  # the second start asks nothing
    assert run_app(on_shown=close_when_shown(seen)) == 0
    assert shown == []
    assert len(seen["cities"]) == 11


def test_the_welcome_screen_sets_up_the_commission(qtbot, tmp_path, isolated_home):
    from sciapp.settings import load_settings

    def set_up(dialog):
        click(qtbot, dialog.setup_button)
        click(qtbot, dialog.create_button)  # nothing filled in: refused, says why
        assert "enter the commission's name" in dialog.problem.text()
        type_into(qtbot, dialog.name, "Ann Arbor Sister Cities Commission")
        type_into(qtbot, dialog.city, "Ann Arbor, Michigan")
        choose(qtbot, dialog.profile, "Michigan")
        dialog.seats.setValue(9)
        type_into(qtbot, dialog.user_name, "Jane Clerk")
        click(qtbot, dialog.create_button)

    seen = {}
    with welcome(qtbot, set_up):
        assert run_app(db=tmp_path / "aa.sqlite3", on_shown=close_when_shown(seen)) == 0
    workspace = seen["window"].workspace
    assert load_settings(isolated_home / "config").user_name == "Jane Clerk"
    from sciapp.services.opening import open_workspace

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


def test_an_empty_register_when_the_user_wants_one(qtbot, tmp_path):
    seen = {}
    with welcome(qtbot, lambda d: click(qtbot, d.empty_button)):
        assert run_app(db=tmp_path / "mine.sqlite3", on_shown=close_when_shown(seen)) == 0
    assert seen["cities"] == []
    assert seen["window"].windowTitle() == "sciapp — mine.sqlite3"


def test_bringing_back_an_archive_on_a_first_start(qtbot, tmp_path, demo_workspace):
    from sciapp.services.safekeeping.archive import export_archive

    export_archive(demo_workspace.db, tmp_path / "ours.zip")
    seen = {}

    def restore(dialog):
        click(qtbot, dialog.restore_button)

    with modal(qtbot, restore, open_file(qtbot, tmp_path / "ours.zip")):
        assert run_app(db=tmp_path / "new.sqlite3", on_shown=close_when_shown(seen)) == 0
    assert len(seen["cities"]) == 11


def test_demo_mode_needs_no_question(qtbot):
    seen = {}

    def shown(window):
        seen["modal"] = QApplication.activeModalWidget()
        close_when_shown(seen)(window)

    assert run_app(demo=True, on_shown=shown) == 0
    assert seen["modal"] is None
    assert "demo" in seen["window"].windowTitle()
    assert not seen["window"].workspace.path.parent.exists()  # removed on exit


def test_a_database_that_cannot_be_opened_is_explained(qtbot, tmp_path):
    path = tmp_path / "future.sqlite3"
    with welcome(qtbot, lambda d: click(qtbot, d.empty_button)):
        run_app(db=path, on_shown=lambda w: in_loop(w.close))
    with sqlite3.connect(path) as conn:
        conn.execute("UPDATE alembic_version SET version_num = '0077'")
    conn.close()
    shown = []
    with modal(qtbot, read_box(shown)):
        assert run_app(db=path) == 1
    assert "newer version of sciapp" in shown[0]
    assert QApplication.instance() is not None


def test_meeting_option_opens_straight_into_meeting_mode(
    qtbot, demo_workspace, draft_meeting, missing_meeting
):
    path = demo_workspace.path
    demo_workspace.close()
    seen = {}

    def shown(window):
        seen["modes"] = list(window.meeting_windows)
        in_loop(window.close)

    assert run_app(db=path, meeting=draft_meeting.id, on_shown=shown) == 0
    assert seen["modes"] == [draft_meeting.id]
    warnings = []
    with modal(qtbot, read_box(warnings)):
        assert run_app(db=path, meeting=missing_meeting, on_shown=lambda w: in_loop(w.close)) == 0
    assert f"Meeting {missing_meeting} does not exist" in warnings[0]


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
        from sciapp.demo import load_demo
        from sciapp.services.opening import open_workspace
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
            on_shown=lambda w: (seen.update(gc=gc.isenabled()), in_loop(w.close)),
        )
        assert seen == {"gc": True}
    finally:
        gc.enable()
        gc.unfreeze()
