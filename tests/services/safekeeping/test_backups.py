import datetime as dt
import os
import sqlite3
import stat

import pytest

from sciapp.services.opening import open_workspace
from sciapp.services.safekeeping.backups import (
    BackupError,
    automatic_backup,
    back_up_to,
    check_backup,
    daily_backup_due,
    last_automatic_backup,
    restore_database,
)
from sciapp.settings import Settings
from sciapp.storage.schema import HEAD
from tests.services.partnerships.test_service import draft

pytestmark = pytest.mark.sqlite_only("file backups; a server is backed up with its own tools")


NOW = dt.datetime(2026, 11, 23, 9, 30)


def test_automatic_backups_go_beside_the_database_and_are_pruned(workspace):
    settings = Settings(backup_keep=3, backup_months=2)
    for hours in range(6):
        automatic_backup(workspace.path, settings, "daily", NOW + dt.timedelta(hours=hours))
    older = NOW - dt.timedelta(days=40)  # in October
    automatic_backup(workspace.path, settings, "start", older)
    folder = workspace.path.parent / "backups"
    names = sorted(p.name for p in folder.iterdir())
    assert len(names) == 4  # the three newest, and October's only one
    assert "register-auto-20261014-093000-start.sqlite3" in names
    assert last_automatic_backup(workspace.path, settings) == NOW + dt.timedelta(hours=5)
    assert not daily_backup_due(workspace.path, settings, NOW + dt.timedelta(hours=20))
    assert daily_backup_due(workspace.path, settings, NOW + dt.timedelta(days=2))
    assert not daily_backup_due(workspace.path, Settings(daily_backups=False), NOW)


@pytest.mark.skipif(os.name != "posix", reason="permissions are POSIX modes here")
def test_database_and_backups_are_readable_by_their_owner_only(workspace, tmp_path):
    copy = back_up_to(workspace.path, tmp_path / "elsewhere" / "copy.sqlite3")
    for path in (workspace.path, copy):
        assert stat.S_IMODE(path.stat().st_mode) == 0o600


def test_a_backup_folder_from_the_settings(workspace, tmp_path):
    settings = Settings(backup_folder=str(tmp_path / "usb"))
    made = automatic_backup(workspace.path, settings, "quit", NOW)
    assert made.parent == tmp_path / "usb"
    assert check_backup(made) == int(HEAD)


def test_restore_checks_first_and_keeps_the_current_database(tmp_path):
    path = tmp_path / "register.sqlite3"
    ws = open_workspace(path)
    ws.partnerships.create(draft())
    ws.close()
    saved = back_up_to(path, tmp_path / "monday.sqlite3")
    ws = open_workspace(path)
    ws.partnerships.create(draft(partner_city="Graz", partner_country="AT"))
    ws.close()

    kept = restore_database(path, saved, Settings(), NOW)
    ws = open_workspace(path)
    assert [r.partner_city for r in ws.partnerships.list_rows()] == ["Voronezh"]
    ws.close()
    ws = open_workspace(kept)
    assert sorted(r.partner_city for r in ws.partnerships.list_rows()) == ["Graz", "Voronezh"]
    ws.close()


def test_a_damaged_or_foreign_backup_is_refused_and_nothing_changes(tmp_path, workspace):
    workspace.partnerships.create(draft())
    workspace.close()
    before = workspace.path.read_bytes()
    garbage = tmp_path / "garbage.sqlite3"
    garbage.write_bytes(b"not a database at all" * 100)
    foreign = tmp_path / "foreign.sqlite3"
    with sqlite3.connect(foreign) as conn:
        conn.execute("CREATE TABLE notes (x)")
    conn.close()
    for bad, words in (
        (garbage, "not a database"),
        (foreign, "not one of sciapp's"),
        (tmp_path / "missing.sqlite3", "does not exist"),
    ):
        with pytest.raises(BackupError, match=words):
            restore_database(workspace.path, bad, Settings(), NOW)
    assert workspace.path.read_bytes() == before


def test_a_backup_made_by_a_newer_sciapp_is_refused(tmp_path, workspace):
    newer = back_up_to(workspace.path, tmp_path / "newer.sqlite3")
    with sqlite3.connect(newer) as conn:
        conn.execute("UPDATE alembic_version SET version_num = '9999'")
    conn.close()
    with pytest.raises(BackupError, match="newer sciapp"):
        check_backup(newer)


def test_a_failed_backup_leaves_no_partial_file(tmp_path, workspace):
    target = tmp_path / "file-not-folder"
    target.write_text("x")
    with pytest.raises(BackupError):
        back_up_to(workspace.path, target / "copy.sqlite3")
    assert not list(tmp_path.glob("**/*.part"))
