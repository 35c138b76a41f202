"""`sciapp gifts register [YEAR] -o FILE.pdf`: the gift register as a tagged PDF."""

from __future__ import annotations

import datetime as dt

import pytest

from sciapp.cli import main
from sciapp.demo import load_demo
from sciapp.services.opening import open_workspace
from tests.pdf.conftest import pdf_text

TODAY = dt.date(2024, 6, 15)


@pytest.fixture(scope="module")
def demo_db(tmp_path_factory):
    path = tmp_path_factory.mktemp("demo") / "demo.sqlite3"
    workspace = open_workspace(path, actor="test")
    load_demo(workspace, TODAY)
    workspace.close()
    return str(path)


def test_the_years_register_is_written_as_a_pdf(demo_db, tmp_path, capsys) -> None:
    target = tmp_path / "gifts-2024.pdf"
    assert main(["--db", demo_db, "gifts", "register", "2024", "-o", str(target)]) == 0
    assert f"wrote {target} (1 page)" in capsys.readouterr().err
    text = " ".join(pdf_text(target.read_bytes()).split())
    assert "Gift register 2024" in text
    for gift in ("Shigaraki-ware vase", "Framed print", "Silk furoshiki"):
        assert gift in text
    assert "Received USD 2 2 $390.00" in text


def test_every_year_without_a_year(demo_db, tmp_path) -> None:
    target = tmp_path / "gifts.pdf"
    assert main(["--db", demo_db, "gifts", "register", "-o", str(target)]) == 0
    assert "3 gifts in the register" in " ".join(pdf_text(target.read_bytes()).split())


def test_an_unwritable_file_is_refused_with_its_reason(demo_db, tmp_path, capsys) -> None:
    target = tmp_path / "missing" / "gifts.pdf"
    assert main(["--db", demo_db, "gifts", "register", "2024", "-o", str(target)]) == 1
    err = capsys.readouterr().err
    assert "cannot write" in err
    assert "Traceback" not in err
    assert not target.exists()


def test_a_bad_year_names_the_argument(demo_db, tmp_path, capsys) -> None:
    with pytest.raises(SystemExit):
        main(["--db", demo_db, "gifts", "register", "24", "-o", str(tmp_path / "x.pdf")])
    assert "is not a year" in capsys.readouterr().err
