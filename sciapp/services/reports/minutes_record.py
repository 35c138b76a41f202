"""The archival minutes as a self-describing record: PDF/A-3b with the meeting in Popolo's
shape inside, an associated file (ISO 19005-3: /AF, AFRelationship Data), so the file read in
fifty years says in data what its pages say in words: the body, its members, the meeting,
its motions and the votes."""

from __future__ import annotations

import json
from dataclasses import replace
from typing import TYPE_CHECKING, Any

from sciapp.services.errors import ServiceError

if TYPE_CHECKING:
    from sciapp.pdf.model import Rendered
    from sciapp.services.reports.sources import ReportSources


def meeting_popolo(workspace: ReportSources, meeting_id: int) -> dict[str, Any]:
    """The Popolo export (services/reports/popolo.py) of one meeting: its event, motions and
    vote events, its body and the body's members."""
    from sciapp.services.reports.popolo import popolo_document

    everything = popolo_document(workspace)
    event_id = f"meeting-{meeting_id}"
    events = [e for e in everything["events"] if e["id"] == event_id]
    body = events[0]["organization_id"] if events else None
    motions = [m for m in everything["motions"] if m.get("legislative_session_id") == event_id]
    moved = {m["id"] for m in motions}
    memberships = [m for m in everything["memberships"] if m["organization_id"] == body]
    people = {m["person_id"] for m in memberships}
    return {
        "organizations": [o for o in everything["organizations"] if o["id"] == body],
        "people": [p for p in everything["people"] if p["id"] in people],
        "memberships": memberships,
        "events": events,
        "motions": motions,
        "vote_events": [v for v in everything["vote_events"] if v.get("motion_id") in moved],
    }


def archival_minutes(workspace: ReportSources, meeting_id: int) -> Rendered:
    """The minutes as PDF/A-3b, with `minutes-<id>.popolo.json` attached."""
    from sciapp.pdf.archival import ArchivalError, Attachment, archival
    from sciapp.services.reports.rendering import render_minutes

    rendered = render_minutes(workspace, meeting_id)
    data = json.dumps(meeting_popolo(workspace, meeting_id), ensure_ascii=False, indent=2)
    attachment = Attachment(
        f"minutes-{meeting_id}.popolo.json",
        data.encode(),
        description="This meeting in the Popolo data specification's shape (popoloproject.com)",
    )
    try:
        return replace(rendered, pdf=archival(rendered.pdf, [attachment]))
    except ArchivalError as exc:
        raise ServiceError(f"The archival (PDF/A) minutes could not be made: {exc}") from exc
