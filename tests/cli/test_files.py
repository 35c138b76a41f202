"""Every file the CLI writes is written whole or not at all; a failure is one sentence."""

import csv
import errno
import io
import os
import stat

import pytest

from sciapp.cli import main
from sciapp.demo import load_demo
from sciapp.services.opening import open_workspace
from tests.services.exchange.test_csv_writer import ATTACKS, seed_hostile_meeting

GOOD = b'{"an": "earlier, good export"}\n' * 130  # about 4 kB, as in the report

WRITERS = [
    ("documents.json", ["documents", "export"]),
    ("votes.json", ["votes", "export-popolo"]),
    ("votes.csv", ["votes", "export-csv", "1"]),
    ("register.csv", ["partnerships", "export"]),
    ("resolution.pdf", ["render", "resolution", "2022-01", "-o"]),
    ("commission.zip", ["archive", "export"]),
]


@pytest.fixture
def demo_db(tmp_path):
    path = tmp_path / "register.sqlite3"
    ws = open_workspace(path, actor="Andrea Lopez")
    load_demo(ws)
    ws.close()
    return str(path)


def leftovers(folder):
    return [p.name for p in folder.iterdir() if p.name.endswith(".part")]


def refuse(code):
    def fail(*args, **kwargs):
        raise OSError(code, os.strerror(code))

    return fail


@pytest.mark.parametrize(("name", "command"), WRITERS)
def test_a_full_disk_leaves_the_good_file_and_says_so(
    tmp_path, demo_db, monkeypatch, capsys, name, command
):
    out = tmp_path / "out"
    out.mkdir()
    target = out / name
    target.write_bytes(GOOD)
    monkeypatch.setattr(os, "fsync", refuse(errno.ENOSPC))
    assert main(["--db", demo_db, *command, str(target)]) == 1
    assert target.read_bytes() == GOOD
    assert leftovers(out) == []
    err = capsys.readouterr().err
    assert err.startswith(f"sciapp: cannot write {target}: the disk is full")
    assert err.count("\n") == 1
    assert "Traceback" not in err


@pytest.mark.parametrize(("name", "command"), WRITERS[:2])
def test_a_folder_that_is_not_writable_is_named(
    tmp_path, demo_db, monkeypatch, capsys, name, command
):
    real_open = os.open

    def guarded(path, *args, **kwargs):  # root ignores chmod, so the refusal is simulated
        if str(path).endswith(".part"):
            raise OSError(errno.EACCES, "Permission denied")
        return real_open(path, *args, **kwargs)

    monkeypatch.setattr(os, "open", guarded)
    target = tmp_path / name
    assert main(["--db", demo_db, *command, str(target)]) == 1
    assert "the folder is not writable" in capsys.readouterr().err
    assert not target.exists()


@pytest.mark.parametrize(("name", "command"), WRITERS)
def test_every_writer_replaces_the_old_file_whole(tmp_path, demo_db, name, command):
    target = tmp_path / name
    target.write_bytes(GOOD)
    assert main(["--db", demo_db, *command, str(target)]) == 0
    assert target.read_bytes() != GOOD
    assert leftovers(tmp_path) == []


@pytest.mark.skipif(os.name == "nt", reason="POSIX permissions")
def test_an_archive_is_readable_by_its_owner_only(tmp_path, demo_db):
    target = tmp_path / "commission.zip"
    assert main(["--db", demo_db, "archive", "export", str(target)]) == 0
    assert stat.S_IMODE(target.stat().st_mode) == 0o600


def test_standard_output_stays_a_stream(demo_db, capsys):
    assert main(["--db", demo_db, "documents", "export", "-"]) == 0
    assert capsys.readouterr().out.startswith("{")
    assert main(["--db", demo_db, "votes", "export-csv", "1", "-"]) == 0
    assert capsys.readouterr().out.startswith("motion_id,")


def test_votes_export_csv_writes_formulas_as_text(tmp_path, capsys):
    db = tmp_path / "hostile.sqlite3"
    ws = open_workspace(db, actor="Andrea Lopez")
    meeting = seed_hostile_meeting(ws)
    ws.close()
    target = tmp_path / "votes.csv"
    assert main(["--db", str(db), "votes", "export-csv", str(meeting), str(target)]) == 0
    assert main(["--db", str(db), "votes", "export-csv", str(meeting), "-"]) == 0
    for text in (target.read_text(encoding="utf-8"), capsys.readouterr().out):
        cells = {cell for row in csv.reader(io.StringIO(text)) for cell in row}
        assert {"'" + attack for attack in ATTACKS} <= cells
        assert not cells & set(ATTACKS)
