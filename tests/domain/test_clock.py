import datetime as dt

import pytest

from sciapp.domain.clock import parse_clock


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("19:05", dt.time(19, 5)),
        (" 7:05 pm", dt.time(19, 5)),
        ("7:05PM", dt.time(19, 5)),
        ("7.05 p.m.", dt.time(19, 5)),
        ("12:00 am", dt.time(0, 0)),
        ("12:30 pm", dt.time(12, 30)),
        ("1905", dt.time(19, 5)),
        ("7 pm", dt.time(19, 0)),
        ("0:00", dt.time(0, 0)),
        ("", None),
        ("  ", None),
    ],
)
def test_times_as_clerks_type_them(text, expected):
    assert parse_clock(text) == expected


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("seven", "is not a time"),
        ("25:00", "not a time of day"),
        ("19:75", "not a time of day"),
        ("13 pm", "hour is 1 to 12"),
    ],
)
def test_what_is_not_a_time_says_how_to_type_one(text, message):
    with pytest.raises(ValueError, match=message):
        parse_clock(text)
