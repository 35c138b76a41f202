import sqlite3

import pytest

from sciapp.cli import main
from sciapp.demo import load_demo
from sciapp.services.opening import open_workspace


def demo_db(tmp_path):
    path = tmp_path / "register.sqlite3"
    ws = open_workspace(path, actor="Andrea Lopez")
    load_demo(ws)
    ws.close()
    return str(path)


def test_backup_check_verify_and_restore(tmp_path, capsys):
    db = demo_db(tmp_path)
    assert main(["--db", db, "backup", str(tmp_path / "copy.sqlite3")]) == 0
    assert main(["--db", db, "check"]) == 0
    assert main(["--db", db, "verify"]) == 0
    out = capsys.readouterr().out
    assert "no problems found" in out
    assert "seals verified; every sealed record matches" in out

    with sqlite3.connect(db) as conn:
        conn.execute("UPDATE resolution SET title = 'Something else'")
    conn.close()
    assert main(["--db", db, "verify"]) == 1
    assert "Resolution 2022-01" in capsys.readouterr().out
    assert main(["--db", db, "check"]) == 1
    assert "problem: seal: resolution Resolution 2022-01" in capsys.readouterr().out

    assert main(["--db", db, "restore", str(tmp_path / "copy.sqlite3")]) == 0
    assert "the database as it was is kept at" in capsys.readouterr().out
    assert main(["--db", db, "verify"]) == 0


def test_restore_refuses_what_is_not_a_backup(tmp_path, capsys):
    db = demo_db(tmp_path)
    (tmp_path / "notes.txt").write_text("hello")
    assert main(["--db", db, "restore", str(tmp_path / "notes.txt")]) == 1
    assert "Nothing was restored" in capsys.readouterr().err


def test_audit_prints_who_changed_what_since_a_day(tmp_path, capsys):
    db = demo_db(tmp_path)
    assert main(["--db", db, "audit", "--since", "2000-01-01"]) == 0
    out = capsys.readouterr().out
    assert "Andrea Lopez  Created partnership St. Petersburg" in out
    assert "    Partner city: St. Petersburg" in out
    assert main(["--db", db, "audit", "--since", "2999-01-01"]) == 0
    assert capsys.readouterr().out == ""


def test_while_the_app_has_the_file_reading_works_and_writing_is_refused(tmp_path, capsys):
    db = demo_db(tmp_path)
    app = open_workspace(tmp_path / "register.sqlite3", actor="Andrea Lopez")
    try:
        assert main(["--db", db, "partnerships", "list", "--format", "csv"]) == 0
        assert "St. Petersburg" in capsys.readouterr().out
        (tmp_path / "a.csv").write_text("kind,partner_city,partner_country\nsister,Graz,AT\n")
        assert main(["--db", db, "partnerships", "import", str(tmp_path / "a.csv")]) == 1
        assert "open in sciapp by Andrea Lopez" in capsys.readouterr().err
        assert main(["--db", db, "restore", str(tmp_path / "a.csv")]) == 1
        assert "close it there before restoring" in capsys.readouterr().err
    finally:
        app.close()


@pytest.mark.parametrize(
    "command",
    [
        ["info"],
        ["check"],
        ["verify"],
        ["audit"],
        ["backup", "copy.sqlite3"],
        ["archive", "export", "a.zip"],
    ],
)
def test_a_mistyped_path_is_no_such_file_and_nothing_is_created(tmp_path, capsys, command):
    typo = tmp_path / "registr.sqlite3"
    args = [str(tmp_path / a) if a.endswith((".sqlite3", ".zip")) else a for a in command]
    assert main(["--db", str(typo), *args]) == 1
    assert capsys.readouterr().err == f"sciapp: no such file: {typo} (nothing was created)\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == []
