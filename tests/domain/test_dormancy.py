"""Dormant ties: the rule (domain/dormancy.py)."""

from __future__ import annotations

import datetime as dt

import pytest

from sciapp.domain.dormancy import CityFinder, Sign, check_years, cutoff, dormant
from sciapp.domain.errors import InvalidInputError

TODAY = dt.date(2026, 12, 1)


def test_the_cutoff_is_the_same_day_years_before_and_february_29_falls_back() -> None:
    assert cutoff(TODAY, 3) == dt.date(2023, 12, 1)
    assert cutoff(dt.date(2024, 2, 29), 1) == dt.date(2023, 2, 28)


def test_a_tie_is_dormant_when_its_last_sign_is_older_than_the_years_or_it_has_none() -> None:
    signs = {
        1: Sign(dt.date(2023, 12, 1), "letter"),  # exactly three years: not yet
        2: Sign(dt.date(2023, 11, 30), "meeting"),  # a day more: due for review
    }
    found = dormant([1, 2, 3], signs, TODAY, 3)
    assert [(d.partnership_id, d.last) for d in found] == [(2, signs[2]), (3, None)]
    assert dormant([1, 2, 3], signs, TODAY, 5) == [dormant([3], {}, TODAY, 5)[0]]


@pytest.mark.parametrize("years", [0, 51])
def test_the_years_are_bounded(years) -> None:
    with pytest.raises(InvalidInputError) as caught:
        check_years(years)
    assert "dormant_years" in caught.value.errors


def test_a_city_is_found_as_whole_words_in_any_case_longest_name_first() -> None:
    # Words matched as runs, punctuation and spacing aside.
    finder = CityFinder(["St. Petersburg", "Petersburg", "Asan", "Otsu"])
    assert finder.named_in("Letter to ST.  PETERSBURG, Russia") == {"st petersburg"}
    assert CityFinder.key("St.  Petersburg") == "st petersburg"
    assert CityFinder(["Dar es Salaam"]).named_in("the Dar-es-Salaam office") == {"dar es salaam"}
    assert finder.named_in("Petersburg, Virginia and Otsu") == {"petersburg", "otsu"}
    assert finder.named_in("Asana software; Kasane") == set()
    assert CityFinder([]).named_in("anything") == set()


def test_a_partial_date_sign_keeps_what_was_recorded() -> None:
    assert Sign(dt.date(1994, 12, 31), "status", "1994").as_recorded == "1994"
    assert Sign(dt.date(2022, 3, 18), "letter").as_recorded == "2022-03-18"


def test_twenty_thousand_names_are_looked_for_in_one_pass_per_text() -> None:
    import time

    names = [f"City{n:05}" for n in range(20_000)]
    finder = CityFinder(names)
    texts = [f"Letter to City{n:05} and City{n + 1:05} " + "lorem ipsum " * 50 for n in range(300)]
    started = time.process_time()
    found = [finder.named_in(text) for text in texts]
    assert time.process_time() - started < 1.0  # a regex of 20,000 alternatives took 6 s
    assert found[7] == {"city00007", "city00008"}
