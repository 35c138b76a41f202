import datetime as dt

from sciapp.domain.retention import backups_to_keep

NOW = dt.datetime(2026, 11, 23, 12, 0)


def hourly(n: int, start: dt.datetime = NOW) -> list[dt.datetime]:
    return [start - dt.timedelta(hours=h) for h in range(n)]


def test_the_newest_ten_are_kept():
    taken = hourly(25)
    kept = backups_to_keep(taken, keep_last=10, months=0, now=NOW)
    assert kept == set(taken[:10])


def test_one_per_month_for_a_year_beyond_the_newest():
    monthly = [dt.datetime(2025 + (m // 12), m % 12 + 1, d, 9) for m in range(23) for d in (1, 20)]
    kept = backups_to_keep(monthly, keep_last=2, months=12, now=NOW)
    # newest two overall, plus the 20th of each month Dec 2025 … Nov 2026
    assert dt.datetime(2026, 11, 20, 9) in kept
    assert dt.datetime(2026, 11, 1, 9) in kept  # among the two newest
    assert dt.datetime(2025, 12, 20, 9) in kept
    assert dt.datetime(2025, 12, 1, 9) not in kept
    assert dt.datetime(2025, 11, 20, 9) not in kept  # thirteen months back: gone
    assert len(kept) == 2 + 11  # November 2026's newest is already one of the two


def test_nothing_taken_nothing_kept_and_duplicates_count_once():
    assert backups_to_keep([], 10, 12, NOW) == set()
    assert backups_to_keep([NOW, NOW], 1, 0, NOW) == {NOW}
    assert backups_to_keep([NOW], 0, 0, NOW) == set()
