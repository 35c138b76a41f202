"""Opening a register in two steps, so that a window can show before SQLAlchemy is loaded.

`begin_open` does what needs only sqlite3: it checks the file, takes the one-writer lock and
reads the revision (`storage.opening.prepare_file`), and can read the Start facts (the
commission's name, the number of partnerships). `Opening.finish()` loads the ORM and every use
case and hands back the `Workspace`; `load_in_background` imports those modules on a worker
thread first, so that finishing afterwards takes a moment. `open_workspace` is both at once.
"""

from __future__ import annotations

import threading
from typing import TYPE_CHECKING, cast

from sciapp.services.errors import ServiceError
from sciapp.storage.errors import DatabaseInUseError, StorageError

if TYPE_CHECKING:
    from collections.abc import Callable
    from pathlib import Path

    from sciapp.services.changes import Changes
    from sciapp.services.workspace import Workspace
    from sciapp.storage.glance import StartFacts
    from sciapp.storage.opening import PreparedFile


_UNREAD = object()


class StoreUnavailableError(ServiceError):
    """The database file cannot be opened; the message says why and what to do."""


class StoreInUseError(StoreUnavailableError):
    """Another session has the file for writing; it can still be opened read-only."""

    def __init__(self, message: str, holder: dict[str, object]) -> None:
        super().__init__(message)
        self.holder = holder


class StoreReadOnlyError(StoreUnavailableError):
    """The file, its folder or its disk cannot be written here; `can_read`: it can be
    opened read-only instead."""

    def __init__(self, message: str, can_read: bool = True) -> None:
        super().__init__(message)
        self.can_read = can_read


class StoreDamagedError(StoreUnavailableError):
    """The file is damaged; the message names the newest good backup, if there is one."""


def load_use_cases() -> None:
    """Import SQLAlchemy, the models and every use case (what `finish` needs); safe to run
    on a worker thread, and a no-op once done."""
    import sciapp.services.safekeeping.seals
    import sciapp.services.workspace  # noqa: F401  (with it every service and the models)


class Opening:
    """A register file checked and locked at this version's schema (or due an upgrade),
    whose Workspace is not made yet. What a window needs before that is here: where it is,
    the Start facts, and `subscribe`, whose listeners hear the workspace once it exists."""

    is_demo = False
    is_file = True

    def __init__(self, prepared: PreparedFile, actor: str) -> None:
        self._prepared = prepared
        self._actor = actor
        self._workspace: Workspace | None = None
        self._loader: threading.Thread | None = None
        self._pending: list[_Subscription] = []
        self._facts: object = _UNREAD

    @property
    def path(self) -> Path:
        return self._prepared.path

    @property
    def location(self) -> str:
        return str(self._prepared.path)

    @property
    def read_only(self) -> bool:
        return self._prepared.read_only

    @property
    def created(self) -> bool:
        return self._prepared.created

    @property
    def upgrade_due(self) -> bool:
        """Creating or migrating the schema: that is for `finish` straight away."""
        return self._prepared.upgrade_due

    @property
    def ready(self) -> bool:
        return self._workspace is not None

    def facts(self) -> StartFacts | None:
        """The commission's name and the number of partnerships as the file was opened, read
        with sqlite3 alone (once); None when it cannot be read that way (finish it instead)."""
        if self.upgrade_due:
            return None
        if self._facts is _UNREAD:
            from sciapp.storage.glance import start_facts

            self._facts = start_facts(self._prepared.path)
        return cast("StartFacts | None", self._facts)

    def subscribe(self, listener: Callable[[Changes], None]) -> Callable[[], None]:
        """As `Workspace.subscribe`: heard from the moment the workspace is made."""
        if self._workspace is not None:
            return self._workspace.subscribe(listener)
        pending = _Subscription(listener)
        self._pending.append(pending)
        return pending.stop

    def load_in_background(self, done: Callable[[], None]) -> None:
        """Import what `finish` needs on a worker thread, then call `done` there (a GUI
        hands it on to its own thread with a signal)."""
        if self._loader is not None or self._workspace is not None:
            return

        def load() -> None:
            try:
                load_use_cases()
            finally:
                done()

        self._loader = threading.Thread(target=load, name="sciapp-load", daemon=True)
        self._loader.start()

    def finish(self) -> Workspace:
        """The Workspace (made once; waits for a background load under way)."""
        if self._workspace is not None:
            return self._workspace
        if self._loader is not None:
            self._loader.join()
        load_use_cases()
        from sciapp.services.reports.sealed_copies import SEALED_COPIES
        from sciapp.services.safekeeping.seals import upgrade_step
        from sciapp.services.workspace import Workspace
        from sciapp.storage.opening import finish_opening

        try:
            # Sealing what a migration makes due happens inside the migration's transaction.
            db = finish_opening(
                self._prepared, after_upgrade=upgrade_step(self._actor, SEALED_COPIES)
            )
        except StorageError as exc:
            raise unavailable(exc) from exc
        workspace = self._workspace = Workspace(db)
        for pending in self._pending:
            if pending.active:
                pending.stops_with(workspace.subscribe(pending.listener))
        self._pending.clear()
        return workspace

    def close(self) -> None:
        """Close the workspace, made now if it was not yet, so that a session closes alike
        however soon it ended (the seals' anchor is written); given up if it cannot be made."""
        try:
            workspace = self.finish()
        except ServiceError:
            self._prepared.release()
            return
        workspace.close()


class _Subscription:
    """A listener subscribed before the workspace exists, and how to stop it either way."""

    def __init__(self, listener: Callable[[Changes], None]) -> None:
        self.listener = listener
        self.active = True
        self._stop: Callable[[], None] | None = None

    def stops_with(self, stop: Callable[[], None]) -> None:
        self._stop = stop

    def stop(self) -> None:
        self.active = False
        if self._stop is not None:
            self._stop()


def settings_actor() -> str:
    """Who the audit trail names: the user's name from the settings, or the OS user."""
    from sciapp.config import AppPaths
    from sciapp.settings import load_settings

    return load_settings(AppPaths.from_environment().config_dir).actor


def begin_open(path: Path, actor: str | None = None, read_only: bool = False) -> Opening:
    """Check and lock the register file; changes will be audited under `actor` (default:
    from the settings). Raises a StoreUnavailableError saying why it cannot be opened."""
    from sciapp.storage.opening import prepare_file

    actor = actor or settings_actor()
    try:
        prepared = prepare_file(path, actor, read_only=read_only)
    except StorageError as exc:
        raise unavailable(exc) from exc
    return Opening(prepared, actor)


def unavailable(exc: StorageError) -> StoreUnavailableError:
    """Each trouble its own error: in use or not writable can still be opened read-only;
    a damaged file names the newest good backup."""
    from sciapp.storage.errors import CannotWriteError, DamagedError

    if isinstance(exc, DatabaseInUseError):
        return StoreInUseError(str(exc), exc.holder)
    if isinstance(exc, CannotWriteError):
        return StoreReadOnlyError(str(exc), exc.can_read)
    if isinstance(exc, DamagedError):
        from sciapp.services.safekeeping.failures import damage_message

        return StoreDamagedError(damage_message(exc.path))
    return StoreUnavailableError(str(exc))


def open_workspace(path: Path, actor: str | None = None, read_only: bool = False) -> Workspace:
    """Open the register; changes are audited under `actor` (default: from the settings)."""
    return begin_open(path, actor, read_only=read_only).finish()


def open_workspace_url(url: str, actor: str | None = None) -> Workspace:
    """The register on a database server (PostgreSQL), for offices where clerks share it."""
    from sciapp.services.reports.sealed_copies import SEALED_COPIES
    from sciapp.services.safekeeping.seals import upgrade_step
    from sciapp.services.workspace import Workspace
    from sciapp.storage.server import open_database_url

    actor = actor or settings_actor()
    try:
        return Workspace(
            open_database_url(url, actor, after_upgrade=upgrade_step(actor, SEALED_COPIES))
        )
    except StorageError as exc:
        raise unavailable(exc) from exc
