"""`sciapp activities list` and `sciapp gifts list`: table, CSV and JSON of the demo year."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import re

import pytest

from sciapp.cli import main
from sciapp.demo import load_demo
from sciapp.services.opening import open_workspace

TODAY = dt.date(2024, 6, 15)


@pytest.fixture(scope="module")
def demo_db(tmp_path_factory):
    path = tmp_path_factory.mktemp("demo") / "demo.sqlite3"
    workspace = open_workspace(path, actor="test")
    load_demo(workspace, TODAY)
    workspace.close()
    return str(path)


def test_the_table_lists_each_activity_with_its_spending(demo_db, capsys):
    assert main(["--db", demo_db, "activities", "list"]) == 0
    out = capsys.readouterr().out
    assert out.splitlines()[0].split()[:3] == ["ID", "Partner", "city"]
    exchange = next(line for line in out.splitlines() if "St. Petersburg" in line)
    assert "Youth exchange" in exchange
    assert "$38,000.00" in exchange
    assert "Jun 20, 1994" in exchange


def test_one_year_one_partnership_as_json(demo_db, capsys):
    assert main(["--db", demo_db, "activities", "list", "--year", "1994", "--format", "json"]) == 0
    (record,) = json.loads(capsys.readouterr().out)
    assert record["kind"] == "youth_exchange"
    assert record["budget_cents"] == 3_800_000
    roles = [p["role"] for p in record["participants"]]
    assert roles.count("student") == 4
    tie = record["partnership_id"]
    assert main(["--db", demo_db, "activities", "list", "--partnership", str(tie)]) == 0
    assert "Otsu" not in capsys.readouterr().out


def test_csv_has_amounts_as_decimals(demo_db, capsys):
    assert main(["--db", demo_db, "activities", "list", "--format", "csv"]) == 0
    rows = list(csv.DictReader(io.StringIO(capsys.readouterr().out)))
    assert {row["Partner city"] for row in rows} == {"St. Petersburg", "Otsu", "Guadalajara"}
    otsu = next(row for row in rows if row["Partner city"] == "Otsu")
    assert (otsu["Budget"], otsu["Spent"]) == ("12,000.00", "12,640.00")


def test_a_bad_year_or_a_missing_partnership_is_one_sentence(demo_db, capsys):
    with pytest.raises(SystemExit) as caught:
        main(["--db", demo_db, "activities", "list", "--year", "94"])
    assert caught.value.code == 2
    assert "'94' is not a year (YYYY)" in capsys.readouterr().err
    assert main(["--db", demo_db, "activities", "list", "--partnership", "999"]) == 1
    assert capsys.readouterr().err.strip() == ("sciapp: Partnership 999 does not exist (deleted?).")


def test_the_gift_register(demo_db, capsys):
    assert main(["--db", demo_db, "gifts", "list"]) == 0
    out = capsys.readouterr().out
    assert "Shigaraki-ware vase" in out
    assert "Personal" in out
    assert re.split(r"\s{2,}", out.splitlines()[0])[:3] == ["ID", "Date", "Given or received"]
    assert main(["--db", demo_db, "gifts", "list", "--format", "csv"]) == 0
    rows = list(csv.DictReader(io.StringIO(capsys.readouterr().out)))
    assert [r["Given or received"] for r in rows] == ["Received", "Given", "Received"]
    assert rows[0]["Estimated value"] == "350.00"
    assert main(["--db", demo_db, "gifts", "list", "--format", "json"]) == 0
    gifts = json.loads(capsys.readouterr().out)
    assert gifts[0]["value_cents"] == 35_000
    assert gifts[0]["exchanged_on"] == "2024-04-09"
