"""`sciapp report annual YEAR -o FILE.pdf [--json FILE.json]`."""

from __future__ import annotations

import datetime as dt
import json

from sciapp.cli import main
from sciapp.demo import load_demo
from sciapp.services.opening import open_workspace
from tests.pdf.conftest import pdf_text


def test_it_writes_the_pdf_and_the_same_data_as_json(tmp_path, capsys) -> None:
    db = tmp_path / "demo.sqlite3"
    workspace = open_workspace(db)
    load_demo(workspace, dt.date(2024, 6, 15))
    workspace.close()
    pdf, data = tmp_path / "annual.pdf", tmp_path / "annual.json"
    assert (
        main(["--db", str(db), "report", "annual", "2022", "-o", str(pdf), "--json", str(data)])
        == 0
    )
    assert capsys.readouterr().err.startswith(f"wrote {pdf} (4 pages) and {data}")
    text = " ".join(pdf_text(pdf.read_bytes()).split())
    assert "Annual Report 2022" in text
    report = json.loads(data.read_text("utf-8"))
    assert report["totals"]["status_changes"] == 1
    assert report["status_changes"][0]["instrument"] in text


def test_a_bad_year_or_a_missing_register_is_one_sentence(tmp_path, capsys) -> None:
    db = tmp_path / "demo.sqlite3"
    open_workspace(db).close()
    assert main(["--db", str(db), "report", "annual", "9999", "-o", str(tmp_path / "x.pdf")]) == 1
    assert "9999 has not begun" in capsys.readouterr().err
    assert not (tmp_path / "x.pdf").exists()
    missing = tmp_path / "none.sqlite3"
    assert main(["--db", str(missing), "report", "annual", "2022", "-o", "x.pdf"]) == 1
    assert "no such file" in capsys.readouterr().err
