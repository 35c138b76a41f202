"""One way to write each kind of date and time (sciapp.domain.formats)."""

import datetime as dt

import pytest

from sciapp.domain import formats

DAY = dt.date(2026, 12, 1)
NBSP = "\u00a0"


def test_us_dates_and_times():
    assert formats.long_date(DAY) == "Tuesday, December 1, 2026"
    assert formats.formal_date(DAY) == "December 1, 2026"
    assert formats.short_date(DAY) == "Dec 1, 2026"
    assert formats.day_month(DAY) == "Dec 1"
    assert formats.weekday_day(DAY) == "Tue, Dec 1"
    assert formats.month_year(DAY) == "Dec 2026"
    assert formats.time_of_day(dt.time(19, 2)) == f"7:02{NBSP}PM"
    assert formats.time_of_day(dt.time(0, 5)) == f"12:05{NBSP}AM"
    assert formats.clock_time(dt.time(19, 2, 9)) == f"7:02:09{NBSP}PM"
    assert formats.date_time(dt.datetime(2026, 12, 1, 19, 2)) == f"Dec 1, 2026, 7:02{NBSP}PM"


def test_a_time_drops_its_seconds_and_never_uses_the_narrow_space():
    assert formats.time_of_day(dt.time(19, 2, 59)) == f"7:02{NBSP}PM"
    for locale in ("en_US", "en_CA", "es_MX", "de_DE"):
        assert "\u202f" not in formats.time_of_day(dt.time(19, 2), locale)


def test_other_locales_write_their_own_way():
    assert formats.short_date(DAY, "en_GB") == "1 Dec 2026"
    assert formats.time_of_day(dt.time(19, 2), "en_GB") == "19:02"
    assert formats.time_of_day(dt.time(19, 2), "de_DE") == "19:02"
    assert formats.long_date(DAY, "de_DE") == "Dienstag, 1. Dezember 2026"
    assert formats.time_of_day(dt.time(19, 2), "es_MX") == f"7:02{NBSP}p.m."


@pytest.mark.parametrize("locale", ["en_US", "en_GB", "de_DE", "fr_FR", "ja_JP", "C", ""])
def test_a_short_date_always_names_its_month(locale):
    """'1 12 2026' reads two ways; a short date never writes the month as a number."""
    text = formats.short_date(dt.date(2026, 1, 12), locale)
    assert "12" in text
    assert "2026" in text
    assert not any(sep in text for sep in ("/", "01.", "-01", ".01"))
    picker = formats.picker_date_format(locale)
    assert "yyyy" in picker
    assert "MMM" in picker or "M月" in picker  # by name, or marked as the month (Japanese)


def test_partial_dates():
    assert formats.partial_date("1968") == "1968"
    assert formats.partial_date("1968-05") == "May 1968"
    assert formats.partial_date("2022-03-08") == "Mar 8, 2022"
    assert formats.partial_date("2022-03-08", "de_DE") == "8. März 2022"


def test_documents_are_written_in_us_english_ap_style():
    assert formats.DOCUMENT_LOCALE == "en_US"
    assert formats.document_time(dt.time(19, 2)) == "7:02 p.m."
    assert formats.document_time(dt.time(12, 0)) == "12:00 p.m."
    assert formats.document_time(dt.time(0, 30)) == "12:30 a.m."
    from sciapp.domain import minutes_words  # the minutes say theirs the same way

    assert minutes_words.document_time(dt.time(19, 2)) == "7:02 p.m."
    assert minutes_words.weekday_date(DAY) == "Tuesday, December 1, 2026"
    assert minutes_words.plain_date(DAY) == "December 1, 2026"


@pytest.mark.parametrize(
    ("locale", "date", "time"),
    [
        ("en_US", "MMM d, yyyy", "h:mm AP"),
        ("en_GB", "d MMM yyyy", "HH:mm"),
        ("de_DE", "d. MMM yyyy", "HH:mm"),
        ("ja_JP", "yyyy年M月d日", "H:mm"),
        ("C", "MMM d, yyyy", "h:mm AP"),
    ],
)
def test_picker_formats_are_qt_patterns_of_the_same_formats(locale, date, time):
    assert formats.picker_date_format(locale) == date
    assert formats.picker_time_format(locale) == time


def test_qt_pattern_converts_cldr_letters():
    assert formats.qt_pattern("MMM d, y h:mm a") == "MMM d, yyyy h:mm AP"
    assert formats.qt_pattern("EEEE, MMMM d, y") == "dddd, MMMM d, yyyy"
    assert formats.qt_pattern("d 'de' MMM 'de' y") == "d 'de' MMM 'de' yyyy"
    assert formats.qt_pattern("HH:mm:ss zzzz") == "HH:mm:ss"
    assert formats.qt_pattern("dd/MM/yy G") == "dd/MM/yy"
    assert formats.qt_pattern("h:mm 'o''clock") == "h:mm 'o''clock"
