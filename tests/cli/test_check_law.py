"""`sciapp partnerships check-law`: each touched tie with its citation; exit 1 when barred."""

from __future__ import annotations

import datetime as dt

import pytest

from sciapp.cli import _demo_named, main
from sciapp.demo.texas import load_texas_demo
from sciapp.domain.partnership import PartnershipDraft
from sciapp.services.opening import open_workspace


def _texas(path, today=dt.date(2026, 2, 1)):
    workspace = open_workspace(path)
    load_texas_demo(workspace, today)
    return workspace


def test_a_barred_tie_exits_1_with_its_citation(tmp_path, capsys) -> None:
    db = tmp_path / "texas.sqlite3"
    _texas(db).close()
    assert main(["--db", str(db), "partnerships", "check-law", "--on", "2026-03-01"]) == 1
    out = capsys.readouterr().out
    assert out.startswith("Jurisdiction: Texas, from the letterhead's address")
    tver = next(line for line in out.splitlines() if "Tver" in line)
    assert "Russia" in tver
    assert "Active" in tver  # the status in words, as everywhere else: not "active"
    assert "barred: maintaining; must be terminated (Tex. Gov't Code §795.003)" in tver
    harbin = next(line for line in out.splitlines() if "Harbin" in line)
    assert "barred: establishing (Tex. Gov't Code §795.003)" in harbin
    assert "Proposed" in harbin
    assert "Tainan" not in out
    assert "Monterrey" not in out
    assert out.rstrip().endswith("2 partnerships touched by a state law; 2 barred")


def test_before_the_law_takes_effect_it_lists_and_exits_0(tmp_path, capsys) -> None:
    db = tmp_path / "texas.sqlite3"
    _texas(db).close()
    assert main(["--db", str(db), "partnerships", "check-law", "--on", "2025-08-31"]) == 0
    out = capsys.readouterr().out
    assert "from September 1, 2025, barred: maintaining" in out
    assert out.rstrip().endswith("0 barred")


def test_nothing_touched_says_so_in_one_line(tmp_path, capsys) -> None:
    db = tmp_path / "texas.sqlite3"
    workspace = _texas(db)
    for row in workspace.partnerships.list_rows():
        if row.partner_country in ("RU", "CN"):
            workspace.partnerships.delete(row.id)
    workspace.partnerships.create(PartnershipDraft(partner_city="Kyiv", partner_country="UA"))
    workspace.close()
    assert main(["--db", str(db), "partnerships", "check-law"]) == 0
    out = capsys.readouterr().out
    assert out == (
        "No partnership is touched by Tex. Gov't Code §795.003 "
        "(Texas, from the letterhead's address (Pecan Springs, Texas)).\n"
    )


def test_the_lansing_demo_is_touched_by_none(capsys) -> None:
    assert main(["--demo", "partnerships", "check-law"]) == 0
    out = capsys.readouterr().out.strip()
    assert out.startswith("No partnership is touched by a state law on partner countries")
    assert "Michigan" in out
    assert len(out.splitlines()) == 1


def test_the_texas_demo_from_the_command_line(capsys) -> None:
    assert main(["--demo", "texas", "partnerships", "check-law"]) == 1
    assert "Tver" in capsys.readouterr().out


def test_a_bad_day_is_a_usage_error(tmp_path, capsys) -> None:
    with pytest.raises(SystemExit) as info:
        main(["--db", str(tmp_path / "x.sqlite3"), "partnerships", "check-law", "--on", "May"])
    assert info.value.code == 2
    assert "not a date: 'May' (use YYYY-MM-DD)" in capsys.readouterr().err


def test_demo_names() -> None:
    assert _demo_named(["--demo", "partnerships", "list"]) == [
        "--demo=lansing",
        "partnerships",
        "list",
    ]
    assert _demo_named(["--demo", "texas", "info"]) == ["--demo=texas", "info"]
    assert _demo_named(["--demo"]) == ["--demo=lansing"]
    assert _demo_named(["--db", "x", "info"]) == ["--db", "x", "info"]
    assert _demo_named(["--demo=texas"]) == ["--demo=texas"]


def test_the_laws_as_shipped_are_listed_without_a_register(isolated_home, capsys) -> None:
    assert main(["partnerships", "laws"]) == 0
    out = capsys.readouterr().out
    assert "Texas: Texas Government Code chapter 795 (H.B. 128" in out
    assert "Bars: establishing, maintaining, renewing a tie (Tex. Gov't Code §795.003)" in out
    assert "Countries (4): China, Iran, North Korea, Russia" in out
    assert "In force: August 5, 2025" in out
    assert "Countries (24, 22 C.F.R. §126.1 as existing on January 1, 2025)" in out
    assert "must be terminated (Ark. Code Ann. §14-1-116(c))" in out
    assert not (isolated_home / "data").exists()  # no register was opened or made
