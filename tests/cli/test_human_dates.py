"""Tables for people write dates and times as the app does (domain/formats, in the terminal's
locale); CSV and JSON keep ISO dates for programs."""

import datetime as dt
import json
import re

import pytest

from sciapp.cli import main
from sciapp.demo import load_demo
from sciapp.domain.bodies import BodyKind, Profile
from sciapp.services.meetings.records import MeetingDraft
from sciapp.services.opening import open_workspace

ISO = re.compile(r"\d{4}-\d{2}-\d{2}")


@pytest.fixture
def us(monkeypatch):
    for name in ("LC_ALL", "LC_TIME"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("LANG", "en_US.UTF-8")


@pytest.fixture
def register(tmp_path):
    path = tmp_path / "register.sqlite3"
    workspace = open_workspace(path, actor="Andrea Lopez")
    load_demo(workspace)
    body = workspace.bodies.create_body(
        "Norfolk Commission", BodyKind.COMMISSION, 5, Profile.MICHIGAN
    )
    workspace.meetings.create(MeetingDraft(body.id, dt.date(2022, 3, 8), dt.time(18, 30)))
    workspace.close()
    return str(path)


def test_the_meetings_table_writes_dates_and_times_as_the_app_does(us, register, capsys):
    assert main(["--db", register, "meetings", "list"]) == 0
    out = capsys.readouterr().out.replace("\u00a0", " ")  # no break inside "7:00 PM"
    assert (
        "Mar 16, 2022  7:00 PM  Lansing Regional Sister Cities Commission  Regular  Approved"
        in (out)
    )
    assert "Mar 8, 2022   6:30 PM" in out
    assert not ISO.search(out)
    assert "18:30" not in out


def test_the_partnerships_table_writes_dates_and_labels(us, register, capsys):
    assert main(["--db", register, "partnerships", "list"]) == 0
    out = capsys.readouterr().out
    line = next(x for x in out.splitlines() if x.startswith("7 ") or "St. Petersburg" in x)
    assert "Suspended" in line
    assert "Mar 14, 2022" in line
    assert "1994" in line
    assert not ISO.search(out)


def test_csv_and_json_keep_iso_dates(us, register, capsys):
    assert main(["--db", register, "partnerships", "list", "--format", "json"]) == 0
    records = json.loads(capsys.readouterr().out)
    petersburg = next(r for r in records if r["partner_city"] == "St. Petersburg")
    assert petersburg["status_since"] == "2022-03-14"
    assert main(["--db", register, "partnerships", "list", "--format", "csv"]) == 0
    assert "2022-03-14" in capsys.readouterr().out


def test_the_table_follows_the_terminals_locale(monkeypatch, register, capsys):
    monkeypatch.setenv("LC_ALL", "de_DE.UTF-8")
    assert main(["--db", register, "meetings", "list"]) == 0
    out = capsys.readouterr().out
    assert "16. März 2022" in out  # short_date in German
    assert "18:30" in out  # a German clock


def test_check_names_a_meeting_and_its_deadline_by_readable_dates(us, register, capsys):
    assert main(["--db", register, "check"]) == 0
    out = capsys.readouterr().out
    warning = next(line for line in out.splitlines() if "proposed minutes" in line)
    assert re.fullmatch(
        r"warning: meeting \d+ \(Mar 8, 2022\): "
        r"proposed minutes were due [A-Z][a-z]{2} \d{1,2}, 2022",
        warning,
    ), warning
    assert not ISO.search(out.replace(register, ""))


def test_the_audit_trail_stamps_each_change_as_the_app_does(us, register, capsys):
    assert main(["--db", register, "audit"]) == 0
    first = capsys.readouterr().out.splitlines()[0]
    assert re.match(
        r"[A-Z][a-z]{2} \d{1,2}, \d{4} \d{1,2}:\d{2}:\d{2}\s[AP]M  Andrea Lopez  ", first
    )
