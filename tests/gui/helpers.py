"""Drive the app as a user does: click the visible button, type into the field, answer each
modal dialog through its own controls. Nothing here calls the slot a button calls.

A modal runs its own event loop inside the click that opened it, so the answer is set up
before the click: `with modal(qtbot, answer): click(qtbot, button)`. The helper waits for the
new modal widget (an event, not a time), hands it to `answer`, and fails the test if none
opened or the answer left it open (it is then rejected, so a test never hangs on it).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QEvent, Qt, QTimer
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QInputDialog,
    QLineEdit,
    QListWidget,
    QMessageBox,
    QTabWidget,
    QWidget,
)

LEFT = Qt.MouseButton.LeftButton
Answer = Callable[[QWidget], object]


def words(text: str) -> str:
    """A button's text as read: without its mnemonic ampersand."""
    return text.replace("&&", "\0").replace("&", "").replace("\0", "&")


def visible(widget: QWidget) -> bool:
    return widget.isVisible() and widget.isEnabled()


def click(qtbot, button: QAbstractButton) -> None:
    """A left click on a button the user can see and press."""
    if not button.isVisible() and not button.testAttribute(
        Qt.WidgetAttribute.WA_WState_ExplicitShowHide
    ):
        # Just added to a shown window: Qt shows it when the event loop next turns.
        qtbot.waitUntil(button.isVisible, timeout=5000)
    assert button.isVisible(), f"“{words(button.text())}” is not on screen"
    assert button.isEnabled(), f"“{words(button.text())}” is disabled"
    qtbot.mouseClick(button, LEFT)


def button(parent: QWidget, text: str) -> QAbstractButton:
    """The visible button in `parent` whose words are `text`."""
    found = [
        b for b in parent.findChildren(QAbstractButton) if words(b.text()) == text and b.isVisible()
    ]
    assert found, f"no button “{text}” in {parent.windowTitle() or type(parent).__name__}: " + str(
        sorted({words(b.text()) for b in parent.findChildren(QAbstractButton) if b.isVisible()})
    )
    return found[0]


def press(qtbot, parent: QWidget, text: str) -> None:
    click(qtbot, button(parent, text))


def type_into(qtbot, field: QWidget, text: str, replace: bool = True) -> None:
    """Type as a user would: a line at a time, Return between lines. QTest types ASCII
    only, so a line with other characters is inserted as an input method would."""
    field.setFocus()
    if replace:
        field.selectAll()  # type: ignore[attr-defined]
        qtbot.keyClick(field, Qt.Key.Key_Backspace)
    for number, line in enumerate(text.split("\n")):
        if number:
            qtbot.keyClick(field, Qt.Key.Key_Return)
        if line.isascii():
            qtbot.keyClicks(field, line)
        elif isinstance(field, QLineEdit):
            field.insert(line)
        else:
            field.insertPlainText(line)  # type: ignore[attr-defined]


def choose(qtbot, combo: QComboBox, text: str) -> None:
    """Pick the entry that shows `text`, as from the drop-down."""
    index = next((i for i in range(combo.count()) if text in combo.itemText(i)), -1)
    assert index >= 0, f"no “{text}” in {[combo.itemText(i) for i in range(combo.count())]}"
    combo.setFocus()
    combo.setCurrentIndex(index)  # what choosing it in the open list does


def pick_row(qtbot, listing: QListWidget, text: str) -> None:
    """Click the list line that contains `text`."""
    for row in range(listing.count()):
        item = listing.item(row)
        if text in item.text():
            listing.scrollToItem(item)
            rect = listing.visualItemRect(item)
            qtbot.mouseClick(listing.viewport(), LEFT, pos=rect.center())
            return
    raise AssertionError(f"no line with “{text}” in {listing.accessibleName()}")


def show_tab(qtbot, tabs: QTabWidget, title: str) -> QWidget:
    """Click the tab whose title is `title`."""
    bar = tabs.tabBar()
    for index in range(tabs.count()):
        if words(tabs.tabText(index)) == title:
            qtbot.mouseClick(bar, LEFT, pos=bar.tabRect(index).center())
            assert tabs.currentIndex() == index
            return tabs.widget(index)
    raise AssertionError(f"no tab “{title}”")


class _Watch:
    def __init__(self, qtbot, answers: tuple[Answer, ...]) -> None:
        self.qtbot = qtbot
        self.answers = list(answers)
        self.parent = QApplication.activeModalWidget()
        self.seen: list[QWidget] = []
        self.error: BaseException | None = None
        self.done = False
        QTimer.singleShot(0, self._poll)

    def _poll(self) -> None:
        if self.done or not self.answers:
            return
        current = QApplication.activeModalWidget()
        fresh = current is not None and current is not self.parent
        if fresh and current.isVisible() and all(current is not s for s in self.seen):
            self._answer(current, self.answers.pop(0))
        if self.answers and not self.done:
            QTimer.singleShot(5, self._poll)

    def _answer(self, dialog: QWidget, answer: Answer) -> None:
        self.seen.append(dialog)
        title = dialog.windowTitle()
        try:
            answer(dialog)
        except BaseException as exc:  # reported by finish(), after the modal is gone
            self.error = self.error or exc
        if dialog.isVisible():
            self.error = self.error or AssertionError(f"the answer left “{title}” open")
            dialog.reject()  # type: ignore[attr-defined]

    def finish(self) -> None:
        self.done = True
        if self.error is not None:
            raise self.error
        assert not self.answers, f"{len(self.answers)} dialog(s) expected did not open"


@contextmanager
def modal(qtbot, *answers: Answer) -> Iterator[_Watch]:
    """The modals opened inside the block, in turn, are answered by `answers`."""
    watch = _Watch(qtbot, answers)
    try:
        yield watch
    finally:
        watch.done = True
    watch.finish()


