import datetime as dt

import pytest
from PySide6.QtCore import Qt

from sciapp.domain.status import Status
from sciapp.domain.votes import Result
from sciapp.gui.votes.motion_dialog import MotionDialog
from sciapp.gui.votes.motions_panel import VoiceVoteDialog
from sciapp.gui.votes.roll_call import RollCallDialog
from sciapp.services.motion_records import MotionDraft
from tests.gui.partnerships.test_page import open_dialog


@pytest.fixture
def draft_meeting(demo_workspace):
    rows = demo_workspace.meetings.list_meetings()
    return next(r for r in rows if r.date < dt.date.today() and r.minutes_status.value == "draft")


@pytest.fixture
def motion(demo_workspace, draft_meeting):
    return demo_workspace.motions.create(
        draft_meeting.id, MotionDraft("Fund the Sakaide exchange", dt.time(19, 0))
    )


def press(qtbot, dialog, keys):
    for key in keys:
        qtbot.keyClick(dialog, key)


def test_live_roll_call_by_key_presses(qtbot, demo_workspace, motion):
    dialog = RollCallDialog(None, demo_workspace, motion.id)
    qtbot.addWidget(dialog)
    dialog.show()
    first = dialog.current.text()
    assert first == "Margaret Okafor"  # the chair is called first
    press(qtbot, dialog, [Qt.Key.Key_Y, Qt.Key.Key_N])
    assert dialog.tally.text().startswith("Yes 1 · No 1")
    assert dialog.outcome.text().startswith("So far: Failed on a tie 1–1")
    qtbot.keyClick(dialog, Qt.Key.Key_Backspace)  # the second member meant yes
    qtbot.keyClick(dialog, Qt.Key.Key_Y)
    assert dialog.tally.text().startswith("Yes 2 · No 0")
    assert not dialog.record_button.isEnabled()
    press(
        qtbot,
        dialog,
        [Qt.Key.Key_Y, Qt.Key.Key_A, Qt.Key.Key_R, Qt.Key.Key_N, Qt.Key.Key_Y, Qt.Key.Key_N],
    )
    assert dialog.current.text() == "All present have voted"
    assert dialog.record_button.isEnabled()
    assert dialog.outcome.text() == "Adopted 4–2, 2 abstaining (majority of votes cast required)"
    qtbot.keyClick(dialog, Qt.Key.Key_Return)
    saved = demo_workspace.motions.get(motion.id)
    assert saved.result is Result.ADOPTED
    assert saved.explanation == "Adopted 4–2, 2 abstaining (majority of votes cast required)"
    assert len(saved.votes) == 8


def test_results_window_for_the_projector(qtbot, demo_workspace, motion):
    dialog = RollCallDialog(None, demo_workspace, motion.id)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.mouseClick(dialog.screen_button, Qt.MouseButton.LeftButton)
    results = dialog.results
    qtbot.addWidget(results)
    assert results.isVisible()
    press(qtbot, dialog, [Qt.Key.Key_Y] * 8)
    assert results.tally.text() == "YES 8   NO 0   ABSTAIN 0"
    assert results.outcome.text().startswith("Adopted 8–0")
    qtbot.keyClick(results, Qt.Key.Key_Escape)
    assert not results.isVisible()


def test_putting_a_suspension_motion_and_voting_it(
    qtbot, monkeypatch, demo_workspace, draft_meeting
):
    otsu = next(r for r in demo_workspace.partnerships.list_rows() if r.partner_city == "Otsu")

    def fill(dialog):
        dialog.text.setPlainText("Suspend the Otsu tie until the exchange resumes")
        dialog.mover.setCurrentIndex(1)
        dialog.seconder.setCurrentIndex(2)
        dialog.action_box.setChecked(True)
        assert dialog.kind.currentData() == "partnership"
        dialog.partnership.setCurrentIndex(dialog.partnership.findData(otsu.id))
        dialog.accept()
        assert "say why" in dialog.problem.text()  # a suspension needs a reason
        dialog.reason.setText("The partner city asked for a pause")
        dialog.accept()

    dialog = open_dialog(
        qtbot,
        monkeypatch,
        MotionDialog,
        lambda: MotionDialog.run(None, demo_workspace, draft_meeting.id, dt.time(19, 0)),
        fill,
    )
    motion_id = dialog.created_id
    voice = VoiceVoteDialog(
        None, lambda y, n, a: demo_workspace.motions.record_voice_vote(motion_id, y, n, a)
    )
    qtbot.addWidget(voice)
    voice.yes.setValue(9)
    voice.accept()
    assert "more votes than members present" in voice.problem.text()
    voice.yes.setValue(6)
    voice.accept()
    assert demo_workspace.partnerships.get(otsu.id).status is Status.SUSPENDED


def test_motions_tab_in_the_meeting_editor(qtbot, monkeypatch, window):
    window.open_record("meeting", 1)
    editor = window.meetings.editor
    panel = editor.motions
    assert panel.list.count() == 1
    assert "Failed on a tie 3–3" in panel.list.item(0).text()
    assert not panel.new_button.isEnabled()  # the March minutes are approved: locked
    assert "MOTION: Ask the City Council" in editor.minutes_view.toPlainText()


def test_a_members_voting_record_and_a_partnerships_motions(qtbot, window):
    window.show_area(window.members)
    page = window.members
    page.show_body(2)  # the city council
    row = next(
        r for r in range(page.table.rowCount()) if page.table.item(r, 0).text() == "James Lindqvist"
    )
    record = page.voting_record(row)
    assert len(record) == 1
    assert "Suspend the sister-city relationship with St. Petersburg" in record[0]
    assert "voted no" in record[0]
    assert record[0].endswith("Adopted 7–1 (majority of votes cast required)")

    window.open_record("partnership", 7)
    detail = window.partnerships.detail
    assert detail.motions.isVisibleTo(detail)
    assert "Adopted 7–1" in detail.motions.text()
    assert "Suspended by the City Council" in detail.timeline.texts()[-1]
