"""A travel request drafted from an activity: a letter to the council or to the partner
city's mayor, or an item on the next meeting's agenda."""

import datetime as dt

import pytest

from sciapp.demo import load_demo
from sciapp.services.errors import NotFoundError
from sciapp.services.reports.travel import Addressee

TODAY = dt.date(2024, 6, 15)


@pytest.fixture
def demo(workspace):
    load_demo(workspace, TODAY)
    return workspace


def otsu(workspace):
    return next(a for a in workspace.activities.list() if a.partner_city == "Otsu")


def test_the_council_letter_carries_dates_place_participants_and_budget(demo):
    trip = otsu(demo)
    draft = demo.travel.letter_draft(trip.id, Addressee.COUNCIL, TODAY)
    text = " ".join(draft.body)
    assert draft.subject == "Travel request: Official delegation to Otsu"
    assert draft.salutation == "Dear Council Members:"
    assert "Otsu, Shiga Prefecture" in text
    assert f"{len(trip.participants)} participants" in text
    assert "$12,000.00" in text
    assert draft.signers  # from the commission, signed by its chair


def test_the_partner_letter_is_addressed_to_the_mayor_from_the_ties_contacts(demo):
    draft = demo.travel.letter_draft(otsu(demo).id, Addressee.PARTNER, TODAY)
    assert draft.to[:3] == ("佐藤 直美", "Naomi Sato", "Mayor of Otsu")
    assert draft.salutation == "Dear Mayor Sato:"
    saved = demo.travel.draft_letter(otsu(demo).id, Addressee.PARTNER, TODAY)
    assert demo.documents.letter(saved.id).draft.subject == draft.subject


def test_an_agenda_item_on_the_next_meeting(demo):
    trip = otsu(demo)
    (meeting, *_rest) = demo.travel.upcoming_meetings(TODAY)
    assert meeting.date >= TODAY
    item = demo.travel.add_agenda_item(trip.id, meeting.id)
    assert item.title.startswith("Travel request: Official delegation to Otsu")
    assert "budget $12,000.00" in item.title
    titles = [i.title for i in demo.meetings.get(meeting.id).items]
    assert item.title in titles
    with pytest.raises(NotFoundError):
        demo.travel.add_agenda_item(trip.id, 99999)
