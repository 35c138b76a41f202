"""Databases, backups, archives and temporary copies are the owner's alone (0600, folders
0700) whatever the umask; a killed backup's half copy is cleaned by the next one."""

import datetime as dt
import os
import stat
import subprocess
import sys

import pytest

from sciapp.services.opening import open_workspace
from sciapp.services.safekeeping.archive import export_archive
from sciapp.services.safekeeping.backups import automatic_backup, back_up_to, restore_database
from sciapp.settings import Settings
from sciapp.storage import backup
from tests.services.partnerships.test_service import draft

pytestmark = [
    pytest.mark.sqlite_only("file permissions"),
    pytest.mark.skipif(os.name != "posix", reason="file modes are POSIX"),
]
NOW = dt.datetime(2026, 12, 1, 9, 30)


def mode(path):
    return stat.S_IMODE(path.stat().st_mode)


@pytest.fixture
def umask_000():
    old = os.umask(0)
    yield
    os.umask(old)


def test_everything_sciapp_makes_is_owner_only_under_umask_000(tmp_path, umask_000, monkeypatch):
    path = tmp_path / "new" / "deep" / "register.sqlite3"
    ws = open_workspace(path, actor="Andrea Lopez")
    ws.partnerships.create(draft())
    for made in (
        path,
        path.with_name("register.sqlite3-wal"),
        path.with_name("register.sqlite3-shm"),
    ):
        assert mode(made) == 0o600, made
    for folder in (tmp_path / "new", tmp_path / "new" / "deep"):
        assert mode(folder) == 0o700, folder

    seen = {}
    real_replace = os.replace

    def watch(src, dst):  # the half-made copy, just before it takes its name
        seen[str(dst)] = mode(type(path)(src))
        return real_replace(src, dst)

    monkeypatch.setattr(os, "replace", watch)
    made = automatic_backup(path, Settings(), "start", NOW)
    copy = back_up_to(path, tmp_path / "usb" / "copy.sqlite3")
    export_archive(ws.db, tmp_path / "usb" / "commission.zip")
    ws.close()
    kept = restore_database(path, copy, Settings(), NOW)
    monkeypatch.undo()
    for file in (made, copy, kept, path, tmp_path / "usb" / "commission.zip"):
        assert mode(file) == 0o600, file
    assert set(seen.values()) == {0o600}, seen
    for folder in (made.parent, tmp_path / "usb"):
        assert mode(folder) == 0o700, folder
    from sciapp.settings import save_settings

    save_settings(tmp_path / "config" / "sciapp", Settings())
    assert mode(tmp_path / "config") == 0o700
    assert mode(tmp_path / "config" / "sciapp") == 0o700


def dead_pid():
    child = subprocess.run(
        [sys.executable, "-c", "import os; print(os.getpid())"],
        capture_output=True,
        text=True,
        check=True,
    )
    return int(child.stdout)


def test_the_next_backup_clears_what_a_killed_one_left_and_nothing_else(tmp_path):
    path = tmp_path / "register.sqlite3"
    open_workspace(path).close()
    folder = tmp_path / "backups"
    folder.mkdir()
    gone = dead_pid()
    orphans = [
        f"register-auto-20261130-090000-start.sqlite3.{gone}.0badc0de.part",
        f"register-auto-20261130-090000-start.sqlite3.{gone}.0badc0de.part-journal",
        "register-auto-20261129-090000-quit.sqlite3.part",  # an earlier sciapp's name
        f"register-before-restore-20261130-090000.sqlite3.{gone}.12345678.part",
    ]
    alive = f"register-auto-20261130-100000-daily.sqlite3.{os.getppid()}.abcdef01.part"
    others = [
        "download.zip.part",
        f"minutes-auto-20261130-090000-start.sqlite3.{gone}.0badc0de.part",
    ]
    for name in [*orphans, alive, *others]:
        (folder / name).write_bytes(b"half")
    automatic_backup(path, Settings(), "daily", NOW)
    left = sorted(p.name for p in folder.iterdir())
    assert not set(orphans) & set(left)
    assert alive in left  # another live process may still be writing it
    assert set(others) <= set(left)  # not ours to remove


def test_retention_clears_them_too(tmp_path):
    folder = tmp_path / "backups"
    folder.mkdir()
    orphan = folder / f"register-auto-20261130-090000-start.sqlite3.{dead_pid()}.0badc0de.part"
    orphan.write_bytes(b"half")
    backup.prune(folder, "register", set())
    assert not orphan.exists()


def test_an_interrupted_backup_leaves_nothing(tmp_path, monkeypatch):
    path = tmp_path / "register.sqlite3"
    open_workspace(path).close()

    def full(*args):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", full)
    with pytest.raises(Exception, match="the disk is full"):
        back_up_to(path, tmp_path / "copy.sqlite3")
    monkeypatch.undo()
    assert not (tmp_path / "copy.sqlite3").exists()
    assert [p.name for p in tmp_path.iterdir() if ".part" in p.name] == []
