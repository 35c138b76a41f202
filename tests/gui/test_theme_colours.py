"""Colours that mean something come from the theme, never as a fixed colour in a view, and
each reads on what it is drawn on in both variants."""

import re
from pathlib import Path

from sciapp.gui import theme

GUI = Path(theme.__file__).parent
FIXED = re.compile(
    r"#[0-9a-fA-F]{6}\b|\b(?:color|background)\s*:\s*(?:white|black)\b"
    r"|QColor\(\"(?:white|black)\"\)|\"(?:white|black)\""
)


def luminance(hex_colour: str) -> float:
    rgb = [int(hex_colour[i : i + 2], 16) / 255 for i in (1, 3, 5)]
    lin = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in rgb]
    return 0.2126 * lin[0] + 0.7152 * lin[1] + 0.0722 * lin[2]


def contrast(a: str, b: str) -> float:
    high, low = sorted((luminance(a), luminance(b)), reverse=True)
    return (high + 0.05) / (low + 0.05)


def test_no_view_writes_a_fixed_colour():
    found = [
        f"{path.relative_to(GUI)}:{number}: {line.strip()}"
        for path in GUI.rglob("*.py")
        if path.name != "theme.py"
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
        if FIXED.search(line)
    ]
    assert found == []


def test_badges_dots_and_the_projector_read_in_both_variants():
    bases = {"light": "#ffffff", "dark": "#1e1f22"}
    for variant, colours in theme.COLOURS.items():
        for fill in ("quorum_fill", "no_quorum_fill"):
            assert contrast(colours["fill_text"], colours[fill]) >= 4.5, (variant, fill)
        assert contrast(colours["on_danger"], colours["danger"]) >= 4.5, variant
        for button in ("projector_back", "projector_button"):
            assert contrast(colours["projector_text"], colours[button]) >= 4.5, (variant, button)
        for status in ("proposed", "active", "suspended", "terminated"):
            dot = colours[f"status_{status}"]
            assert contrast(dot, bases[variant]) >= 3.0, (variant, status)  # a graphic: 3:1


def test_the_quorum_badge_and_the_status_dots_follow_the_theme(qtbot):
    from PySide6.QtWidgets import QApplication

    from sciapp.gui.meetings.quorum_badge import QuorumBadge
    from sciapp.gui.partnerships.table_model import status_colour
    from sciapp.services.meetings.records import QuorumState

    badge = QuorumBadge()
    qtbot.addWidget(badge)
    app = QApplication.instance()
    try:
        theme.apply_theme(app, "dark")
        badge.show_state(QuorumState(required=5, voting_present=7, rule="a majority of the seats"))
        assert theme.COLOURS["dark"]["quorum_fill"] in badge.styleSheet()
        assert status_colour("active").name() == theme.COLOURS["dark"]["status_active"]
        theme.apply_theme(app, "light")
        assert status_colour("active").name() == theme.COLOURS["light"]["status_active"]
    finally:
        theme.apply_theme(app, "light")
