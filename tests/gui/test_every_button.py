"""The guard: every enabled button and menu action of every area, and of every dialog and
window they open, is clicked; every modal that opens is explored the same way, then
cancelled. Nothing may reach the error hook. (A slot that took Qt's `checked` flag as its
argument, as Approve minutes… once did, fails here on its first click.)"""

from __future__ import annotations

import sys

import pytest
import shiboken6
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QApplication,
    QDialog,
    QDialogButtonBox,
    QMessageBox,
    QTabWidget,
    QWidget,
)

from tests.gui.helpers import LEFT, words

MAX_DEPTH = 3
LAST = {"Close", "Cancel", "Back", "Discard"}  # pressed after the rest, or not at all
NEVER = {"Quit"}


def _hidden(widget: QWidget) -> bool:
    """Hidden on purpose (a rebuilt row's old button), not merely not shown yet."""
    explicit = widget.testAttribute(Qt.WidgetAttribute.WA_WState_ExplicitShowHide)
    return explicit and widget.isHidden()


def _alive(widget: QWidget) -> bool:
    return shiboken6.isValid(widget)


def _reveal(widget: QWidget) -> None:
    """Bring the tabs that hold `widget` to the front, as a user would click them."""
    child: QWidget | None = widget
    while child is not None and _alive(child):
        parent = child.parentWidget()
        tabs = parent.parentWidget() if parent is not None else None
        if isinstance(tabs, QTabWidget) and tabs.indexOf(child) >= 0:
            tabs.setCurrentWidget(child)
        child = parent


class Explorer:
    def __init__(self, qtbot) -> None:
        self.qtbot = qtbot
        self.trail: list[str] = []
        self.errors: list[str] = []
        self.pressed: list[str] = []

    def where(self) -> str:
        return " ▸ ".join(self.trail)

    # -- what a user can press ------------------------------------------------------------

    def _select_first_rows(self, container: QWidget) -> None:
        for view in container.findChildren(QAbstractItemView):
            model = view.model()
            if model is None or not view.isVisible() or model.rowCount() == 0:
                continue
            if view.selectionModel() is not None and not view.selectionModel().hasSelection():
                index = model.index(0, 0)
                rect = view.visualRect(index)
                if rect.isValid():
                    self.qtbot.mouseClick(view.viewport(), LEFT, pos=rect.center())

    def _buttons(self, container: QWidget) -> list[QAbstractButton]:
        found = []
        for b in container.findChildren(QAbstractButton):
            name = b.objectName()
            if name.startswith("qt_") or (
                b.parentWidget() and b.parentWidget().inherits("QTabBar")
            ):
                continue
            text = words(b.text())
            if text in NEVER:
                continue
            box = b.parentWidget()
            if isinstance(box, QDialogButtonBox):
                role = box.buttonRole(b)
                if role in (
                    QDialogButtonBox.ButtonRole.AcceptRole,
                    QDialogButtonBox.ButtonRole.YesRole,
                    QDialogButtonBox.ButtonRole.ApplyRole,
                ):
                    continue  # modals are cancelled, never accepted
            found.append(b)
        return sorted(found, key=lambda b: words(b.text()) in LAST)

    def walk(self, container: QWidget, depth: int) -> None:
        """Press each button once, looking again after every press: a press may rebuild
        the buttons (attendance) or enable new ones."""
        done: set[tuple[str, str]] = set()
        self._select_first_rows(container)
        while _alive(container) and container.isVisible():
            waiting = [
                b
                for b in self._buttons(container)
                if not _hidden(b) and (words(b.text()), b.accessibleName()) not in done
            ]
            if not waiting:
                return
            b = waiting[0]
            done.add((words(b.text()), b.accessibleName()))
            _reveal(b)
            if not b.isVisible():
                QApplication.processEvents()  # a button just added is shown as the loop turns
            if b.isVisible() and b.isEnabled():
                self.press(b, depth)

    def walk_actions(self, window: QWidget) -> None:
        for menu in window.menuBar().findChildren(QWidget):
            if not menu.inherits("QMenu"):
                continue
            for action in menu.actions():
                text = words(action.text())
                if action.isSeparator() or not action.isEnabled() or text in NEVER:
                    continue
                self.trail.append(f"menu {text}")
                self._around(lambda a=action: a.trigger(), 0)
                self.trail.pop()

    # -- pressing, and whatever opens -----------------------------------------------------

    def press(self, b: QAbstractButton, depth: int) -> None:
        text = words(b.text()) or b.toolTip() or b.objectName() or type(b).__name__
        self.trail.append(text)
        self.pressed.append(self.where())
        self._around(lambda: self.qtbot.mouseClick(b, LEFT), depth)
        self.trail.pop()

    def _around(self, act, depth: int, closing: bool = False) -> None:
        before = {w for w in QApplication.topLevelWidgets() if w.isVisible()}
        answer = _Answer(self, depth, closing)
        act()
        answer.stop()
        QApplication.processEvents()
        for window in [w for w in QApplication.topLevelWidgets() if w.isVisible()]:
            if window in before or (isinstance(window, QDialog) and window.isModal()):
                continue
            if window.inherits("QMenu") or window.inherits("QToolTip"):
                continue
            self.trail.append(f"window “{window.windowTitle()}”")
            if depth < MAX_DEPTH:
                self.walk(window, depth + 1)
            if _alive(window):
                window.close()
            self.trail.pop()

    def handle_modal(self, dialog: QWidget, depth: int, closing: bool = False) -> None:
        """Explore a dialog of ours, then cancel it. A question asked while we close one
        ("Discard the changes?") is answered Discard; any other is answered No or Cancel."""
        self.trail.append(f"dialog “{dialog.windowTitle()}”")
        if isinstance(dialog, QMessageBox):
            choice = _discard(dialog) if closing else None
            choice = choice or dialog.escapeButton() or _refusal(dialog)
            if choice is not None:
                self._around(choice.click, depth + 1, closing=True)
        elif type(dialog).__module__.startswith("sciapp") and depth < MAX_DEPTH:
            self.walk(dialog, depth + 1)
        if _alive(dialog) and dialog.isVisible():
            self._around(dialog.reject, depth + 1, closing=True)  # type: ignore[attr-defined]
        self.trail.pop()


