"""storage/glance.py reads only a file that lies quiet; anything else is left to a real open."""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

import pytest

from sciapp.domain.partnership import PartnershipDraft
from sciapp.services.opening import open_workspace
from sciapp.storage.backup import has_leftovers
from sciapp.storage.glance import Glance, glance
from sciapp.storage.schema import HEAD

FIXTURES = Path(__file__).parent / "fixtures"


@pytest.fixture
def quiet(tmp_path: Path) -> Path:
    path = tmp_path / "register.sqlite3"
    workspace = open_workspace(path, actor="Andrea Lopez")
    workspace.partnerships.create(
        PartnershipDraft(kind="sister", partner_city="Otsu", partner_country="JP")
    )
    workspace.close()
    return path


def test_a_quiet_file_is_read_without_changing_anything(quiet):
    before = sorted(p.name for p in quiet.parent.iterdir())
    content = quiet.read_bytes()
    assert glance(quiet) == Glance(HEAD, 1)
    assert sorted(p.name for p in quiet.parent.iterdir()) == before
    assert quiet.read_bytes() == content


def test_a_held_file_is_left_to_a_real_open(quiet):
    app = open_workspace(quiet, actor="Andrea Lopez")
    try:
        assert glance(quiet) is None  # its newest writes may be in the holder's log
    finally:
        app.close()
    assert glance(quiet) == Glance(HEAD, 1)


@pytest.mark.parametrize(
    "beside",
    [
        "register.sqlite3-wal",  # a crashed session's log, to be folded in first
        "register.sqlite3.lock",  # a crashed session's lock
        "register.sqlite3.restoring",  # a killed restore
        "register.before-migration-from-0006-20261130-090000.sqlite3.part",
    ],
)
def test_what_a_killed_session_left_is_left_to_a_real_open(quiet, beside):
    (quiet.parent / beside).write_bytes(b"")
    assert has_leftovers(quiet) == beside.endswith((".restoring", ".part"))
    assert glance(quiet) is None


def test_a_file_that_needs_an_open_gives_no_glance(tmp_path):
    older = tmp_path / "older.sqlite3"
    shutil.copyfile(FIXTURES / "schema-0006.sqlite3", older)
    assert glance(older) is None  # to be migrated
    assert glance(tmp_path / "missing.sqlite3") is None  # to be created
    (tmp_path / "empty.sqlite3").write_bytes(b"")
    assert glance(tmp_path / "empty.sqlite3") is None
    (tmp_path / "notes.txt").write_text("hello")
    assert glance(tmp_path / "notes.txt") is None  # the open says what it is
    other = tmp_path / "other.sqlite3"
    with sqlite3.connect(other) as conn:
        conn.execute("CREATE TABLE t (x)")
    conn.close()
    assert glance(other) is None
    assert glance(tmp_path) is None  # a folder
