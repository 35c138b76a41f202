"""Date and time fields that read the same way everywhere: a month by its name, so that
"1 12 2026" can never be read two ways, and times as the user's locale writes them
(the formats are `sciapp.domain.formats`'s, so a picker shows what the lists show)."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QDate, QDateTime, QTime
from PySide6.QtWidgets import QDateEdit, QDateTimeEdit, QTimeEdit

from sciapp.domain import formats
from sciapp.gui.locale import ui_locale


def date_format() -> str:
    """The short date of `sciapp.domain.formats` as Qt writes it ("MMM d, yyyy" in the US)."""
    return formats.picker_date_format(ui_locale())


def time_format() -> str:
    """The locale's short time ("h:mm AP" in the US, "HH:mm" in most of Europe)."""
    return formats.picker_time_format(ui_locale())


def date_picker(day: dt.date | None = None) -> QDateEdit:
    edit = QDateEdit()
    edit.setDisplayFormat(date_format())
    edit.setCalendarPopup(True)
    if day is not None:
        edit.setDate(QDate(day.year, day.month, day.day))
    return edit


def time_picker(at: dt.time) -> QTimeEdit:
    edit = QTimeEdit(QTime(at.hour, at.minute))
    edit.setDisplayFormat(time_format())
    return edit


def datetime_picker(at: dt.datetime) -> QDateTimeEdit:
    edit = QDateTimeEdit(QDateTime(QDate(at.year, at.month, at.day), QTime(at.hour, at.minute)))
    edit.setDisplayFormat(f"{date_format()} {time_format()}")
    edit.setCalendarPopup(True)
    return edit


# QDate.toPython() and friends are typed `object` in PySide6's stubs: these read the parts.


def picked_date(edit: QDateTimeEdit) -> dt.date:
    day = edit.date()
    return dt.date(day.year(), day.month(), day.day())


def picked_time(edit: QDateTimeEdit) -> dt.time:
    """The time shown, to the minute (the pickers show no seconds)."""
    at = edit.time()
    return dt.time(at.hour(), at.minute())


def picked_datetime(edit: QDateTimeEdit) -> dt.datetime:
    """The moment shown, to the minute, naive like the pickers' own."""
    return dt.datetime.combine(picked_date(edit), picked_time(edit))
