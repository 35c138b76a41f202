"""Activities on a partnership: each refusal names its field, participants and their
chaperones, files kept in the database with their digest, the change bus and the trail."""

import datetime as dt
import hashlib
import json

import pytest

from sciapp.domain.activities import ActivityKind, ParticipantRole
from sciapp.domain.partnership import PartnershipDraft
from sciapp.services.activities.records import ActivityDraft, ParticipantDraft
from sciapp.services.changes import Area, Changes
from sciapp.services.errors import NotFoundError, ValidationError


@pytest.fixture
def tie(workspace):
    draft = PartnershipDraft(
        partner_city="St. Petersburg", partner_country="RU", established="1992"
    )
    return workspace.partnerships.create(draft).id


def exchange(tie, **extra):
    fields = {
        "partnership_id": tie,
        "kind": ActivityKind.YOUTH_EXCHANGE,
        "title": "Summer youth exchange",
        "starts_on": dt.date(2024, 7, 1),
        "ends_on": dt.date(2024, 7, 15),
        "place": "St. Petersburg",
        "budget": "4,500.00",
        "spent": "4,212.50",
    }
    return ActivityDraft(**{**fields, **extra})


def test_an_activity_keeps_its_amounts_as_cents(workspace, tie):
    made = workspace.activities.add(exchange(tie))
    assert made.budget_cents == 450_000
    assert made.spent_cents == 421_250
    assert made.budget_text == "$4,500.00"
    assert made.partner_city == "St. Petersburg"
    assert [a.id for a in workspace.activities.list(partnership_id=tie)] == [made.id]
    assert [a.id for a in workspace.activities.list(year=2024)] == [made.id]
    assert workspace.activities.list(year=2023) == []


def test_each_refusal_names_its_field(workspace, tie):
    bad = exchange(tie, title=" ", budget="lots", currency="dollars", ends_on=dt.date(2024, 6, 1))
    with pytest.raises(ValidationError) as caught:
        workspace.activities.add(bad)
    assert set(caught.value.errors) == {"title", "budget_cents", "currency", "ends_on"}
    assert "Budget: an amount" in str(caught.value)
    assert "Ends: the end comes on or after the start" in str(caught.value)
    assert workspace.activities.list() == []


def test_an_activity_spanning_new_year_is_in_both_years(workspace, tie):
    made = workspace.activities.add(
        exchange(tie, starts_on=dt.date(2023, 12, 28), ends_on=dt.date(2024, 1, 4))
    )
    assert [a.id for a in workspace.activities.list(year=2023)] == [made.id]
    assert [a.id for a in workspace.activities.list(year=2024)] == [made.id]


def test_a_student_travels_with_a_chaperone_of_the_same_activity(workspace, tie):
    activity = workspace.activities.add(exchange(tie)).id
    other = workspace.activities.add(exchange(tie, title="Second trip")).id
    chaperone = workspace.activities.add_participant(
        activity, ParticipantDraft("Ms. Rivera", ParticipantRole.CHAPERONE)
    )
    student = workspace.activities.add_participant(
        activity, ParticipantDraft("Ana Ruiz", ParticipantRole.STUDENT, chaperone_id=chaperone.id)
    )
    assert student.chaperone_name == "Ms. Rivera"
    with pytest.raises(ValidationError, match="Chaperone: choose a participant of the same"):
        workspace.activities.add_participant(
            other, ParticipantDraft("Ben", ParticipantRole.STUDENT, chaperone_id=chaperone.id)
        )
    with pytest.raises(ValidationError, match="only a student travels with a chaperone"):
        workspace.activities.update_participant(
            chaperone.id,
            ParticipantDraft("Ms. Rivera", ParticipantRole.CHAPERONE, chaperone_id=student.id),
        )
    workspace.activities.remove_participant(chaperone.id)
    (left,) = workspace.activities.get(activity).participants
    assert left.chaperone_id is None


