"""What a meeting editor's tabs need of the editor that holds them (MeetingEditor has it
all): the tabs are typed against this, not against the editor, which imports them."""

from __future__ import annotations

from typing import TYPE_CHECKING, Protocol, TypeVar

if TYPE_CHECKING:
    import datetime as dt
    from collections.abc import Callable

    from sciapp.gui.bus import ChangeBus
    from sciapp.services.meetings.records import MeetingDetail
    from sciapp.services.workspace import Workspace

T = TypeVar("T")


class ItemPicker(Protocol):
    def selected_id(self) -> int | None: ...


class EditorHost(Protocol):
    @property
    def workspace(self) -> Workspace: ...
    @property
    def bus(self) -> ChangeBus: ...
    @property
    def detail(self) -> MeetingDetail | None: ...
    @property
    def agenda_tab(self) -> ItemPicker: ...
    @property
    def today(self) -> Callable[[], dt.date]: ...

    def tagged(self, action: Callable[[], T]) -> T: ...
    def run(self, action: Callable[[], object], select_item: int | None = None) -> bool: ...
    def reload(self) -> None: ...
    def save_pdf(self, kind: str) -> None: ...
    def print_document(self, kind: str) -> None: ...
