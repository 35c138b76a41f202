"""Meeting mode's quorum badge says "Quorum: 7 present, 5 needed" (never "7 of 5 needed"),
shows its whole text in its large font, and the window, its title and header fit a
1024 × 768 projector."""

import re

import pytest
from PySide6.QtGui import QFont, QFontMetrics
from PySide6.QtWidgets import QApplication

from sciapp.gui.meetings.quorum_badge import badge_text
from sciapp.services.meetings.records import QuorumState
from tests.gui.meetings.test_meeting_mode import mode  # noqa: F401  # the fixture


@pytest.mark.parametrize(
    ("present", "needed", "words"),
    [
        (7, 5, "Quorum: 7 present, 5 needed"),
        (4, 5, "No quorum: 4 present, 5 needed"),
        (0, 5, "No quorum: 0 present, 5 needed"),
        (5, 5, "Quorum: 5 present, 5 needed"),
    ],
)
def test_the_badge_says_who_is_present_and_what_is_needed(present, needed, words):
    text = badge_text(QuorumState(needed, present, "majority"))
    assert text == words
    assert " of " not in text
    assert text[0].isupper()
    assert not text.isupper()  # not shouted


def test_the_badge_shows_its_whole_text_in_its_large_font(mode):  # noqa: F811
    badge = mode.quorum
    bold = QFont(badge.font())
    bold.setBold(True)
    needed = QFontMetrics(bold).horizontalAdvance("No quorum: 88 present, 88 needed")
    assert badge.minimumWidth() >= needed + 24  # its padding on both sides
    assert badge.width() >= badge.minimumWidth()


def test_meeting_mode_fits_a_1024_by_768_screen(mode):  # noqa: F811
    hint = mode.minimumSizeHint()
    assert hint.width() <= 1000, hint
    mode.resize(1024, 740)
    QApplication.processEvents()
    assert mode.width() == 1024
    for widget in (mode.close_button, mode.clock_label, mode.quorum, mode.closed_button):
        right = widget.mapTo(mode, widget.rect().topRight()).x()
        assert right <= mode.width(), widget.accessibleName() or widget.text()


def test_the_title_writes_the_date_as_lists_do(mode):  # noqa: F811
    title = mode.windowTitle()
    assert title.startswith("Meeting mode — ")
    assert not re.search(r"\d{4}-\d{2}-\d{2}", title)
    assert re.search(r"[A-Z][a-z]{2} \d{1,2}, \d{4}$", title), title