def test_a_file_is_kept_in_the_database_with_its_digest(workspace, tie):
    activity = workspace.activities.add(exchange(tie)).id
    content = b"%PDF-1.7 itinerary"
    made = workspace.activities.attach_file(activity, "C:\\trips\\itinerary.pdf", content)
    assert (made.name, made.media_type, made.size) == ("itinerary.pdf", "application/pdf", 18)
    assert made.sha256 == hashlib.sha256(content).hexdigest()
    record, read = workspace.activities.file_content(made.id)
    assert read == content
    assert record == made
    assert workspace.activities.get(activity).files == (made,)


def test_the_trail_names_the_file_but_never_holds_its_bytes(workspace, tie):
    from sqlalchemy import text

    activity = workspace.activities.add(exchange(tie)).id
    workspace.activities.attach_file(activity, "waiver.png", b"\x89PNG secret bytes")
    with workspace.db.engine.connect() as conn:
        changes = conn.execute(
            text("SELECT changes FROM audit_entry WHERE table_name = 'activity_file'")
        ).scalar_one()
    logged = json.loads(changes)
    assert "content" not in logged
    assert logged["name"] == [None, "waiver.png"]
    assert logged["sha256"][1] == hashlib.sha256(b"\x89PNG secret bytes").hexdigest()


def test_a_file_too_large_or_unnamed_is_refused(workspace, tie, monkeypatch):
    from sciapp.services.activities import service

    activity = workspace.activities.add(exchange(tie)).id
    monkeypatch.setattr(service, "MAX_FILE_BYTES", 10)
    with pytest.raises(ValidationError) as caught:
        workspace.activities.attach_file(activity, "", b"x" * 11)
    assert set(caught.value.errors) == {"name", "file"}


def test_deleting_an_activity_keeps_its_gifts_with_the_tie(workspace, tie):
    from sciapp.domain.activities import GiftDirection
    from sciapp.services.activities.records import GiftDraft

    activity = workspace.activities.add(exchange(tie)).id
    workspace.activities.attach_file(activity, "photo.jpg", b"jpeg")
    gift = workspace.gifts.add(
        GiftDraft(GiftDirection.RECEIVED, "Matryoshka", activity_id=activity)
    )
    assert gift.partnership_id == tie
    workspace.activities.delete(activity)
    kept = workspace.gifts.get(gift.id)
    assert (kept.activity_id, kept.partnership_id) == (None, tie)
    with pytest.raises(NotFoundError):
        workspace.activities.get(activity)


def test_writes_are_heard_as_activities(workspace, tie):
    heard: list[Changes] = []
    stop = workspace.subscribe(heard.append)
    made = workspace.activities.add(exchange(tie))
    workspace.activities.attach_file(made.id, "a.txt", b"a")
    stop()
    assert [c.areas for c in heard] == [{Area.ACTIVITIES}, {Area.ACTIVITIES}]
    assert made.id in heard[0].ids("activity")


def test_a_tie_with_activities_is_terminated_not_deleted(workspace, tie):
    from sciapp.domain.activities import ContactRole
    from sciapp.services.partnerships.contacts import ContactDraft

    workspace.contacts.add(ContactDraft(ContactRole.MAYOR, "Mayor", partnership_id=tie))
    made = workspace.activities.add(exchange(tie))
    with pytest.raises(ValidationError, match="1 activity recorded on it; record its termination"):
        workspace.partnerships.delete(tie)
    workspace.activities.delete(made.id)
    workspace.partnerships.delete(tie)  # its contacts go with it, each in the trail
    assert workspace.contacts.list() == []
    from sqlalchemy import text

    with workspace.db.engine.connect() as conn:
        actions = conn.execute(
            text("SELECT action FROM audit_entry WHERE table_name = 'contact' ORDER BY id")
        ).scalars()
        assert list(actions) == ["create", "delete"]
