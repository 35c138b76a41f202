"""The change bus: after every committed write, each view hears what changed and decides for
itself whether to refresh: at once when it is showing, else the next time it is shown.

Nothing is wired view to view. A view that redraws itself after its own writes (a form, the
notes being typed) marks them with `acting_for(view)` and watches with `ignore_own=True`.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, Signal
from PySide6.QtWidgets import QWidget

from sciapp.services.changes import Area, Changes

if TYPE_CHECKING:
    from pathlib import Path

    from sciapp.services.opening import Opening
    from sciapp.services.workspace import Workspace

Wants = Callable[[Changes], bool]


def areas(*wanted: Area) -> Wants:
    """A view that cares about any change in these areas."""
    return lambda changes: changes.touches(*wanted)


def tables(*wanted: str) -> Wants:
    """A view that cares only about these tables (a list of meetings, not their notes)."""
    return lambda changes: changes.touches_tables(*wanted)


class ChangeBus(QObject):
    changed = Signal(object, object)  # Changes, and the view that made them (or None)
    # A short confirmation for the status bar ("Saved to …"), and the file it names ("" if none).
    said = Signal(str, str)

    def __init__(self, workspace: Workspace | Opening, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._origins: list[QObject] = []
        stop = workspace.subscribe(self._heard)
        self.destroyed.connect(lambda *_: stop())

    @contextmanager
    def acting_for(self, origin: QObject) -> Iterator[None]:
        """Writes made inside are tagged as `origin`'s own."""
        self._origins.append(origin)
        try:
            yield
        finally:
            self._origins.pop()

    def say(self, text: str, file: Path | None = None) -> None:
        """Confirm what was done, where the user looks for it (the status bar); with the file
        written, the status bar offers to open its folder."""
        self.said.emit(text, str(file) if file is not None else "")

    def _heard(self, changes: Changes) -> None:
        self.changed.emit(changes, self._origins[-1] if self._origins else None)

    def watch(
        self,
        view: QWidget,
        wants: Wants,
        refresh: Callable[[], object],
        ignore_own: bool = False,
    ) -> None:
        """`refresh()` the view after each change it `wants`; now if shown, else on show."""
        _Watch(self, view, wants, refresh, ignore_own)


class _Watch(QObject):
    def __init__(
        self,
        bus: ChangeBus,
        view: QWidget,
        wants: Wants,
        refresh: Callable[[], object],
        ignore_own: bool,
    ) -> None:
        super().__init__(view)  # lives and dies with the view, and so does the connection
        self._view = view
        self._wants = wants
        self._refresh = refresh
        self._ignore_own = ignore_own
        self.stale = False
        view.installEventFilter(self)
        bus.changed.connect(self._changed)

    def _changed(self, changes: Changes, origin: QObject | None) -> None:
        if self._ignore_own and self._is_own(origin):
            return
        if not self._wants(changes):
            return
        if self._view.isVisible():
            self.stale = False
            self._refresh()
        else:
            self.stale = True

    def _is_own(self, origin: QObject | None) -> bool:
        if origin is None:
            return False
        if origin is self._view:
            return True
        return isinstance(origin, QWidget) and self._view.isAncestorOf(origin)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Show and self.stale:
            self.stale = False
            self._refresh()
        return False
