"""What the screen says and how it fits: messages and history in the forms' words, dates and
times one way everywhere, both themes readable, and a window that fits 1024 × 768."""

import datetime as dt
import re

import pytest
from PySide6.QtCore import QDate, Qt
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QApplication, QLabel

from sciapp.gui import theme
from sciapp.gui.main_window import AREAS
from sciapp.gui.widgets.columns import date_samples
from sciapp.gui.widgets.dialogs import Dialog, title_width
from sciapp.gui.widgets.pickers import date_picker, datetime_picker, time_picker
from tests.gui.clerk_day.test_meetings import last_week_draft, open_meeting
from tests.gui.helpers import (
    choose,
    click,
    click_row,
    go_to,
    modal,
    press,
    read_box,
    show_tab,
    type_into,
)

NBSP = "\u00a0"


# -- words ---------------------------------------------------------------------------------


def test_a_refused_motion_names_the_fields_by_the_forms_labels(qtbot, window):
    page = go_to(qtbot, window, "Meetings")
    editor = open_meeting(qtbot, page, last_week_draft(window))
    tab = show_tab(qtbot, editor.tabs, "Motions")
    said = []

    def answer(dialog):
        press(qtbot, dialog, "Put the motion")  # nothing typed
        said.append(dialog.problem.text())
        type_into(qtbot, dialog.text, "Fund the Sakaide exchange")
        choose(qtbot, dialog.mover, dialog.mover.itemText(1))
        choose(qtbot, dialog.seconder, dialog.mover.itemText(1))  # the mover seconds
        press(qtbot, dialog, "Put the motion")
        said.append(dialog.problem.text())
        press(qtbot, dialog, "Cancel")

    with modal(qtbot, answer):
        click(qtbot, tab.new_button)
    assert said[0].startswith("Motion: enter the motion's text")
    assert "Seconder: the mover cannot second their own motion" in said[1]
    for text in said:
        assert not text.startswith(("text:", "seconder:", "mover:"))


def test_a_departure_before_the_arrival_is_refused_in_the_columns_words(qtbot, window):
    page = go_to(qtbot, window, "Meetings")
    editor = open_meeting(qtbot, page, last_week_draft(window))
    attendance = show_tab(qtbot, editor.tabs, "Attendance")
    arrived = attendance.table.cellWidget(0, 2)
    type_into(qtbot, arrived, "7:30 pm")
    qtbot.keyClick(arrived, Qt.Key.Key_Return)
    arrived, left = attendance.table.cellWidget(0, 2), attendance.table.cellWidget(0, 3)
    assert arrived.text() == f"7:30{NBSP}PM"  # read back as the locale writes times
    said = []
    with modal(qtbot, read_box(said)):
        type_into(qtbot, left, "7:10 pm")
        qtbot.keyClick(left, Qt.Key.Key_Return)
    assert said == ["Left: cannot be before the arrival"]


def test_the_history_shows_labels_and_values_as_the_form_does(qtbot, window):
    page = go_to(qtbot, window, "Partnerships")
    click_row(qtbot, page.table, "St. Petersburg")
    show_tab(qtbot, page.detail_tabs, "History")
    first = page.history.topLevelItem(page.history.topLevelItemCount() - 1)
    lines = [first.child(i).text(2) for i in range(first.childCount())]
    assert "Country: Russia" in lines
    assert "Kind: Sister city" in lines
    assert not any(line.split(":")[0].islower() or "_" in line for line in lines)
    assert not any(": RU" in line or "sister_city" in line for line in lines)
    when = first.text(0)
    assert when[:3].isalpha()  # "Dec 1, 2026, 7:02 PM", not "2026-12-01 19:02"


def test_a_whole_trail_names_records_by_what_they_are(qtbot, window):
    entries = window.workspace.audit.entries()
    lines = {e.what for e in entries}
    assert "Created partnership St. Petersburg" in lines
    assert any(line.startswith("Changed attendance of ") for line in lines)
    numbered = re.compile(r"(attendance|vote|motion|seal|change|item|comment) \d+$")
    assert not any(numbered.search(line) for line in lines)  # "update attendance 56"


