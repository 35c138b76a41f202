import pytest

from sciapp.gui.main_window import MainWindow


@pytest.fixture
def window(qtbot, demo_workspace):
    win = MainWindow(demo_workspace, "en_US")
    win.show()
    qtbot.waitExposed(win)
    yield win
    # Closed here rather than by qtbot (whose teardown comes first): a test's half-typed
    # document is let go without the question a person would get.
    documents = win._built("Documents")
    if documents is not None:
        documents.resolution_editor.mark_clean()
        documents.letter_editor.mark_clean()
    win.close()
    win.deleteLater()


@pytest.fixture
def page(window):
    window.show_area(window.partnerships)
    return window.partnerships


def select_city(page, city: str) -> int:
    row = next(r for r in range(page.model.rowCount()) if page.model.index(r, 0).data() == city)
    pid = page.model.partnership_id(row)
    page._select(pid)
    return pid


def visible_cities(page) -> list[str]:
    if not page._loaded:
        page.refresh()
    return [page.model.index(r, 0).data() for r in range(page.model.rowCount())]
