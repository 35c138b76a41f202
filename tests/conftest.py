"""Every test runs with its own data and config folders: nothing touches the user's files."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


@pytest.fixture(autouse=True)
def isolated_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    home = tmp_path / "sciapp-home"
    monkeypatch.setenv("SCIAPP_HOME", str(home))
    monkeypatch.setenv("LANG", "en_US.UTF-8")
    return home


@pytest.fixture
def workspace(tmp_path: Path):
    from sciapp.services.workspace import open_workspace

    ws = open_workspace(tmp_path / "register.sqlite3")
    yield ws
    ws.close()


@pytest.fixture
def demo_workspace(workspace):
    from sciapp.services.workspace import load_demo

    load_demo(workspace)
    return workspace
