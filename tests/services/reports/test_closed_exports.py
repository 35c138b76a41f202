"""A closed session never reaches the exports (MCL 15.267(2): its minutes are not public): not
the motions moved inside it, not its minutes, not who stayed; the motion to close, with its
purpose and roll call, is public and exported. Popolo, OCD and the calendar alike."""

from __future__ import annotations

import datetime as dt

from sciapp.services.meetings.closed_records import ClosedSessionEdit
from sciapp.services.reports.calendar import body_calendar
from sciapp.services.reports.ocd import ocd_document
from sciapp.services.reports.popolo import popolo_document
from sciapp.services.votes.records import MotionDraft
from tests.services.meetings.test_closed_sessions import (  # noqa: F401 (fixture)
    NAMES,
    SECRET,
    call,
    ids,
    michigan,
)
from tests.services.reports.schemas import schema_problems

T = dt.time


def test_nothing_of_a_closed_session_is_exported(workspace, michigan):  # noqa: F811
    closed = call(workspace, michigan, NAMES[:6]).session
    m = ids(michigan)
    inside = workspace.motions.create(
        michigan.id, MotionDraft("Settle the Meridian claim", T(20, 40), mover_id=m["Ben"])
    )
    workspace.motions.record_voice_vote(inside.id, 5, 0, 0)
    workspace.closed_sessions.update(
        closed.id, ClosedSessionEdit(T(21, 0), (m["Ada"], m["Ben"]), "City attorney", SECRET)
    )
    popolo = popolo_document(workspace)
    assert schema_problems(popolo) == []
    ocd = ocd_document(workspace)
    feed = body_calendar(workspace, michigan.body.id).decode("utf-8")
    for exported in (str(popolo), str(ocd), feed):
        assert SECRET not in exported
        assert "Meridian" not in exported
        assert "City attorney" not in exported
    assert f"motion-{inside.id}" not in str(popolo)
    assert f"motion-{inside.id}" not in {e["identifier"] for e in ocd["vote_events"]}
    assert f"motion-{closed.motion_id}" in {m["id"] for m in popolo["motions"]}
    assert f"motion-{closed.motion_id}" in {e["identifier"] for e in ocd["vote_events"]}
