"""How a date or a time is written, in one place: every view, dialog, PDF and the text
minutes use these, so a date reads the same way wherever it appears.

Each function takes the locale as babel names it ("en_US", "de_DE"); babel is imported when
a date is first written, never at import time. In en_US:

==================  ============================  ===============================
kind                function                      example
==================  ============================  ===============================
long date           `long_date`                   Tuesday, December 1, 2026
letter's date       `formal_date`                 December 1, 2026
short date          `short_date`                  Dec 1, 2026
day in a year       `day_month`                   Dec 7
day of a week       `weekday_day`                 Tue, Dec 1
month               `month_year`                  Dec 2026
partial date        `partial_date`                1968 / May 1968 / Mar 8, 2022
time of day         `time_of_day`                 7:02 PM
a document's time   `document_time`               7:02 p.m.
clock               `clock_time`                  7:02:09 PM
moment              `date_time`                   Dec 1, 2026, 7:02 PM
date picker         `picker_date_format` (Qt)     MMM d, yyyy
time picker         `picker_time_format` (Qt)     h:mm AP
==================  ============================  ===============================

Documents (PDFs, the text minutes) are written in US English whatever the clerk's machine
says (`DOCUMENT_LOCALE`), and set times in the AP style printed minutes use ("7:02 p.m.").

A short date always names its month ("1 12 2026" can be read two ways; "Dec 1, 2026"
cannot), whatever the locale's numeric habit. Times follow the locale: 12-hour with AM/PM
in the US, 24-hour in most of Europe. babel's narrow no-break space before "PM" becomes an
ordinary no-break space, which every font has.
"""

from __future__ import annotations

from functools import lru_cache
from typing import TYPE_CHECKING

from sciapp.domain.dates import PartialDate, babel_locale

if TYPE_CHECKING:
    import datetime as dt

# The commission's documents (PDFs, the text minutes) are written in US English, so their
# dates are too, whatever the clerk's machine says: a sealed copy reads the same everywhere.
DOCUMENT_LOCALE = "en_US"

_NARROW_NBSP, _NBSP = "\u202f", "\u00a0"


def _tidy(text: str) -> str:
    return text.replace(_NARROW_NBSP, _NBSP)


@lru_cache(maxsize=4096)
def long_date(day: dt.date, locale: str = "en_US") -> str:
    """A heading's date: "Tuesday, December 1, 2026"."""
    from babel.dates import format_date

    return _tidy(format_date(day, "full", locale=babel_locale(locale)))


@lru_cache(maxsize=1024)
def formal_date(day: dt.date, locale: str = "en_US") -> str:
    """A letter's date line: "December 1, 2026"."""
    from babel.dates import format_date

    return _tidy(format_date(day, "long", locale=babel_locale(locale)))


@lru_cache(maxsize=8192)
def short_date(day: dt.date, locale: str = "en_US") -> str:
    """A list's or a sentence's date: "Dec 1, 2026"."""
    return _skeleton("yMMMd", day, locale)


def day_month(day: dt.date, locale: str = "en_US") -> str:
    """A date in a year the reader knows: "Dec 7"."""
    return _skeleton("MMMd", day, locale)


def weekday_day(day: dt.date, locale: str = "en_US") -> str:
    """A date in the coming weeks: "Tue, Dec 1"."""
    return _skeleton("MMMEd", day, locale)


def month_year(day: dt.date, locale: str = "en_US") -> str:
    """A month: "Dec 2026"."""
    return _skeleton("yMMM", day, locale)


@lru_cache(maxsize=8192)
def partial_date(iso: str, locale: str = "en_US") -> str:
    """An ISO partial date as the reader says it: "1968", "May 1968", "Mar 8, 2022"."""
    date = PartialDate.parse(iso)
    if date.month is None:
        return str(date.year)
    if date.day is None:
        return month_year(date.earliest(), locale)
    return short_date(date.earliest(), locale)


