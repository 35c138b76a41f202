"""The annual report to council built from the demo register (services/reports/annual.py)."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest
from jsonschema import Draft202012Validator

from sciapp.demo import load_demo
from sciapp.services.errors import ValidationError

TODAY = dt.date(2024, 6, 15)
SCHEMA = json.loads((Path(__file__).parent / "annual_report.schema.json").read_text("utf-8"))


@pytest.fixture
def demo(workspace):
    load_demo(workspace, TODAY)
    return workspace


def test_the_demo_year_2022_its_ties_the_suspension_and_its_decision(demo) -> None:
    report = demo.annual_report.build(2022, TODAY)
    assert (report.year, report.as_of, report.prepared_on) == (2022, dt.date(2022, 12, 31), TODAY)
    assert report.commission == "Lansing Regional Sister Cities Commission"
    assert len(report.partnerships) == 11
    statuses = {t.partner_city: t.status for t in report.partnerships}
    assert statuses["St. Petersburg"] == "Suspended"
    assert statuses["Otsu"] == "Active"
    [change] = report.status_changes
    assert (change.partner, change.previous, change.status) == (
        "St. Petersburg, Russia",
        "Active",
        "Suspended",
    )
    assert (change.effective, change.decided_by) == ("2022-03-14", "City Council")
    assert change.instrument == "Lansing City Council motion of March 14, 2022, adopted 7–1"
    assert change.motion is not None
    assert (change.motion.body, change.motion.counts, change.motion.method) == (
        "Lansing City Council",
        "7–1",
        "roll_call",
    )


def test_meetings_attendance_motions_vacancies_and_terms(demo) -> None:
    report = demo.annual_report.build(2022, TODAY)
    commission, council = report.bodies
    assert (commission.meetings_held, council.meetings_held, report.meetings_held) == (2, 1, 3)
    becker = next(m for m in commission.members if m.name == "Hannah Becker")
    assert (becker.meetings, becker.present, becker.excused, becker.rate) == (2, 1, 1, 0.5)
    assert (commission.seats, commission.serving, commission.vacancies) == (9, 8, 1)
    assert (council.seats, council.vacancies) == (8, 0)
    assert [m.text[:50] for m in report.motions_adopted] == [
        "Suspend the sister-city relationship with St. Pete"
    ]
    assert (commission.motions_adopted, council.motions_adopted) == (0, 1)
    assert report.terms_ending == ()  # none ends in 2023
    ending = demo.annual_report.build(2023, TODAY).terms_ending
    assert [(t.name, t.term_end) for t in ending] == [("Samuel Whitfield", dt.date(2024, 7, 30))]


def test_the_current_year_runs_to_today_and_a_later_one_is_refused(demo) -> None:
    report = demo.annual_report.build(2024, TODAY)
    assert report.as_of == TODAY
    assert report.status_changes == ()
    assert report.meetings_held == 1  # June 8; June 18 and July 6 are still to come
    with pytest.raises(ValidationError, match="2025 has not begun"):
        demo.annual_report.build(2025, TODAY)


def test_the_json_follows_its_documented_shape(demo) -> None:
    data = json.loads(demo.annual_report.json(2022, TODAY))
    Draft202012Validator(SCHEMA, format_checker=Draft202012Validator.FORMAT_CHECKER).validate(data)
    assert data["totals"] == {
        "partnerships": 11,
        "status_changes": 1,
        "meetings_held": 3,
        "motions_adopted": 1,
        "terms_ending": 0,
        "vacancies": 1,
        "law_flags": 0,
    }
    assert data["status_changes"][0]["motion"]["yes"] == 7


def test_a_tie_a_state_law_touches_is_flagged_with_its_citation(workspace) -> None:
    from sciapp.demo.texas import load_texas_demo

    load_texas_demo(workspace, dt.date(2026, 2, 1))
    report = workspace.annual_report.build(2025, dt.date(2026, 2, 1))
    flags = {flag.partner: flag for flag in report.law_flags}
    tver = next(f for p, f in flags.items() if p.startswith("Tver"))
    assert tver.barred
    assert tver.state == "Texas"
    assert "Tex. Gov't Code §795.003" in tver.description
    tie = next(t for t in report.partnerships if t.partner_city.startswith("Tver"))
    assert any("§795.003" in flag for flag in tie.law_flags)
    Draft202012Validator(SCHEMA).validate(json.loads(workspace.annual_report.json(2025)))
