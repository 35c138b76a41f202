"""The commands that need no ORM start without it: importing the CLI loads no SQLAlchemy,
PDF or Qt module, nor do `--version`, `vote-outcome` and `info` on a quiet file (issue 14:
they answer in a blink). `info` on any other file opens it and says the same."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from sciapp.cli import main
from sciapp.services.opening import open_workspace
from sciapp.storage.schema import HEAD, schema_number

ROOT = Path(__file__).resolve().parents[2]
HEAVY = ("sqlalchemy", "alembic", "reportlab", "PySide6", "babel", "pycountry")
FIXTURES = ROOT / "tests" / "storage" / "fixtures"
SCHEMA = f"schema version: {schema_number(HEAD)} (revision {HEAD})"

CHILD = """
import contextlib, io, json, sys
out = io.StringIO()
with contextlib.redirect_stdout(out):
    {code}
heavy = sorted({{name.split(".")[0] for name in sys.modules}} & set({heavy!r}))
print(json.dumps({{"heavy": heavy, "out": out.getvalue()}}))
"""


def in_child(code: str) -> dict[str, object]:
    """Run `code` in a fresh interpreter: what it printed, and the heavy modules it loaded."""
    result = subprocess.run(
        [sys.executable, "-c", CHILD.format(code=code, heavy=HEAVY)],
        capture_output=True,
        text=True,
        cwd=ROOT,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
        timeout=60,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout.splitlines()[-1])


@pytest.fixture
def quiet_db(tmp_path: Path) -> Path:
    """A register at this version's schema, closed: nobody holds it."""
    path = tmp_path / "register.sqlite3"
    workspace = open_workspace(path, actor="Andrea Lopez")
    workspace.close()
    return path


def test_importing_the_cli_loads_no_orm_pdf_or_qt():
    child = in_child("import sciapp.cli; sciapp.cli.build_parser()")
    assert child["heavy"] == []


def test_version_and_vote_outcome_load_no_orm():
    version = in_child(
        "from sciapp.cli import main\n    with contextlib.suppress(SystemExit): main(['--version'])"
    )
    assert version["heavy"] == []
    outcome = in_child(
        "from sciapp.cli import main; "
        "main(['vote-outcome', '--rule', 'majority-cast', '--yes', '5', '--no', '1'])"
    )
    assert outcome["heavy"] == []
    assert json.loads(str(outcome["out"]))["result"] == "adopted"


def test_info_on_a_quiet_file_loads_no_orm_and_changes_nothing(quiet_db):
    before = {p.name: p.stat().st_mtime_ns for p in quiet_db.parent.iterdir()}
    child = in_child(f"from sciapp.cli import main; main(['--db', {str(quiet_db)!r}, 'info'])")
    assert child["heavy"] == []
    assert child["out"] == f"database: {quiet_db}\n{SCHEMA}\npartnerships: 0\n"
    assert {p.name: p.stat().st_mtime_ns for p in quiet_db.parent.iterdir()} == before


def test_info_while_the_app_has_the_file_says_the_same(quiet_db, capsys):
    app = open_workspace(quiet_db, actor="Andrea Lopez")
    try:
        assert main(["--db", str(quiet_db), "info"]) == 0
    finally:
        app.close()
    assert capsys.readouterr().out == f"database: {quiet_db}\n{SCHEMA}\npartnerships: 0\n"


def test_info_on_an_older_file_brings_it_up_to_date_and_names_the_copy(tmp_path, capsys):
    old = tmp_path / "register.sqlite3"
    shutil.copyfile(FIXTURES / "schema-0006.sqlite3", old)
    assert main(["--db", str(old), "info"]) == 0
    out = capsys.readouterr().out
    assert SCHEMA in out
    (copy,) = tmp_path.glob("register.before-migration-from-0006-*.sqlite3")
    assert f"backup before migration: {copy}" in out
