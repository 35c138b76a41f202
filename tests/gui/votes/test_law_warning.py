"""A motion to establish or reinstate a tie a state law bars is warned about, with the
citation, as it is put and at the roll call; the body still decides (Pecan Springs, Texas)."""

import datetime as dt

import pytest

from sciapp.domain.status import Status
from tests.gui.clerk_day.test_meetings import open_meeting
from tests.gui.helpers import choose, click, go_to, modal, press, show_tab, type_into
from tests.gui.texas import texas_window


@pytest.fixture
def window(qtbot, tmp_path):
    with texas_window(qtbot, tmp_path) as win:
        yield win


def test_establishing_a_barred_tie_is_warned_about_before_the_vote(qtbot, window):
    page = go_to(qtbot, window, "Meetings")
    editor = open_meeting(qtbot, page, dt.date.today())
    tab = show_tab(qtbot, editor.tabs, "Motions")
    seen = {}

    def fill(dialog):
        type_into(qtbot, dialog.text, "Establish the friendship tie with Harbin")
        assert not dialog.law_warning.isVisible()
        dialog.action_box.setChecked(True)
        choose(qtbot, dialog.partnership, "Harbin, China (proposed)")
        assert dialog.action.currentText() == "Establish"
        assert dialog.law_warning.isVisible()
        seen["put"] = dialog.law_warning.text()
        choose(qtbot, dialog.partnership, "Monterrey, Mexico (active)")
        assert not dialog.law_warning.isVisible()  # suspending or ending a tie: no warning
        choose(qtbot, dialog.partnership, "Tver, Russia (active)")
        assert not dialog.law_warning.isVisible()
        choose(qtbot, dialog.partnership, "Harbin, China (proposed)")
        press(qtbot, dialog, "Put the motion")  # the warning informs; it does not refuse

    def roll_call(dialog):
        seen["roll call"] = dialog.law_warning.text()
        assert dialog.law_warning.isVisible()
        press(qtbot, dialog, "Cancel")

    with modal(qtbot, fill, roll_call):
        click(qtbot, tab.new_button)
    assert seen["put"] == (
        "⚠ Establishing a tie with Harbin, China is barred by Tex. Gov't Code §795.003. "
        "The body decides; the motion is recorded as voted."
    )
    assert seen["roll call"] == seen["put"]
    (motion,) = window.workspace.motions.all_motions()
    assert motion.action.value == "establish"
    harbin = next(
        r for r in window.workspace.partnerships.list_rows() if r.partner_city == "Harbin"
    )
    assert harbin.status == Status.PROPOSED.value  # nothing decided yet
