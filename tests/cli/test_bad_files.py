"""Bad files and places on the command line: one sentence each, exit 1, never a traceback."""

import datetime as dt
import os

import pytest

from sciapp.cli import main
from sciapp.demo import load_demo
from sciapp.services.opening import open_workspace
from sciapp.services.safekeeping.backups import automatic_backup
from sciapp.settings import Settings
from tests.storage.damage import damage_table
from tests.storage.unprivileged import run_cli


@pytest.fixture
def demo_db(tmp_path):
    path = tmp_path / "register.sqlite3"
    ws = open_workspace(path, actor="Andrea Lopez")
    load_demo(ws)
    ws.close()
    return path


def one_sentence(err: str) -> str:
    assert "Traceback" not in err
    assert err.startswith("sciapp: ")
    assert err.count("\n") == 1, err
    return err


@pytest.mark.parametrize(
    "command",
    [["check"], ["verify"], ["partnerships", "list"], ["archive", "export", "{out}"]],
)
def test_a_damaged_page_is_a_sentence_naming_the_page_and_the_backup(
    demo_db, tmp_path, capsys, command
):
    good = automatic_backup(demo_db, Settings(), "start", dt.datetime(2026, 11, 30, 9, 0))
    page = damage_table(demo_db, "partnership")
    args = [part.format(out=tmp_path / "commission.zip") for part in command]
    assert main(["--db", str(demo_db), *args]) == 1
    err = one_sentence(capsys.readouterr().err)
    assert f"{demo_db} is damaged" in err
    assert f"page {page}" in err
    assert "the partnership table" in err
    assert f"Restore it from the newest good backup, {good}" in err
    assert not (tmp_path / "commission.zip").exists()


def test_restoring_the_named_backup_brings_it_back(demo_db, capsys):
    good = automatic_backup(demo_db, Settings(), "start", dt.datetime(2026, 11, 30, 9, 0))
    damage_table(demo_db, "partnership")
    assert main(["--db", str(demo_db), "restore", str(good)]) == 0
    assert "the database as it was is kept at" in capsys.readouterr().out  # damage and all
    assert main(["--db", str(demo_db), "check"]) == 0
    assert "no problems found" in capsys.readouterr().out


def test_an_sqlite_address_is_the_file_with_its_lock(demo_db, tmp_path, capsys):
    url = f"sqlite:///{demo_db}"
    app = open_workspace(demo_db, actor="Andrea Lopez")
    try:
        assert main(["--db-url", url, "partnerships", "list"]) == 0  # read-only look
        assert "St. Petersburg" in capsys.readouterr().out
        (tmp_path / "a.csv").write_text("kind,partner_city,partner_country\nsister,Graz,AT\n")
        assert main(["--db-url", url, "partnerships", "import", str(tmp_path / "a.csv")]) == 1
        assert "open in sciapp by Andrea Lopez" in one_sentence(capsys.readouterr().err)
    finally:
        app.close()
    assert main(["--db-url", f"sqlite:///{tmp_path / 'typo.sqlite3'}", "check"]) == 1
    assert "no such file" in capsys.readouterr().err
    assert not (tmp_path / "typo.sqlite3").exists()


@pytest.mark.skipif(os.name != "posix", reason="file modes are POSIX")
def test_a_read_only_file_is_read_and_not_written(demo_db, tmp_path):
    os.chmod(demo_db, 0o400)
    try:
        listed = run_cli("--db", str(demo_db), "partnerships", "list")
        assert listed.returncode == 0, listed.stderr
        assert "St. Petersburg" in listed.stdout
        (tmp_path / "a.csv").write_text("kind,partner_city,partner_country\nsister,Graz,AT\n")
        refused = run_cli("--db", str(demo_db), "partnerships", "import", str(tmp_path / "a.csv"))
        assert refused.returncode == 1
        assert f"{demo_db} is read-only" in one_sentence(refused.stderr)
        assert sorted(
            p.name for p in demo_db.parent.iterdir() if p.name.startswith("register")
        ) == ["register.sqlite3"]
    finally:
        os.chmod(demo_db, 0o600)


@pytest.mark.skipif(os.name != "posix", reason="file modes are POSIX")
def test_a_folder_that_is_not_writable_is_said_so(demo_db, tmp_path):
    os.chmod(demo_db.parent, 0o500)
    try:
        result = run_cli("--db", str(demo_db.parent / "new.sqlite3"), "partnerships", "list")
        assert result.returncode == 1
        assert f"The folder {demo_db.parent} is not writable" in one_sentence(result.stderr)
        checked = run_cli("--db", str(demo_db), "check")
        assert checked.returncode == 0, checked.stderr  # looking works, read-only
    finally:
        os.chmod(demo_db.parent, 0o700)


def test_a_folder_given_as_the_database_is_said_so(tmp_path, capsys):
    assert main(["--db", str(tmp_path), "partnerships", "list"]) == 1
    assert "is a folder, not a database file" in one_sentence(capsys.readouterr().err)
