"""The services' clock: every service takes one (a test or the demo hands its own), and
stamps what it writes with it; the default is the wall clock in UTC."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

Clock = Callable[[], dt.datetime]


def utc_now() -> dt.datetime:
    return dt.datetime.now(dt.UTC)
