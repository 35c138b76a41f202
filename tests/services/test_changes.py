"""After each committed write, subscribers hear which areas and records it touched."""

import pytest

from sciapp.domain.partnership import PartnershipDraft
from sciapp.services.changes import Area, Changes
from sciapp.services.errors import ValidationError


@pytest.fixture
def heard(workspace):
    changes: list[Changes] = []
    stop = workspace.subscribe(changes.append)
    yield changes
    stop()


def otsu(**extra):
    return PartnershipDraft(
        kind="sister", partner_city="Otsu", partner_country="JP", established="1969", **extra
    )


def test_a_create_is_heard_with_its_records(workspace, heard):
    created = workspace.partnerships.create(otsu())
    assert len(heard) == 1
    assert heard[0].areas == {Area.PARTNERSHIPS}
    assert created.id in heard[0].ids("partnership")
    assert heard[0].touches_tables("status_event")


def test_a_refused_write_is_not_heard(workspace, heard):
    workspace.partnerships.create(otsu())
    heard.clear()
    with pytest.raises(ValidationError):
        workspace.partnerships.create(otsu())  # a duplicate
    assert heard == []


def test_reading_is_not_heard(workspace, heard):
    workspace.partnerships.list_rows()
    workspace.meetings.list_meetings()
    assert heard == []


def test_an_import_reports_what_it_wrote(workspace, heard):
    from sciapp.services.partnerships.csv_io import import_csv

    import_csv(workspace.db, b"kind,partner_city,partner_country\nsister,Otsu,JP\n")
    assert heard
    assert heard[-1].touches(Area.PARTNERSHIPS)
    row = workspace.partnerships.list_rows()[0]
    assert row.id in heard[-1].ids("partnership")


def test_unsubscribed_listeners_hear_nothing(workspace):
    changes: list[Changes] = []
    stop = workspace.subscribe(changes.append)
    stop()
    workspace.partnerships.create(otsu())
    assert changes == []


def test_a_failing_listener_does_not_keep_others_from_hearing(workspace, monkeypatch):
    import sys

    reported = []
    monkeypatch.setattr(sys, "excepthook", lambda *info: reported.append(info[1]))
    heard: list[Changes] = []
    workspace.subscribe(lambda _c: 1 / 0)
    workspace.subscribe(heard.append)
    workspace.partnerships.create(otsu())
    assert len(heard) == 1
    assert isinstance(reported[0], ZeroDivisionError)


def test_merging_keeps_unknown_ids_unknown():
    known = Changes.of({"partnership": [1], "motion": [2]})
    unknown = Changes.of({"partnership": []})
    merged = known.merged(unknown)
    assert merged.ids("partnership") == frozenset()
    assert merged.ids("motion") == {2}
    assert merged.areas == {Area.PARTNERSHIPS, Area.VOTES}
    assert not Changes()
    assert Changes.of({"seal": [1]}).areas == {Area.RECORDS}
