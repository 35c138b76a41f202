"""Legal holidays as the statutes list them, and the deadlines counted over them."""

import datetime as dt

import pytest

from sciapp.domain.bodies import Profile
from sciapp.domain.deadlines import add_business_days, is_business_day, minutes_deadlines
from sciapp.domain.legal_holidays import MICHIGAN, NEW_YORK, nth_weekday

D = dt.date

# MCL 435.101 for 2026, day by day from the statute's list (Sunday holidays on Monday).
MICHIGAN_2026 = {
    D(2026, 1, 1): "New Year's Day",
    D(2026, 1, 19): "Martin Luther King, Jr. Day",  # third Monday of January
    D(2026, 2, 12): "Lincoln's Birthday",  # February 12: not a federal holiday
    D(2026, 2, 16): "Washington's Birthday",
    D(2026, 5, 25): "Memorial Day",  # last Monday of May
    D(2026, 6, 19): "Juneteenth",  # 2023 PA 54
    D(2026, 7, 4): "Independence Day",  # a Saturday: not moved to Friday
    D(2026, 9, 7): "Labor Day",
    D(2026, 10, 12): "Columbus Day",
    D(2026, 11, 11): "Veterans' Day",
    D(2026, 11, 26): "Thanksgiving Day",
    D(2026, 12, 25): "Christmas Day",
}


def test_michigan_2026_is_the_statutes_list():
    assert MICHIGAN.days(2026) == MICHIGAN_2026


def test_a_michigan_holiday_on_sunday_is_observed_monday_one_on_saturday_is_not_moved():
    assert D(2023, 2, 12).weekday() == 6  # Lincoln's Birthday on a Sunday
    assert MICHIGAN.is_holiday(D(2023, 2, 13))
    assert is_business_day(D(2026, 7, 3), MICHIGAN)  # federal "observed" Friday
    assert not is_business_day(D(2026, 7, 3))  # ... which the federal calendar skips


def test_juneteenth_counts_in_michigan_only_since_the_act_of_2023():
    assert not MICHIGAN.is_holiday(D(2022, 6, 20))  # (federal: observed Monday)
    assert MICHIGAN.is_holiday(D(2023, 6, 19))


def test_the_issues_example_meeting_of_june_24_2026():
    due = minutes_deadlines(Profile.MICHIGAN, D(2026, 6, 24)).proposed_due
    assert due == D(2026, 7, 6)  # the federal count said July 7


def test_over_2021_to_2030_the_michigan_count_differs_from_the_federal_one_on_186_days():
    day, differ, later = D(2021, 1, 1), 0, 0
    while day.year <= 2030:
        federal, michigan = add_business_days(day, 8), add_business_days(day, 8, MICHIGAN)
        differ += federal != michigan
        later += federal > michigan
        day += dt.timedelta(days=1)
    assert (differ, later) == (186, 96)


def test_approved_minutes_within_five_michigan_business_days():
    # Approved Tuesday Feb 10, 2026: Feb 12 (Lincoln's Birthday) and the weekend skipped.
    due = minutes_deadlines(Profile.MICHIGAN, D(2026, 2, 1), D(2026, 2, 10)).approved_due
    assert due == D(2026, 2, 19)  # 11, 13, (16 Washington's Birthday) 17, 18, 19


@pytest.mark.parametrize(
    ("meeting", "due"),
    [
        (D(2026, 3, 3), D(2026, 3, 17)),  # two weeks, a Tuesday
        (D(2026, 3, 7), D(2026, 3, 23)),  # falls on Saturday: GCL §25-a, Monday
        (D(2026, 10, 20), D(2026, 11, 4)),  # Nov 3, 2026: Election Day (GCL §24)
        (D(2026, 1, 29), D(2026, 2, 13)),  # Feb 12: Lincoln's Birthday in New York too
    ],
)
def test_new_york_two_weeks_rolled_to_the_next_business_day(meeting, due):
    assert minutes_deadlines(Profile.NEW_YORK, meeting).proposed_due == due


def test_new_york_lists_election_day_and_moves_sunday_holidays():
    assert NEW_YORK.days(2026)[D(2026, 11, 3)] == "Election Day"
    assert NEW_YORK.is_holiday(D(2021, 7, 5))  # July 4, 2021 was a Sunday


def test_nth_weekday_counts_from_either_end():
    assert nth_weekday(2026, 5, 0, -1) == D(2026, 5, 25)
    assert nth_weekday(2026, 11, 3, 4) == D(2026, 11, 26)
