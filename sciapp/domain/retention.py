"""Which automatic backups to keep: the newest few, plus the newest of each recent month."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import datetime as dt
    from collections.abc import Iterable


def backups_to_keep(
    taken: Iterable[dt.datetime], keep_last: int, months: int, now: dt.datetime
) -> set[dt.datetime]:
    """The times of the backups to keep, out of those `taken`.

    Keeps the `keep_last` newest, and for each of the `months` calendar months up to and
    including `now`'s, the newest backup taken in that month.
    """
    ordered = sorted(set(taken), reverse=True)
    keep = set(ordered[: max(keep_last, 0)])
    oldest_month = _month_index(now) - months + 1
    newest_of_month: dict[int, dt.datetime] = {}
    for when in ordered:
        month = _month_index(when)
        if oldest_month <= month <= _month_index(now):
            newest_of_month.setdefault(month, when)
    keep.update(newest_of_month.values() if months > 0 else ())
    return keep


def _month_index(when: dt.datetime) -> int:
    return when.year * 12 + when.month - 1
