"""Restore and move hold the one-writer lock: a session that opens meanwhile is refused,
and a session that has the file open keeps its writes (the restore is refused)."""

import os
import subprocess
import sys
import threading
from pathlib import Path

import pytest

from sciapp.services.opening import StoreInUseError, open_workspace
from sciapp.services.safekeeping.backups import (
    BackupError,
    back_up_to,
    move_database,
    restore_database,
)
from sciapp.settings import Settings
from sciapp.storage import backup
from tests.services.partnerships.test_service import draft

pytestmark = pytest.mark.sqlite_only("restoring the SQLite file")
ROOT = Path(__file__).resolve().parents[3]  # the checkout, whose sciapp the child runs
TWENTY = "kind,partner_city,partner_country\n" + "".join(f"sister,Town {n},JP\n" for n in range(20))


def cli(*args):
    return subprocess.run(
        [sys.executable, "-m", "sciapp", *args],
        capture_output=True,
        text=True,
        cwd=ROOT,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
        timeout=60,
        check=False,
    )


@pytest.fixture
def register(tmp_path):
    path = tmp_path / "register.sqlite3"
    ws = open_workspace(path)
    ws.partnerships.create(draft())
    ws.close()
    saved = back_up_to(path, tmp_path / "monday.sqlite3")
    (tmp_path / "twenty.csv").write_text(TWENTY)
    return path, saved


def test_a_writer_started_during_a_restore_is_refused(register, tmp_path, monkeypatch):
    path, saved = register
    inside, go = threading.Event(), threading.Event()
    real_copy = backup.backup_copy

    def paused(source, destination):
        if destination.name.endswith(".restoring"):  # the restore is under way: hold it here
            inside.set()
            assert go.wait(60)
        return real_copy(source, destination)

    monkeypatch.setattr(backup, "backup_copy", paused)
    outcome = {}

    def restore():
        try:
            outcome["kept"] = restore_database(path, saved, Settings())
        except Exception as exc:  # reported below, not lost in the thread
            outcome["error"] = exc

    worker = threading.Thread(target=restore)
    worker.start()
    try:
        assert inside.wait(60)
        # Another program (the CLI in its own process) and another session in this one.
        result = cli("--db", str(path), "partnerships", "import", str(tmp_path / "twenty.csv"))
        with pytest.raises(StoreInUseError, match="open in sciapp by restore"):
            open_workspace(path)
    finally:
        go.set()
        worker.join(60)
    assert "error" not in outcome, outcome
    assert result.returncode == 1, result.stdout
    assert "open in sciapp by restore" in result.stderr
    assert "imported" not in result.stdout  # never told its writes were saved
    ws = open_workspace(path)  # the restore is done and its lock gone: now it may write
    try:
        assert ws.partnerships.count() == 1
        assert (
            cli(
                "--db", str(path), "partnerships", "import", str(tmp_path / "twenty.csv")
            ).returncode
            == 1
        )  # held by us
    finally:
        ws.close()
    result = cli("--db", str(path), "partnerships", "import", str(tmp_path / "twenty.csv"))
    assert result.returncode == 0, result.stderr
    ws = open_workspace(path)
    assert ws.partnerships.count() == 21
    ws.close()


def test_a_restore_while_a_session_writes_is_refused_and_its_writes_survive(register, tmp_path):
    path, saved = register
    ws = open_workspace(path, actor="Andrea Lopez")
    try:
        for n in range(20):
            ws.partnerships.create(draft(partner_city=f"Town {n}", partner_country="JP"))
        with pytest.raises(BackupError, match="close it there before restoring"):
            restore_database(path, saved, Settings())
        result = cli("--db", str(path), "restore", str(saved))
        assert result.returncode == 1
        assert "open in sciapp by Andrea Lopez" in result.stderr
    finally:
        ws.close()
    ws = open_workspace(path)
    assert ws.partnerships.count() == 21
    ws.close()


def test_a_restore_through_another_name_is_refused_too(register, tmp_path):
    path, saved = register
    (tmp_path / "shortcut.sqlite3").symlink_to(path)
    ws = open_workspace(path, actor="Andrea Lopez")
    try:
        with pytest.raises(BackupError, match="close it there before restoring"):
            restore_database(tmp_path / "shortcut.sqlite3", saved, Settings())
    finally:
        ws.close()


def test_a_mistyped_backup_creates_nothing(tmp_path):
    path = tmp_path / "new" / "register.sqlite3"
    with pytest.raises(BackupError, match="does not exist"):
        restore_database(path, tmp_path / "no-such-backup.sqlite3", Settings())
    assert not (tmp_path / "new").exists()


def test_moving_is_refused_while_open_and_brings_the_seal_along(register, tmp_path):
    path, _saved = register
    ws = open_workspace(path, actor="Andrea Lopez")
    try:
        with pytest.raises(BackupError, match="close it there before moving it"):
            move_database(path, tmp_path / "elsewhere" / "register.sqlite3")
    finally:
        ws.close()
    seal = path.with_name("register.sqlite3-attachments") / "seal-1.png"
    seal.parent.mkdir()
    seal.write_bytes(b"\x89PNG seal")
    target = tmp_path / "elsewhere" / "register.sqlite3"
    move_database(path, target)
    assert (
        target.parent / "register.sqlite3-attachments" / "seal-1.png"
    ).read_bytes() == b"\x89PNG seal"
    with pytest.raises(BackupError, match="already exists"):
        move_database(path, target)


def test_a_restored_register_passes_check_and_verify(register):
    """Going back to an older backup is the clerk's choice, not tampering: what sciapp
    remembers about the register must follow the restore."""
    from sciapp.services.safekeeping.integrity import check_database

    path, saved = register
    ws = open_workspace(path)
    ws.partnerships.create(draft(partner_city="Graz", partner_country="AT"))
    ws.close()
    restore_database(path, saved, Settings())
    ws = open_workspace(path)
    try:
        assert check_database(ws.db).problems == []
        verified = ws.seals.verify()
        assert list(getattr(verified, "problems", verified)) == []
    finally:
        ws.close()
