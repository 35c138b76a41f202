"""Closed sessions against tables built from the statutes' own text.

MCL 15.267(1): "A 2/3 roll call vote of members elected or appointed and serving is required
to call a closed session, except for the closed sessions permitted under section 8(a), (b),
(c), (g), (i), and (j)." MCL 15.267(2): the minutes "may be destroyed 1 year and 1 day after
approval of the minutes of the regular meeting at which the closed session was approved."
POL §105(1): "Upon a majority vote of its total membership"; GCL §41: the total is the number
the body would have "were there no vacancies". POL §106(3): executive-session minutes
"within one week from the date of the executive session", GCL §25-a moving a weekend or
public holiday to the next business day. G.S. 143-318.11(c): "a motion duly made and adopted
at an open meeting"; G.S. 143-318.10(e): "a general account".
"""

import datetime as dt

import pytest

from sciapp.domain.bodies import Profile
from sciapp.domain.closed_sessions import (
    MICHIGAN,
    NEW_YORK,
    NORTH_CAROLINA,
    closed_session_law,
    may_destroy_from,
    minutes_due,
    motion_text,
    one_year_and_one_day,
)
from sciapp.domain.rollcall import RollCallRules, Seat, count_roll_call
from sciapp.domain.votes import Result, Tally, VoteOption, VoteRule, decide

D = dt.date

# Michigan: (members serving, yes votes needed). Two-thirds of those serving, rounded up,
# whoever is present: the denominator is members serving, not present.
MICHIGAN_TWO_THIRDS = [(3, 2), (5, 4), (6, 4), (7, 5), (9, 6), (10, 7), (11, 8), (12, 8), (15, 10)]


@pytest.mark.parametrize(("serving", "needed"), MICHIGAN_TWO_THIRDS)
def test_michigan_two_thirds_of_the_members_serving(serving, needed):
    # Everyone present and voting yes-or-no.
    carried = decide(Tally(needed, serving - needed, 0, serving, serving), MICHIGAN.rule)
    short = decide(Tally(needed - 1, serving - needed + 1, 0, serving, serving), MICHIGAN.rule)
    assert carried.result is Result.ADOPTED
    assert short.result is Result.FAILED
    assert f"{needed} of {serving}" in carried.explanation


def test_michigan_counts_members_serving_not_present_nor_seats():
    # 9 seats, 1 vacant: 8 serving; 6 present all vote yes: 6 ≥ ⅔ × 8 (5.33) carries.
    assert decide(Tally(6, 0, 0, 6, 8, seats=9), VoteRule.TWO_THIRDS_SERVING).adopted
    # 5 present of 8 serving, unanimous: 5 < 5.33, fails though every vote cast is yes.
    outcome = decide(Tally(5, 0, 0, 5, 8), VoteRule.TWO_THIRDS_SERVING)
    assert outcome.result is Result.FAILED
    assert "6 of 8" in outcome.explanation
    # An abstention is not a yes: 5 yes, 1 abstaining, 6 present of 8.
    assert not decide(Tally(5, 0, 1, 6, 8), VoteRule.TWO_THIRDS_SERVING).adopted


def test_michigan_exceptions_need_only_a_majority():
    assert MICHIGAN.rule_for(["a"]) is VoteRule.MAJORITY_CAST
    assert {p.code for p in MICHIGAN.purposes if p.simple_majority} == set("abcgij")
    assert MICHIGAN.rule_for(["e"]) is VoteRule.TWO_THIRDS_SERVING
    assert MICHIGAN.rule_for(["a", "e"]) is VoteRule.TWO_THIRDS_SERVING  # one needs ⅔
    assert [p.code for p in MICHIGAN.purposes] == list("abcdefghij")
    assert MICHIGAN.purpose("e").citation == "MCL 15.268(1)(e)"
    assert MICHIGAN.roll_call


def test_purposes_are_only_the_statutes():
    assert MICHIGAN.check_purposes([]) is not None
    assert MICHIGAN.check_purposes(["z"]) == "z: not a purpose MCL 15.268(1) permits"
    assert MICHIGAN.check_purposes(["d", "e"]) is None
    assert [p.code for p in NEW_YORK.purposes] == list("abcdefgh")
    assert [p.code for p in NORTH_CAROLINA.purposes] == [str(n) for n in range(1, 10)]


# New York: (seats, vacancies, yes needed): a majority of the seats, vacancies counted.
NEW_YORK_TOTAL = [(5, 0, 3), (5, 1, 3), (7, 2, 4), (9, 0, 5), (10, 3, 6)]


