"""The Start page's Sister Cities International lines: the Annual Awards deadline (a setting,
no date assumed) and this year's dues when none are recorded as paid."""

from __future__ import annotations

import datetime as dt

import pytest

from sciapp.demo import load_demo
from sciapp.services.partnerships.membership import MembershipDraft
from sciapp.services.reports.sci_lines import awards_line, dues_line

TODAY = dt.date(2024, 6, 15)
AWARDS = "Sister Cities International Annual Awards"


@pytest.fixture
def demo(workspace):
    load_demo(workspace, TODAY)
    return workspace


def test_an_unset_deadline_says_to_set_it_and_none_is_invented() -> None:
    line = awards_line(None, TODAY)
    assert line.text == f"{AWARDS}: set the entry deadline in Settings"
    assert (line.target, line.urgent) == ("settings", False)


def test_a_deadline_ahead_a_near_one_warns_and_one_passed_asks_for_the_next() -> None:
    far = awards_line(dt.date(2025, 3, 14), TODAY)
    assert far.text == f"{AWARDS}: entries due Mar 14, 2025"
    assert not far.urgent
    assert awards_line(dt.date(2024, 7, 15), TODAY).urgent  # 30 days
    assert not awards_line(dt.date(2024, 7, 16), TODAY).urgent
    assert awards_line(TODAY, TODAY).text == f"{AWARDS}: entries due today"
    passed = awards_line(dt.date(2024, 3, 1), TODAY)
    assert passed.text == (
        f"{AWARDS}: entries were due Mar 1, 2024 — set the next round's date in Settings"
    )


def test_dues_unrecorded_or_unpaid_are_listed_paid_ones_are_not(demo) -> None:
    assert dues_line(None, 2024).text == "SCI dues for 2024 not recorded"
    paid = demo.membership.year(TODAY.year)
    assert paid is not None
    assert paid.in_good_standing
    assert dues_line(paid, TODAY.year) is None
    unpaid = demo.membership.record(MembershipDraft(TODAY.year + 1))
    assert dues_line(unpaid, TODAY.year + 1) is not None


def test_the_dashboard_carries_both_lines(demo) -> None:
    board = demo.dashboard(TODAY, awards_due=dt.date(2025, 3, 14))
    assert [line.text for line in board.sci] == [f"{AWARDS}: entries due Mar 14, 2025"]
    next_year = TODAY.replace(year=2025)
    board = demo.dashboard(next_year, awards_due=None)
    assert [line.text for line in board.sci] == [
        f"{AWARDS}: set the entry deadline in Settings",
        "SCI dues for 2025 not recorded",
    ]
    assert board.more["sci"] == 0