def test_terms_ending_are_counted_in_english(qtbot, window):
    page = go_to(qtbot, window, "Members")
    summary = page.summary.text()
    assert "term(s)" not in summary
    assert "1 term ends within 90 days" in summary or "terms end within" in summary


def test_a_resolutions_status_is_said_once(qtbot, window):
    page = go_to(qtbot, window, "Documents")
    status = page.resolution_editor.status.text()
    assert "(locked: adopted)" not in status
    assert status.count("dopted") == 1


# -- dates and times -----------------------------------------------------------------------


def test_pickers_show_the_month_by_name_and_12_hour_times(qtbot):
    day = date_picker(dt.date(2026, 12, 1))
    qtbot.addWidget(day)
    assert day.displayFormat() == "MMM d, yyyy"
    assert day.text() == "Dec 1, 2026"
    at = time_picker(dt.time(19, 2))
    qtbot.addWidget(at)
    assert at.displayFormat() == "h:mm AP"
    assert at.text() == "7:02 PM"
    moment = datetime_picker(dt.datetime(2026, 12, 1, 19, 2))
    qtbot.addWidget(moment)
    assert moment.text() == "Dec 1, 2026 7:02 PM"
    day.setDate(QDate(2026, 1, 12))
    assert day.text() == "Jan 12, 2026"  # never "1 12 2026"


def test_lists_and_headings_write_dates_and_times_one_way(qtbot, window):
    start = window.dashboard
    today = dt.date.today()
    assert start.title.text() == f"Today, {today:%A, %B} {today.day}, {today.year}"
    upcoming = start.lines("upcoming")
    assert upcoming
    assert all(re.search(r"\b1?\d:\d\d\u00a0[AP]M\b", line) for line in upcoming)
    page = go_to(qtbot, window, "Meetings")
    times = {page.model.index(r, 1).data() for r in range(page.model.rowCount())}
    assert times
    assert all(t.endswith(("AM", "PM")) for t in times)
    dates = [page.model.index(r, 0).data() for r in range(page.model.rowCount())]
    assert all(re.fullmatch(r"[A-Z][a-z]{2} \d{1,2}, \d{4}", d) for d in dates)
    editor = open_meeting(qtbot, page, last_week_draft(window))
    heading = editor.heading.text()
    assert "PM —" in heading
    assert not re.search(r"\d{4}-\d{2}-\d{2}", heading)  # "due 2026-12-11" no more


@pytest.mark.parametrize("area", ["Partnerships", "Meetings", "Members"])
def test_date_columns_fit_their_dates(qtbot, window, area):
    page = go_to(qtbot, window, area)
    table = page.table
    metrics = table.fontMetrics()
    widest = max(metrics.horizontalAdvance(s) for s in date_samples("en_US"))
    header = table.horizontalHeader()
    model = table.model()
    for column in range(model.columnCount()):
        title = str(model.headerData(column, Qt.Orientation.Horizontal))
        if title in ("Date", "Since", "Established", "Term start", "Term end"):
            assert header.sectionSize(column) > widest + 8, title


# -- themes --------------------------------------------------------------------------------


@pytest.fixture
def dark(qapp):
    theme.apply_theme(qapp, "dark")
    yield
    theme.apply_theme(qapp, "light")


def _lightness(label: QLabel) -> int:
    return label.palette().color(QPalette.ColorRole.WindowText).lightness()


def test_switching_to_dark_repaints_titles_and_captions(qtbot, window, qapp):
    page = go_to(qtbot, window, "Partnerships")
    click_row(qtbot, page.table, "Otsu")
    title, subtitle = page.detail.title, page.detail.subtitle
    assert _lightness(title) < 100  # dark text on the light theme
    theme.apply_theme(qapp, "dark")
    try:
        QApplication.processEvents()
        assert _lightness(title) > 180, "the title follows the dark palette"
        assert _lightness(window.dashboard.title) > 180
        assert theme.COLOURS["dark"]["muted"] in subtitle.styleSheet()
    finally:
        theme.apply_theme(qapp, "light")
    assert theme.COLOURS["light"]["muted"] in subtitle.styleSheet()


