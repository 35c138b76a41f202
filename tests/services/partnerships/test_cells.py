"""An imported cell's date, and its value quoted in every message."""

import pytest

from sciapp.services.partnerships.cells import in_units, iso_date, told


@pytest.mark.parametrize(
    ("text", "iso"),
    [
        ("3/14/2022", "2022-03-14"),
        ("03/14/22", "2022-03-14"),  # LibreOffice's default: two digits, as it reads them
        ("12/31/29", "2029-12-31"),
        ("1/2/30", "1930-01-02"),
        (" 1/2/1968 ", "1968-01-02"),
        ("13/1/2022", "2022-13-01"),  # for the date rules to refuse, month 13
        ("1968-05", "1968-05"),
        ("1968", "1968"),
        ("14.03.2022", "14.03.2022"),
        ("3/14", "3/14"),
    ],
)
def test_us_dates_become_iso(text, iso):
    assert iso_date(text) == iso


def test_every_message_quotes_the_value():
    assert told("established", "19x5", "use YYYY, YYYY-MM or YYYY-MM-DD") == (
        "'19x5' is not a date; use YYYY-MM-DD, YYYY-MM, YYYY or M/D/YYYY"
    )
    assert told("established", "2/30/2022", "day 30 does not exist in 2022-02 (use YYYY)") == (
        "'2/30/2022' is not a date: day 30 does not exist in 2022-02 (read as M/D/YYYY)"
    )
    assert told("status_since", "1999", "is before established (2000)") == (
        "'1999' is before established (2000)"
    )
    assert told("kind", "twin", "use sister or friendship") == (
        "'twin' is not a kind; use sister or friendship"
    )
    assert told("partner_country", "XX", "no country called 'XX'") == "no country called 'XX'"
    assert told("partner_city", "", "required") == "required"
    long = "R" * 201
    assert told("partner_region", long, "at most 200 characters (this has 201)") == (
        f"'{'R' * 39}…': at most 200 characters (this has 201)"
    )


def test_problems_are_counted_in_rows_in_a_sheet():
    assert in_units("line 4: kind: required", "row") == "row 4: kind: required"
    assert in_units("line 4: kind: required", "line") == "line 4: kind: required"
    assert in_units("line 5: partner_city: 'X' duplicates line 4 (…)", "row") == (
        "row 5: partner_city: 'X' duplicates row 4 (…)"
    )
    assert in_units("sheet 'X': no such sheet", "row") == "sheet 'X': no such sheet"