# -- answers to the standard dialogs ------------------------------------------------------


def reply(text: str) -> Answer:
    """Click the message box's button whose words are `text` ("Delete", "Cancel", "OK")."""

    def answer(box: QWidget) -> None:
        assert isinstance(box, QMessageBox), f"expected a question, got {box.windowTitle()}"
        choices = {words(b.text()): b for b in box.buttons()}
        assert text in choices, f"“{box.text()}” offers {sorted(choices)}, not {text}"
        choices[text].click()

    return answer


def read_box(into: list[str], then: str = "OK") -> Answer:
    """Note what the message box says, then close it with its `then` button."""

    def answer(box: QWidget) -> None:
        assert isinstance(box, QMessageBox)
        into.append(box.text())
        reply(then)(box)

    return answer


def read_details(into: list[tuple[str, str]], then: str = "OK") -> Answer:
    """Note what the message box says and its details (Show Details…), then close it."""

    def answer(box: QWidget) -> None:
        assert isinstance(box, QMessageBox)
        into.append((box.text(), box.detailedText()))
        reply(then)(box)

    return answer


def enter_text(qtbot, text: str, ok: str = "OK") -> Answer:
    """Type into an input dialog's field and press OK."""

    def answer(dialog: QWidget) -> None:
        assert isinstance(dialog, QInputDialog)
        field = dialog.findChild(QLineEdit)
        type_into(qtbot, field, text)
        press(qtbot, dialog, ok)

    return answer


def file_dialog(qtbot, path: Path) -> Answer:
    """Give a file dialog (save, open or folder) this path and press its accept button."""

    def answer(dialog: QWidget) -> None:
        assert isinstance(dialog, QFileDialog), f"expected a file dialog: {dialog.windowTitle()}"
        # Pasted, not typed: typing opens the name completer, whose popup takes the click.
        dialog.findChild(QLineEdit, "fileNameEdit").setText(str(path))
        box = dialog.findChild(QDialogButtonBox, "buttonBox")
        accept = next(
            b for b in box.buttons() if box.buttonRole(b) is QDialogButtonBox.ButtonRole.AcceptRole
        )
        click(qtbot, accept)

    return answer


save_as = open_file = choose_folder = file_dialog


def print_to_file(qtbot, path: Path) -> Answer:
    """The print dialog: the PDF printer, this file, Print."""

    def answer(dialog: QWidget) -> None:
        printers = dialog.findChild(QComboBox, "printers")
        choose(qtbot, printers, "Print to File (PDF)")
        type_into(qtbot, dialog.findChild(QLineEdit, "filename"), str(path))
        press(qtbot, dialog, "Print")

    return answer


def accept_with(qtbot, text: str) -> Answer:
    """Press the dialog's button `text` (its Save, Create, OK …)."""

    def answer(dialog: QWidget) -> None:
        assert isinstance(dialog, QDialog)
        press(qtbot, dialog, text)

    return answer


# -- the main window ----------------------------------------------------------------------


def go_to(qtbot, window, area: str) -> QWidget:
    """Click the area in the sidebar; returns the page shown."""
    sidebar = window.sidebar
    for row in range(sidebar.count()):
        item = sidebar.item(row)
        if item.text() == area:
            qtbot.mouseClick(sidebar.viewport(), LEFT, pos=sidebar.visualItemRect(item).center())
            return window.pages.currentWidget()
    raise AssertionError(f"no area “{area}”")


def row_with(view, text: str, column: int = 0) -> int:
    """The row of a table view whose cell in `column` shows `text`."""
    model = view.model()
    for row in range(model.rowCount()):
        if model.index(row, column).data() == text:
            return row
    shown = [model.index(r, column).data() for r in range(model.rowCount())]
    raise AssertionError(f"no row “{text}” in {view.accessibleName()}: {shown}")


def click_row(qtbot, view, text: str, column: int = 0, double: bool = False) -> int:
    """Click the table row showing `text` (double-click to open it)."""
    row = row_with(view, text, column)
    index = view.model().index(row, column)
    view.scrollTo(index)
    point = view.visualRect(index).center()
    if double:
        qtbot.mouseDClick(view.viewport(), LEFT, pos=point)
    else:
        qtbot.mouseClick(view.viewport(), LEFT, pos=point)
    return row


def cells(view, column: int) -> list[str]:
    model = view.model()
    return [model.index(r, column).data() for r in range(model.rowCount())]


def tool_button(toolbar, action):
    """The button a toolbar shows for `action`."""
    return toolbar.widgetForAction(action)


def click_tool(qtbot, toolbar, action) -> None:
    """Click the button a toolbar shows for `action`."""
    click(qtbot, tool_button(toolbar, action))


def list_lines(listing: QListWidget) -> list[str]:
    return [listing.item(r).text() for r in range(listing.count())]


def opened_window(qtbot, act: Callable[[], object], title: str) -> QWidget:
    """Do `act` (a click) and return the window it opened (not modal), titled `title`."""
    before = set(QApplication.topLevelWidgets())
    act()
    found: list[QWidget] = []

    def opened() -> bool:
        found[:] = [
            w
            for w in QApplication.topLevelWidgets()
            if w not in before and w.isVisible() and w.windowTitle() == title
        ]
        return bool(found)

    qtbot.waitUntil(opened, timeout=5000)
    return found[0]


# -- the event loop ------------------------------------------------------------------------


def in_loop(act: Callable[[], object]) -> None:
    """Run `act` from inside the app's event loop, as a menu click would."""
    QTimer.singleShot(0, act)


def free_deleted() -> None:
    """Run the deletions deleteLater left for the event loop (freed dialogs)."""
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
