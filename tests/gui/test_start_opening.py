"""A start on a register file shows the window from what sqlite3 reads, then the workspace
loads behind it (issue 14): the Start page says it is reading until its lines come, and an
area chosen at once opens the workspace there and then."""

import datetime as dt
import subprocess
import sys
import textwrap

from sciapp.domain.formats import long_date
from sciapp.domain.partnership import PartnershipDraft
from sciapp.gui.app import run_app
from sciapp.gui.dashboard.page import OPENING
from sciapp.services.errors import ServiceError
from sciapp.services.opening import Opening
from tests.gui.helpers import go_to, in_loop, list_lines, modal, read_box


def test_the_start_page_says_it_is_reading_until_the_workspace_is_made(qtbot, demo_register):
    seen = {}

    def shown(window):
        start = window.dashboard
        seen["ready"] = window.register.ready
        seen["waiting"] = list_lines(start.lists["upcoming"])
        seen["heading"] = start.title.text()
        seen["title"] = window.windowTitle()
        with qtbot.waitSignal(start.filled, timeout=60_000):
            pass  # loaded on a worker thread, made here, its lines read on another
        seen["ready_then"] = window.register.ready
        seen["anniversaries"] = list_lines(start.lists["anniversaries"])
        seen["dated"] = start.title.text()
        seen["first_steps"] = start.first_steps.isVisible()
        draft = PartnershipDraft(kind="sister", partner_city="Kraków", partner_country="PL")
        with qtbot.waitSignal(window.bus.changed):  # the bus subscribed before it existed
            window.workspace.partnerships.create(draft)
        in_loop(window.close)

    assert run_app(db=demo_register, on_shown=shown) == 0
    assert seen["ready"] is False
    assert seen["ready_then"] is True
    assert seen["waiting"] == [OPENING]
    assert seen["heading"] == "Today"  # the date in words comes with the lines
    assert seen["dated"] == f"Today, {long_date(dt.date.today(), 'en_US')}"
    assert seen["title"].endswith("— sciapp")
    assert seen["title"] != "sciapp — register.sqlite3"  # the commission's name, read early
    assert any("Otsu" in line for line in seen["anniversaries"])
    assert seen["first_steps"] is False  # the register has partnerships


def test_an_area_chosen_at_once_opens_the_workspace_there(qtbot, demo_register):
    seen = {}

    def shown(window):
        in_loop(window.close)  # after this, whatever happens here
        seen["before"] = window.register.ready
        page = go_to(qtbot, window, "Partnerships")
        seen["rows"] = page.model.rowCount()
        seen["ready"] = window.register.ready

    assert run_app(db=demo_register, on_shown=shown) == 0
    assert seen["before"] is False
    assert seen["ready"] is True
    assert seen["rows"] == 11


def test_a_register_that_cannot_be_finished_in_the_background_is_explained(
    qtbot, demo_register, monkeypatch
):
    def refuse(self):
        raise ServiceError("The register could not be read (a test).")

    shown = []
    with modal(qtbot, read_box(shown)):
        monkeypatch.setattr(Opening, "finish", refuse)
        assert run_app(db=demo_register) == 0  # the window closes after saying why
    assert shown == ["The register could not be read (a test)."]


def test_the_first_paint_needs_no_sqlalchemy(demo_register):
    code = textwrap.dedent(
        f"""
        import sys
        from pathlib import Path
        from PySide6.QtCore import QTimer
        from PySide6.QtWidgets import QApplication
        from sciapp.gui.app import run_app

        def shown(window):  # built and shown; then painted
            print("sqlalchemy" in sys.modules, flush=True)
            QApplication.processEvents()
            print(window.register.ready, flush=True)
            QTimer.singleShot(0, window.close)

        run_app(db=Path({str(demo_register)!r}), on_shown=shown)
        """
    )
    result = subprocess.run(
        [sys.executable, "-c", code],
        check=True,
        capture_output=True,
        text=True,
        timeout=120,
        env={**__import__("os").environ, "QT_QPA_PLATFORM": "offscreen"},
    )
    assert result.stdout.split() == ["False", "False"]
