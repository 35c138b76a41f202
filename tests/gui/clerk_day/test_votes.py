"""Scenarios: a motion voted by roll call in meeting mode changes the partnership at once
everywhere; a resolution linked to a motion is adopted and locked by the vote, and prints
as `sciapp render` does."""

import datetime as dt

from PySide6.QtCore import Qt

from sciapp.cli import main as cli
from tests.gui.clerk_day.test_meetings import open_meeting
from tests.gui.helpers import (
    choose,
    click,
    go_to,
    list_lines,
    modal,
    press,
    print_to_file,
    row_with,
    save_as,
    show_tab,
    type_into,
)
from tests.pdf.conftest import pdf_text


def vote_yes_for_all(qtbot, expected: str):
    """The keyboard roll call: Y for everyone called, then Enter records it."""

    def answer(dialog):
        called = len(dialog.callable)
        assert called > 0
        assert dialog.outcome.text() == "Waiting for the first vote"
        for _ in range(called):
            qtbot.keyClick(dialog, Qt.Key.Key_Y)
        assert dialog.current.text() == "All present have voted"
        assert dialog.outcome.text() == expected
        qtbot.keyClick(dialog, Qt.Key.Key_Return)

    return answer


def put_motion(qtbot, text: str, partnership: str = "", action: str = ""):
    def answer(dialog):
        type_into(qtbot, dialog.text, text)
        choose(qtbot, dialog.mover, dialog.mover.itemText(1))
        choose(qtbot, dialog.seconder, dialog.seconder.itemText(2))
        if partnership:
            dialog.action_box.setChecked(True)  # the group's check box
            choose(qtbot, dialog.partnership, partnership)
            choose(qtbot, dialog.action, action)
        press(qtbot, dialog, "Put the motion")

    return answer


def council_meeting(qtbot, window):
    page = go_to(qtbot, window, "Meetings")
    return open_meeting(qtbot, page, dt.date.today() + dt.timedelta(days=3))


def test_a_vote_in_meeting_mode_reinstates_st_petersburg_everywhere_at_once(qtbot, window):
    register = go_to(qtbot, window, "Partnerships")
    spb = row_with(register.table, "St. Petersburg")
    assert register.table.model().index(spb, 4).data() == "Suspended"
    start = go_to(qtbot, window, "Start")
    assert any(
        line.startswith("St. Petersburg, Russia") and line.endswith("(suspended)")
        for line in start.lines("anniversaries")
    )

    editor = council_meeting(qtbot, window)
    click(qtbot, editor.mode_button)
    mode = window.meeting_windows[editor.detail.id]
    qtbot.waitExposed(mode)
    for member in editor.detail.attendance:  # each arrives, one click each
        click(qtbot, mode.attendance_buttons[member.member_id])
    assert mode.quorum.has_quorum

    expected = "Adopted 8–0 (majority of votes cast required)"
    with modal(
        qtbot,
        put_motion(
            qtbot,
            "Reinstate the sister-city relationship with St. Petersburg",
            "St. Petersburg",
            "Reinstate",
        ),
        vote_yes_for_all(qtbot, expected),
    ):
        click(qtbot, mode.motion_button)

    assert mode.isVisible()  # meeting mode is still open
    assert expected in mode.last_vote.text()  # and says what was decided
    motions = show_tab(qtbot, editor.tabs, "Motions")
    assert expected in list_lines(motions.list)[-1]
    register = go_to(qtbot, window, "Partnerships")
    spb = row_with(register.table, "St. Petersburg")
    assert register.table.model().index(spb, 4).data() == "Active"
    start = go_to(qtbot, window, "Start")
    line = next(x for x in start.lines("anniversaries") if x.startswith("St. Petersburg"))
    assert not line.endswith("(suspended)")
    mode.close()


def test_a_resolution_adopted_by_the_vote_is_locked_and_prints_as_rendered(qtbot, window, tmp_path):
    editor = council_meeting(qtbot, window)
    attendance = show_tab(qtbot, editor.tabs, "Attendance")
    click(qtbot, attendance.all_present_button)
    motions = show_tab(qtbot, editor.tabs, "Motions")
    with modal(
        qtbot,
        put_motion(qtbot, "Adopt the resolution welcoming the Otsu delegation"),
        lambda roll_call: press(qtbot, roll_call, "Cancel"),  # the vote comes later
    ):
        click(qtbot, motions.new_button)

    documents = go_to(qtbot, window, "Documents")
    click(qtbot, documents.new_resolution_button)
    resolution = documents.resolution_editor
    type_into(qtbot, resolution.title, "Welcoming the delegation from Otsu")
    type_into(qtbot, resolution.operative, "the Council welcomes the delegation from Otsu")
    click(qtbot, resolution.save_button)
    number = resolution.number  # numbered when first saved
    choose(qtbot, resolution.motion, "Adopt the resolution welcoming the Otsu delegation")
    assert any(line.startswith(f"{number} · Draft") for line in list_lines(documents.resolutions))

    editor = council_meeting(qtbot, window)
    motions = show_tab(qtbot, editor.tabs, "Motions")
    with modal(qtbot, vote_yes_for_all(qtbot, "Adopted 8–0 (majority of votes cast required)")):
        click(qtbot, motions.roll_button)

    documents = go_to(qtbot, window, "Documents")  # no restart
    assert any(line.startswith(f"{number} · Adopted") for line in list_lines(documents.resolutions))
    assert resolution.number == number
    assert "Adopted, locked" in resolution.status.text()
    assert not resolution.title.isEnabled()
    assert not resolution.save_button.isEnabled()
    assert not resolution.motion.isEnabled()  # sealed means locked, the link too

    rendered = tmp_path / "rendered.pdf"
    assert (
        cli(
            [
                "--db",
                str(window.workspace.path),
                "render",
                "resolution",
                number,
                "-o",
                str(rendered),
            ]
        )
        == 0
    )
    expected = pdf_text(rendered.read_bytes())
    seal = window.workspace.seals.seal_of(
        "resolution", window.workspace.documents.resolution(number).id
    )
    assert seal.digest in " ".join(expected.split())
    saved, printed = tmp_path / "saved.pdf", tmp_path / "printed.pdf"
    with modal(qtbot, save_as(qtbot, saved)):
        click(qtbot, resolution.pdf_button)
    with modal(qtbot, print_to_file(qtbot, printed)):
        click(qtbot, resolution.print_button)
    assert pdf_text(saved.read_bytes()) == expected
    assert pdf_text(printed.read_bytes()) == expected
    assert "DRAFT" not in expected
