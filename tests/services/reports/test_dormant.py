"""Dormant ties on the Start page: what names a tie, and for how long it has been quiet."""

from __future__ import annotations

import datetime as dt

import pytest

from sciapp.demo import load_demo
from sciapp.services.documents.records import LetterDraft

SEEDED = dt.date(2024, 6, 15)


@pytest.fixture
def demo(workspace):
    load_demo(workspace, SEEDED)
    return workspace


def quiet(workspace, today, years=3) -> dict[str, str]:
    board = workspace.dashboard(today, dormant_years=years)
    return {line.text.split(":")[0]: line.text for line in board.dormant}


def test_a_tie_named_by_a_letter_or_a_meeting_item_is_not_dormant_until_years_pass(demo) -> None:
    lines = quiet(demo, SEEDED)
    # A letter (March 18, 2022) names St. Petersburg; an agenda item (March 16) names Otsu.
    assert "St. Petersburg, RU" not in lines
    assert "Otsu, JP" not in lines
    assert lines["Asan, KR"] == (
        "Asan, KR: no activity, letter or meeting item on record — due for review"
    )
    later = quiet(demo, dt.date(2025, 3, 19))  # three years and a day after the letter
    assert later["St. Petersburg, RU"] == (
        "St. Petersburg, RU: nothing in 3 years (last: letter, Mar 18, 2022) — due for review"
    )
    assert "Otsu, JP" not in later  # the delegation to Otsu in April 2024
    assert "St. Petersburg, RU" not in quiet(demo, dt.date(2025, 3, 19), years=4)


def test_an_activity_on_the_tie_is_a_sign_of_life(demo) -> None:
    assert "Guadalajara, MX" not in quiet(demo, SEEDED)  # its sister schools, 2023–24
    later = quiet(demo, dt.date(2030, 1, 1))
    assert later["Guadalajara, MX"] == (
        "Guadalajara, MX: nothing in 3 years (last: activity, Jun 12, 2024) — due for review"
    )
    assert "last: activity, Apr 13, 2024" in later["Otsu, JP"]


def test_a_new_letter_naming_the_partner_city_wakes_the_tie(demo) -> None:
    today = dt.date(2026, 12, 1)
    assert "Asan, KR" in quiet(demo, today)
    demo.documents.save_letter(
        LetterDraft(
            date=dt.date(2026, 5, 2),
            to=("Mayor's Office", "ASAN", "South Korea"),
            salutation="Dear Mayor:",
            body=("Greetings from Lansing.",),
        )
    )
    assert "Asan, KR" not in quiet(demo, today)


def test_the_longest_quiet_come_first(demo) -> None:
    today = dt.date(2030, 1, 1)
    order = list(quiet(demo, today))
    assert order.index("Akuapim South District, GH") < order.index("St. Petersburg, RU")
    assert order.index("St. Petersburg, RU") < order.index("Otsu, JP")  # 2022, then 2024
    assert order[-1] == "Guadalajara, MX"  # June 12, 2024


def test_the_setting_gives_the_years(demo, monkeypatch) -> None:
    from sciapp.config import AppPaths
    from sciapp.settings import Settings, load_settings, save_settings

    config = AppPaths.from_environment().config_dir
    assert load_settings(config).dormant_years == 3
    save_settings(config, Settings(dormant_years=10))
    assert load_settings(config).dormant_years == 10
    board = demo.dashboard(dt.date(2031, 1, 1))
    assert "St. Petersburg" not in " ".join(line.text for line in board.dormant)
    assert "Asan, KR: no activity" in " ".join(line.text for line in board.dormant)
