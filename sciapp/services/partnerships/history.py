"""Writing a partnership's status history: the one helper every writer uses (the form's status
change, a motion's adopted action and its correction, the CSV import), so the history, the
`status`/`status_since` cache and `updated_at` always move together, stamped by the caller's
clock. Where the partnership stands after an event comes and goes is the domain's rule
(`domain.status.after_append`, `after_removal`)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from sciapp.domain.status import (
    Standing,
    StatusChange,
    after_append,
    after_removal,
    standing,
    stored_change,
)
from sciapp.storage.models import StatusEvent

if TYPE_CHECKING:
    import datetime as dt
    from collections.abc import Callable, Sequence

    from sciapp.storage.models import Partnership


def stamp(clock: Callable[[], dt.datetime]) -> dt.datetime:
    """The time the writers record, from the injected clock (to the second, as stored)."""
    return clock().replace(microsecond=0)


def event_values(
    sequence: int, change: StatusChange, recorded_at: dt.datetime
) -> dict[str, object]:
    """A status event's column values (shared by the form's path and the bulk import, which
    stores them through `storage.types.stored_rows`)."""
    return {
        "sequence": sequence,
        "status": change.status.value,
        "effective": change.effective,
        "decided_by": change.decided_by.value if change.decided_by else None,
        "instrument": change.instrument,
        "reason": change.reason,
        "condition": change.condition,
        "recorded_at": recorded_at,
    }


def standing_values(where: Standing) -> dict[str, object]:
    """The partnership's cached `status` and `status_since` columns."""
    return {
        "status": where.status.value,
        "status_since": where.since,
    }


def history_values(history: Sequence[StatusChange], now: dt.datetime) -> dict[str, object]:
    """The cache columns and `updated_at` of a partnership whose whole history is written at
    once (the bulk import, which bypasses the ORM)."""
    return {**standing_values(standing(history)), "updated_at": now}


def append_event(row: Partnership, change: StatusChange, now: dt.datetime) -> StatusEvent:
    """Append `change` (already checked) to the history and bring the cache along."""
    history = [to_change(e) for e in row.events]
    where = after_append(history, change)
    event = StatusEvent(**event_values(len(history) + 1, change, now))
    row.events.append(event)
    _keep(row, where, now)
    return event


def remove_event(row: Partnership, event: StatusEvent, now: dt.datetime) -> None:
    """Take `event` out of the history again and bring the cache back to the event before
    it; InvalidInputError if a later event follows it."""
    history = [to_change(e) for e in row.events]
    where = after_removal(history, row.events.index(event))
    row.events.remove(event)
    _keep(row, where, now)


def _keep(row: Partnership, where: Standing, now: dt.datetime) -> None:
    for name, value in standing_values(where).items():
        setattr(row, name, value)
    row.updated_at = now


def to_change(event: StatusEvent) -> StatusChange:
    return stored_change(
        event.status,
        event.effective,
        event.decided_by,
        event.instrument,
        event.reason,
        event.condition,
    )
