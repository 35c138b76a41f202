"""A travel request drafted from an activity: a letter to the council or to the partner
city's mayor, or an item on the next meeting's agenda."""

import datetime as dt

import pytest

from sciapp.demo import load_demo
from sciapp.services.activities.travel import (
    Addressee,
    add_agenda_item,
    draft_letter,
    letter_draft,
    upcoming_meetings,
)
from sciapp.services.errors import NotFoundError

TODAY = dt.date(2024, 6, 15)


@pytest.fixture
def demo(workspace):
    load_demo(workspace, TODAY)
    return workspace


def otsu(workspace):
    return next(a for a in workspace.activities.list() if a.partner_city == "Otsu")


def test_the_council_letter_carries_dates_place_participants_and_budget(demo):
    trip = otsu(demo)
    draft = letter_draft(demo, trip.id, Addressee.COUNCIL, TODAY)
    text = " ".join(draft.body)
    assert draft.subject == "Travel request: Official delegation to Otsu"
    assert draft.salutation == "Dear Council Members:"
    assert "Otsu, Shiga Prefecture" in text
    assert f"{len(trip.participants)} participants" in text
    assert "$12,000.00" in text
    assert draft.signers  # from the commission, signed by its chair


def test_the_partner_letter_is_addressed_to_the_mayor_from_the_ties_contacts(demo):
    draft = letter_draft(demo, otsu(demo).id, Addressee.PARTNER, TODAY)
    assert draft.to[:3] == ("佐藤 直美", "Naomi Sato", "Mayor of Otsu")
    assert draft.salutation == "Dear Mayor Sato:"
    saved = draft_letter(demo, otsu(demo).id, Addressee.PARTNER, TODAY)
    assert demo.documents.letter(saved.id).draft.subject == draft.subject


def test_an_agenda_item_on_the_next_meeting(demo):
    trip = otsu(demo)
    (meeting, *_rest) = upcoming_meetings(demo, TODAY)
    assert meeting.date >= TODAY
    item = add_agenda_item(demo, trip.id, meeting.id)
    assert item.title.startswith("Travel request: Official delegation to Otsu")
    assert "budget $12,000.00" in item.title
    titles = [i.title for i in demo.meetings.get(meeting.id).items]
    assert item.title in titles
    with pytest.raises(NotFoundError):
        add_agenda_item(demo, trip.id, 99999)
