"""The app's open path says what is wrong with the file, and offers read-only where it can."""

import datetime as dt
import os

import pytest

from sciapp.gui.app import run_app
from sciapp.services.opening import open_workspace
from sciapp.services.safekeeping.backups import automatic_backup
from sciapp.settings import Settings
from tests.gui.helpers import in_loop, modal, read_box
from tests.services.partnerships.test_service import draft
from tests.storage.damage import damage_page


@pytest.fixture
def register(tmp_path):
    path = tmp_path / "register.sqlite3"
    ws = open_workspace(path)
    ws.partnerships.create(draft())
    ws.close()
    return path


def test_a_damaged_file_names_the_backup_to_restore(qtbot, register):
    good = automatic_backup(register, Settings(), "start", dt.datetime(2026, 11, 30, 9, 0))
    damage_page(register, 1, at=100)
    shown = []
    with modal(qtbot, read_box(shown)):
        assert run_app(db=register) == 1
    assert f"{register} is damaged" in shown[0]
    assert str(good) in shown[0]


def test_a_file_that_cannot_be_written_is_offered_read_only(qtbot, register, monkeypatch):
    real_access = os.access

    def read_only(path, mode, *args, **kwargs):  # root ignores chmod: the refusal is simulated
        if mode & os.W_OK and str(path).startswith(str(register)):
            return False
        return real_access(path, mode, *args, **kwargs)

    monkeypatch.setattr(os, "access", read_only)
    shown, seen = [], {}

    def opened(window):
        seen["read_only"] = window.workspace.read_only
        seen["cities"] = [r.partner_city for r in window.workspace.partnerships.list_rows()]
        in_loop(window.close)

    with modal(qtbot, read_box(shown, then="Open")):
        assert run_app(db=register, on_shown=opened) == 0
    assert "is read-only" in shown[0]
    assert "Open it read-only" in shown[0]
    assert seen == {"read_only": True, "cities": ["Voronezh"]}
    assert sorted(p.name for p in register.parent.iterdir() if p.name.startswith("register")) == [
        "register.sqlite3"
    ]
