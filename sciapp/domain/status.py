"""A partnership's status is a history of events; these rules say which events may follow.

Terminated is final (a new tie is a new partnership); going from suspended back to active is a
reinstatement; events keep date order. A suspension or termination needs a reason, because a
record that cannot say why a tie ended is what Fort Collins was left with (domain notes).
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum
from typing import TYPE_CHECKING

from sciapp.domain.errors import InvalidInputError
from sciapp.domain.text import NAME, TextCheck

if TYPE_CHECKING:
    from collections.abc import Sequence

    from sciapp.domain.dates import PartialDate


class Status(StrEnum):
    PROPOSED = "proposed"
    ACTIVE = "active"
    SUSPENDED = "suspended"
    TERMINATED = "terminated"

    @property
    def label(self) -> str:
        return self.value.capitalize()


class Decider(StrEnum):
    CITY_COUNCIL = "city_council"
    MAYOR = "mayor"
    COMMISSION = "commission"
    COMMITTEE = "committee"
    PARTNER_CITY = "partner_city"
    OTHER = "other"

    @property
    def label(self) -> str:
        return _DECIDER_LABELS[self]

    @property
    def phrase(self) -> str:
        """As in "suspended by the City Council"."""
        return "the partner city" if self is Decider.PARTNER_CITY else f"the {self.label}"


_DECIDER_LABELS = {
    Decider.CITY_COUNCIL: "City Council",
    Decider.MAYOR: "Mayor",
    Decider.COMMISSION: "Commission",
    Decider.COMMITTEE: "Committee",
    Decider.PARTNER_CITY: "Partner city",
    Decider.OTHER: "Other",
}

ALLOWED: dict[Status | None, tuple[Status, ...]] = {
    None: (Status.PROPOSED, Status.ACTIVE),
    Status.PROPOSED: (Status.ACTIVE, Status.TERMINATED),
    Status.ACTIVE: (Status.SUSPENDED, Status.TERMINATED),
    Status.SUSPENDED: (Status.ACTIVE, Status.TERMINATED),
    Status.TERMINATED: (),
}

NEEDS_REASON = frozenset({Status.SUSPENDED, Status.TERMINATED})


@dataclass(frozen=True)
class StatusChange:
    """One event in a partnership's history."""

    status: Status
    effective: PartialDate | None
    decided_by: Decider | None = None
    instrument: str = ""
    reason: str = ""
    condition: str = ""


def stored_change(
    status: str,
    effective: PartialDate | None,
    decided_by: str | None,
    instrument: str,
    reason: str,
    condition: str,
) -> StatusChange:
    """A status event as stored (its words as text) read back as the change it records: the
    one reading for the partnerships service and for the integrity check alike."""
    return StatusChange(
        status=Status(status),
        effective=effective,
        decided_by=Decider(decided_by) if decided_by else None,
        instrument=instrument,
        reason=reason,
        condition=condition,
    )


def current_status(history: Sequence[StatusChange]) -> Status | None:
    return history[-1].status if history else None


@dataclass(frozen=True)
class Standing:
    """Where a partnership stands: its current status and since when (the register's list
    shows these without reading the history)."""

    status: Status
    since: PartialDate | None


def standing(history: Sequence[StatusChange]) -> Standing:
    """The last event decides; a partnership always has at least its first event."""
    if not history:
        raise InvalidInputError({"history": "a partnership's history has at least one event"})
    last = history[-1]
    return Standing(last.status, last.effective)


def after_append(history: Sequence[StatusChange], change: StatusChange) -> Standing:
    """Where the partnership stands once `change` is appended (checked separately)."""
    return standing([*history, change])


def after_removal(history: Sequence[StatusChange], index: int) -> Standing:
    """Where the partnership stands once event `index` is taken out again (an adopted action
    corrected away). Only the last event can go: every later one followed from it."""
    if not 0 <= index < len(history):
        raise InvalidInputError({"history": "the event is not in this partnership's history"})
    if index != len(history) - 1:
        raise InvalidInputError(
            {"history": "a later status change depends on this one; remove that change first"}
        )
    if index == 0:
        raise InvalidInputError(
            {"history": "the first event cannot be removed; delete the partnership instead"}
        )
    return standing(history[:index])


def allowed_next(current: Status | None) -> tuple[Status, ...]:
    return ALLOWED[current]


def action_name(previous: Status | None, new: Status) -> str:
    """What an event did, in words: a return from suspension is a reinstatement."""
    if new is Status.ACTIVE:
        return "Reinstated" if previous is Status.SUSPENDED else "Established"
    return {
        Status.PROPOSED: "Proposed",
        Status.SUSPENDED: "Suspended",
        Status.TERMINATED: "Terminated",
    }[new]


def check_transition(history: Sequence[StatusChange], change: StatusChange) -> dict[str, str]:
    """Errors in where `change` leads and when: allowed status, date order."""
    errors: dict[str, str] = {}
    current = current_status(history)
    if change.status not in ALLOWED[current]:
        errors["status"] = _transition_message(current, change.status)
    last_dated = next((e.effective for e in reversed(history) if e.effective), None)
    if change.effective and last_dated and change.effective.surely_before(last_dated):
        errors["effective"] = f"must not be before the previous change ({last_dated.iso()})"
    if change.condition.strip() and change.status is not Status.SUSPENDED:
        errors["condition"] = "only a suspension can carry a condition"
    return errors


def check_change(history: Sequence[StatusChange], change: StatusChange) -> None:
    """Raise InvalidInputError naming each field of a newly recorded change that breaks a rule.

    On top of the transition rules, a change recorded now must say when it took effect, who
    decided it and, for a suspension or termination, why.
    """
    errors = check_transition(history, change)
    if history and change.effective is None:
        errors.setdefault("effective", "enter the date the change took effect")
    if change.status in NEEDS_REASON and not change.reason.strip():
        errors["reason"] = f"say why the partnership is {change.status.value}"
    if history and change.decided_by is None:
        errors["decided_by"] = "say who decided"
    text = TextCheck()  # what is stored and printed: no control characters, a length cap
    text.text("instrument", change.instrument, NAME)
    text.text("reason", change.reason)
    text.text("condition", change.condition)
    for key, message in text.errors.items():
        errors.setdefault(key, message)
    if errors:
        raise InvalidInputError(errors)


def check_history(history: Sequence[StatusChange]) -> None:
    """Check the transitions of a whole history, event by event (imports, integrity checks)."""
    errors: dict[str, str] = {}
    for index, change in enumerate(history):
        for key, message in check_transition(history[:index], change).items():
            errors[f"event {index + 1} {key}"] = message
    if errors:
        raise InvalidInputError(errors)


def _transition_message(current: Status | None, new: Status) -> str:
    if current is Status.TERMINATED:
        return "a terminated partnership cannot change; record a new tie as a new partnership"
    if current is None:
        return "a partnership starts as proposed or active"
    if new is current:
        return f"the partnership is already {current.value}"
    if new is Status.PROPOSED:
        return "a partnership cannot go back to proposed"
    return f"a {current.value} partnership cannot become {new.value}"
