"""Activities tab ▸ Draft travel request…: the small dialog's choice makes a letter draft to
the council or the partner city, or an item on an upcoming meeting's agenda."""

from __future__ import annotations

import pytest

from tests.gui.helpers import choose, click, click_row, go_to, modal, press, show_tab


@pytest.fixture
def tab(qtbot, window):
    page = go_to(qtbot, window, "Partnerships")
    click_row(qtbot, page.table, "Otsu")
    tab = show_tab(qtbot, page.detail_tabs, "Activities")
    click_row(qtbot, tab.table, "Official delegation to Otsu", 2)
    return tab


def test_a_letter_to_the_partner_city_is_drafted_from_the_activity(qtbot, window, tab) -> None:
    before = {letter.id for letter in window.workspace.documents.list_letters()}

    def to_partner(dialog) -> None:
        assert dialog.to_council.isChecked()  # the council by default
        assert not dialog.meeting.isEnabled()
        click(qtbot, dialog.to_partner)
        assert dialog.to_partner.isChecked()
        press(qtbot, dialog, "Draft")

    with modal(qtbot, to_partner):
        click(qtbot, tab.travel_button)
    (new,) = [x for x in window.workspace.documents.list_letters() if x.id not in before]
    letter = window.workspace.documents.letter(new.id).draft
    assert letter.subject == "Travel request: Official delegation to Otsu"
    assert letter.to[1] == "Naomi Sato", letter.to
    assert "Otsu, Shiga Prefecture" in " ".join(letter.body)


def test_an_agenda_item_goes_on_the_meeting_chosen(qtbot, window, tab) -> None:
    chosen: list[int] = []

    def as_item(dialog) -> None:
        click(qtbot, dialog.as_item)
        assert dialog.meeting.isEnabled()
        choose(qtbot, dialog.meeting, "Lansing Regional Sister Cities Commission")
        chosen.append(dialog.meeting.currentData())
        press(qtbot, dialog, "Draft")

    with modal(qtbot, as_item):
        click(qtbot, tab.travel_button)
    items = [i.title for i in window.workspace.meetings.get(chosen[0]).items]
    assert any(t.startswith("Travel request: Official delegation to Otsu") for t in items)


def test_cancel_drafts_nothing(qtbot, window, tab) -> None:
    before = len(window.workspace.documents.list_letters())
    with modal(qtbot, lambda dialog: press(qtbot, dialog, "Cancel")):
        click(qtbot, tab.travel_button)
    assert len(window.workspace.documents.list_letters()) == before
