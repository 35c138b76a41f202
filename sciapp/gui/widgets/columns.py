"""Columns wide enough for what they hold, measured with the view's own font: a date column
fits the longest date the locale writes ("Sep 30, 2026"), a choice column its longest label,
and the header its title, at any font size and in any theme. Measured from samples rather
than from the rows, so 20,000 rows cost nothing; the user can still drag a column wider.
One column stretches to take what is left."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QHeaderView

from sciapp.domain.formats import short_date, time_of_day

if TYPE_CHECKING:
    from collections.abc import Iterable, Mapping

    from PySide6.QtWidgets import QTableView

PADDING = 24  # the cell's margins, a sort arrow, a little air
# Widest in most alphabets: a two-digit day, and months with long short names.
_DAYS = tuple(dt.date(2026, m, 28) for m in range(1, 13))


def date_samples(locale: str) -> list[str]:
    """A date of each month as `short_date` writes it: the widest of them fits every date."""
    return [short_date(day, locale) for day in _DAYS]


def time_samples(locale: str) -> list[str]:
    return [time_of_day(dt.time(h, 58), locale) for h in (0, 10, 12, 22)]


def fit_columns(
    view: QTableView,
    samples: Mapping[int, Iterable[str]],
    stretch: int | None = None,
    extra: Mapping[int, int] | None = None,
) -> dict[int, int]:
    """Size each column in `samples` to its widest sample or its title; `stretch` takes the
    rest of the view's width. `extra` adds pixels to a column (a status dot). Returns the
    widths set."""
    header = view.horizontalHeader()
    model = view.model()
    metrics = view.fontMetrics()
    bold = header.fontMetrics()
    widths = {}
    for column, texts in samples.items():
        title = str(model.headerData(column, header.orientation()) or "")
        width = max([bold.horizontalAdvance(title), *(metrics.horizontalAdvance(t) for t in texts)])
        widths[column] = width + PADDING + (extra or {}).get(column, 0)
        header.setSectionResizeMode(column, QHeaderView.ResizeMode.Interactive)
        header.resizeSection(column, widths[column])
    if stretch is not None:
        header.setStretchLastSection(stretch == header.count() - 1)
        header.setSectionResizeMode(stretch, QHeaderView.ResizeMode.Stretch)
    return widths
