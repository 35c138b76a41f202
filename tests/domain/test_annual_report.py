"""The annual report's plain model and its JSON shape (domain/annual_report.py)."""

from __future__ import annotations

import datetime as dt

import pytest

from sciapp.domain.annual_report import (
    AnnualReport,
    BodyYear,
    MemberYear,
    percent,
    report_data,
    report_year_bounds,
)
from sciapp.domain.errors import InvalidInputError


def test_a_past_year_runs_to_december_31_and_the_current_one_to_today() -> None:
    today = dt.date(2024, 6, 15)
    assert report_year_bounds(2022, today) == (dt.date(2022, 1, 1), dt.date(2022, 12, 31))
    assert report_year_bounds(2024, today) == (dt.date(2024, 1, 1), today)


@pytest.mark.parametrize(("year", "said"), [(2025, "2025 has not begun"), (1800, "from 1900")])
def test_a_year_not_begun_or_out_of_range_is_refused_naming_the_field(year, said) -> None:
    with pytest.raises(InvalidInputError) as caught:
        report_year_bounds(year, dt.date(2024, 6, 15))
    assert said in caught.value.errors["year"]


def test_attendance_rate_vacancies_and_totals() -> None:
    member = MemberYear("A", "Chair", True, dt.date(2020, 1, 1), None, 4, 3, 1, 0)
    idle = MemberYear("B", "Member", True, dt.date(2022, 12, 1), None, 0, 0, 0, 0)
    body = BodyYear(1, "Commission", "commission", 9, 7, 4, 1, 2, (member, idle))
    assert (member.rate, idle.rate, body.vacancies) == (0.75, None, 2)
    assert (percent(member.rate), percent(idle.rate)) == ("75%", "—")
    report = AnnualReport(
        2022, "C", dt.date(2022, 12, 31), dt.date(2023, 1, 5), (), (), (body,), (), (), ()
    )
    data = report_data(report)
    assert data["totals"] == {
        "partnerships": 0,
        "status_changes": 0,
        "meetings_held": 4,
        "motions_adopted": 0,
        "terms_ending": 0,
        "vacancies": 2,
        "law_flags": 0,
        "activities": 0,
        "participants": 0,
        "gifts": 0,
    }
    rates = [m["attendance_rate"] for m in data["bodies"][0]["members"]]
    assert rates == [0.75, None]
    assert (data["format"], data["version"], data["as_of"]) == (
        "sciapp-annual-report",
        1,
        "2022-12-31",
    )
