"""The main window's register, which may still be opening when the window first shows.

A start on a register file at this version's schema shows the window from what sqlite3
reads alone (`services.opening.Opening`: the commission's name, the number of partnerships)
and loads SQLAlchemy and the use cases on a worker thread once it is painted; the workspace
is made on this thread when they are loaded. Whatever needs it sooner (a click on an area,
a menu command) gets it at once: `workspace` waits for the load and finishes the opening.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, QTimer, Signal

from sciapp.services.documents.records import LetterheadSettings
from sciapp.services.errors import ServiceError
from sciapp.services.opening import Opening

if TYPE_CHECKING:
    from PySide6.QtWidgets import QWidget

    from sciapp.services.workspace import Workspace


class Register(QObject):
    """The workspace once made, and what is known before."""

    opened = Signal(object)  # the Workspace, once made (on this thread)
    failed = Signal(str)  # finishing in the background failed: why
    _loaded = Signal()  # emitted on the worker thread; delivered on this one

    def __init__(self, source: Workspace | Opening, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.source = source
        self._workspace: Workspace | None = None if isinstance(source, Opening) else source
        self._stopped = False
        self._loaded.connect(self._finish_loaded)

    @property
    def ready(self) -> bool:
        return self._workspace is not None

    @property
    def workspace(self) -> Workspace:
        """The workspace, made now if it is not yet (waiting for a load under way)."""
        if self._workspace is None:
            assert isinstance(self.source, Opening)
            self._workspace = self.source.finish()
            self.opened.emit(self._workspace)
        return self._workspace

    def load_after_first_paint(self, window: QWidget) -> None:
        """Start `load_in_background` once `window` has painted: nothing competes with that."""
        if not self.ready:
            window.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint:
            watched.removeEventFilter(self)
            QTimer.singleShot(0, self.load_in_background)  # once this paint is done
        return False

    def load_in_background(self) -> None:
        """Import the ORM and the use cases on a worker thread; then open the workspace."""
        if isinstance(self.source, Opening) and self._workspace is None:
            self.source.load_in_background(self._loaded.emit)

    def stop(self) -> None:
        """The window closed: a load finishing later opens nothing (the session closes it)."""
        self._stopped = True

    def _finish_loaded(self) -> None:
        if self._workspace is not None or self._stopped:
            return
        try:
            self.workspace  # noqa: B018  (made here, on the GUI thread)
        except ServiceError as exc:
            self.failed.emit(str(exc))

    def partnership_count(self) -> int | None:
        """How many partnerships there are, without waiting for the workspace (None: unknown)."""
        if self._workspace is not None:
            return self._workspace.partnerships.count()
        facts = self.source.facts() if isinstance(self.source, Opening) else None
        return facts.partnerships if facts is not None else None

    def commission_name(self) -> str:
        """The name on the letterhead, as the documents setting has it."""
        if self._workspace is not None:
            return self._workspace.documents.settings().name
        facts = self.source.facts() if isinstance(self.source, Opening) else None
        name = facts.commission_name if facts is not None else None
        return LetterheadSettings.name if name is None else name


def window_title(register: Register) -> str:
    """“<Commission> — sciapp”, by the name on the letterhead; the file's name until it has one."""
    source = register.source
    name = register.commission_name().strip()
    if name == LetterheadSettings.name:  # the placeholder of a register not yet set up
        name = ""
    if source.is_demo:
        title = f"{name} (demo) — sciapp" if name else "sciapp — demo commission"
    elif name:
        title = f"{name} — sciapp"
    else:
        title = f"sciapp — {source.path.name if source.is_file else source.location}"
    return title + (" (read-only)" if source.read_only else "")


def draft_scope(register: Register) -> str:
    """Drafts belong to one database: a form typed for one register is not offered in another."""
    import hashlib

    return hashlib.sha256(register.source.location.encode()).hexdigest()[:12]
