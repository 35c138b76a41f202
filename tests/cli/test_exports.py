"""`sciapp votes export-popolo --format ocd` and `sciapp meetings calendar BODY -o FILE.ics`."""

from __future__ import annotations

import json

import pytest
from icalendar import Calendar

from sciapp.cli import main


@pytest.fixture
def demo_file(tmp_path):
    from sciapp.demo import load_demo
    from sciapp.services.opening import open_workspace

    path = tmp_path / "demo.sqlite3"
    workspace = open_workspace(path)
    load_demo(workspace)
    workspace.close()
    return str(path)


def test_votes_export_as_open_civic_data(demo_file, tmp_path, capsys):
    target = tmp_path / "ocd.json"
    assert main(["--db", demo_file, "votes", "export-popolo", "--format", "ocd", str(target)]) == 0
    events = json.loads(target.read_text(encoding="utf-8"))["vote_events"]
    assert len(events) == 2
    assert all(e["start_date"].endswith("-04:00") for e in events)
    assert main(["--db", demo_file, "votes", "export-popolo", "-"]) == 0
    assert "events" in json.loads(capsys.readouterr().out)


def test_meetings_calendar(demo_file, tmp_path, capsys):
    target = tmp_path / "council.ics"
    args = ["--db", demo_file, "meetings", "calendar", "Lansing City Council", "-o", str(target)]
    assert main(args) == 0
    assert "wrote" in capsys.readouterr().err
    calendar = Calendar.from_ical(target.read_bytes())
    assert len(calendar.walk("VEVENT")) == 2
    assert main(["--db", demo_file, "meetings", "calendar", "Nobody", "-o", str(target)]) == 1
    assert "No body called 'Nobody'" in capsys.readouterr().err
    assert main(["--db", demo_file, "meetings", "calendar", "1"]) == 0
    assert capsys.readouterr().out.startswith("BEGIN:VCALENDAR")
