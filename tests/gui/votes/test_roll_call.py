"""Motions and votes in the meeting editor: the keyboard roll call, the projector window, a
voice vote, a partnership action, the voting record."""

import datetime as dt

import pytest
from PySide6.QtCore import Qt

from sciapp.domain.status import Status
from sciapp.domain.votes import Result
from tests.gui.clerk_day.test_meetings import last_week_draft, open_meeting
from tests.gui.clerk_day.test_votes import put_motion
from tests.gui.helpers import (
    LEFT,
    choose,
    click,
    go_to,
    list_lines,
    modal,
    press,
    reply,
    show_tab,
    type_into,
)

Y, N, A, R = Qt.Key.Key_Y, Qt.Key.Key_N, Qt.Key.Key_A, Qt.Key.Key_R


@pytest.fixture
def motions(qtbot, window):
    """The motions tab of last week's draft meeting, with one motion put and not voted."""
    page = go_to(qtbot, window, "Meetings")
    editor = open_meeting(qtbot, page, last_week_draft(window))
    tab = show_tab(qtbot, editor.tabs, "Motions")
    with modal(
        qtbot,
        put_motion(qtbot, "Fund the Sakaide exchange"),
        lambda roll_call: press(qtbot, roll_call, "Cancel"),
    ):
        click(qtbot, tab.new_button)
    return tab


def keys(qtbot, dialog, presses):
    for key in presses:
        qtbot.keyClick(dialog, key)


def test_live_roll_call_by_key_presses(qtbot, window, motions):
    def roll_call(dialog):
        assert dialog.current.text() == "Hannah Becker"  # the chair is called last
        assert dialog.callable[-1].name == "Margaret Okafor"
        keys(qtbot, dialog, [Y, N])
        assert dialog.tally.text().startswith("Yes 1 · No 1")
        assert dialog.outcome.text().startswith("So far: Failed on a tie 1–1")
        qtbot.keyClick(dialog, Qt.Key.Key_Backspace)  # the second member meant yes
        qtbot.keyClick(dialog, Y)
        assert dialog.tally.text().startswith("Yes 2 · No 0")
        assert not dialog.record_button.isEnabled()
        # Seven are present when the motion is moved (Grace Mensah comes at 18:55).
        keys(qtbot, dialog, [Y, A, R, N, Y])
        assert dialog.current.text() == "All present have voted"
        qtbot.keyClick(dialog, N)  # nobody left to call: ignored
        assert dialog.record_button.isEnabled()
        assert dialog.outcome.text() == (
            "Adopted 4–1, 2 abstaining (majority of votes cast required)"
        )
        qtbot.keyClick(dialog, Qt.Key.Key_Return)

    with modal(qtbot, roll_call):
        click(qtbot, motions.roll_button)
    assert "Adopted 4–1, 2 abstaining" in list_lines(motions.list)[-1]
    saved = window.workspace.motions.get(motions.selected_id())
    assert saved.result is Result.ADOPTED
    assert len(saved.votes) == 8  # the one not yet arrived is recorded absent


def test_the_live_tally_is_counted_here_without_a_trip_to_the_database(
    qtbot, window, motions, monkeypatch
):
    db = window.workspace.db
    opened = []
    session = db.session

    def counted_session(*args, **kwargs):
        opened.append(1)
        return session(*args, **kwargs)

    def roll_call(dialog):
        monkeypatch.setattr(db, "session", counted_session)
        keys(qtbot, dialog, [Y, N, A, R, Y, Y, Y])
        assert dialog.tally.text().startswith("Yes 4 · No 1 · Abstain 1 · Recused 1")
        assert dialog.outcome.text().startswith("Adopted 4–1, 2 abstaining")
        assert opened == []  # seven key presses, no session opened
        monkeypatch.setattr(db, "session", session)
        with modal(qtbot, reply("Discard the votes")):
            press(qtbot, dialog, "Cancel")

    with modal(qtbot, roll_call):
        click(qtbot, motions.roll_button)


def test_results_window_for_the_projector(qtbot, motions):
    seen = {}

    def roll_call(dialog):
        click(qtbot, dialog.screen_button)
        results = dialog.results
        assert results.isVisible()
        keys(qtbot, dialog, [Y] * 7)
        seen["tally"] = results.tally.text()
        seen["outcome"] = results.outcome.text()
        qtbot.keyClick(results, Qt.Key.Key_Escape)  # closes the projector window only
        seen["closed"] = not results.isVisible()
        assert dialog.isVisible()
        asked = []
        with modal(qtbot, lambda box: (asked.append(box.text()), reply("Keep voting")(box))):
            qtbot.keyClick(dialog, Qt.Key.Key_Escape)  # the votes are never dropped unasked
        assert dialog.isVisible()
        assert "7 votes have been taken but not recorded" in asked[0]
        with modal(qtbot, reply("Discard the votes")):
            press(qtbot, dialog, "Cancel")

    with modal(qtbot, roll_call):
        click(qtbot, motions.roll_button)
    assert seen["tally"] == "YES 7   NO 0   ABSTAIN 0"
    assert seen["outcome"].startswith("Adopted 7–0")
    assert seen["closed"]