def test_the_quorum_note_uses_the_themes_green(qtbot, window, dark):
    page = go_to(qtbot, window, "Meetings")
    editor = open_meeting(qtbot, page, last_week_draft(window))
    attendance = show_tab(qtbot, editor.tabs, "Attendance")
    text = attendance.quorum_label.text()
    assert theme.COLOURS["dark"]["success"] in text or theme.COLOURS["dark"]["danger"] in text
    assert "#15803d" not in text


def test_theme_colours_read_on_their_backgrounds():
    def luminance(hex_colour):
        rgb = [int(hex_colour[i : i + 2], 16) / 255 for i in (1, 3, 5)]
        lin = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in rgb]
        return 0.2126 * lin[0] + 0.7152 * lin[1] + 0.0722 * lin[2]

    def contrast(a, b):
        high, low = sorted((luminance(a), luminance(b)), reverse=True)
        return (high + 0.05) / (low + 0.05)

    backgrounds = {"light": ("#efefef", "#ffffff"), "dark": ("#2b2d31", "#1e1f22")}
    for variant, colours in theme.COLOURS.items():
        for name in ("muted", "danger", "warning", "success", "error"):
            for background in backgrounds[variant]:
                assert contrast(colours[name], background) >= 4.5, (variant, name, background)
        assert contrast(colours["banner_text"], colours["banner"]) >= 4.5


def test_the_theme_can_be_chosen_for_one_session(monkeypatch):
    from sciapp.gui.app import THEME_ENV, session_theme

    monkeypatch.delenv(THEME_ENV, raising=False)
    assert session_theme(None, "light") == "light"
    assert session_theme("dark", "light") == "dark"
    monkeypatch.setenv(THEME_ENV, "Dark")
    assert session_theme(None, "light") == "dark"
    monkeypatch.setenv(THEME_ENV, "purple")
    assert session_theme(None, "system") == "system"


# -- small screens -------------------------------------------------------------------------


def test_the_main_window_fits_a_1024_by_768_screen(qtbot, window):
    for area in AREAS:  # every area built, as after a day's use
        go_to(qtbot, window, area)
    hint = window.minimumSizeHint()
    assert hint.width() <= 1000, hint  # a window frame's few pixels to spare
    assert hint.height() <= 700, hint  # a taskbar and a title bar too
    window.resize(1024, 740)
    QApplication.processEvents()
    assert window.width() == 1024


def test_the_sidebar_shows_every_area_whole(qtbot, window):
    sidebar = window.sidebar
    metrics = sidebar.fontMetrics()
    for row in range(sidebar.count()):
        item = sidebar.item(row)
        rect = sidebar.visualItemRect(item)
        assert metrics.horizontalAdvance(item.text()) + 8 <= rect.width(), item.text()
        assert rect.right() <= sidebar.viewport().width()
    window.resize(1024, 740)
    QApplication.processEvents()
    assert sidebar.width() == sidebar.minimumWidth()  # never squeezed


def test_the_meeting_tabs_fit_at_the_default_size(qtbot, window):
    page = go_to(qtbot, window, "Meetings")
    open_meeting(qtbot, page, last_week_draft(window))
    bar = page.editor.tabs.tabBar()
    QApplication.processEvents()
    needed = sum(bar.tabSizeHint(i).width() for i in range(bar.count()))
    assert needed <= page.editor.tabs.width()


def test_a_dialog_is_as_wide_as_its_title(qtbot, window):
    dialog = Dialog(window)
    dialog.setWindowTitle("Voice or hand vote on a very long motion title")
    dialog.resize(200, 100)
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.width() >= title_width(dialog)
    dialog.close()