@lru_cache(maxsize=4096)
def time_of_day(at: dt.time, locale: str = "en_US") -> str:
    """A time: "7:02 PM" in the US, "19:02" in Germany."""
    from babel.dates import format_time

    return _tidy(format_time(at.replace(second=0, microsecond=0), "short", locale=_loc(locale)))


def document_time(at: dt.time) -> str:
    """A time in the commission's documents, AP style: "7:02 p.m.", "12:00 p.m."."""
    hour = at.hour % 12 or 12
    return f"{hour}:{at.minute:02} {'a.m.' if at.hour < 12 else 'p.m.'}"


def clock_time(at: dt.time, locale: str = "en_US") -> str:
    """A clock with seconds: "7:02:09 PM"."""
    from babel.dates import format_time

    return _tidy(format_time(at.replace(microsecond=0), "medium", locale=_loc(locale)))


def date_time(moment: dt.datetime, locale: str = "en_US") -> str:
    """A moment (an audit entry, a backup): "Dec 1, 2026, 7:02 PM", in the moment's own
    time zone (convert first to show local time)."""
    from babel.dates import get_datetime_format

    pattern = str(get_datetime_format("medium", locale=_loc(locale)))
    when = time_of_day(moment.time(), locale)
    return pattern.replace("{1}", short_date(moment.date(), locale)).replace("{0}", when)


@lru_cache(maxsize=64)
def picker_date_format(locale: str = "en_US") -> str:
    """A QDateEdit's display format: the short date above, "MMM d, yyyy" in the US."""
    from babel import Locale

    skeletons = Locale.parse(_loc(locale)).datetime_skeletons
    return qt_pattern(skeletons["yMMMd"].pattern) if "yMMMd" in skeletons else "d MMM yyyy"


@lru_cache(maxsize=64)
def picker_time_format(locale: str = "en_US") -> str:
    """A QTimeEdit's display format: "h:mm AP" in the US, "HH:mm" in Germany."""
    from babel import Locale

    return qt_pattern(Locale.parse(_loc(locale)).time_formats["short"].pattern)


# CLDR pattern letters and what Qt's QDateTimeEdit calls them; others (era, zone) are left
# out with the spaces around them.
_QT_FIELDS = {
    "y": "yyyy",
    "u": "yyyy",
    "M": "M",
    "L": "M",
    "d": "d",
    "E": "ddd",
    "c": "ddd",
    "h": "h",
    "K": "h",
    "H": "H",
    "k": "H",
    "m": "m",
    "s": "s",
    "a": "AP",
    "b": "AP",
    "B": "AP",
}


def qt_pattern(cldr: str) -> str:
    """A CLDR date/time pattern ("MMM d, y h:mm a") as a Qt display format
    ("MMM d, yyyy h:mm AP"). Quoted literals stay quoted; both quote the same way."""
    out: list[str] = []
    i = 0
    while i < len(cldr):
        ch = cldr[i]
        if ch == "'":
            end = cldr.find("'", i + 1)
            end = len(cldr) - 1 if end < 0 else end
            out.append(cldr[i : end + 1])
            i = end + 1
            continue
        run = 1
        while i + run < len(cldr) and cldr[i + run] == ch:
            run += 1
        if ch.isalpha() and ch.isascii():
            out.append(_qt_field(ch, run))
        else:
            out.append(ch * run)
        i += run
    return " ".join("".join(out).split()).strip(" ,")


def _qt_field(letter: str, run: int) -> str:
    qt = _QT_FIELDS.get(letter)
    if qt is None:
        return ""
    if letter in "yu":
        return "yy" if run == 2 else "yyyy"
    if letter in "ML":
        return "M" * min(run, 4)
    if letter in "Ec":
        return "dddd" if run >= 4 else "ddd"
    if letter in "dhKHkms":
        return qt * min(run, 2)
    return qt


def _skeleton(skeleton: str, day: dt.date, locale: str) -> str:
    from babel.dates import format_skeleton

    return _tidy(format_skeleton(skeleton, day, locale=_loc(locale)))


def _loc(locale: str) -> str:
    return babel_locale(locale)
