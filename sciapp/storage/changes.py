"""What each committed transaction touched, heard by whoever shows the data.

Derived, not declared: the ORM's flushes already know every new, changed and deleted row, so
they are collected per transaction and handed on only once the transaction has committed (a
rollback hears nothing). Bulk writes that bypass the ORM report theirs with `publish`.
"""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterable, Mapping
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from sqlalchemy.orm import Session, sessionmaker

Touched = dict[str, frozenset[int]]  # table name → ids of its rows (empty: ids not known)
Listener = Callable[[Touched], None]
_KEY = "touched"


class ChangeFeed:
    """Listeners hear, after each commit, the tables and row ids it touched."""

    def __init__(self) -> None:
        self._listeners: list[Listener] = []

    def subscribe(self, listener: Listener) -> Callable[[], None]:
        """Hear every commit from now on; the returned function stops it."""
        self._listeners.append(listener)

        def unsubscribe() -> None:
            if listener in self._listeners:
                self._listeners.remove(listener)

        return unsubscribe

    def publish(self, touched: Mapping[str, Iterable[int]]) -> None:
        """Tell every listener; one that fails does not keep the others from hearing."""
        if not touched:
            return
        frozen = {table: frozenset(ids) for table, ids in touched.items()}
        for listener in list(self._listeners):
            try:
                listener(frozen)
            except Exception:  # the write is committed: a listener's fault is reported as
                sys.excepthook(*sys.exc_info())  # its own, and the others still hear

    def install(self, factory: sessionmaker[Session]) -> None:
        from sqlalchemy import event  # not at import: `sciapp info` starts without SQLAlchemy

        event.listen(factory, "after_flush", _collect)
        event.listen(factory, "after_commit", self._committed)
        event.listen(factory, "after_rollback", _forget)

    def _committed(self, session: Session) -> None:
        touched: dict[str, set[int]] | None = session.info.pop(_KEY, None)
        if touched:
            self.publish(touched)


def _collect(session: Session, _flush_context: object) -> None:
    from sqlalchemy import inspect

    touched: dict[str, set[int]] = session.info.setdefault(_KEY, {})
    for obj in (*session.new, *session.dirty, *session.deleted):
        state = inspect(obj)
        table = state.mapper.local_table.name
        ids = touched.setdefault(table, set())
        identity = state.mapper.primary_key_from_instance(obj)
        if len(identity) == 1 and isinstance(identity[0], int):
            ids.add(identity[0])


def _forget(session: Session) -> None:
    session.info.pop(_KEY, None)