def _discard(box: QMessageBox) -> QAbstractButton | None:
    return next(
        (b for b in box.buttons() if box.buttonRole(b) is QMessageBox.ButtonRole.DestructiveRole),
        None,
    )


def _refusal(box: QMessageBox) -> QAbstractButton | None:
    roles = (QMessageBox.ButtonRole.RejectRole, QMessageBox.ButtonRole.NoRole)
    return next((b for b in box.buttons() if box.buttonRole(b) in roles), None)


class _Answer:
    """Waits for a new modal (an event, polled) and explores then cancels it."""

    def __init__(self, explorer: Explorer, depth: int, closing: bool) -> None:
        self.explorer = explorer
        self.depth = depth
        self.closing = closing
        self.parent = QApplication.activeModalWidget()
        self.seen: list[QWidget] = []
        self.stopped = False
        QTimer.singleShot(0, self._poll)

    def _poll(self) -> None:
        if self.stopped:
            return
        current = QApplication.activeModalWidget()
        if (
            current is not None
            and current is not self.parent
            and current.isVisible()
            and all(current is not s for s in self.seen)
        ):
            self.seen.append(current)
            self.explorer.handle_modal(current, self.depth, self.closing)
        QTimer.singleShot(5, self._poll)

    def stop(self) -> None:
        self.stopped = True


@pytest.mark.qt_no_exception_capture
@pytest.mark.timeout(600)
def test_every_button_and_action_works(qtbot, window, monkeypatch, tmp_path):
    explorer = Explorer(qtbot)

    def hook(kind, error, trace):
        import traceback

        detail = "".join(traceback.format_exception(kind, error, trace))
        explorer.errors.append(f"{explorer.where()}:\n{detail}")

    monkeypatch.setattr(sys, "excepthook", hook)
    for row in range(window.sidebar.count()):
        item = window.sidebar.item(row)
        qtbot.mouseClick(
            window.sidebar.viewport(), LEFT, pos=window.sidebar.visualItemRect(item).center()
        )
        page = window.pages.currentWidget()
        explorer.trail = [item.text()]
        explorer.walk(page, 0)
        if item.text() == "Meetings":  # an upcoming meeting, the next one, last week's draft
            for meeting in (1, 2):
                table = page.table
                rect = table.visualRect(table.model().index(meeting, 0))
                qtbot.mouseClick(table.viewport(), LEFT, pos=rect.center())
                explorer.trail = [item.text(), f"meeting row {meeting}"]
                explorer.walk(page, 0)
    explorer.trail = []
    explorer.walk_actions(window)
    assert explorer.errors == []
    # It reached the buttons the broken slots hid behind.
    reached = "\n".join(explorer.pressed)
    for must in ("Approve minutes…", "Add…", "Rename…", "Letter from template…", "Edit meeting…"):
        assert must in reached, must
    assert len(explorer.pressed) > 80
