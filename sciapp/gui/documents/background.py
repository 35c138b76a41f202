"""The live preview, made on a worker thread: typing never waits for a PDF.

The editor reads its form on the UI thread and hands over a job (a callable that renders the
document through the services) with the scale to draw its pages at. The job and the drawing
of its pages run on one worker thread shared by every editor; the result comes back through a
queued signal. Only the newest request counts: one made while another is running waits and
replaces any waiting before it, and a result that is no longer the newest is dropped.
"""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor
from contextlib import suppress
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, Signal

from sciapp.gui.documents.preview import page_images

if TYPE_CHECKING:
    from collections.abc import Callable

    from PySide6.QtGui import QImage

_worker: ThreadPoolExecutor | None = None


def _executor() -> ThreadPoolExecutor:
    global _worker
    if _worker is None:
        _worker = ThreadPoolExecutor(max_workers=1, thread_name_prefix="sciapp-preview")
    return _worker


@dataclass(frozen=True)
class Preview:
    """What the worker made: the rendered document and its pages drawn at `width`."""

    rendered: Any  # sciapp.pdf.model.Rendered
    images: list[QImage]
    width: int


@dataclass(frozen=True)
class _Request:
    generation: int
    job: Callable[[], Any]
    width: int
    scale: float


class BackgroundPreview(QObject):
    """Requests previews; `ready` (a Preview) or `failed` (the exception) for the newest."""

    ready = Signal(object)
    failed = Signal(object)
    _finished = Signal(int, object, object)  # generation, Preview or None, error or None

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.generation = 0
        self._running = False
        self._waiting: _Request | None = None
        self._finished.connect(self._done)  # queued: emitted on the worker thread

    @property
    def busy(self) -> bool:
        return self._running or self._waiting is not None

    def request(self, job: Callable[[], Any], width: int, scale: float) -> int:
        """Render with `job` off the UI thread; returns the request's generation."""
        self.generation += 1
        request = _Request(self.generation, job, width, scale)
        if self._running:
            self._waiting = request  # any earlier waiting one is stale already
        else:
            self._start(request)
        return self.generation

    def cancel(self) -> None:
        """Whatever is on its way is stale (a preview was shown another way)."""
        self.generation += 1
        self._waiting = None

    def _start(self, request: _Request) -> None:
        self._running = True
        _executor().submit(self._work, request)

    def _work(self, request: _Request) -> None:  # on the worker thread
        try:
            rendered = request.job()
            preview = Preview(rendered, page_images(rendered.pdf, request.scale), request.width)
        except Exception as exc:  # handed to the UI thread, which decides
            self._emit(request.generation, None, exc)
        else:
            self._emit(request.generation, preview, None)

    def _emit(self, generation: int, preview: Preview | None, error: Exception | None) -> None:
        with suppress(RuntimeError):  # the editor was closed meanwhile: nobody to tell
            self._finished.emit(generation, preview, error)

    def _done(self, generation: int, preview: Preview | None, error: Exception | None) -> None:
        self._running = False
        waiting, self._waiting = self._waiting, None
        if waiting is not None:
            self._start(waiting)
        if generation != self.generation:
            return  # typed on since: a newer one is coming
        if error is not None:
            self.failed.emit(error)
        else:
            self.ready.emit(preview)