@pytest.mark.parametrize(("seats", "vacant", "needed"), NEW_YORK_TOTAL)
def test_new_york_majority_of_the_total_membership(seats, vacant, needed):
    serving = seats - vacant
    rule = NEW_YORK.rule
    assert decide(Tally(needed, 0, 0, serving, serving, seats=seats), rule).adopted
    assert not decide(Tally(needed - 1, 0, 0, serving, serving, seats=seats), rule).adopted


def test_the_roll_call_counts_new_york_seats_without_the_quorum_counting_them():
    sheet = [Seat(i, f"M {i}", i == 1, present=i <= 4) for i in range(1, 6)]  # 5 serving
    votes = {1: VoteOption.YES, 2: VoteOption.YES, 3: VoteOption.YES, 4: VoteOption.NO}
    rules = RollCallRules(VoteRule.MAJORITY_TOTAL, seats=7)  # 7 seats, 2 vacant
    count = count_roll_call(sheet, votes, rules)
    assert count.outcome.result is Result.FAILED  # 3 of 7 seats is no majority
    assert "4 of 7" in count.outcome.explanation
    assert count.tally.quorum_needed == 3  # quorum: a majority of the 5 in office


def test_north_carolina_a_majority_in_open_session():
    assert NORTH_CAROLINA.rule is VoteRule.MAJORITY_CAST
    assert decide(Tally(3, 2, 0, 5, 7), NORTH_CAROLINA.rule).adopted
    assert "general account" in NORTH_CAROLINA.minutes


# MCL 15.267(2): approval of the open minutes → first day the closed minutes may be destroyed.
MICHIGAN_RETENTION = [
    (D(2024, 4, 11), D(2025, 4, 12)),
    (D(2024, 12, 31), D(2026, 1, 1)),
    (D(2023, 2, 28), D(2024, 2, 29)),  # into a leap year
    (D(2024, 2, 29), D(2025, 3, 1)),  # a year from February 29 ends on February 28
]


@pytest.mark.parametrize(("approved", "destroy"), MICHIGAN_RETENTION)
def test_michigan_one_year_and_one_day(approved, destroy):
    assert one_year_and_one_day(approved) == destroy
    assert may_destroy_from(MICHIGAN, approved) == destroy


def test_kept_until_the_open_minutes_are_approved_and_no_date_elsewhere():
    assert may_destroy_from(MICHIGAN, None) is None
    assert may_destroy_from(NEW_YORK, D(2024, 4, 11)) is None
    assert may_destroy_from(NORTH_CAROLINA, D(2024, 4, 11)) is None


# POL §106(3) and GCL §25-a: session → executive-session minutes due.
NEW_YORK_WEEK = [
    (D(2024, 3, 14), D(2024, 3, 21)),  # Thursday → Thursday
    (D(2024, 3, 16), D(2024, 3, 25)),  # Saturday → Saturday, rolled to Monday
    (D(2024, 5, 20), D(2024, 5, 28)),  # → Memorial Day, Monday May 27, rolled to Tuesday
    (D(2025, 12, 18), D(2025, 12, 26)),  # → Christmas Day, rolled to Friday
]


@pytest.mark.parametrize(("day", "due"), NEW_YORK_WEEK)
def test_new_york_executive_session_minutes_within_one_week(day, due):
    assert minutes_due(NEW_YORK, day) == due


def test_no_minutes_deadline_in_michigan_or_north_carolina():
    assert minutes_due(MICHIGAN, D(2024, 3, 14)) is None
    assert minutes_due(NORTH_CAROLINA, D(2024, 3, 14)) is None


def test_each_profile_has_its_law_and_none_has_none():
    assert closed_session_law(Profile.MICHIGAN) is MICHIGAN
    assert closed_session_law(Profile.NEW_YORK) is NEW_YORK
    assert closed_session_law(Profile.NORTH_CAROLINA) is NORTH_CAROLINA
    assert closed_session_law(Profile.NONE) is None
    assert NEW_YORK.name == "executive session"


def test_the_motion_names_each_purpose_and_its_citation():
    text = motion_text(MICHIGAN, ["d", "e"])
    assert text.startswith("To meet in closed session to consider the purchase or lease")
    assert "(MCL 15.268(1)(d)); and to consult with its attorney" in text
    assert text.endswith("(MCL 15.268(1)(e)).")
    assert VoteRule.TWO_THIRDS_SERVING.label == "two-thirds of the members serving"
    assert VoteRule.MAJORITY_TOTAL.label == "majority of the total membership"


def test_an_unknown_purpose_code_is_a_key_error():
    with pytest.raises(KeyError):
        MICHIGAN.purpose("z")
