"""A meeting entered by mistake is deleted; one called off is cancelled and kept; one that was
held is neither."""

import datetime as dt

import pytest

from sciapp.domain.attendance import Presence
from sciapp.domain.minutes import MinutesStatus
from sciapp.services.errors import ValidationError


def upcoming(ws):
    today = dt.date.today()
    return next(r for r in ws.meetings.list_meetings() if r.date > today)


def past_draft(ws):
    today = dt.date.today()
    return next(
        r
        for r in ws.meetings.list_meetings()
        if r.date < today and r.minutes_status is MinutesStatus.DRAFT
    )


def test_an_upcoming_meeting_is_cancelled_kept_and_reinstated(demo_workspace):
    ws = demo_workspace
    row = upcoming(ws)
    ws.meetings.cancel(row.id, dt.date.today(), "No quorum expected (holiday week)")
    detail = ws.meetings.get(row.id)
    assert detail.cancelled
    assert detail.cancellation_note == "No quorum expected (holiday week)"
    assert detail.proposed_due is None  # no minutes for a meeting that did not happen
    assert next(r for r in ws.meetings.list_meetings() if r.id == row.id).cancelled
    board = ws.dashboard(dt.date.today())
    assert any("CANCELLED" in line.text for line in board.upcoming)
    with pytest.raises(ValidationError, match="already cancelled"):
        ws.meetings.cancel(row.id, dt.date.today())
    ws.meetings.reinstate(row.id)
    assert not ws.meetings.get(row.id).cancelled


def test_a_meeting_created_by_mistake_is_deleted(demo_workspace):
    ws = demo_workspace
    row = upcoming(ws)
    ws.meetings.delete(row.id)
    assert row.id not in {r.id for r in ws.meetings.list_meetings()}
    assert any(
        e.action == "delete" and e.table == "meeting" and e.record_id == str(row.id)
        for e in ws.audit.entries()
    )


def test_a_meeting_that_was_held_is_neither_deleted_nor_cancelled(demo_workspace):
    ws = demo_workspace
    held = past_draft(ws)  # its notes were taken
    with pytest.raises(ValidationError, match="cannot be deleted: it was called to order"):
        ws.meetings.delete(held.id)
    with pytest.raises(ValidationError, match="cannot be cancelled"):
        ws.meetings.cancel(held.id, dt.date.today())
    approved = next(
        r for r in ws.meetings.list_meetings() if r.minutes_status is MinutesStatus.APPROVED
    )
    with pytest.raises(ValidationError, match="locked"):
        ws.meetings.delete(approved.id)
    voted = next(r for r in ws.meetings.list_meetings() if ws.motions.for_meeting(r.id))
    with pytest.raises(ValidationError):
        ws.meetings.delete(voted.id)


def test_everyone_is_marked_present_in_one_action(demo_workspace):
    ws = demo_workspace
    row = upcoming(ws)
    changed = ws.meetings.mark_all_present(row.id)
    detail = ws.meetings.get(row.id)
    assert changed == len(detail.attendance) > 0
    assert {a.presence for a in detail.attendance} == {Presence.PRESENT}
    assert ws.meetings.mark_all_present(row.id) == 0
