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
    # While a year runs, the rest of it counts too: July 30, 2024, as of June 15.
    assert demo.annual_report.build(2024, TODAY).terms_ending == ending


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
        "activities": 0,
        "participants": 0,
        "gifts": 0,
    }
    assert data["status_changes"][0]["motion"]["yes"] == 7
    assert (data["activities"], data["gifts"], data["membership"]) == ([], [], None)


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


def test_the_demo_s_current_year_its_activities_spending_gifts_and_membership(demo) -> None:
    report = demo.annual_report.build(2024, TODAY)
    assert [(a.partner, a.kind.label) for a in report.activities] == [
        ("Guadalajara, Mexico", "Sister schools"),  # from September 2023 to June 2024
        ("Otsu, Japan", "Official delegation (outgoing)"),
    ]
    otsu = report.activities[1]
    assert otsu.participants_text() == "2 members, 1 resident"
    assert otsu.members == ("Margaret Okafor", "Yuki Tanaka-Brown")
    assert (otsu.budget_cents, otsu.spent_cents) == (1_200_000, 1_264_000)
    assert report.activities[0].participants_text() == "3 students, 1 chaperone, 1 host family"
    assert [(g.direction, g.city_property, g.value_cents) for g in report.gifts] == [
        ("received", True, 35_000),
        ("given", True, 18_000),
        ("received", False, 4_000),
    ]
    assert report.gifts[0].activity == "Official delegation to Otsu"
    assert report.membership is not None
    assert report.membership.in_good_standing
    data = json.loads(demo.annual_report.json(2024, TODAY))
    Draft202012Validator(SCHEMA, format_checker=Draft202012Validator.FORMAT_CHECKER).validate(data)
    assert data["spending"] == [
        {"currency": "USD", "budget_cents": 1_550_000, "spent_cents": 1_482_000, "activities": 2}
    ]
    assert (data["totals"]["activities"], data["totals"]["participants"]) == (2, 8)
    assert data["activities"][1]["participants"] == {"member": 2, "resident": 1}
    # The 1994 youth exchange with St. Petersburg is that year's, not this one's.
    old = demo.annual_report.build(1994, TODAY).activities
    assert [(a.partner, a.kind.label) for a in old] == [
        ("St. Petersburg, Russia", "Youth exchange")
    ]
