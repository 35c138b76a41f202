import datetime as dt

import pytest

from sciapp.domain.dates import PartialDate, babel_locale, years_between
from sciapp.domain.formats import partial_date


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("1968", PartialDate(1968)),
        ("1968-05", PartialDate(1968, 5)),
        ("2022-03-08", PartialDate(2022, 3, 8)),
        (" 2022-3-8 ", PartialDate(2022, 3, 8)),
    ],
)
def test_parse_accepts_year_month_and_day_precision(text, expected):
    assert PartialDate.parse(text) == expected


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("68", "use YYYY"),
        ("March 2022", "use YYYY"),
        ("2022-13", "month 13 does not exist"),
        ("2023-02-29", "day 29 does not exist in 2023-02"),
        ("0000", "year must be between"),
    ],
)
def test_parse_rejects_with_a_readable_message(text, message):
    with pytest.raises(ValueError, match=message):
        PartialDate.parse(text)


def test_a_day_without_a_month_is_refused():
    with pytest.raises(ValueError, match="a day needs a month"):
        PartialDate(2022, None, 3)


def test_optional_parse_treats_blank_as_unknown():
    assert PartialDate.parse_optional("  ") is None
    assert PartialDate.parse_optional(None) is None
    assert PartialDate.parse_optional("1994") == PartialDate(1994)


def test_iso_round_trips_and_sorts_as_text():
    dates = ["1968", "1968-05", "1968-05-03", "1994"]
    assert [PartialDate.parse(d).iso() for d in dates] == dates
    assert str(PartialDate(2022, 3, 8)) == "2022-03-08"
    assert sorted(dates) == dates


def test_precision_and_bounds():
    assert PartialDate(1968).precision == "year"
    assert PartialDate(1968, 2).precision == "month"
    assert PartialDate(1968, 2, 1).precision == "day"
    assert PartialDate(1968, 2).earliest() == dt.date(1968, 2, 1)
    assert PartialDate(1968, 2).latest() == dt.date(1968, 2, 29)
    assert PartialDate(1968).latest() == dt.date(1968, 12, 31)
    assert PartialDate.from_date(dt.date(2022, 3, 8)) == PartialDate(2022, 3, 8)


def test_surely_before_only_when_no_overlap():
    assert PartialDate(2021).surely_before(PartialDate(2022, 3, 8))
    assert not PartialDate(2022).surely_before(PartialDate(2022, 3, 8))
    assert not PartialDate(2022, 3, 8).surely_before(PartialDate(2022))


def test_display_follows_the_locale():
    assert partial_date(PartialDate(1968).iso()) == "1968"
    assert partial_date("1968-05", "en_US") == "May 1968"
    assert partial_date("1968-05", "de_DE") == "Mai 1968"
    assert partial_date("2022-03-08", "en_US") == "Mar 8, 2022"
    assert partial_date("2022-03-08", "de_DE") == "8. März 2022"  # the month by name


@pytest.mark.parametrize(
    ("name", "expected"),
    [("C", "en_US"), ("", "en_US"), ("de-DE", "de_DE"), ("fr_FR.UTF-8", "fr_FR")],
)
def test_babel_locale_names(name, expected):
    assert babel_locale(name) == expected


def test_years_between_counts_whole_years():
    today = dt.date(2026, 11, 22)
    assert years_between(PartialDate(1968), today) == 58
    assert years_between(PartialDate(1968, 12), today) == 57
    assert years_between(PartialDate(1968, 11, 22), today) == 58
    assert years_between(PartialDate(1968, 11, 23), today) == 57
