"""Help: the user guide, the keyboard shortcuts, and About (versions, folders, licences)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QDialogButtonBox, QTextBrowser, QVBoxLayout, QWidget

from sciapp import __version__
from sciapp.gui.widgets.dialogs import Dialog
from sciapp.resources import resource

if TYPE_CHECKING:
    from sciapp.gui.app_window import AppWindow

# Keys that live inside a view rather than on a menu action.
VIEW_KEYS = (
    ("Roll call", "Y yes · N no · A abstain · R recused · Backspace goes back"),
    ("Partnerships", "Enter opens the selected partnership · Delete deletes it"),
    ("Meeting mode", "Click Mark arrived or Mark left beside a name: stamped to the minute"),
    ("Meeting mode", "Ctrl+PgUp previous agenda item · Ctrl+PgDn next item · Esc closes"),
)
BUNDLED = (
    ("Liberation Serif fonts", "SIL Open Font License 1.1 (resources/fonts)"),
    ("Qt 6 and PySide6", "LGPL 3"),
    ("SQLAlchemy and Alembic", "MIT"),
    ("ReportLab", "BSD"),
    ("pypdfium2 and PDFium", "Apache 2.0 / BSD"),
    ("platformdirs", "MIT"),
    ("pycountry", "LGPL 2.1"),
    ("Babel (Unicode CLDR data)", "BSD / Unicode licence"),
    ("holidays", "MIT"),
)


class HelpDialog(Dialog):
    def __init__(self, title: str, markdown: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.browser = QTextBrowser()
        self.browser.setOpenExternalLinks(True)
        self.browser.setMarkdown(markdown)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.browser)
        layout.addWidget(buttons)
        self.resize(720, 640)


def guide_text() -> str:
    path = resource("help", "guide.md")
    try:
        return path.read_text(encoding="utf-8")
    except OSError:
        return f"# sciapp user guide\n\nThe guide could not be read from {path}."


def shortcuts_text(window: QWidget) -> str:
    lines = ["# Keyboard shortcuts", "", "| Keys | Does |", "|---|---|"]
    seen = set()
    for action in window.findChildren(QAction):
        keys = action.shortcut().toString(QKeySequence.SequenceFormat.NativeText)
        name = action.text().replace("&", "").rstrip("…").strip()
        if keys and (keys, name) not in seen:
            seen.add((keys, name))
            lines.append(f"| {keys} | {name} |")
    lines += ["", "| Where | Keys |", "|---|---|"]
    lines += [f"| {where} | {keys} |" for where, keys in VIEW_KEYS]
    return "\n".join(lines)


def about_text(location: str, schema: int, data_dir: str, log_dir: str) -> str:
    rows = "\n".join(f"| {name} | {licence} |" for name, licence in BUNDLED)
    return (
        f"# sciapp {__version__}\n\n"
        "The register, meetings, votes and documents of a sister-city commission.\n\n"
        f"- Database: `{location}`\n- Schema version: {schema}\n"
        f"- Data folder: `{data_dir}`\n- Log files: `{log_dir}`\n\n"
        "sciapp is free software under the MIT licence. It carries:\n\n"
        f"| Component | Licence |\n|---|---|\n{rows}\n"
    )


def show_help(window: AppWindow, which: str) -> HelpDialog:
    """The user guide ("guide"), the keyboard shortcuts ("shortcuts") or About, beside
    `window`."""
    if which == "guide":
        dialog = HelpDialog("sciapp user guide", guide_text(), window)
    elif which == "shortcuts":
        window.partnerships  # noqa: B018  (built first: its actions' keys are listed too)
        dialog = HelpDialog("Keyboard shortcuts", shortcuts_text(window), window)
    else:
        text = about_text(
            window.workspace.location,
            window.workspace.schema_version,
            str(window.paths.data_dir),
            str(window.paths.log_dir),
        )
        dialog = HelpDialog("About sciapp", text, window)
    dialog.open_window()
    return dialog
