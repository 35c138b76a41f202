"""Meetings hold to the domain's text rules: what the notice and the minutes print has no
control characters and fits its column, with the field named when it does not."""

import dataclasses
import datetime as dt

import pytest

from sciapp.domain.bodies import BodyKind
from sciapp.services.errors import ValidationError
from sciapp.services.meetings.records import MeetingDraft

CONTROL = "must not contain control characters (found U+001B)"


@pytest.fixture
def meeting(workspace):
    body = workspace.bodies.create_body("Commission", BodyKind.COMMISSION, 5)
    return workspace.meetings.create(MeetingDraft(body.id, dt.date(2030, 3, 8), dt.time(19)))


def refused(call, *args):
    with pytest.raises(ValidationError) as info:
        call(*args)
    return info.value.errors


def test_place_and_link(workspace, meeting):
    draft = MeetingDraft(meeting.body.id, meeting.date, meeting.start_time)
    assert refused(workspace.meetings.create, dataclasses.replace(draft, place="Hall\x1b[2J")) == {
        "place": CONTROL
    }
    long_link = dataclasses.replace(draft, remote_link="https://x/" + "a" * 500)
    assert refused(workspace.meetings.update, meeting.id, long_link) == {
        "remote_link": "at most 500 characters (this has 510)"
    }


def test_agenda_items_and_their_notes(workspace, meeting):
    assert refused(workspace.meetings.add_item, meeting.id, "Budget\x1b") == {"title": CONTROL}
    assert refused(workspace.meetings.add_item, meeting.id, "   ") == {
        "title": "enter the item's title"
    }
    item = workspace.meetings.add_item(meeting.id, "Sister\u200bcities")
    assert item.title == "Sistercities"
    assert refused(workspace.meetings.rename_item, item.id, "T" * 301) == {
        "title": "at most 300 characters (this has 301)"
    }
    assert refused(workspace.meetings.set_item_notes, item.id, "said \x1b[8m hidden") == {
        "notes": CONTROL
    }
    workspace.meetings.set_item_notes(item.id, "Moved by Ada.\n\tSeconded by Ben.")


def test_guests_and_public_comment(workspace, meeting):
    assert refused(workspace.meetings.add_guest, meeting.id, "Guest\x1b", "") == {"name": CONTROL}
    assert refused(workspace.meetings.add_guest, meeting.id, "Guest", "R" * 101) == {
        "role": "at most 100 characters (this has 101)"
    }
    assert refused(workspace.meetings.add_comment, meeting.id, "Ann", "Tax\x1b", "") == {
        "topic": CONTROL
    }
    assert refused(workspace.meetings.add_comment, meeting.id, "Ann", "", "x\x00") == {
        "summary": "must not contain control characters (found U+0000)"
    }
    guest = workspace.meetings.add_guest(meeting.id, "  Mayor\u200b  Schor ", "Mayor")
    assert guest.name == "Mayor Schor"
    detail = workspace.meetings.get(meeting.id)
    assert [g.name for g in detail.guests] == ["Mayor Schor"]
    assert detail.comments == ()
