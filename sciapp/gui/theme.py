"""Light, dark, or whatever the system uses (a setting, or `--theme`/$SCIAPP_THEME for one
session). Colours that mean something (a warning, a lost quorum, a muted caption) come from
here, in a light and a dark variant, never as a fixed hex in a view: `colour("danger")` for
text a view writes, `themed(widget, "color: {muted};")` for a style sheet, re-applied when the
theme changes (a style sheet otherwise keeps the palette it was first polished with)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QFont, QPalette
from PySide6.QtWidgets import QApplication, QWidget

THEMES = {"system": "Follow the system", "light": "Light", "dark": "Dark"}
_system_palette: QPalette | None = None
STYLE_PROPERTY = "sciappStyle"  # a widget's style-sheet template, filled with COLOURS
BANNER = "background: {banner}; color: {banner_text}; padding: 6px;"  # a note across a pane

# Each at 4.5:1 or more against the window and base colours of its variant (WCAG AA).
COLOURS = {
    "light": {
        "muted": "#5f6368",  # captions, subtitles, hints
        "danger": "#b91c1c",  # overdue, no quorum, cancelled, unsaved
        "warning": "#9a4a06",  # vacancies, a notice too late, terms ending
        "success": "#166534",  # quorum
        "error": "#b3261e",  # a form's refusal
        "banner": "#fef3c7",  # a note across a pane (locked, another day)
        "banner_text": "#422006",
        "line": "#c7c7cc",  # the history's timeline
        "paper_back": "#8a8f98",  # behind the preview's pages
        # A filled badge (quorum, no quorum) with white text on it: the same in both variants.
        "quorum_fill": "#15803d",
        "no_quorum_fill": "#b91c1c",
        "fill_text": "#ffffff",
        "on_danger": "#ffffff",  # a mark drawn on the danger colour (the law badge's "!")
        "paper": "#ffffff",  # a printed page in the preview
        # The room's screen (vote results) is dark whatever the laptop's theme.
        "projector_back": "#111827",
        "projector_button": "#374151",
        "projector_text": "#ffffff",
        # A partnership's status dot (3:1 or more against the base colour, a graphic).
        "status_proposed": "#6b7280",
        "status_active": "#15803d",
        "status_suspended": "#b45309",
        "status_terminated": "#b91c1c",
    },
    "dark": {
        "muted": "#a8acb3",
        "danger": "#fca5a5",
        "warning": "#fcd34d",
        "success": "#4ade80",
        "error": "#f9a8a0",
        "banner": "#4a3a10",
        "banner_text": "#fde68a",
        "line": "#5a5d63",
        "paper_back": "#45484e",
        "quorum_fill": "#15803d",
        "no_quorum_fill": "#b91c1c",
        "fill_text": "#ffffff",
        "on_danger": "#1e1f22",
        "paper": "#ffffff",
        "projector_back": "#111827",
        "projector_button": "#374151",
        "projector_text": "#ffffff",
        "status_proposed": "#9ca3af",
        "status_active": "#4ade80",
        "status_suspended": "#fbbf24",
        "status_terminated": "#f87171",
    },
}


def apply_theme(app: QApplication, theme: str) -> None:
    global _system_palette
    if _system_palette is None:
        _system_palette = QPalette(app.palette())
    hints = app.styleHints()
    scheme = {"light": Qt.ColorScheme.Light, "dark": Qt.ColorScheme.Dark}
    hints.setColorScheme(scheme.get(theme, Qt.ColorScheme.Unknown))
    if theme == "dark":
        app.setPalette(dark_palette())
    elif theme == "light":
        app.setPalette(app.style().standardPalette())
    else:
        app.setPalette(_system_palette)
    restyle(app)


def is_dark(palette: QPalette | None = None) -> bool:
    """True when the window is darker than its text (a dark theme, or a dark system)."""
    if palette is None:
        app = QApplication.instance()
        palette = app.palette() if isinstance(app, QApplication) else QPalette()
    window = palette.color(QPalette.ColorRole.Window)
    text = palette.color(QPalette.ColorRole.WindowText)
    return window.lightness() < text.lightness()


def colours() -> dict[str, str]:
    return COLOURS["dark" if is_dark() else "light"]


def colour(name: str) -> str:
    """The hex colour for a meaning ("danger", "muted" …) in the current theme."""
    return colours()[name]


def themed(widget: QWidget, template: str) -> None:
    """Give `widget` the style sheet `template` ("color: {muted};"), now and whenever the
    theme changes."""
    widget.setProperty(STYLE_PROPERTY, template)
    widget.setStyleSheet(template.format(**colours()))


def restyle(app: QApplication) -> None:
    """After a palette change: every themed style sheet takes the new colours, and every
    other style sheet is polished again so its text follows the new palette."""
    values = colours()
    for widget in app.allWidgets():
        template = widget.property(STYLE_PROPERTY)
        if isinstance(template, str) and template:
            widget.setStyleSheet(template.format(**values))
        elif widget.styleSheet():
            widget.setStyleSheet(widget.styleSheet())


def dark_palette() -> QPalette:
    """A dark palette for the Fusion style, where the platform offers none."""
    p = QPalette()
    base, window, text = QColor("#1e1f22"), QColor("#2b2d31"), QColor("#e6e6e6")
    roles = {
        QPalette.ColorRole.Window: window,
        QPalette.ColorRole.WindowText: text,
        QPalette.ColorRole.Base: base,
        QPalette.ColorRole.AlternateBase: QColor("#26282c"),
        QPalette.ColorRole.ToolTipBase: window,
        QPalette.ColorRole.ToolTipText: text,
        QPalette.ColorRole.PlaceholderText: QColor("#8a8d93"),
        QPalette.ColorRole.Text: text,
        QPalette.ColorRole.Button: window,
        QPalette.ColorRole.ButtonText: text,
        QPalette.ColorRole.BrightText: QColor("#ff6b6b"),
        QPalette.ColorRole.Highlight: QColor("#3d7bd9"),
        QPalette.ColorRole.HighlightedText: QColor("#ffffff"),
        QPalette.ColorRole.Link: QColor("#7fb2ff"),
        QPalette.ColorRole.Mid: QColor("#44474d"),
    }
    for role, color in roles.items():
        p.setColor(role, color)
    disabled = QColor("#7a7d83")
    for role in (
        QPalette.ColorRole.Text,
        QPalette.ColorRole.ButtonText,
        QPalette.ColorRole.WindowText,
    ):
        p.setColor(QPalette.ColorGroup.Disabled, role, disabled)
    return p


def heading(label: QWidget, points: float = 16) -> None:
    """A page's title: large and bold by its font, not a style sheet, so its colour is the
    palette's whatever the theme."""
    font = QFont(label.font())
    font.setPointSizeF(points)
    font.setWeight(QFont.Weight.DemiBold)
    label.setFont(font)
