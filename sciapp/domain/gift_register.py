"""The gift register a clerk discloses, as a plain model: a year's (or every year's) gifts
given and received, one line each, and the totals of estimated value per direction and
currency (never added across currencies). Drawn as a tagged PDF by pdf/gift_register.py."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import datetime as dt


@dataclass(frozen=True)
class GiftLine:
    exchanged_on: dt.date | None
    direction: str  # "given" or "received"
    description: str
    counterpart: str
    partnership: str  # the partner city, or "" when no tie holds it
    activity: str
    value_cents: int | None
    currency: str
    city_property: bool
    custodian: str
    location: str
    disposition: str
    disposed_on: dt.date | None


@dataclass(frozen=True)
class ValueTotal:
    direction: str
    currency: str
    gifts: int
    valued: int  # how many of them carry an estimated value
    value_cents: int


@dataclass(frozen=True)
class GiftRegister:
    year: int | None  # None: every year
    commission: str
    prepared_on: dt.date
    lines: tuple[GiftLine, ...]

    @property
    def title(self) -> str:
        return f"Gift register {self.year}" if self.year else "Gift register"

    def totals(self) -> list[ValueTotal]:
        """Per direction (received first) and currency, in that order."""
        found: dict[tuple[str, str], list[GiftLine]] = {}
        for line in self.lines:
            found.setdefault((line.direction, line.currency), []).append(line)
        order = {"received": 0, "given": 1}
        return [
            ValueTotal(
                direction,
                currency,
                len(lines),
                sum(1 for g in lines if g.value_cents is not None),
                sum(g.value_cents or 0 for g in lines),
            )
            for (direction, currency), lines in sorted(
                found.items(), key=lambda kv: (order.get(kv[0][0], 2), kv[0][1])
            )
        ]
