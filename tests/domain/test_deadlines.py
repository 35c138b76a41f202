import datetime as dt

from sciapp.domain.bodies import Profile
from sciapp.domain.deadlines import (
    add_business_days,
    is_business_day,
    minutes_deadlines,
    notice_problem,
)

D = dt.date


def test_business_days_skip_weekends_and_federal_holidays():
    assert not is_business_day(D(2026, 11, 26))  # Thanksgiving
    assert not is_business_day(D(2026, 11, 28))  # Saturday
    assert is_business_day(D(2026, 11, 27))
    # Monday Nov 16 + 8 business days, skipping the weekend and Thanksgiving.
    assert add_business_days(D(2026, 11, 16), 8) == D(2026, 11, 27)
    # Around New Year's Day and a weekend.
    assert add_business_days(D(2025, 12, 31), 1) == D(2026, 1, 2)
    assert add_business_days(D(2026, 7, 2), 1) == D(2026, 7, 6)  # July 4 observed Friday 3rd


def test_michigan_minutes_deadlines():
    result = minutes_deadlines(Profile.MICHIGAN, D(2022, 3, 16), D(2022, 4, 20))
    assert result.proposed_due == D(2022, 3, 28)
    assert result.approved_due == D(2022, 4, 27)
    assert minutes_deadlines(Profile.MICHIGAN, D(2022, 3, 16)).approved_due is None


def test_new_york_two_weeks_and_no_rule_elsewhere():
    assert minutes_deadlines(Profile.NEW_YORK, D(2022, 3, 16)).proposed_due == D(2022, 3, 30)
    none = minutes_deadlines(Profile.NORTH_CAROLINA, D(2022, 3, 16))
    assert (none.proposed_due, none.approved_due) == (None, None)


def test_michigan_notice_of_18_hours():
    start = dt.datetime(2022, 3, 16, 19, 0)
    assert notice_problem(Profile.MICHIGAN, start, dt.datetime(2022, 3, 15, 1, 0)) is None
    late = notice_problem(Profile.MICHIGAN, start, dt.datetime(2022, 3, 16, 9, 0))
    assert late == "notice posted 10.0 hours before the meeting; Michigan requires 18"
    assert "no public notice" in notice_problem(Profile.MICHIGAN, start, None)
    assert notice_problem(Profile.NEW_YORK, start, None) is None
