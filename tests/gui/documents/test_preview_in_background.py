"""The live preview is rendered off the UI thread: typing goes on while a preview is being
made, and only the preview of the newest text is shown."""

import threading

import pytest

from sciapp.services.reports import rendering
from tests.gui.helpers import click, go_to, type_into
from tests.pdf.conftest import pdf_text


@pytest.fixture
def held_renders(monkeypatch):
    """Resolution renders wait at a gate the test opens; a render on the UI thread would
    hold up the typing below until the gate's own 60 s limit, and fail the test."""
    gate = threading.Event()
    gate.set()  # open while the test opens a document (its first preview is made at once)
    threads: list[str] = []
    render = rendering.render_resolution

    def held(*args, **kwargs):
        threads.append(threading.current_thread().name)
        if not gate.wait(60):
            raise AssertionError("the test never opened the gate")
        return render(*args, **kwargs)

    monkeypatch.setattr(rendering, "render_resolution", held)
    yield gate, threads
    gate.set()


def test_typing_goes_on_while_the_preview_renders_and_the_newest_text_is_shown(
    qtbot, window, held_renders
):
    gate, threads = held_renders
    documents = go_to(qtbot, window, "Documents")
    click(qtbot, documents.new_resolution_button)
    gate.clear()
    editor = documents.resolution_editor
    shown: list[bytes] = []
    editor.preview.updated.connect(lambda: shown.append(editor.preview._shown[0]))

    type_into(qtbot, editor.title, "Welcoming the delegation from Otsu")
    qtbot.waitUntil(lambda: not editor.timer.isActive(), timeout=10000)
    assert editor.background.busy  # the first preview is held at the gate, off this thread

    qtbot.keyClicks(editor.title, " and Sakaide")  # typing is not held up by it
    assert editor.title.text() == "Welcoming the delegation from Otsu and Sakaide"
    qtbot.waitUntil(lambda: not editor.timer.isActive(), timeout=10000)  # a second request

    with qtbot.waitSignal(editor.preview.updated, timeout=30000):
        gate.set()
    qtbot.waitUntil(lambda: not editor.background.busy, timeout=30000)
    assert len(shown) == 1  # the first, stale by then, was dropped
    assert "OTSU AND SAKAIDE" in " ".join(pdf_text(shown[0]).split())
    assert all(name.startswith("sciapp-preview") for name in threads[-2:])


def test_a_failed_preview_says_why_under_the_form(qtbot, window, monkeypatch):
    from sciapp.services.errors import ServiceError

    documents = go_to(qtbot, window, "Documents")
    click(qtbot, documents.new_resolution_button)
    editor = documents.resolution_editor

    def refused(*_args, **_kwargs):
        raise ServiceError("The body of this resolution was deleted.")

    monkeypatch.setattr(rendering, "render_resolution", refused)
    with qtbot.waitSignal(editor.background.failed, timeout=30000):
        type_into(qtbot, editor.title, "Thanking Otsu")
    assert editor.problem.text() == "The body of this resolution was deleted."