def test_a_suspension_motion_needs_a_reason_and_a_voice_vote_carries_it(qtbot, window):
    page = go_to(qtbot, window, "Meetings")
    editor = open_meeting(qtbot, page, last_week_draft(window))
    tab = show_tab(qtbot, editor.tabs, "Motions")

    def fill(dialog):
        type_into(qtbot, dialog.text, "Suspend the Otsu tie until the exchange resumes")
        choose(qtbot, dialog.mover, dialog.mover.itemText(1))
        choose(qtbot, dialog.seconder, dialog.seconder.itemText(2))
        dialog.action_box.setChecked(True)
        assert dialog.kind.currentData() == "partnership"
        choose(qtbot, dialog.partnership, "Otsu, Japan")
        press(qtbot, dialog, "Put the motion")
        assert "say why" in dialog.problem.text()  # a suspension needs a reason
        type_into(qtbot, dialog.reason, "The partner city asked for a pause")
        press(qtbot, dialog, "Put the motion")

    with modal(qtbot, fill, lambda roll_call: press(qtbot, roll_call, "Cancel")):
        click(qtbot, tab.new_button)

    def voice(dialog):
        dialog.yes.setValue(9)
        press(qtbot, dialog, "OK")
        assert "more votes than members present" in dialog.problem.text()
        dialog.yes.setValue(6)
        press(qtbot, dialog, "OK")

    with modal(qtbot, voice):
        click(qtbot, tab.voice_button)
    otsu = next(r for r in window.workspace.partnerships.list_rows() if r.partner_city == "Otsu")
    assert window.workspace.partnerships.get(otsu.id).status is Status.SUSPENDED


def test_the_motions_of_approved_minutes_are_locked(qtbot, window):
    page = go_to(qtbot, window, "Meetings")
    editor = open_meeting(qtbot, page, dt.date(2022, 3, 16))
    tab = show_tab(qtbot, editor.tabs, "Motions")
    assert tab.list.count() == 1
    assert "Failed on a tie 3–3" in tab.list.item(0).text()
    assert not tab.new_button.isEnabled()  # the March minutes are approved: locked
    show_tab(qtbot, editor.tabs, "Minutes")
    assert "MOTION: Ask the City Council" in editor.minutes_view.toPlainText()


def test_a_members_voting_record_and_a_partnerships_motions(qtbot, window):
    page = go_to(qtbot, window, "Members")
    choose(qtbot, page.body, "Lansing City Council")
    row = next(
        r for r in range(page.table.rowCount()) if page.table.item(r, 0).text() == "James Lindqvist"
    )
    item = page.table.item(row, 0)
    qtbot.mouseClick(page.table.viewport(), LEFT, pos=page.table.visualItemRect(item).center())
    shown = []

    def read(box):
        shown.append(box.text())
        press(qtbot, box, "OK")

    with modal(qtbot, read):
        click(qtbot, page.record_button)
    assert "Suspend the sister-city relationship with St. Petersburg" in shown[0]
    assert "voted no" in shown[0]
    assert shown[0].endswith("Adopted 7–1 (majority of votes cast required)")

    register = go_to(qtbot, window, "Partnerships")
    from tests.gui.helpers import click_row

    click_row(qtbot, register.table, "St. Petersburg")
    detail = register.detail
    assert detail.motions.isVisibleTo(detail)
    assert "Adopted 7–1" in detail.motions.text()
    assert "Suspended by the City Council" in detail.timeline.texts()[-1]


def test_a_motion_to_rescind_names_the_decision_it_changes(qtbot, window):
    page = go_to(qtbot, window, "Meetings")
    editor = open_meeting(qtbot, page, dt.date.today() + dt.timedelta(days=3))  # the council
    show_tab(qtbot, editor.tabs, "Attendance")
    click(qtbot, editor.attendance_tab.all_present_button)
    tab = show_tab(qtbot, editor.tabs, "Motions")
    problems = []

    def rescind(dialog):
        type_into(qtbot, dialog.text, "Rescind Resolution 2022-01")
        assert not dialog.refers_to.isEnabled()
        choose(qtbot, dialog.kind, "Rescind")
        assert dialog.refers_to.isEnabled()
        press(qtbot, dialog, "Put the motion")
        problems.append(dialog.problem.text())  # nothing named yet: refused, says why
        choose(qtbot, dialog.refers_to, "Resolution 2022-01")
        press(qtbot, dialog, "Put the motion")

    with modal(qtbot, rescind, lambda roll_call: press(qtbot, roll_call, "Cancel")):
        click(qtbot, tab.new_button)
    assert "name the adopted motion or the resolution" in problems[0]
    assert "Rescind Resolution 2022-01" in list_lines(tab.list)[-1]
